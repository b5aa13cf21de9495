"""The command line under interruption, a full disk, unreadable folders and misplaced outputs:
one sentence each, and an answer that matches what is on disk."""

from __future__ import annotations

import errno
import json
import os
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO

EXAMPLES = REPO / "docs" / "examples"
EXAMPLE_FILES = sorted(p for p in EXAMPLES.glob("*.json") if p.stem != "expected-outcomes")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


def _listed(cli: Any, data: Path) -> list[dict[str, Any]]:
    result = cli("--data-dir", str(data), "list", "--json")
    assert result.code == 0, result.err
    rows: list[dict[str, Any]] = json.loads(result.out)
    return rows


def _batch(tmp_path: Path) -> Path:
    documents = [json.loads(path.read_text(encoding="utf-8")) for path in EXAMPLE_FILES]
    batch = tmp_path / "batch.json"
    batch.write_text(json.dumps(documents), encoding="utf-8")
    return batch


def _fail_on(monkeypatch: pytest.MonkeyPatch, name: str, when: Any, error: BaseException) -> None:
    """Make ``os.<name>`` raise ``error`` for the calls ``when(args)`` picks."""
    original = getattr(os, name)

    def call(*args: Any, **kwargs: Any) -> Any:
        if when(args):
            raise error
        return original(*args, **kwargs)

    monkeypatch.setattr(os, name, call)


def test_ctrl_c_during_an_import_stores_nothing_of_that_file_and_says_so(
    cli: Any, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    batch, later = _batch(tmp_path), tmp_path / "later.json"
    shutil.copy(EXAMPLE_FILES[0], later)
    assert cli("--data-dir", str(data), "list").code == 0  # the folder exists
    saved = {"checks": 0}

    def fifth_check(args: tuple[Any, ...]) -> bool:
        if "/checks/" in str(args[-1]) and str(args[-1]).endswith(".json"):
            saved["checks"] += 1
            return saved["checks"] == 5
        return False

    _fail_on(monkeypatch, "replace", fifth_check, KeyboardInterrupt())
    result = cli("--data-dir", str(data), "import", str(batch), str(later))
    monkeypatch.undo()
    assert result.code == 130
    assert "interrupted: nothing from" in result.err and "batch.json" in result.err
    assert "later.json" in result.err  # named as not tried
    assert _listed(cli, data) == []
    assert list((data / "checks").iterdir()) == []


def test_a_full_disk_when_the_import_is_logged_stores_nothing_and_says_so(
    cli: Any, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("--data-dir", str(data), "list").code == 0
    _fail_on(
        monkeypatch,
        "open",
        lambda args: ".meta.json." in str(args[0]),
        OSError(errno.ENOSPC, "No space left on device"),
    )
    result = cli("--data-dir", str(data), "import", str(EXAMPLE_FILES[0]))
    monkeypatch.undo()
    assert result.code == 1 and "nothing from this file was stored" in result.err
    assert "the disk is full" in result.err
    assert _listed(cli, data) == []  # the answer matches the disk
    again = cli("--data-dir", str(data), "import", str(EXAMPLE_FILES[0]))
    assert again.code == 0
    assert len(_listed(cli, data)) == 1  # no duplicate


@pytest.mark.parametrize(
    "command",
    [
        ["report", "{id}", "-o", "{data}/checks/{id}.json"],
        ["export", "{id}", "-o", "{data}/export.json"],
        ["backup", "-o", "{data}/backups/mine.zip"],
        ["templates", "print", "landlord-residential", "-o", "{data}/blank.pdf"],
    ],
    ids=["report", "export", "backup", "templates-print"],
)
def test_an_output_inside_the_data_folder_is_refused(
    cli: Any, data: Path, command: list[str]
) -> None:
    [check_id] = cli("--data-dir", str(data), "import", str(EXAMPLE_FILES[0])).out.split()
    before = (data / "checks" / f"{check_id}.json").read_bytes()
    args = [part.format(id=check_id, data=data) for part in command]
    result = cli("--data-dir", str(data), *args)
    assert result.code == 1 and "inside the data folder" in result.err
    assert (data / "checks" / f"{check_id}.json").read_bytes() == before
    assert not (data / "export.json").exists() and not (data / "blank.pdf").exists()


def test_restore_brings_back_a_folder_whose_meta_file_is_damaged(
    cli: Any, data: Path, tmp_path: Path
) -> None:
    ids = cli("--data-dir", str(data), "import", *map(str, EXAMPLE_FILES[:2])).out.split()
    backup = tmp_path / "backup.zip"
    assert cli("--data-dir", str(data), "backup", "-o", str(backup)).code == 0
    (data / "meta.json").write_text("{garbled", encoding="utf-8")
    broken = cli("--data-dir", str(data), "list")
    assert broken.code == 1 and "restore a backup" in broken.err
    restored = cli("--data-dir", str(data), "restore", str(backup))
    assert restored.code == 0, restored.err
    assert "Restored 2 checks" in restored.out
    assert sorted(row["id"] for row in _listed(cli, data)) == sorted(ids)


def test_an_unreadable_meta_file_is_reported_and_not_moved(
    cli: Any, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli("--data-dir", str(data), "import", str(EXAMPLE_FILES[0]))
    meta = data / "meta.json"
    content = meta.read_bytes()
    original = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self == meta:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = cli("--data-dir", str(data), "list")
    assert result.code == 1 and "cannot be read (no permission" in result.err
    assert "nothing was moved" in result.err and "Traceback" not in result.err
    monkeypatch.undo()
    assert meta.read_bytes() == content and not (data / "damaged").exists()


def test_an_unreadable_check_file_is_reported_and_not_moved(
    cli: Any, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = cli("--data-dir", str(data), "import", *map(str, EXAMPLE_FILES[:2])).out.split()
    locked = data / "checks" / f"{ids[0]}.json"
    os.utime(locked, (1, 1))  # changed since the index was written: it must be read
    original = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    listed = cli("--data-dir", str(data), "list")
    assert listed.code == 0 and "cannot be read (no permission" in listed.err
    shown = cli("--data-dir", str(data), "show", ids[0])
    assert shown.code == 1 and "cannot be read" in shown.err
    assert locked.exists() and not (data / "damaged").exists()


@pytest.mark.parametrize("folder", ["checks", "backups"])
def test_a_folder_that_cannot_be_read_is_one_sentence(
    cli: Any, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: str
) -> None:
    cli("--data-dir", str(data), "import", str(EXAMPLE_FILES[0]))
    backup = tmp_path / "backup.zip"
    cli("--data-dir", str(data), "backup", "-o", str(backup))
    blocked = data / folder
    denied = PermissionError(errno.EACCES, "Permission denied")
    for name in ("scandir", "listdir", "open", "stat"):
        _fail_on(
            monkeypatch,
            name,
            lambda args: bool(args) and str(args[0]).startswith(str(blocked)),
            denied,
        )
    for command in (["list"], ["backup", "-o", str(tmp_path / "b2.zip")], ["restore", str(backup)]):
        result = cli("--data-dir", str(data), *command)
        assert "Traceback" not in result.err, command
        assert result.code in (0, 1), command
        assert result.code == 0 or "no permission" in result.err, (command, result.err)


def test_dutch_messages_translate_the_kind_of_system_error(
    cli: Any, data: Path, tmp_path: Path
) -> None:
    letter = tmp_path / "brief.zip"
    letter.write_text("dit is een brief", encoding="utf-8")
    not_zip = cli("--lang", "nl", "--data-dir", str(data), "restore", str(letter))
    assert not_zip.code == 1 and "het bestand is geen zip-bestand" in not_zip.err
    assert "File is not a zip file" in not_zip.err  # the system's detail, after the kind
    folder = tmp_path / "map"
    folder.mkdir()
    is_folder = cli("--lang", "nl", "--data-dir", str(data), "import", str(folder))
    assert is_folder.code == 1 and "map" in is_folder.err and "Errno" not in is_folder.err
    restore_folder = cli("--lang", "nl", "--data-dir", str(data), "restore", str(folder))
    assert restore_folder.code == 1 and "is een map" in restore_folder.err


def test_a_fifo_given_to_import_or_verify_is_refused_at_once(
    cli: Any, data: Path, tmp_path: Path
) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    for command in (["import", str(fifo)], ["verify", str(fifo)]):
        result = cli("--data-dir", str(data), *command)
        assert result.code == 1 and "not an ordinary file" in result.err, command


def test_a_backup_holds_a_manifest_that_says_it_is_the_apps(
    cli: Any, data: Path, tmp_path: Path
) -> None:
    cli("--data-dir", str(data), "import", str(EXAMPLE_FILES[0]))
    backup = tmp_path / "backup.zip"
    cli("--data-dir", str(data), "backup", "-o", str(backup))
    with zipfile.ZipFile(backup) as archive:
        manifest = json.loads(archive.read("vastgoedcheck-backup.json"))
    assert manifest["app"] == "vastgoedcheck" and manifest["kind"] == "requested"
    assert manifest["checks"] == 1
