"""The key file of a data folder: its data key, wrapped by the passphrase and by a recovery key.

``vastgoedcheck.key`` (plain JSON; it holds nothing readable without the passphrase or the
recovery key) stores the random data key twice, each time encrypted with AES-256-GCM under a
key derived from a secret:

- ``passphrase``: Argon2id (RFC 9106) over the user's passphrase, with its parameters and salt
  stored beside it, so a folder keeps opening when the defaults change;
- ``recovery``: HKDF-SHA256 over the recovery key, 160 random bits shown once at set-up (a
  slow derivation adds nothing to that much randomness).

Changing the passphrase rewrites this one small file (a new salt, the same data key); the data
is never encrypted again. The file is replaced atomically, so a crash leaves the old or the new
passphrase working, never neither.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from vastgoedcheck.i18n import _
from vastgoedcheck.oserrors import os_reason
from vastgoedcheck.storage import fileops
from vastgoedcheck.storage.atomic import write_atomically
from vastgoedcheck.storage.errors import StoreDamaged, StoreError, StoreWriteError
from vastgoedcheck.storage.sealing import KEY_BYTES, DataKey

KEY_FILE = "vastgoedcheck.key"
FORMAT = "vastgoedcheck-key"
VERSION = 1
MIN_PASSPHRASE_LENGTH = 10
MAX_KEY_FILE_BYTES = 64_000
# Crockford's base32: no I, L, O or U, so a printed key cannot be misread.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_BITS = 160


@dataclass(frozen=True)
class KdfParameters:
    """Argon2id parameters; RFC 9106's second recommended option by default (64 MiB, 3 passes,
    4 lanes: about 0.1 s on an ordinary laptop)."""

    memory_kib: int = 65_536
    iterations: int = 3
    lanes: int = 4

    def derive(self, passphrase: str, salt: bytes) -> bytes:
        return Argon2id(
            salt=salt,
            length=KEY_BYTES,
            iterations=self.iterations,
            lanes=self.lanes,
            memory_cost=self.memory_kib,
        ).derive(passphrase.encode("utf-8"))

    @classmethod
    def from_json(cls, data: object) -> KdfParameters:
        """Parameters read from a key file; ValueError unless they are sane (a hostile file
        must not make the app allocate gigabytes or spin for hours)."""
        if not isinstance(data, dict) or data.get("name") != "argon2id":
            raise ValueError("unknown key derivation")
        values = {name: data.get(name) for name in ("memory_kib", "iterations", "lanes")}
        if not all(type(value) is int for value in values.values()):
            raise ValueError("key derivation parameters are not integers")
        parameters = cls(**values)  # type: ignore[arg-type]
        if not (
            1 <= parameters.lanes <= 64
            and 8 * parameters.lanes <= parameters.memory_kib <= 4_194_304
            and 1 <= parameters.iterations <= 100
        ):
            raise ValueError("key derivation parameters out of range")
        return parameters

    def to_json(self) -> dict[str, Any]:
        return {"name": "argon2id", **asdict(self)}


# What a new folder uses; stored per folder, so changing it never locks out an existing one.
DEFAULT_KDF = KdfParameters()


class KeyFileMissing(StoreError):
    """The data folder has no key file (it is new, or it was made before encryption)."""


class WrongPassphrase(StoreError):
    """The passphrase does not open the folder's key."""


class WrongRecoveryKey(StoreError):
    """The recovery key does not open the folder's key."""


class PassphraseTooShort(StoreError):
    """A new passphrase shorter than MIN_PASSPHRASE_LENGTH."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError) as error:
        raise ValueError("not base64 text") from error


def _aad(key_id: str, slot: str) -> bytes:
    return f"vastgoedcheck data key {key_id} {slot}".encode()


def _wrap(data_key: DataKey, wrapping_key: bytes, slot: str) -> dict[str, str]:
    nonce = os.urandom(12)
    wrapped = AESGCM(wrapping_key).encrypt(nonce, data_key.secret, _aad(data_key.key_id, slot))
    return {"nonce": _b64(nonce), "wrapped": _b64(wrapped)}


def _unwrap(key_id: str, entry: dict[str, Any], wrapping_key: bytes, slot: str) -> DataKey:
    """The data key; InvalidTag when ``wrapping_key`` is the wrong one."""
    secret = AESGCM(wrapping_key).decrypt(
        _unb64(entry.get("nonce")), _unb64(entry.get("wrapped")), _aad(key_id, slot)
    )
    return DataKey(key_id=key_id, secret=secret)


def _recovery_wrapping_key(recovery_key: str, salt: bytes) -> bytes:
    digits = normalise_recovery_key(recovery_key).encode("ascii")
    return HKDF(
        algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, info=b"vastgoedcheck recovery"
    ).derive(digits)


def new_recovery_key() -> str:
    """160 random bits as 32 Crockford base32 characters in groups of four."""
    number = int.from_bytes(os.urandom(RECOVERY_BITS // 8), "big")
    characters = "".join(_ALPHABET[(number >> (5 * shift)) & 31] for shift in range(31, -1, -1))
    return "-".join(characters[start : start + 4] for start in range(0, 32, 4))


def normalise_recovery_key(text: str) -> str:
    """The key's 32 characters as typed, without spaces or dashes, read leniently (o as 0, i
    and l as 1, lower case as upper case); WrongRecoveryKey when it cannot be one."""
    characters = "".join(text.split()).replace("-", "").upper()
    characters = characters.translate(str.maketrans("OIL", "011"))
    if len(characters) != 32 or any(character not in _ALPHABET for character in characters):
        raise WrongRecoveryKey(
            _(
                "this is not a recovery key: it has 32 letters and digits, in eight groups of "
                "four; nothing was changed"
            )
        )
    return characters


def key_file(root: Path) -> Path:
    return root / KEY_FILE


def has_key_file(root: Path) -> bool:
    return key_file(root).is_file()


def check_new_passphrase(passphrase: str) -> None:
    """PassphraseTooShort unless ``passphrase`` is long enough to protect the folder."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise PassphraseTooShort(
            _("a passphrase has at least {count} characters; nothing was changed").format(
                count=MIN_PASSPHRASE_LENGTH
            )
        )


def _passphrase_slot(data_key: DataKey, passphrase: str, kdf: KdfParameters) -> dict[str, Any]:
    salt = os.urandom(16)
    return {
        "kdf": kdf.to_json(),
        "salt": _b64(salt),
        **_wrap(data_key, kdf.derive(passphrase, salt), "passphrase"),
    }


def _recovery_slot(data_key: DataKey, recovery_key: str) -> dict[str, Any]:
    salt = os.urandom(16)
    return {
        "kdf": {"name": "hkdf-sha256"},
        "salt": _b64(salt),
        **_wrap(data_key, _recovery_wrapping_key(recovery_key, salt), "recovery"),
    }


def _write(root: Path, content: dict[str, Any]) -> None:
    try:
        write_atomically(key_file(root), json.dumps(content, indent=2).encode("utf-8"))
    except OSError as error:
        raise StoreWriteError(
            _("{file} could not be saved ({reason}); nothing was changed").format(
                file=key_file(root), reason=os_reason(error)
            )
        ) from error


def create(root: Path, passphrase: str, kdf: KdfParameters | None = None) -> tuple[DataKey, str]:
    """Give the folder ``root`` a new data key; return it and the recovery key (to be shown
    once). StoreError when the folder already has a key file."""
    check_new_passphrase(passphrase)
    if has_key_file(root):
        raise StoreError(
            _("{folder} is already encrypted with its own passphrase; nothing was changed").format(
                folder=root
            )
        )
    data_key = DataKey.generate()
    recovery_key = new_recovery_key()
    _write(
        root,
        {
            "format": FORMAT,
            "version": VERSION,
            "cipher": "AES-256-GCM",
            "key_id": data_key.key_id,
            "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "passphrase": _passphrase_slot(data_key, passphrase, kdf or DEFAULT_KDF),
            "recovery": _recovery_slot(data_key, recovery_key),
        },
    )
    return data_key, recovery_key


@dataclass(frozen=True)
class KeyFile:
    """A key file as read: its key id and its two wrapped copies of the data key."""

    path: Path
    content: dict[str, Any]

    @property
    def key_id(self) -> str:
        return str(self.content["key_id"])

    @classmethod
    def parse(cls, path: Path, raw: bytes) -> KeyFile:
        """StoreDamaged when ``raw`` is not a key file this version can read."""
        try:
            content = json.loads(raw.decode("utf-8"))
            if not isinstance(content, dict) or content.get("format") != FORMAT:
                raise ValueError("not a vastgoedcheck key file")
            if content.get("version") != VERSION:
                raise ValueError("a key file of another version")
            key_id = content.get("key_id")
            if not isinstance(key_id, str) or not key_id.isascii() or not key_id.isalnum():
                raise ValueError("no key id")
            for slot in ("passphrase", "recovery"):
                if not isinstance(content.get(slot), dict):
                    raise ValueError(f"no {slot} slot")
            KdfParameters.from_json(content["passphrase"].get("kdf"))
        except (UnicodeDecodeError, ValueError) as error:
            raise StoreDamaged(
                _(
                    "the key file {file} is damaged ({reason}), so the data folder cannot be "
                    "opened; restore the folder from a backup that holds its key file"
                ).format(file=path, reason=error)
            ) from None
        return cls(path, content)

    @classmethod
    def read(cls, root: Path) -> KeyFile:
        """The folder's key file; KeyFileMissing, StoreDamaged or UnreadableStoreFile."""
        path = key_file(root)
        try:
            raw = fileops.read_bytes(path)
        except FileNotFoundError:
            raise KeyFileMissing(
                _("{folder} has no key file, so it is not an encrypted data folder").format(
                    folder=root
                )
            ) from None
        if len(raw) > MAX_KEY_FILE_BYTES:
            raw = b""  # far too large to be a key file: damaged
        return cls.parse(path, raw)

    def unlock(self, passphrase: str) -> DataKey:
        """The data key; WrongPassphrase when ``passphrase`` does not open it."""
        slot = self.content["passphrase"]
        kdf = KdfParameters.from_json(slot.get("kdf"))
        try:
            wrapping_key = kdf.derive(passphrase, _unb64(slot.get("salt")))
            return _unwrap(self.key_id, slot, wrapping_key, "passphrase")
        except (InvalidTag, ValueError):
            raise WrongPassphrase(
                _(
                    "the passphrase is not right, so the data folder stays locked; nothing was "
                    "changed"
                )
            ) from None

    def unlock_with_recovery_key(self, recovery_key: str) -> DataKey:
        """The data key; WrongRecoveryKey when ``recovery_key`` does not open it."""
        slot = self.content["recovery"]
        try:
            wrapping_key = _recovery_wrapping_key(recovery_key, _unb64(slot.get("salt")))
            return _unwrap(self.key_id, slot, wrapping_key, "recovery")
        except (InvalidTag, ValueError):
            raise WrongRecoveryKey(
                _("the recovery key is not the one of this data folder; nothing was changed")
            ) from None


def unlock(root: Path, passphrase: str) -> DataKey:
    """The data key of the folder ``root``, opened with ``passphrase``."""
    return KeyFile.read(root).unlock(passphrase)


def set_passphrase(
    root: Path, data_key: DataKey, new_passphrase: str, kdf: KdfParameters | None = None
) -> None:
    """Wrap the (unlocked) data key with ``new_passphrase``: after a passphrase change, or after
    unlocking with the recovery key. The data files are not touched."""
    check_new_passphrase(new_passphrase)
    current = KeyFile.read(root)
    if current.key_id != data_key.key_id:
        raise StoreError(
            _("this key does not belong to {folder}; nothing was changed").format(folder=root)
        )
    content = dict(current.content)
    content["passphrase"] = _passphrase_slot(data_key, new_passphrase, kdf or DEFAULT_KDF)
    _write(root, content)


def replace_recovery_key(root: Path, data_key: DataKey) -> str:
    """A new recovery key for the (unlocked) folder; the old one stops working."""
    current = KeyFile.read(root)
    if current.key_id != data_key.key_id:
        raise StoreError(
            _("this key does not belong to {folder}; nothing was changed").format(folder=root)
        )
    recovery_key = new_recovery_key()
    content = dict(current.content)
    content["recovery"] = _recovery_slot(data_key, recovery_key)
    _write(root, content)
    return recovery_key
