"""Authenticated encryption of the files a data folder holds (AES-256-GCM).

Every file the store writes is *sealed*: ``MAGIC``, a random 96-bit nonce, then the AES-GCM
ciphertext with its 128-bit tag. The file's base name is the associated data, so a sealed
file only opens under the name it was written as (a check file copied over another check's
file is refused, not read as that check). A file that was changed, cut short or sealed with
another key does not open: ``SealBroken``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"VGCSEAL1"
NONCE_BYTES = 12
TAG_BYTES = 16
KEY_BYTES = 32
OVERHEAD = len(MAGIC) + NONCE_BYTES + TAG_BYTES


class SealBroken(Exception):
    """Sealed content that does not open: changed, cut short, or sealed with another key."""


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

    def seal(self, content: bytes, name: str) -> bytes:
        """``content`` encrypted and authenticated for a file called ``name``."""
        nonce = os.urandom(NONCE_BYTES)
        return MAGIC + nonce + AESGCM(self.secret).encrypt(nonce, content, name.encode("utf-8"))

    def open(self, sealed: bytes, name: str) -> bytes:
        """The content of a file called ``name`` that ``seal`` wrote; SealBroken otherwise."""
        if not is_sealed(sealed) or len(sealed) < OVERHEAD:
            raise SealBroken("not a sealed file")
        nonce = sealed[len(MAGIC) : len(MAGIC) + NONCE_BYTES]
        try:
            return AESGCM(self.secret).decrypt(
                nonce, sealed[len(MAGIC) + NONCE_BYTES :], name.encode("utf-8")
            )
        except InvalidTag:
            raise SealBroken("changed, cut short, or sealed with another key") from None
