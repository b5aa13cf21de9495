"""Retention in the store: each check's dates by its rule, what is due on a given day, the end
of a relationship and an adjusted date (audited), and Wwft records kept for their legal period."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.storage.conftest import EXAMPLES, complete_draft, new_draft
from vastgoedcheck.domain.assessment import assess_check
from vastgoedcheck.domain.check import Decision
from vastgoedcheck.domain.report_record import Indicator, RecordKind, ReportChannel, ReportRecord
from vastgoedcheck.domain.retention import Rule, add_months
from vastgoedcheck.storage.errors import RetentionHold, StoreError
from vastgoedcheck.storage.store import Store

TODAY = dt.date.today()


def imported(store: Store, name: str, decision: str = "proceed") -> str:
    document = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    [(check_id, _stored)] = store.import_checks([document], name)
    store.set_decision(check_id, Decision(decision, "Weighed with the team."))
    store.finalize(check_id)
    return check_id


def rejected(store: Store) -> str:
    """A landlord's finalized check that turned the applicant down at the contract stage."""
    check = complete_draft(store)
    store.set_decision(check.id, Decision("do_not_proceed", "Income not shown."))
    return store.finalize(check.id).id


def test_a_rejected_applicant_is_erased_four_weeks_after_the_selection(store: Store) -> None:
    check_id = rejected(store)
    status = store.retention(check_id)
    assert status.rule is Rule.REJECTED_APPLICANT
    assert status.erase_on == TODAY + dt.timedelta(weeks=4)
    assert status.legal_until is None and not status.needs_relationship_end
    assert "4 weeks" in status.basis
    assert store.due(TODAY + dt.timedelta(days=27)) == []
    [due] = store.due(TODAY + dt.timedelta(days=28))
    assert (due.check_id, due.kind, due.due_on) == (check_id, "erase", status.erase_on)
    assert due.label == "Daan Bakker" and due.pack_id == "landlord-residential"
    [row] = store.summaries()
    assert row.erase_on == status.erase_on and row.review_on is None
    # the day the selection was final, when the check was finalized later
    status = store.set_relationship_end(check_id, TODAY - dt.timedelta(days=10))
    assert status.erase_on == TODAY + dt.timedelta(days=18)


def test_a_tenant_is_kept_for_the_tenancy_and_two_years(store: Store) -> None:
    check_id = store.finalize(complete_draft(store).id).id
    status = store.retention(check_id)
    assert status.rule is Rule.TENANT
    assert status.erase_on is None and status.needs_relationship_end
    assert store.due(TODAY + dt.timedelta(days=3650)) == []  # never, while the tenancy runs
    status = store.set_relationship_end(check_id, dt.date(2026, 3, 31))
    assert status.erase_on == dt.date(2028, 3, 31) and not status.needs_relationship_end
    assert [d.check_id for d in store.due(dt.date(2028, 3, 31))] == [check_id]
    assert store.due(dt.date(2028, 3, 30)) == []
    [row] = store.summaries()
    assert row.erase_on == dt.date(2028, 3, 31)
    [event] = [e for e in store.events(check_id) if e.action == "relationship_end"]
    assert (event.old, event.new, event.actor) == (None, "2026-03-31", "M. Jansen")


def test_a_wwft_record_is_kept_five_years_after_the_transaction(store: Store) -> None:
    check_id = imported(store, "broker-buyer-cash-deposit")
    status = store.retention(check_id)
    assert status.rule is Rule.WWFT and status.needs_relationship_end
    assert status.erase_on is None and status.legal_until is None
    status = store.set_relationship_end(check_id, dt.date(2026, 2, 1))
    assert status.legal_until == status.erase_on == dt.date(2031, 2, 1)
    assert store.due(dt.date(2031, 1, 31)) == []
    assert [d.kind for d in store.due(dt.date(2031, 2, 1))] == ["erase"]


def test_a_report_to_fiu_nederland_is_kept_five_years_after_the_report(store: Store) -> None:
    check_id = imported(store, "broker-buyer-cash-deposit", "report_fiu")
    store.set_relationship_end(check_id, dt.date(2025, 1, 10))
    report = ReportRecord(
        id="",
        kind=RecordKind.REPORTED,
        on=dt.date(2025, 6, 2),
        recorded_at=dt.datetime.now(dt.UTC),
        actor="",
        channel=ReportChannel.FIU,
        reference="FIU-2025-1",
        indicator=Indicator.OBJECTIVE,
    )
    store.record_report(check_id, report)
    assert store.retention(check_id).legal_until == dt.date(2030, 6, 2)


def test_a_notary_keeps_the_wwft_record_five_years(store: Store) -> None:
    check_id = imported(store, "notary-cash-above-2500")
    status = store.set_relationship_end(check_id, dt.date(2026, 5, 1))
    assert status.rule is Rule.WWFT_NOTARY and status.legal_until == dt.date(2031, 5, 1)


def test_a_broker_below_the_wwft_rent_threshold_follows_the_landlords_rules(
    store: Store,
) -> None:
    document = json.loads((EXAMPLES / "landlord-commercial-broker-high-rent.json").read_text())
    document["property"]["rent_monthly"] = "2500.00"  # below €10,000 a month: outside the Wwft
    document["answers"]["COM-00"] = {"value": "contract"}  # an applicant, not a tenant yet
    [(check_id, _stored)] = store.import_checks([document], "t")
    store.set_decision(check_id, Decision("do_not_proceed", "Company too new."))
    store.finalize(check_id)
    assert store.retention(check_id).rule is Rule.REJECTED_APPLICANT


def test_a_suspicion_is_reviewed_after_twelve_months(store: Store) -> None:
    check_id = imported(store, "landlord-residential-hemp-signs", "report_police")
    status = store.retention(check_id)
    assert status.rule is Rule.TENANT  # during the tenancy: a tenant, reviewed for the report
    assert status.review_on == add_months(TODAY, 12)
    assert status.review_basis is not None and "12 months" in status.review_basis
    [due] = store.due(status.review_on)
    assert (due.check_id, due.kind) == (check_id, "review")


def test_a_rejected_applicant_who_was_reported_is_reviewed_not_erased(store: Store) -> None:
    check_id = rejected(store)
    report = ReportRecord(
        id="",
        kind=RecordKind.REPORTED,
        on=TODAY,
        recorded_at=dt.datetime.now(dt.UTC),
        actor="",
        channel=ReportChannel.POLICE,
    )
    store.record_report(check_id, report)
    status = store.retention(check_id)
    assert status.rule is Rule.SUSPICION and status.erase_on is None
    assert status.review_on is not None and status.review_on > TODAY + dt.timedelta(days=360)


def test_a_draft_is_reviewed_twelve_months_after_its_last_change(store: Store) -> None:
    check = new_draft(store)
    status = store.retention(check.id)
    assert status.rule is Rule.DRAFT and status.erase_on is None
    assert status.review_on is not None and status.review_on > TODAY + dt.timedelta(days=360)
    assert [d.kind for d in store.due(status.review_on)] == ["review"]


def test_an_adjusted_date_is_audited_with_its_reason(store: Store) -> None:
    check_id = rejected(store)
    later = TODAY + dt.timedelta(days=200)
    status = store.adjust_retention(check_id, later, "Applicant objected; court case pending")
    assert status.erase_on == later and status.rule_erase_on == TODAY + dt.timedelta(weeks=4)
    assert status.adjusted_reason == "Applicant objected; court case pending"
    [event] = [e for e in store.events(check_id) if e.action == "retention_adjusted"]
    assert event.new == later.isoformat() and event.reason == status.adjusted_reason
    with pytest.raises(StoreError, match="reason"):
        store.adjust_retention(check_id, later, "  ")


def test_a_wwft_record_cannot_get_an_earlier_date_than_the_law_allows(store: Store) -> None:
    check_id = imported(store, "broker-seller-cash-below-threshold")
    with pytest.raises(RetentionHold, match="not set yet"):
        store.adjust_retention(check_id, TODAY, "Client asked")
    store.set_relationship_end(check_id, dt.date(2026, 1, 15))
    with pytest.raises(RetentionHold) as refused:
        store.adjust_retention(check_id, dt.date(2027, 1, 1), "Client asked")
    assert "15 January 2031" in str(refused.value)
    status = store.adjust_retention(check_id, dt.date(2032, 1, 1), "Court case")
    assert status.erase_on == dt.date(2032, 1, 1)


def test_retention_of_a_finalized_check_leaves_its_fingerprint_alone(store: Store) -> None:
    check_id = store.finalize(complete_draft(store).id).id
    store.set_relationship_end(check_id, dt.date(2026, 1, 1))
    assert store.tampered(check_id) == []
    assert store.get(check_id).fingerprint is not None


def test_a_row_of_an_earlier_version_gets_its_dates_when_due_is_asked(store: Store) -> None:
    check_id = rejected(store)
    row = store.index.rows[check_id]
    del row["erase_on"], row["review_on"]  # as an earlier version wrote it
    assert store.summaries()[0].erase_on is None
    [due] = store.due(TODAY + dt.timedelta(weeks=4))
    assert due.check_id == check_id
    assert store.summaries()[0].erase_on == TODAY + dt.timedelta(weeks=4)  # kept in the index


def test_a_note_written_with_a_risk_signal_is_reviewed_after_twelve_months(store: Store) -> None:
    document = json.loads((EXAMPLES / "landlord-residential-hemp-signs.json").read_text())
    [(check_id, _stored)] = store.import_checks([document], "t")
    check = store.get(check_id)
    pack = store.pack_of(check)
    signal = next(item.question_id for item in assess_check(pack, check).items if item.signal)
    store.set_note(check_id, signal, "Strong smell at the back door, 3 December")
    store.set_decision(check_id, Decision("proceed_with_conditions", "Inspection next month."))
    store.finalize(check_id)
    status = store.retention(check_id)
    assert status.rule is Rule.TENANT and status.review_on == add_months(TODAY, 12)


def test_a_draft_of_an_earlier_version_is_listed_for_review_from_its_row(store: Store) -> None:
    check = new_draft(store)
    row = store.index.rows[check.id]
    del row["erase_on"], row["review_on"]
    [due] = store.due(add_months(TODAY, 12))
    assert (due.check_id, due.kind) == (check.id, "review")
    assert due.due_on == store.retention(check.id).review_on
