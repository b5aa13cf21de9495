"""Bringing back a data folder that cannot be opened (its meta.json damaged or missing) from a
backup, without opening the store first."""

from __future__ import annotations

import shutil
import time
import zipfile
from pathlib import Path

import pytest

from tests.storage.conftest import new_draft
from tests.stores import TEST_PASSPHRASE, open_store, recover
from vastgoedcheck.domain.pack import FlagValue
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage import backups
from vastgoedcheck.storage.backup_reading import backup_key_file
from vastgoedcheck.storage.errors import StoreDamaged, StoreError, StoreLocked
from vastgoedcheck.storage.store import Store


def _damaged_folder(folder: Path, registry: PackRegistry) -> tuple[str, Path]:
    """A folder with one answered draft and today's backup, whose meta.json is then garbled;
    returns the draft's id and the backup."""
    with open_store(folder, registry, actor="M. Jansen") as store:
        draft = new_draft(store)
        store.set_answer(draft.id, "RES-03", FlagValue.YES)
        backup = store.daily_backup()
    assert backup is not None
    (folder / "meta.json").write_bytes(b"\x00\x17 not json at all")
    return draft.id, backup


def test_a_folder_with_a_damaged_meta_file_comes_back_from_its_backup(
    folder: Path, registry: PackRegistry
) -> None:
    check_id, backup = _damaged_folder(folder, registry)
    with pytest.raises(StoreDamaged):
        open_store(folder, registry, actor="M. Jansen")
    assert Store.backup_files(folder) == [backup]

    assert recover(folder, backup, actor="M. Jansen") == 1

    with open_store(folder, registry, actor="M. Jansen") as store:
        assert [summary.id for summary in store.summaries()] == [check_id]
        assert store.get(check_id).answers["RES-03"].value is FlagValue.YES
        store.set_answer(check_id, "RES-04", FlagValue.NO)  # the folder works again
    assert list((folder / "damaged").glob("*meta.json"))  # the damaged file is kept aside
    [safety] = (folder / "backups").glob("before-restore-*.zip")
    with zipfile.ZipFile(safety) as archive:
        assert f"checks/{check_id}.json" in archive.namelist()  # what was there is kept


def test_a_folder_whose_meta_file_is_missing_comes_back_too(
    folder: Path, registry: PackRegistry, tmp_path: Path
) -> None:
    with open_store(folder, registry, actor="M. Jansen") as store:
        check = new_draft(store)
        own_backup = tmp_path / "usb" / "backup.zip"
        store.backup(own_backup)
    (folder / "meta.json").unlink()
    with pytest.raises(StoreDamaged, match="missing"):
        open_store(folder, registry, actor="M. Jansen")

    assert recover(folder, own_backup, actor="M. Jansen") == 1
    with open_store(folder, registry, actor="M. Jansen") as store:
        assert [summary.id for summary in store.summaries()] == [check.id]


def test_a_backup_restores_into_a_new_empty_folder(
    folder: Path, registry: PackRegistry, tmp_path: Path
) -> None:
    with open_store(folder, registry, actor="M. Jansen") as store:
        check = new_draft(store)
        own_backup = tmp_path / "backup.zip"
        store.backup(own_backup)
    new_laptop = tmp_path / "new laptop" / "data"
    key_file = backup_key_file(own_backup)
    assert key_file is not None  # the backup holds its key, wrapped by the passphrase

    key = key_file.unlock(TEST_PASSPHRASE)
    assert recover(new_laptop, own_backup, key=key, actor="M. Jansen") == 1
    with open_store(new_laptop, registry, actor="M. Jansen") as store:
        assert [summary.id for summary in store.summaries()] == [check.id]


def test_a_bad_backup_is_refused_and_the_folder_is_left_as_it_is(
    folder: Path, registry: PackRegistry, tmp_path: Path
) -> None:
    check_id, _backup = _damaged_folder(folder, registry)
    with pytest.raises(StoreDamaged):
        open_store(folder, registry, actor="M. Jansen")
    check_file = folder / "checks" / f"{check_id}.json"
    before = check_file.read_bytes()
    letter = tmp_path / "letter.zip"
    letter.write_text("a letter, not a backup", encoding="utf-8")

    with pytest.raises(StoreError, match="not a usable vastgoedcheck backup"):
        recover(folder, letter, actor="M. Jansen")
    with pytest.raises(StoreError, match="does not exist"):
        recover(folder, tmp_path / "nowhere.zip", actor="M. Jansen")
    assert check_file.read_bytes() == before
    assert not list((folder / "backups").glob("before-restore-*.zip"))


def test_a_folder_in_use_by_another_copy_is_not_touched(
    folder: Path, registry: PackRegistry, tmp_path: Path
) -> None:
    with open_store(folder, registry, actor="M. Jansen") as store:
        new_draft(store)
        own_backup = tmp_path / "backup.zip"
        store.backup(own_backup)
        later = new_draft(store, "Anna Smit")
        with pytest.raises(StoreLocked):
            recover(folder, own_backup, actor="M. Jansen")
        assert {summary.id for summary in store.summaries()} >= {later.id}
    assert (folder / "checks" / f"{later.id}.json").exists()


def test_backups_are_listed_newest_first(folder: Path, registry: PackRegistry) -> None:
    assert Store.backup_files(folder) == []  # no folder yet: nothing to choose from
    with open_store(folder, registry, actor="M. Jansen") as store:
        new_draft(store)
        first = store.daily_backup()
        time.sleep(0.02)
        second = backups.special_backup(store.layout, "before-migration")
    assert Store.backup_files(folder) == [second, first]


def test_the_oldest_safety_backup_can_itself_be_restored(
    folder: Path, registry: PackRegistry
) -> None:
    check_id, backup = _damaged_folder(folder, registry)
    with pytest.raises(StoreDamaged):
        open_store(folder, registry, actor="M. Jansen")
    kept = [folder / "backups" / f"before-restore-2026-0{n}-01T090000.zip" for n in (1, 2, 3)]
    for path in kept:
        shutil.copy(backup, path)

    recover(folder, kept[0], actor="M. Jansen")
    assert kept[0].exists()
    with open_store(folder, registry, actor="M. Jansen") as store:
        assert [summary.id for summary in store.summaries()] == [check_id]
