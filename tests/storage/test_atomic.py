"""The atomic TinyDB storage: whole files or nothing, one write per batch, reads from memory."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from tinydb import TinyDB

from vastgoedcheck.storage import fileops
from vastgoedcheck.storage.atomic import AtomicJSONStorage, open_database
from vastgoedcheck.storage.errors import DamagedFile, StoreWriteError


def plain_tinydb_read(path: Path) -> list[dict[str, object]]:
    """What TinyDB's own JSON storage reads from ``path``."""
    with TinyDB(path) as database:
        return [dict(document) for document in database.all()]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_write_replaces_the_whole_file_and_leaves_nothing_behind(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    database, _storage = open_database(path)
    database.insert({"name": "Zofia Wiśniewska"})
    database.insert({"name": "Jan"})
    assert plain_tinydb_read(path) == [{"name": "Zofia Wiśniewska"}, {"name": "Jan"}]
    assert "Wiśniewska" in path.read_text(encoding="utf-8")  # utf-8, not escaped
    assert leftovers(tmp_path) == []


def _refuse(*args: object) -> None:
    raise OSError(errno.EACCES, "Permission denied")


def _full(*args: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize(
    ("step", "failure", "reason"),
    [
        ("replace", _refuse, "another program is using it.*nothing was changed.*Permission"),
        ("fsync", _full, r"could not be saved \(the disk is full \(No space left.*nothing was"),
    ],
    ids=["rename-refused", "disk-full"],
)
def test_a_failed_write_leaves_the_old_file_and_drops_the_changed_memory(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    step: str,
    failure: Callable[..., None],
    reason: str,
) -> None:
    path = tmp_path / "db.json"
    database, _storage = open_database(path)
    database.insert({"answer": "no"})
    before = path.read_bytes()
    monkeypatch.setattr(fileops, "PAUSES", (0.0,))
    monkeypatch.setattr(os, step, failure)
    with pytest.raises(StoreWriteError, match=reason):
        database.update({"answer": "yes"})
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert leftovers(tmp_path) == []
    assert database.all() == [{"answer": "no"}]  # not the half-made change


def test_a_batch_is_one_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    database, storage = open_database(tmp_path / "db.json")
    renames: list[object] = []
    real_replace = os.replace
    monkeypatch.setattr(os, "replace", lambda a, b: renames.append(b) or real_replace(a, b))
    with storage.batch():
        database.insert({"a": 1})
        database.table("events").insert({"b": 2})
        database.insert({"c": 3})
    assert len(renames) == 1
    assert len(plain_tinydb_read(tmp_path / "db.json")) == 2


def test_reads_come_from_memory_after_the_first(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    database, _storage = open_database(path)
    database.insert({"a": 1})
    path.write_text('{"_default": {}}', encoding="utf-8")  # changed behind its back
    assert database.all() == [{"a": 1}]
    fresh = TinyDB(path, storage=AtomicJSONStorage)
    assert fresh.all() == []


@pytest.mark.parametrize(
    "content", [b"", b"{", b"[]", b'{"_default": []}', b'{"_default": {"1": 5}}', b"\xff\xfe"]
)
def test_a_file_that_is_not_a_tinydb_database_is_reported_as_damaged(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "db.json"
    path.write_bytes(content)
    database, _storage = open_database(path)
    with pytest.raises(DamagedFile):
        database.all()
    assert path.read_bytes() == content
