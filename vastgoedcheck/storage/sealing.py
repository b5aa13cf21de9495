"""Authenticated encryption of the files a data folder holds (AES-256-GCM).

Every file the store writes is *sealed*: ``MAGIC``, one byte saying how the content was packed
(as it is, or zlib-compressed), a random 96-bit nonce, then the AES-GCM ciphertext with its
128-bit tag. The file's base name and the packing byte are the associated data, so a sealed file
only opens under the name it was written as (a check file copied over another check's file is
refused, not read as that check). A file that was changed, cut short or sealed with another key
does not open: ``SealBroken``.

Ciphertext does not compress, so the content is compressed before it is sealed when that
pays: the JSON of a check shrinks to about a fifth, which keeps the folder and every backup
small; photos and PDFs, already compressed, are sealed as they are.
"""

from __future__ import annotations

import os
import zlib
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"VGCSEAL1"
NONCE_BYTES = 12
TAG_BYTES = 16
KEY_BYTES = 32
AS_IS = b"\x00"
COMPRESSED = b"\x01"
HEADER_BYTES = len(MAGIC) + 1 + NONCE_BYTES
OVERHEAD = HEADER_BYTES + TAG_BYTES
# Content is compressed when a sample of its start shrinks at least this much (a JPEG does not).
_SAMPLE_BYTES = 65_536
_WORTH_IT = 0.9
# Unpacked content is at most this large: a hostile file cannot make a small seal a huge one.
MAX_CONTENT_BYTES = 512 * 1024 * 1024


class SealBroken(Exception):
    """Sealed content that does not open: changed, cut short, or sealed with another key."""


def _packed(content: bytes) -> tuple[bytes, bytes]:
    """The packing byte and the content packed: compressed when that pays."""
    sample = content[:_SAMPLE_BYTES]
    if len(sample) >= 64 and len(zlib.compress(sample, 1)) < _WORTH_IT * len(sample):
        return COMPRESSED, zlib.compress(content, 6)
    return AS_IS, content


def _unpacked(packing: bytes, packed: bytes) -> bytes:
    if packing == AS_IS:
        return packed
    unpacker = zlib.decompressobj()
    try:
        content = unpacker.decompress(packed, MAX_CONTENT_BYTES)
    except zlib.error as error:
        raise SealBroken(f"not unpacked: {error}") from None
    if unpacker.unconsumed_tail or not unpacker.eof:
        raise SealBroken("not unpacked whole")
    return content


def is_sealed(content: bytes) -> bool:
    """Whether ``content`` starts like a sealed file (a plain JSON file starts with ``{``)."""
    return content.startswith(MAGIC)


@dataclass(frozen=True)
class DataKey:
    """The random key that encrypts one data folder; ``key_id`` names it (not secret)."""

    key_id: str
    secret: bytes = field(repr=False)

    def __post_init__(self) -> None:
        if len(self.secret) != KEY_BYTES:
            raise ValueError("a data key is 32 bytes")

    @classmethod
    def generate(cls) -> DataKey:
        return cls(key_id=os.urandom(8).hex(), secret=AESGCM.generate_key(bit_length=256))

    def seal(self, content: bytes, name: str, *, compress: bool = True) -> bytes:
        """``content`` encrypted and authenticated for a file called ``name``; compressed
        first when that pays, unless ``compress`` is False."""
        packing, packed = _packed(content) if compress else (AS_IS, content)
        nonce = os.urandom(NONCE_BYTES)
        associated = packing + name.encode("utf-8")
        return MAGIC + packing + nonce + AESGCM(self.secret).encrypt(nonce, packed, associated)

    def open(self, sealed: bytes, name: str) -> bytes:
        """The content of a file called ``name`` that ``seal`` wrote; SealBroken otherwise."""
        if not is_sealed(sealed) or len(sealed) < OVERHEAD:
            raise SealBroken("not a sealed file")
        packing = sealed[len(MAGIC) : len(MAGIC) + 1]
        if packing not in (AS_IS, COMPRESSED):
            raise SealBroken("packed in a way this version does not know")
        nonce = sealed[len(MAGIC) + 1 : HEADER_BYTES]
        try:
            packed = AESGCM(
                self.secret
            ).decrypt(  # (a view: a 9 MB index is not copied first)
                nonce, memoryview(sealed)[HEADER_BYTES:], packing + name.encode("utf-8")
            )
        except InvalidTag:
            raise SealBroken("changed, cut short, or sealed with another key") from None
        return _unpacked(packing, packed)
