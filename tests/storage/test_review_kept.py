"""Keeping a check after the review of its notes: a new review date with a reason, audited, and
the check no longer due on the old date."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.storage.conftest import complete_draft
from tests.storage.test_retention import imported
from vastgoedcheck.domain.check import Decision
from vastgoedcheck.domain.report_record import RecordKind, ReportChannel, ReportRecord
from vastgoedcheck.domain.retention import add_months
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.store import Store

TODAY = dt.date.today()


def test_a_reviewed_check_is_kept_until_the_next_review_with_its_reason(store: Store) -> None:
    check_id = imported(store, "landlord-residential-hemp-signs", "report_police")
    review_on = store.retention(check_id).review_on
    assert review_on is not None
    later = add_months(review_on, 6)
    status = store.adjust_review(check_id, later, "Police investigation still running")
    assert status.review_on == later
    assert status.review_reason == "Police investigation still running"
    assert store.due(review_on) == []  # not due on the old date any more
    assert [due.kind for due in store.due(later)] == ["review"]
    [event] = [e for e in store.events(check_id) if e.action == "review_adjusted"]
    assert (event.old, event.new) == (None, later.isoformat())
    assert event.reason == "Police investigation still running"


def test_a_review_is_not_put_off_without_a_reason_or_before_the_rule_asks(store: Store) -> None:
    check_id = imported(store, "landlord-residential-hemp-signs", "report_police")
    review_on = store.retention(check_id).review_on
    assert review_on is not None
    with pytest.raises(StoreError, match="reason"):
        store.adjust_review(check_id, add_months(review_on, 6), " ")
    # a date before the rule's own review is no postponement: the rule's date stays
    assert store.adjust_review(check_id, TODAY, "Looked at it").review_on == review_on


def test_a_check_without_a_review_date_has_none_to_put_off(store: Store) -> None:
    check_id = store.finalize(complete_draft(store).id).id  # a tenant, nothing suspicious
    with pytest.raises(StoreError, match="no review date"):
        store.adjust_review(check_id, add_months(TODAY, 12), "Kept")


def reported_long_ago(store: Store) -> str:
    """A rejected applicant reported to the police more than a year ago: due for review."""
    check = complete_draft(store)
    store.set_decision(check.id, Decision("do_not_proceed", "Income not shown."))
    store.finalize(check.id)
    report = ReportRecord(
        id="",
        kind=RecordKind.REPORTED,
        on=TODAY - dt.timedelta(days=400),
        recorded_at=dt.datetime.now(dt.UTC),
        actor="",
        channel=ReportChannel.POLICE,
    )
    store.record_report(check.id, report)
    return check.id


def test_notes_found_no_longer_needed_at_their_review_are_erased_by_retention(
    store: Store,
) -> None:
    check_id = reported_long_ago(store)
    assert [(due.check_id, due.kind) for due in store.due(TODAY)] == [(check_id, "review")]
    record = store.erase(check_id, reason="Reviewed: no longer needed", on_request=False)
    assert record.basis == "retention"
    assert store.due(TODAY) == []
    with pytest.raises(StoreError):
        store.get(check_id)
