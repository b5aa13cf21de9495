"""Backups that are not what they seem: refused in one sentence with nothing changed; rotation
that only touches the app's own backups; private modes and no leftovers."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import stat
import struct
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.storage.conftest import complete_draft, new_draft
from tests.stores import key_for, open_store
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage import backups as backups_module
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.store import Store


def _rewrite(backup: Path, target: Path, change: dict[str, bytes | None]) -> Path:
    """A copy of ``backup`` with members replaced (bytes) or left out (None)."""
    with zipfile.ZipFile(backup) as source, zipfile.ZipFile(target, "w") as copy:
        for name in source.namelist():
            content = change.get(name, source.read(name))
            if content is not None:
                copy.writestr(name, content)
    return target


def _unchanged(store: Store) -> dict[str, bytes]:
    root = store.layout.root
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.parts[len(root.parts)] in ("checks", "attachments")
    } | {"meta": json.dumps(store.log()).encode()}


@pytest.fixture
def backup(store: Store, tmp_path: Path) -> Path:
    new_draft(store, "Anna Smit")
    target = tmp_path / "backup.zip"
    store.backup(target)
    new_draft(store, "Piet Klaassen")  # the state now differs from the backup
    return target


def _refused(store: Store, source: Path, expected: str) -> None:
    before = _unchanged(store)
    with pytest.raises(StoreError, match=expected):
        store.restore(source)
    assert _unchanged(store) == before
    assert not list(store.layout.backups.glob("before-restore-*.zip"))
    assert not (store.layout.root / "restore.tmp").exists()


def test_a_zip_bomb_is_refused_before_it_is_unpacked(
    store: Store, backup: Path, tmp_path: Path
) -> None:
    bomb = tmp_path / "bomb.zip"
    sha = "ab" + "0" * 62
    with zipfile.ZipFile(backup) as source, zipfile.ZipFile(bomb, "w") as copy:
        for name in source.namelist():
            copy.writestr(name, source.read(name))
        info = zipfile.ZipInfo(f"attachments/ab/{sha}")
        info.compress_type = zipfile.ZIP_DEFLATED
        with copy.open(info, "w", force_zip64=True) as member:
            chunk = b"\0" * (1 << 20)
            for _ in range(60):  # 60 MB of zeros: a few kB packed
                member.write(chunk)
    assert bomb.stat().st_size < 1_000_000
    _refused(store, bomb, "larger than such a file can be")


def test_a_damaged_meta_log_refuses_the_whole_backup(
    store: Store, backup: Path, tmp_path: Path
) -> None:
    with zipfile.ZipFile(backup) as source:
        meta = json.loads(key_for(store.layout.root).open(source.read("meta.json"), "meta.json"))
    meta["log"] = {"1": "not an entry"}
    damaged = _rewrite(backup, tmp_path / "log.zip", {"meta.json": json.dumps(meta).encode()})
    _refused(store, damaged, "meta.json is damaged")


def _patch_headers(path: Path, flags: int = 0, method: int | None = None) -> None:
    """Set flag bits or the compression method of every member, in its local and central
    headers (the zipfile module will not write either)."""
    data = bytearray(path.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            [old] = struct.unpack_from("<H", data, start + offset)
            struct.pack_into("<H", data, start + offset, old | flags)
            if method is not None:
                struct.pack_into("<H", data, start + offset + 2, method)
            start += 4
    path.write_bytes(bytes(data))


def test_encrypted_and_deflate64_members_are_refused(
    store: Store, backup: Path, tmp_path: Path
) -> None:
    encrypted = _rewrite(backup, tmp_path / "encrypted.zip", {})
    _patch_headers(encrypted, flags=0x1)
    _refused(store, encrypted, "is encrypted")
    deflate64 = _rewrite(backup, tmp_path / "deflate64.zip", {})
    _patch_headers(deflate64, method=9)
    _refused(store, deflate64, "compressed in a way vastgoedcheck does not write")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_waiting(store: Store, tmp_path: Path) -> None:
    fifo = tmp_path / "backup.zip"
    os.mkfifo(fifo)
    _refused(store, fifo, "not an ordinary file")


def test_every_check_is_read_in_full_before_the_restore(
    store: Store, tmp_path: Path, registry: PackRegistry
) -> None:
    good = new_draft(store, "Anna Smit")
    bad = new_draft(store, "Piet Klaassen")
    backup = tmp_path / "backup.zip"
    store.backup(backup)
    with zipfile.ZipFile(backup) as source:
        sealed = source.read(f"checks/{bad.id}.json")
        content = json.loads(key_for(store.layout.root).open(sealed, f"{bad.id}.json"))
    content["revisions"]["1"]["document"]["answers"] = {"RES-99": {"value": "yes"}}
    invalid = _rewrite(
        backup, tmp_path / "invalid.zip", {f"checks/{bad.id}.json": json.dumps(content).encode()}
    )
    assert store.restore(invalid) == 1
    [problem] = store.problems
    assert bad.id in problem and "RES-99" in problem and "left out" in problem
    assert [s.id for s in store.summaries()] == [good.id]
    assert not store.layout.damaged.exists()  # nothing is found damaged later, at `show`


def test_rotation_keeps_the_users_own_zips_and_counts_only_its_own(store: Store) -> None:
    backups = store.layout.backups
    own = [backups / "kantoor-2026-01.zip", backups / "backup-voor-audit.zip"]
    for path in own:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("notes.txt", "mine")
    fake = backups / "backup-2000-01-01.zip"  # named like a daily backup, but not the app's
    fake.write_bytes(b"not even a zip")
    first = dt.date(2026, 11, 1)
    for day in range(9):
        store.daily_backup(first + dt.timedelta(days=day))
    daily = sorted(p.name for p in backups.glob("backup-2026-*.zip"))
    assert daily == [f"backup-2026-11-{day:02d}.zip" for day in range(3, 10)]
    assert all(path.exists() for path in [*own, fake])


def _public(root: Path) -> list[str]:
    return [
        f"{path.relative_to(root)} {stat.filemode(path.stat().st_mode)}"
        for path in [root, *root.rglob("*")]
        if path.stat().st_mode & 0o077
    ]


def test_everything_the_store_writes_is_private(
    store: Store, tmp_path: Path, registry: PackRegistry
) -> None:
    old_mask = os.umask(0o022)
    try:
        check = new_draft(store, "Anna Smit")
        assert _public(store.layout.root) == []  # a new folder's very first files too
        photo = tmp_path / "gevel.jpg"
        photo.write_bytes(b"\xff\xd8 the facade")
        store.add_attachment(check.id, "RES-19", photo)
        store.finalize(complete_draft(store).id)
        backup = tmp_path / "backup.zip"
        store.backup(backup)
        store.restore(backup)
        store.daily_backup()
        store.close()
        open_store(store.layout.root, registry, actor="tester").close()
    finally:
        os.umask(old_mask)
    assert _public(store.layout.root) == []
    assert not backup.stat().st_mode & 0o077


def test_a_killed_backup_leaves_nothing_behind(store: Store, tmp_path: Path) -> None:
    new_draft(store)
    target = tmp_path / "out" / "backup.zip"
    target.parent.mkdir()
    leftover = target.with_name(f".{target.name}.99999.tmp")  # a backup killed half-way
    leftover.write_bytes(b"PK half a zip")
    store.backup(target)
    assert sorted(p.name for p in target.parent.iterdir()) == ["backup.zip"]


def test_the_crash_clean_up_looks_in_the_attachment_folders(
    folder: Path, registry: PackRegistry
) -> None:
    subprocess.run(  # a session that ends without closing the store, as if killed
        [
            sys.executable,
            "-c",
            "import os, sys; from pathlib import Path; "
            "from vastgoedcheck.packs.registry import PackRegistry; "
            "from tests.stores import key_for, open_store; "
            "open_store(Path(sys.argv[1]), PackRegistry.builtin(), actor='x'); os._exit(0)",
            str(folder),
        ],
        check=True,
    )
    leftover = folder / "attachments" / "ab" / ".abcdef.1234.tmp"
    leftover.parent.mkdir()
    leftover.write_bytes(b"half a photo")
    reopened = open_store(folder, registry, actor="tester")
    try:
        assert any("did not close normally" in p for p in reopened.problems)
        assert not leftover.exists()
    finally:
        reopened.close()


def test_a_backup_holding_a_file_twice_is_refused(
    store: Store, backup: Path, tmp_path: Path
) -> None:
    twice = tmp_path / "twice.zip"
    with zipfile.ZipFile(backup) as source, zipfile.ZipFile(twice, "w") as copy:
        for name in source.namelist():
            copy.writestr(name, source.read(name))
        with pytest.warns(UserWarning, match="Duplicate name"):
            copy.writestr("meta.json", source.read("meta.json"))
    _refused(store, twice, "the same file twice")


def test_a_backup_larger_than_the_room_on_the_disk_is_refused(
    store: Store, backup: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = shutil.disk_usage

    def nearly_full(path: object) -> Any:
        usage = real(path)  # type: ignore[arg-type]
        return usage._replace(free=50_000_100)

    monkeypatch.setattr(shutil, "disk_usage", nearly_full)
    _refused(store, backup, "does not have that much room")


def test_three_backups_of_each_other_kind_are_kept(store: Store) -> None:
    made = []
    for second in range(5):
        target = store.layout.backups / f"before-migration-2026-11-0{second + 1}T000000.zip"
        backups_module.write_backup(store.layout, target, "before-migration")
        backups_module.rotate(store.layout)
        made.append(target.name)
    kept = sorted(p.name for p in store.layout.backups.glob("before-migration-*.zip"))
    assert kept == made[-3:]
