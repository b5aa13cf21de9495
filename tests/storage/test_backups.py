"""Automatic and requested backups, and bringing one back."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from tests.storage.conftest import complete_draft, new_draft
from tests.stores import open_store
from vastgoedcheck.domain.pack import FlagValue
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.store import Store


def test_one_automatic_backup_a_day_and_the_last_seven_kept(store: Store) -> None:
    new_draft(store)
    first = dt.date(2026, 11, 1)
    made = [store.daily_backup(first + dt.timedelta(days=n)) for n in range(10)]
    assert all(path is not None for path in made)
    assert store.daily_backup(first + dt.timedelta(days=9)) is None  # already made today
    kept = sorted(path.name for path in store.layout.backups.glob("backup-*.zip"))
    assert kept == [f"backup-2026-11-{day:02d}.zip" for day in range(4, 11)]


def test_restore_brings_back_the_checks_as_they_were(
    store: Store, registry: PackRegistry, tmp_path: Path
) -> None:
    final = store.finalize(complete_draft(store).id)
    draft = new_draft(store, "Anna Smit")
    store.set_answer(draft.id, "RES-03", FlagValue.YES)
    backup = tmp_path / "backup.zip"
    assert store.backup(backup) == 2

    store.set_answer(draft.id, "RES-03", FlagValue.NO)
    store.delete(draft.id, "Mistake")
    later = new_draft(store, "Piet Klaassen")

    assert store.restore(backup) == 2
    assert {s.id for s in store.summaries()} == {final.id, draft.id}
    assert store.get(draft.id).answers["RES-03"].value is FlagValue.YES
    assert store.get(final.id) == final
    [safety] = store.layout.backups.glob("before-restore-*.zip")
    with zipfile.ZipFile(safety) as archive:
        assert f"checks/{later.id}.json" in archive.namelist()  # the restore can be undone
    store.set_answer(draft.id, "RES-04", FlagValue.NO)  # the restored store works
    store.close()
    reopened = open_store(store.layout.root, registry, actor="tester")
    try:
        assert len(reopened.summaries()) == 2
    finally:
        reopened.close()


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return path


@pytest.mark.parametrize(
    ("members", "expected"),
    [
        (None, "not a usable vastgoedcheck backup"),
        ({"checks/x.json": b"{}"}, "no meta.json"),
        ({"meta.json": b'{"meta": {"1": {"schema_version": 1}}}', "../evil": b""}, "unexpected"),
        ({"meta.json": b'{"meta": {"1": {"schema_version": 99}}}'}, "newer version"),
        ({"meta.json": b"{broken"}, "meta.json is damaged"),
    ],
    ids=["not-a-zip", "no-meta", "path-outside", "newer", "broken-meta"],
)
def test_a_bad_backup_is_refused_and_nothing_changes(
    store: Store, tmp_path: Path, members: dict[str, bytes] | None, expected: str
) -> None:
    check = new_draft(store)
    before = store.layout.check_file(check.id).read_bytes()
    source = tmp_path / "bad.zip"
    if members is None:
        source.write_text("this is a letter, not a backup", encoding="utf-8")
    else:
        _zip(source, members)
    with pytest.raises(StoreError, match=expected):
        store.restore(source)
    assert store.layout.check_file(check.id).read_bytes() == before
    assert [s.id for s in store.summaries()] == [check.id]


def test_a_missing_backup_file_is_one_sentence(store: Store, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        store.restore(tmp_path / "nowhere.zip")


def test_an_unwritable_backup_target_is_one_sentence(store: Store, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(StoreError, match="could not be written"):
        store.backup(blocker / "backup.zip")


def test_a_backup_with_a_damaged_check_still_restores_the_others(
    store: Store, tmp_path: Path
) -> None:
    good, bad = new_draft(store, "Anna Smit"), new_draft(store, "Piet Klaassen")
    photo = tmp_path / "gevel.jpg"
    photo.write_bytes(b"\xff\xd8 photo of the facade")
    sha = store.add_attachment(good.id, "RES-19", photo).sha256
    backup = tmp_path / "backup.zip"
    store.backup(backup)
    damaged = tmp_path / "damaged.zip"
    with zipfile.ZipFile(backup) as source, zipfile.ZipFile(damaged, "w") as target:
        for name in source.namelist():
            content = source.read(name)
            if name == f"checks/{bad.id}.json":
                content = content[: len(content) // 2]  # cut short
            if name.endswith(sha):
                content = b"bit rot"
            target.writestr(name, content)
    new_draft(store, "Someone Later")

    assert store.restore(damaged) == 1
    assert [s.id for s in store.summaries()] == [good.id]
    left_out = [p for p in store.problems if "left out" in p]
    assert len(left_out) == 1 and bad.id in left_out[0] and sha in left_out[0]
    assert not store.attachments.path(sha).exists()
