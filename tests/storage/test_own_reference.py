"""The user's own file or dossier number: kept with the check, audited, found by search."""

from __future__ import annotations

import json

import pytest

from tests.storage.conftest import new_draft
from tests.stores import open_store, read_plain, write_plain
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.store import Store


def test_the_own_reference_is_kept_searchable_and_audited(store: Store) -> None:
    check = new_draft(store, "Daan Bakker")
    other = new_draft(store, "Eva de Wit")
    store.set_reference(check.id, "  HUUR-2026/0412 ")
    assert store.get(check.id).reference == "HUUR-2026/0412"
    [row] = store.summaries(search="huur-2026/0412")
    assert row.id == check.id and row.reference == "HUUR-2026/0412"
    assert store.summaries(search="0412 bakker")[0].id == check.id
    assert all(s.id != other.id for s in store.summaries(search="0412"))
    [event] = [e for e in store.events(check.id) if e.action == "reference"]
    assert event.old is None and event.new == "HUUR-2026/0412"


def test_the_own_reference_travels_with_an_export(store: Store, tmp_path, registry) -> None:
    check = new_draft(store)
    store.set_reference(check.id, "D-17")
    document = store.export_document(check.id)
    assert document["reference"] == "D-17"
    with open_store(tmp_path / "elsewhere", registry, actor="K. de Vries") as second:
        [(imported_id, stored)] = second.import_checks([document], "export")
        assert stored and second.get(imported_id).reference == "D-17"


def test_a_reference_with_a_line_break_is_refused_and_nothing_changes(store: Store) -> None:
    check = new_draft(store)
    with pytest.raises(StoreError):
        store.set_reference(check.id, "D-17\nD-18")
    assert store.get(check.id).reference == ""


def test_a_folder_from_before_references_is_listed_and_searched_after_reopening(
    folder, registry: PackRegistry
) -> None:
    with open_store(folder, registry, actor="M. Jansen") as store:
        check = new_draft(store, "Daan Bakker")
    # The rows of an earlier version have no reference, decision or report status.
    check_file = folder / "checks" / f"{check.id}.json"
    data = json.loads(read_plain(check_file).decode("utf-8"))
    for key in ("reference", "decision", "report_status"):
        data["summary"]["1"].pop(key)
    write_plain(check_file, json.dumps(data))
    (folder / "index.json").unlink()
    with open_store(folder, registry, actor="M. Jansen") as store:
        [summary] = store.summaries(search="bakker")
        assert (summary.reference, summary.decision, summary.report_status) == ("", "", "open")
        store.set_reference(check.id, "D-1")
        assert [s.id for s in store.summaries(search="d-1")] == [check.id]
