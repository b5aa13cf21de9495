"""Opening stores in tests: every data folder gets its key (cheap Argon2id) when it has none."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage import folder_key
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.sealing import DataKey
from vastgoedcheck.storage.store import Store

TEST_PASSPHRASE = "vijf kleine biggetjes in de wei"
# The smallest Argon2id parameters the key file accepts: a test unlocks in a millisecond.
CHEAP_KDF = folder_key.KdfParameters(memory_kib=8, iterations=1, lanes=1)
_keys: dict[str, DataKey] = {}  # by key id: each key file is unlocked once per test run


def key_for(folder: Path | str) -> DataKey:
    """The data key of ``folder``, made (with TEST_PASSPHRASE) when the folder has none yet."""
    folder = Path(folder)
    if not folder_key.has_key_file(folder):
        try:
            folder.mkdir(0o700, parents=True, exist_ok=True)
            key, _recovery = folder_key.create(folder, TEST_PASSPHRASE, CHEAP_KDF)
        except (OSError, StoreError):  # a folder that cannot be used: opening it says so
            return DataKey.generate()
        _keys[key.key_id] = key
        return key
    key_file = folder_key.KeyFile.read(folder)
    if key_file.key_id not in _keys:
        _keys[key_file.key_id] = key_file.unlock(TEST_PASSPHRASE)
    return _keys[key_file.key_id]


def open_store(folder: Path | str, registry: PackRegistry, **options: Any) -> Store:
    """``Store.open`` with the folder's key (made when it has none)."""
    key = options.pop("key", None) or key_for(folder)
    options.setdefault("actor", "M. Jansen")
    return Store.open(Path(folder), registry, key=key, **options)


def open_to_read(folder: Path | str, registry: PackRegistry, **options: Any) -> Store:
    """``Store.open_to_read`` with the folder's key (made when it has none)."""
    key = options.pop("key", None) or key_for(folder)
    options.setdefault("actor", "M. Jansen")
    return Store.open_to_read(Path(folder), registry, key=key, **options)


def recover(folder: Path | str, source: Path, **options: Any) -> int:
    """``Store.recover`` with the folder's key (made when it has none)."""
    key = options.pop("key", None) or key_for(folder)
    options.setdefault("actor", "M. Jansen")
    return Store.recover(Path(folder), source, key=key, **options)


def _folder_of(path: Path) -> Path:
    for folder in Path(path).parents:
        if folder_key.has_key_file(folder):
            return folder
    raise AssertionError(f"{path} is in no encrypted data folder")


def read_plain(path: Path) -> bytes:
    """The content of a store file as the store reads it (tests that look inside, or change it
    by hand as a user with an editor would, unseal it first)."""
    return key_for(_folder_of(path)).open(Path(path).read_bytes(), Path(path).name)


def write_plain(path: Path, content: bytes | str) -> None:
    """Put ``content`` in a store file, sealed as the store seals it."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    Path(path).write_bytes(key_for(_folder_of(path)).seal(data, Path(path).name))


def save_plain(path: Path, content: bytes | str) -> None:
    """Put ``content`` in a store file as a program saves it: a new file, sealed, renamed into
    place (the folder's modification time changes, as it does when the app saves)."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    staged = Path(path).with_name(f".{Path(path).name}.staged")
    staged.write_bytes(key_for(_folder_of(path)).seal(data, Path(path).name))
    os.replace(staged, path)


def loosen(path: Path) -> None:
    """Write a store file's JSON again with a space after every comma and colon: the same
    meaning in a larger file, so that a later change can be padded to exactly its size
    (``pad_to_size``)."""
    data = json.loads(read_plain(path))
    write_plain(path, json.dumps(data, ensure_ascii=False, separators=(", ", ": ")))


def pad_to_size(path: Path, size: int) -> None:
    """Pad the JSON in a store file with trailing spaces until the sealed file is ``size``
    bytes, as a test needs a file that looks unchanged by its size. The content is compressed
    before it is sealed, so equal lengths of JSON do not give equal sizes: ``loosen`` the file
    before it is changed, so that the changed one is smaller and can be padded."""
    text = read_plain(path)
    while Path(path).stat().st_size < size:
        text += b" "  # one byte more in the file, or none
        write_plain(path, text)
    assert Path(path).stat().st_size == size, "loosen the file before it is changed"
