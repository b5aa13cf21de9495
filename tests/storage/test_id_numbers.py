"""A landlord keeps the last 4 characters of an ID-document number, in the store and on import;
a data folder from before that was so is brought up to date without guessing."""

from __future__ import annotations

import json
from pathlib import Path

from tests.storage.conftest import example, new_draft
from tests.stores import open_store, read_plain, write_plain
from vastgoedcheck.domain.check import Decision, Party, PartyKind
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage.meta import SCHEMA_VERSION
from vastgoedcheck.storage.store import Store


def test_an_import_keeps_the_last_four_characters_and_says_so(store: Store) -> None:
    data = example("landlord-residential-all-clear")
    data["parties"][0]["id_document"]["number"] = "NW1K2L3M4"
    [(check_id, stored)] = store.import_checks([data], "tenant.json")
    assert stored
    assert store.get(check_id).parties[0].data["id_document"]["number"] == "L3M4"  # type: ignore[index]
    [notice] = store.import_notices
    assert "only the last 4 characters" in notice and "parties[0]" in notice
    [imported] = [e for e in store.events(check_id) if e.action == "imported"]
    assert imported.reason is not None and "last 4 characters" in imported.reason


def test_a_number_given_whole_is_stored_by_its_end(store: Store) -> None:
    check = new_draft(store)
    document = {"type": "passport", "number": "NW1K2L3M4"}
    party = Party("tenant", PartyKind.PERSON, {"name": "Daan Bakker", "id_document": document})
    stored = store.set_parties(check.id, [party])
    assert stored.parties[0].data["id_document"] == {"type": "passport", "number": "L3M4"}


def _old_folder(store: Store) -> tuple[str, str, str]:
    """A folder as the version that cut numbers at the wrong end left it: a landlord's draft
    with "NW1K" (typed as NW1K2L3M4), a finalized landlord's check, and an agent's draft with
    the whole number."""
    landlord = new_draft(store)
    store.set_parties(
        landlord.id,
        [
            Party(
                "tenant",
                PartyKind.PERSON,
                {"name": "Daan Bakker", "id_document": {"type": "passport", "number": "NW1K"}},
            ),
            Party("co_tenant", PartyKind.PERSON, {"name": "Eva Bakker"}),
        ],
    )
    [(final_id, _stored)] = store.import_checks([example("landlord-residential-all-clear")], "t")
    store.set_decision(final_id, Decision("proceed", "Nothing unusual; lease signed."))
    store.finalize(final_id)
    broker = example("broker-buyer-cash-deposit")
    broker.pop("id", None)
    [(broker_id, _stored)] = store.import_checks([broker], "b")
    store.close()
    meta = store.layout.meta
    data = json.loads(read_plain(meta).decode("utf-8"))
    data["meta"]["1"]["schema_version"] = 1
    write_plain(meta, json.dumps(data))
    return landlord.id, final_id, broker_id


def _file(folder: Path, check_id: str) -> bytes:
    return (folder / "checks" / f"{check_id}.json").read_bytes()


def test_the_migration_marks_cut_numbers_unusable_without_guessing(
    store: Store, registry: PackRegistry
) -> None:
    assert SCHEMA_VERSION == 2
    landlord_id, final_id, broker_id = _old_folder(store)
    folder = store.layout.root
    broker_before = _file(folder, broker_id)
    migrated = open_store(folder, registry, actor="M. Jansen")
    try:
        tenant, co_tenant = migrated.get(landlord_id).parties
        assert tenant.data["id_document"] == {"type": "passport", "number_unusable": True}
        assert co_tenant.data == {"name": "Eva Bakker"}  # no document: nothing to mark
        [event] = [e for e in migrated.events(landlord_id) if e.target == "id_document"]
        assert event.reason is not None and "first characters" in event.reason
        # A finalized check keeps its content and fingerprint; its trail says to amend it.
        final = migrated.get(final_id)
        assert final.parties[0].data["id_document"]["number"] == "7K2D"  # type: ignore[index]
        assert migrated.tampered(final_id) == []
        [note] = [e for e in migrated.events(final_id) if e.action == "id_number_doubtful"]
        assert note.reason is not None and "amend the check" in note.reason
        assert _file(folder, broker_id) == broker_before  # an agent keeps the whole number
        assert any(e["action"] == "migrated" and e["to_version"] == 2 for e in migrated.log())
    finally:
        migrated.close()
    again = open_store(folder, registry, actor="M. Jansen")  # nothing left to do a second time
    try:
        assert len([e for e in again.events(landlord_id) if e.target == "id_document"]) == 1
        assert again.get(landlord_id).parties[0].data["id_document"] == {
            "type": "passport",
            "number_unusable": True,
        }
    finally:
        again.close()


def test_a_new_number_replaces_the_unusable_one(store: Store, registry: PackRegistry) -> None:
    landlord_id, _final, _broker = _old_folder(store)
    migrated = open_store(store.layout.root, registry, actor="M. Jansen")
    try:
        party = Party(
            "tenant",
            PartyKind.PERSON,
            {"name": "Daan Bakker", "id_document": {"type": "passport", "number": "L3M4"}},
        )
        check = migrated.set_parties(landlord_id, [party])
        assert check.parties[0].data["id_document"] == {"type": "passport", "number": "L3M4"}
    finally:
        migrated.close()
