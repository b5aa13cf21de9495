"""Report records beside a check: added, corrected with a reason (the old one still readable),
audited, reflected in the summary's report status, and never changing a finalized revision."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.storage.conftest import complete_draft, example
from tests.stores import open_store
from vastgoedcheck.domain.check import Decision
from vastgoedcheck.domain.report_record import (
    Indicator,
    RecordKind,
    ReportChannel,
    ReportRecord,
)
from vastgoedcheck.exchange.writing import document_fingerprint
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.store import Store


def entry(kind: RecordKind = RecordKind.REPORTED, **values: object) -> ReportRecord:
    fields: dict[str, object] = {
        "id": "",
        "kind": kind,
        "on": dt.date(2026, 12, 4),
        "recorded_at": dt.datetime.now(dt.UTC),
        "actor": "",
    }
    if kind is RecordKind.REPORTED:
        fields["channel"] = ReportChannel.POLICE
    fields.update(values)
    return ReportRecord(**fields)  # type: ignore[arg-type]


def imported(store: Store, name: str) -> str:
    [(check_id, _stored)] = store.import_checks([example(name)], "t")
    return check_id


def status(store: Store, check_id: str) -> str:
    return next(s.report_status for s in store.summaries() if s.id == check_id)


def test_a_report_made_after_finalizing_leaves_the_revision_as_it_was(store: Store) -> None:
    check = complete_draft(store)
    final = store.finalize(check.id)
    assert status(store, check.id) == "open"

    stored = store.record_report(check.id, entry(reference="PL-2026-118"))

    assert stored.actor == "M. Jansen" and stored.id
    assert store.report_records(check.id) == [stored]
    assert status(store, check.id) == "reported"
    again = store.get(check.id)
    assert again.revision == final.revision and again.fingerprint == final.fingerprint
    assert store.tampered(check.id) == []
    event = store.events(check.id)[-1]
    assert (event.action, event.target, event.actor) == ("report_recorded", stored.id, "M. Jansen")


def test_a_correction_is_a_new_entry_with_its_reason_and_the_old_stays(store: Store) -> None:
    check_id = imported(store, "landlord-residential-straw-man")
    first = store.record_report(check_id, entry())
    corrected = store.correct_report_record(
        check_id,
        first.id,
        entry(channel=ReportChannel.ANONYMOUS),
        "It was Meld Misdaad Anoniem, not the police.",
    )
    records = store.report_records(check_id)
    assert records == [first, corrected]
    assert corrected.corrects == first.id
    assert corrected.correction_reason == "It was Meld Misdaad Anoniem, not the police."
    event = store.events(check_id)[-1]
    assert event.action == "report_record_corrected"
    assert event.reason == "It was Meld Misdaad Anoniem, not the police."
    with pytest.raises(StoreError, match="already corrected"):
        store.correct_report_record(check_id, first.id, entry(), "again")
    with pytest.raises(StoreError, match="why"):
        store.correct_report_record(check_id, corrected.id, entry(), "  ")


def test_the_report_status_follows_the_latest_standing_record(store: Store) -> None:
    check_id = imported(store, "landlord-residential-straw-man")
    not_yet = store.record_report(
        check_id, entry(RecordKind.NOT_REPORTING, reasoning="The applicant withdrew.")
    )
    assert status(store, check_id) == "not_reporting"
    store.record_report(check_id, entry(on=dt.date(2026, 12, 5)))
    assert status(store, check_id) == "reported"
    # after reopening the folder, read from the check file's own row
    assert not_yet in store.report_records(check_id)


def test_what_a_role_cannot_have_done_is_refused(store: Store) -> None:
    landlord = imported(store, "landlord-residential-straw-man")
    with pytest.raises(StoreError, match="FIU-Nederland only takes reports from Wwft"):
        store.record_report(landlord, entry(channel=ReportChannel.FIU))
    with pytest.raises(StoreError, match="reasoning"):
        store.record_report(landlord, entry(RecordKind.NOT_REPORTING))
    broker = imported(store, "broker-buyer-cash-deposit")  # an objective indicator
    with pytest.raises(StoreError, match=r"duty for this check \(art. 16 Wwft\)"):
        store.record_report(broker, entry(RecordKind.NOT_REPORTING, reasoning="Known client."))
    stored = store.record_report(
        broker,
        entry(
            channel=ReportChannel.FIU,
            reference="FIU-2026-0042",
            indicator=Indicator.OBJECTIVE,
            indicator_detail="BUY-07",
        ),
    )
    assert stored.indicator is Indicator.OBJECTIVE
    assert store.report_records(landlord) == []


def test_records_survive_reopening_the_folder(folder: Path, registry: PackRegistry) -> None:
    with open_store(folder, registry, actor="M. Jansen") as store:
        check_id = imported(store, "landlord-residential-straw-man")
        stored = store.record_report(check_id, entry(reference="PL-1"))
    (folder / "index.json").unlink()  # the index is rebuilt from the check files
    with open_store(folder, registry, actor="M. Jansen") as store:
        assert store.report_records(check_id) == [stored]
        assert status(store, check_id) == "reported"


def test_an_old_finalized_check_with_an_old_decision_code_is_read_unchanged(
    store: Store, tmp_path: Path
) -> None:
    """A check file written by an earlier version: the decision keeps its code (its fingerprint
    covers it) and reads as the decision it meant."""
    document = example("landlord-residential-all-clear")
    [(check_id, _stored)] = store.import_checks([document], "t")
    store.set_decision(check_id, Decision("proceed", "ok"))
    final = store.finalize(check_id)
    exported = store.export_document(check_id)
    exported["decision"]["outcome"] = "extra_checks"  # as an earlier version wrote it
    exported["id"] = "0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b"
    exported["fingerprint"] = document_fingerprint(exported)
    path = tmp_path / "old.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    [(old_id, _stored)] = store.import_checks([json.loads(path.read_text())], "old.json")
    old = store.get(old_id)
    assert old.decision is not None and old.decision.outcome == "extra_checks"
    assert store.tampered(old_id) == []
    assert final.fingerprint != old.fingerprint
