"""The life of a stored check: draft, finalize (locked, fingerprinted), amend, delete."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.storage.conftest import complete_draft, new_draft
from tests.stores import open_store
from vastgoedcheck.domain.check import Decision, Examiner, Party, PartyKind, Status
from vastgoedcheck.domain.pack import FlagValue, Role
from vastgoedcheck.exchange.writing import check_document, document_fingerprint
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage.errors import NotComplete, StoreError
from vastgoedcheck.storage.store import Store


def test_an_answer_is_stored_and_survives_reopening(store: Store, registry: PackRegistry) -> None:
    check = new_draft(store)
    store.set_answer(check.id, "RES-03", FlagValue.YES)
    store.set_note(check.id, "RES-03", "Asked to pay three months in cash.\nRefused.")
    store.close()
    reopened = open_store(store.layout.root, registry, actor="someone else")
    try:
        answer = reopened.get(check.id).answers["RES-03"]
        assert answer.value is FlagValue.YES
        assert answer.note == "Asked to pay three months in cash.\nRefused."
    finally:
        reopened.close()


def test_a_wrong_answer_is_refused_with_the_question_named(store: Store) -> None:
    check = new_draft(store)
    with pytest.raises(StoreError, match="RES-99"):
        store.set_answer(check.id, "RES-99", FlagValue.YES)
    with pytest.raises(StoreError, match=r"^RES-00: .*not one of"):
        store.set_answer(check.id, "RES-00", "viewing")
    with pytest.raises(StoreError, match="looks like a BSN"):
        store.set_note(check.id, "RES-03", "BSN 111222333 seen on a letter")
    assert store.get(check.id).answers == {}


def test_finalize_needs_every_shown_required_answer_and_a_decision(store: Store) -> None:
    check = new_draft(store)
    with pytest.raises(NotComplete) as refused:
        store.finalize(check.id)
    assert "RES-00" in refused.value.gaps.unanswered
    assert refused.value.gaps.no_decision
    assert "cannot be finalized yet" in str(refused.value)
    assert store.get(check.id).status is Status.DRAFT


def test_a_finalized_check_is_read_only_and_its_fingerprint_is_its_content(store: Store) -> None:
    check = complete_draft(store)
    final = store.finalize(check.id)
    assert final.status is Status.FINAL and final.finalized_at is not None
    pack = store.pack_of(final)
    assert final.fingerprint == document_fingerprint(check_document(final, pack))
    on_disk = store.layout.check_file(check.id).read_bytes()
    for change in (
        lambda: store.set_answer(check.id, "RES-03", FlagValue.YES),
        lambda: store.set_note(check.id, "RES-03", "later note"),
        lambda: store.set_decision(check.id, Decision("escalate", "changed my mind")),
        lambda: store.finalize(check.id),
    ):
        with pytest.raises(StoreError, match="finalized"):
            change()
    assert store.layout.check_file(check.id).read_bytes() == on_disk


def test_an_amendment_is_a_new_revision_and_the_old_one_stays_readable(store: Store) -> None:
    first = store.finalize(complete_draft(store).id)
    amended = store.amend(first.id, "Tenant reported a second household member")
    assert amended.revision == 2 and amended.status is Status.DRAFT
    assert amended.amends is not None
    assert (amended.amends.revision, amended.amends.fingerprint) == (1, first.fingerprint)
    assert amended.amends.reason == "Tenant reported a second household member"

    store.set_answer(first.id, "RES-03", FlagValue.YES)
    second = store.finalize(first.id)
    assert second.fingerprint != first.fingerprint

    assert store.get(first.id, revision=1) == first
    assert store.get(first.id, revision=1).answers["RES-03"].value is FlagValue.NO
    assert [r.revision for r in store.revisions(first.id)] == [1, 2]
    assert store.summaries()[0].revision == 2


def test_an_amendment_needs_a_reason_and_a_finalized_check(store: Store) -> None:
    draft = new_draft(store)
    with pytest.raises(StoreError, match="draft"):
        store.amend(draft.id, "typo")
    final = store.finalize(complete_draft(store).id)
    with pytest.raises(StoreError, match="reason"):
        store.amend(final.id, "   ")
    assert store.get(final.id).revision == 1


def test_every_change_is_in_the_audit_trail_with_who_old_and_new(store: Store) -> None:
    check = new_draft(store)
    store.set_answer(check.id, "RES-03", FlagValue.NO)
    store.set_answer(check.id, "RES-04", FlagValue.UNKNOWN)
    store.set_answer(check.id, "RES-03", FlagValue.YES)  # RES-04 came between: a new event
    events = store.events(check.id)
    assert [e.action for e in events] == ["created", "answer", "answer", "answer"]
    last = events[-1]
    assert (last.actor, last.target, last.old, last.new) == ("M. Jansen", "RES-03", "no", "yes")
    assert all(e.at.tzinfo is not None for e in events)


def test_typing_a_note_is_one_event_from_the_first_to_the_last_text(store: Store) -> None:
    check = new_draft(store)
    for text in ("Sm", "Smell", "Smell of cannabis"):
        store.set_note(check.id, "RES-19", text)
    [note_event] = [e for e in store.events(check.id) if e.action == "note"]
    assert (note_event.old, note_event.new) == ("", "Smell of cannabis")


def test_the_app_autosaving_a_decision_and_a_property_while_typing_logs_one_event_each(
    store: Store,
) -> None:
    check = new_draft(store)
    for reasoning in ("No", "Nothing unus", "Nothing unusual found"):
        store.set_decision(check.id, Decision("proceed", reasoning))
    for address in ("Oudegracht 1", "Oudegracht 10", "Oudegracht 101bis"):
        store.set_property(check.id, {"address": address, "city": "Utrecht"})
    actions = [e.action for e in store.events(check.id)]
    assert actions == ["created", "decision", "property"]
    [decision] = [e for e in store.events(check.id) if e.action == "decision"]
    assert decision.old is None
    assert decision.new["reasoning"] == "Nothing unusual found"


def test_amending_and_finalizing_are_logged_with_their_reason(store: Store) -> None:
    final = store.finalize(complete_draft(store).id)
    store.amend(final.id, "Wrong rent amount")
    actions = [(e.action, e.reason) for e in store.events(final.id)]
    assert ("finalized", None) in actions
    assert actions[-1] == ("amended", "Wrong rent amount")


def test_deleting_a_draft_removes_it_and_logs_who_and_why(store: Store) -> None:
    keep, drop = new_draft(store, "Anna Smit"), new_draft(store, "Piet Klaassen")
    with pytest.raises(StoreError, match="reason"):
        store.delete(drop.id, "")
    store.delete(drop.id, "Entered twice")
    assert [s.id for s in store.summaries()] == [keep.id]
    assert not store.layout.check_file(drop.id).exists()
    with pytest.raises(StoreError, match="no check"):
        store.get(drop.id)
    [entry] = [e for e in store.log() if e["action"] == "deleted"]
    assert (entry["check"], entry["reason"], entry["actor"]) == (
        drop.id,
        "Entered twice",
        "M. Jansen",
    )
    assert "Piet" not in str(entry)  # the log keeps no personal data of the deleted check


def test_an_unknown_id_is_one_clear_sentence(store: Store) -> None:
    with pytest.raises(StoreError, match="there is no check nonsense in this store"):
        store.get("nonsense")
    with pytest.raises(StoreError, match="no check"):
        store.set_answer("7705d89a-269f-4bc1-83c4-c3c0904a5bad", "RES-03", FlagValue.YES)


@pytest.mark.skipif(sys.platform == "win32", reason="file modes are POSIX")
def test_only_the_user_can_read_the_stored_checks(store: Store, tmp_path: Path) -> None:
    check = new_draft(store)
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8 photo")
    store.add_attachment(check.id, "RES-19", photo)
    store.backup(store.layout.backups / "mine.zip")
    store.close()
    paths = [store.layout.root, *store.layout.root.rglob("*")]
    assert {oct(p.stat().st_mode & 0o077) for p in paths} == {"0o0"}


def test_parties_and_property_are_checked_normalised_and_logged(store: Store) -> None:
    check = new_draft(store)
    tenant = Party("tenant", PartyKind.PERSON, {"name": "Zofia Wiśniewska", "phone": "0612345678"})
    store.set_parties(check.id, [tenant, Party("guarantor", PartyKind.PERSON, {"name": "Jan"})])
    changed = store.set_property(
        check.id, {"address": "Lindenlaan 4", "postcode": "1234ab", "city": "Amersfoort"}
    )
    assert changed.property["postcode"] == "1234 AB"
    assert [s.parties for s in store.summaries()] == [("Zofia Wiśniewska", "Jan")]
    assert store.summaries(search="amersfoort")[0].id == check.id
    [event] = [e for e in store.events(check.id) if e.action == "property"]
    assert event.old["city"] == "Utrecht" and event.new["city"] == "Amersfoort"

    before = store.layout.check_file(check.id).read_bytes()
    with pytest.raises(StoreError, match="does not ask for 'nationality'"):
        store.set_parties(
            check.id, [Party("tenant", PartyKind.PERSON, {"name": "X", "nationality": "NL"})]
        )
    with pytest.raises(StoreError, match="postcode"):
        store.set_property(check.id, {"postcode": "35111"})
    with pytest.raises(StoreError, match="looks like a BSN"):
        store.set_examiner(check.id, Examiner("M. Jansen 111222333", "Jansen Vastgoedbeheer"))
    assert store.layout.check_file(check.id).read_bytes() == before


def test_the_examiner_and_language_are_kept_with_the_check(
    store: Store, registry: PackRegistry
) -> None:
    check = new_draft(store)
    store.set_examiner(check.id, Examiner("M. Jansen", "Jansen Vastgoedbeheer"))
    store.set_language(check.id, "en")
    store.close()
    reopened = open_store(store.layout.root, registry, actor="tester")
    try:
        kept = reopened.get(check.id)
        assert kept.examiner == Examiner("M. Jansen", "Jansen Vastgoedbeheer")
        assert kept.language == "en"
    finally:
        reopened.close()


def test_a_draft_for_a_role_the_pack_is_not_meant_for_is_refused(store: Store) -> None:
    pack = store.registry.get("landlord-residential")
    assert pack is not None
    with pytest.raises(StoreError, match="not meant for a notary; it is for: landlord, broker"):
        store.create(pack, Role.NOTARY)
    assert store.summaries() == [] and list(store.layout.checks.iterdir()) == []
