"""Opening a data folder written with an older store layout: ordered migrations, backup first."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from tests.storage.conftest import new_draft
from tests.stores import open_store, read_plain, write_plain
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage.errors import StoreDamaged, StoreError
from vastgoedcheck.storage.layout import Layout
from vastgoedcheck.storage.meta import SCHEMA_VERSION, Migration
from vastgoedcheck.storage.store import Store

OLD = SCHEMA_VERSION - 1


def _store_version(folder: Path) -> int:
    data = json.loads(read_plain(folder / "meta.json").decode("utf-8"))
    version: int = data["meta"]["1"]["schema_version"]
    return version


def _make_old_folder(store: Store) -> dict[str, bytes]:
    """A folder as an older app left it: check files in a flat ``old-checks`` folder, no index."""
    checks = {path.name: path.read_bytes() for path in store.layout.checks.iterdir()}
    store.close()
    old = store.layout.root / "old-checks"
    store.layout.checks.rename(old)
    store.layout.checks.mkdir()
    store.layout.index.unlink()
    data = json.loads(read_plain(store.layout.meta).decode("utf-8"))
    data["meta"]["1"]["schema_version"] = OLD
    write_plain(store.layout.meta, json.dumps(data))
    return checks


def _move_checks(layout: Layout) -> None:
    old = layout.root / "old-checks"
    if old.exists():  # safe to run twice: a crash mid-migration repeats it
        for path in old.iterdir():
            path.replace(layout.checks / path.name)
        old.rmdir()


MOVE = Migration(OLD, "checks moved to checks/", _move_checks)


def test_an_older_folder_is_migrated_in_order_after_a_backup(
    store: Store, registry: PackRegistry
) -> None:
    ids = {new_draft(store, name).id for name in ("A", "B")}
    checks = _make_old_folder(store)
    migrated = open_store(store.layout.root, registry, actor="tester", migrations=[MOVE])
    try:
        assert {s.id for s in migrated.summaries()} == ids
        assert _store_version(migrated.layout.root) == SCHEMA_VERSION
        [entry] = [e for e in migrated.log() if e["action"] == "migrated"]
        assert entry["to_version"] == SCHEMA_VERSION
        [backup] = migrated.layout.backups.glob("before-migration-*.zip")
        with zipfile.ZipFile(backup) as archive:
            assert "meta.json" in archive.namelist()
        assert {p.name: p.read_bytes() for p in migrated.layout.checks.iterdir()} == checks
    finally:
        migrated.close()


def test_a_failed_migration_leaves_the_version_so_it_runs_again(
    store: Store, registry: PackRegistry
) -> None:
    new_draft(store)
    _make_old_folder(store)

    def crash(layout: Layout) -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(StoreError, match=r"could not be upgraded .* a backup made just before"):
        open_store(store.layout.root, registry, actor="t", migrations=[Migration(OLD, "x", crash)])
    assert _store_version(store.layout.root) == OLD
    reopened = open_store(store.layout.root, registry, actor="tester", migrations=[MOVE])
    try:
        assert len(reopened.summaries()) == 1
    finally:
        reopened.close()


def test_a_folder_no_migration_can_bring_up_to_date_is_refused(
    store: Store, registry: PackRegistry
) -> None:
    new_draft(store)
    _make_old_folder(store)
    with pytest.raises(StoreDamaged, match="cannot upgrade"):
        open_store(store.layout.root, registry, actor="tester", migrations=[])
    assert _store_version(store.layout.root) == OLD
