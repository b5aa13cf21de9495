"""Damaged files of each kind are detected, moved aside and reported; never silently emptied."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.storage.conftest import new_draft
from tests.stores import open_store, read_plain, write_plain
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage.errors import StoreDamaged, StoreError, StoreTooNew
from vastgoedcheck.storage.store import Store


def _tamper(path: Path) -> None:
    """Valid JSON and a valid TinyDB file, but an answer the pack does not have."""
    data = json.loads(read_plain(path))
    data["revisions"]["1"]["document"]["answers"]["RES-99"] = {"value": "yes"}
    data["summary"] = {}
    write_plain(path, json.dumps(data))


DAMAGE: dict[str, Callable[[Path], None]] = {
    "truncated": lambda p: p.write_bytes(p.read_bytes()[:-40]),
    "garbled": lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n not json"),
    "empty": lambda p: p.write_bytes(b""),
    "wrong-shape": lambda p: p.write_text('{"revisions": [1, 2]}', encoding="utf-8"),
    "answer-the-pack-lacks": _tamper,
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_check_is_moved_aside_and_the_others_still_open(
    store: Store, registry: PackRegistry, damage: Callable[[Path], None]
) -> None:
    good, bad = new_draft(store, "Anna Smit"), new_draft(store, "Piet Klaassen")
    store.close()
    original = store.layout.check_file(bad.id).read_bytes()
    damage(store.layout.check_file(bad.id))
    damaged_bytes = store.layout.check_file(bad.id).read_bytes()
    reopened = open_store(store.layout.root, registry, actor="tester")
    try:
        assert [s.id for s in reopened.summaries()] == [good.id]
        [problem] = reopened.problems
        assert bad.id in problem and "restore it from a backup" in problem
        [moved] = reopened.layout.damaged.iterdir()
        assert moved.read_bytes() == damaged_bytes != original
        assert not reopened.layout.check_file(bad.id).exists()
        assert any(e["action"] == "damaged_file_moved" for e in reopened.log())
        with pytest.raises(StoreError, match="missing from the data folder"):
            reopened.get(bad.id)
        [missing] = reopened.missing_checks()
        assert missing.id == bad.id and missing.missing == "damaged"
        assert reopened.get(good.id).parties[0].name == "Anna Smit"
    finally:
        reopened.close()


def test_a_check_damaged_while_the_app_runs_is_reported_when_opened(
    store: Store, registry: PackRegistry
) -> None:
    check = new_draft(store)
    store.close()
    store = open_store(store.layout.root, registry, actor="tester")
    try:
        store.layout.check_file(check.id).write_bytes(b"{")  # index still lists it
        with pytest.raises(StoreError, match="could not be read and was moved to"):
            store.get(check.id)
        assert list(store.layout.damaged.iterdir())
    finally:
        store.close()


@pytest.mark.parametrize("damage", ["truncated", "garbled", "empty", "wrong-shape"])
def test_a_damaged_meta_file_stops_opening_with_advice_to_restore(
    store: Store, registry: PackRegistry, damage: str
) -> None:
    new_draft(store)
    store.close()
    DAMAGE[damage](store.layout.meta)
    with pytest.raises(StoreDamaged, match="restore a backup"):
        open_store(store.layout.root, registry, actor="tester")
    assert list(store.layout.damaged.iterdir())  # kept for inspection, not overwritten
    with pytest.raises(StoreDamaged, match="missing although the folder holds checks"):
        open_store(store.layout.root, registry, actor="tester")
    assert not store.layout.meta.exists()  # never silently replaced by a new, empty one


def test_a_store_from_a_newer_app_is_not_opened(store: Store, registry: PackRegistry) -> None:
    store.close()
    data = json.loads(read_plain(store.layout.meta))
    data["meta"]["1"]["schema_version"] = 99
    write_plain(store.layout.meta, json.dumps(data))
    before = store.layout.meta.read_bytes()
    with pytest.raises(StoreTooNew, match="newer version of vastgoedcheck"):
        open_store(store.layout.root, registry, actor="tester")
    assert store.layout.meta.read_bytes() == before


def test_a_folder_that_cannot_be_created_is_one_sentence(
    tmp_path: Path, registry: PackRegistry
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(StoreError, match="cannot be used"):
        open_store(blocker / "data", registry, actor="tester")
