"""A check file that disappears is reported, logged, and listed as missing until acknowledged."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.storage.conftest import complete_draft, new_draft
from tests.stores import open_store, read_plain, save_plain
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage.errors import StoreError


def _vanish(folder: Path, registry: PackRegistry) -> tuple[str, str]:
    """A finalized check and a draft, whose files are then removed behind the app's back."""
    store = open_store(folder, registry, actor="M. Jansen")
    try:
        final = store.finalize(complete_draft(store).id)
        draft = new_draft(store, "Anna Smit")
        new_draft(store, "Piet Klaassen")
    finally:
        store.close()
    for check_id in (final.id, draft.id):
        (folder / "checks" / f"{check_id}.json").unlink()
    return final.id, draft.id


def test_a_vanished_check_is_reported_logged_and_listed_until_acknowledged(
    folder: Path, registry: PackRegistry
) -> None:
    final_id, draft_id = _vanish(folder, registry)
    store = open_store(folder, registry, actor="M. Jansen")
    try:
        told = [p for p in store.problems if "no longer in the data folder" in p]
        assert len(told) == 2 and any(final_id in p and "final" in p for p in told)
        logged = [e for e in store.log() if e["action"] == "check_missing"]
        assert {e["check"] for e in logged} == {final_id, draft_id}
        assert {s.id: s.missing for s in store.missing_checks()} == {
            final_id: "gone",
            draft_id: "gone",
        }
        [missing_final] = [s for s in store.missing_checks() if s.id == final_id]
        assert missing_final.status == "final" and missing_final.parties == ("Daan Bakker",)
    finally:
        store.close()

    reopened = open_store(folder, registry, actor="M. Jansen")
    try:  # told once; still listed
        assert not [p for p in reopened.problems if "no longer in the data folder" in p]
        assert len(reopened.missing_checks()) == 2
        reopened.acknowledge_missing(final_id)
        assert [s.id for s in reopened.missing_checks()] == [draft_id]
        assert any(
            e["action"] == "missing_acknowledged" and e["check"] == final_id for e in reopened.log()
        )
    finally:
        reopened.close()


def test_the_command_line_lists_missing_checks_and_acknowledges_them(
    cli: Any, folder: Path, registry: PackRegistry
) -> None:
    final_id, draft_id = _vanish(folder, registry)
    first = cli("--data-dir", str(folder), "list")
    assert first.code == 0
    assert "no longer in the data folder" in first.err
    assert f"{final_id}  MISSING: the file is gone" in first.out
    assert "2 checks are missing" in first.out
    rows = json.loads(cli("--data-dir", str(folder), "list", "--json").out)
    assert {row["id"]: row["missing"] for row in rows if row["missing"]} == {
        final_id: "gone",
        draft_id: "gone",
    }
    # a landlord's finalized check whose file is gone is erased on request (art. 17 AVG), with
    # its copies in the backups; a draft's is deleted
    erased = cli("--data-dir", str(folder), "delete", final_id, "--reason", "gone")
    assert erased.code == 0 and "erased" in erased.out
    deleted = cli("--data-dir", str(folder), "delete", draft_id, "--reason", "a test draft")
    assert deleted.code == 0
    after = cli("--data-dir", str(folder), "list")
    assert "MISSING" not in after.out and "missing" not in after.out
    again = cli("--data-dir", str(folder), "acknowledge", final_id)
    assert again.code == 1 and "not listed as missing" in again.err


@pytest.mark.parametrize("lazy_index", [False, True], ids=["app", "command line"])
def test_a_missing_check_whose_file_comes_back_is_no_longer_missing(
    folder: Path, registry: PackRegistry, tmp_path: Path, lazy_index: bool
) -> None:
    store = open_store(folder, registry, actor="M. Jansen")
    try:
        check = new_draft(store)
    finally:
        store.close()
    path = folder / "checks" / f"{check.id}.json"
    kept = tmp_path / "kept.json"
    path.rename(kept)
    with open_store(folder, registry, actor="M. Jansen", lazy_index=lazy_index) as store:
        assert [s.id for s in store.missing_checks()] == [check.id]
    kept.rename(path)  # put back from a copy
    with open_store(folder, registry, actor="M. Jansen", lazy_index=lazy_index) as store:
        assert store.missing_checks() == []
        assert store.get(check.id).id == check.id
        assert [s.id for s in store.summaries()] == [check.id]
        assert any(e["action"] == "check_found_again" for e in store.log())


def test_list_never_prints_direction_controls_raw(
    cli: Any, folder: Path, registry: PackRegistry
) -> None:
    """A name stored before such names were refused is shown escaped, not obeyed."""
    store = open_store(folder, registry, actor="M. Jansen")
    try:
        check = new_draft(store, "Daan Bakker")
    finally:
        store.close()
    path = folder / "checks" / f"{check.id}.json"
    # as an earlier version saved it
    save_plain(path, read_plain(path).decode("utf-8").replace("Daan Bakker", "Daan \\u202erekkaB"))
    result = cli("--data-dir", str(folder), "list")
    assert result.code == 0
    assert "\u202e" not in result.out and "Daan \\u202erekkaB" in result.out


def test_a_command_about_one_check_finds_its_file_gone_without_a_listing(
    folder: Path, registry: PackRegistry
) -> None:
    """The command line reads the index only to list; a check asked for by id whose file went
    is still found missing, recorded, and named as such."""
    final_id, draft_id = _vanish(folder, registry)
    store = open_store(folder, registry, actor="M. Jansen", lazy_index=True)
    try:
        assert not store.index.loaded
        with pytest.raises(StoreError, match=f"{final_id} is missing from the data folder"):
            store.get(final_id)
        assert {s.id for s in store.missing_checks()} == {final_id, draft_id}
        assert any("no longer in the data folder" in p for p in store.problems)
        store.delete(draft_id, "never finalized")  # a missing draft can still be deleted
        assert [s.id for s in store.missing_checks()] == [final_id]
    finally:
        store.close()


def test_a_search_lists_missing_checks_without_reading_every_row(
    folder: Path, registry: PackRegistry
) -> None:
    final_id, draft_id = _vanish(folder, registry)
    open_store(folder, registry, actor="M. Jansen").close()  # told, recorded, index written
    with open_store(folder, registry, actor="M. Jansen", lazy_index=True) as store:
        assert [s.parties for s in store.summaries(search="klaassen")] == [("Piet Klaassen",)]
        assert {s.id for s in store.missing_checks()} == {final_id, draft_id}
        assert not store.index.loaded  # the search found the folder as the index recorded it
    klaassen = next(p for p in (folder / "checks").glob("*.json") if b"Klaassen" in read_plain(p))
    klaassen.unlink()  # gone after the index was written: the next search must notice
    with open_store(folder, registry, actor="M. Jansen", lazy_index=True) as store:
        assert store.summaries(search="klaassen") == []
        assert len(store.missing_checks()) == 3
