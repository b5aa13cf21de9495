"""A check's retention in the store: its dates, the end of the relationship and an adjusted
date set by the user (audited, beside the revisions), and the checks that are due."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from vastgoedcheck.domain.report_record import ReportRecord
from vastgoedcheck.domain.retention import (
    DueCheck,
    RetentionFacts,
    RetentionStatus,
    retention_status,
)
from vastgoedcheck.i18n import _
from vastgoedcheck.i18n.formatting import format_date
from vastgoedcheck.storage.audit import AuditEvent
from vastgoedcheck.storage.checks import CheckFiles, OpenCheck
from vastgoedcheck.storage.errors import RetentionHold, StoreError
from vastgoedcheck.storage.index import SummaryIndex
from vastgoedcheck.storage.layout import Layout
from vastgoedcheck.storage.meta import now
from vastgoedcheck.storage.record_codec import record_from_json
from vastgoedcheck.storage.retention_facts import iso_day, row_dates, status_of


def hold_message(check_id: str, status: RetentionStatus) -> str:
    """Why a Wwft record cannot be erased (yet), in one sentence."""
    if status.legal_until is None:
        return _(
            "the check {id} is a Wwft record, which must be kept for 5 years after the end of "
            "the business relationship or the transaction (art. 33 Wwft); that end is not set "
            "yet, so it cannot be erased"
        ).format(id=check_id)
    return _(
        "the check {id} is a Wwft record, which must be kept until {date} (art. 33 and 34 Wwft); "
        "it cannot be erased before then"
    ).format(id=check_id, date=format_date(status.legal_until))


def due_label(row: dict[str, Any]) -> str:
    """How the user knows a check in a list of what is due: its parties, else its address."""
    names = "; ".join(str(name) for name in row.get("parties") or [] if name)
    return names or str(row.get("address") or "") or str(row.get("reference") or "")


def _draft_status(row: dict[str, Any]) -> RetentionStatus | None:
    """The retention of a draft that was never finalized, from its summary row alone (an
    earlier version kept no retention settings); None for any other row."""
    if row.get("status") != "draft" or row.get("revision") != 1:
        return None
    changed = iso_day(row.get("updated_at") or row.get("created_at"))
    if changed is None:
        return None
    facts = RetentionFacts(
        pack_id=str(row.get("pack")),
        role=str(row.get("role")),
        wwft=False,
        finalized_on=None,
        changed_on=changed,
    )
    return retention_status(facts)


class RetentionKeeping:
    """The retention half of ``Store`` (a mixin)."""

    actor: str
    layout: Layout
    checks: CheckFiles
    index: SummaryIndex
    _reason: Callable[[str], str]

    def retention(self, check_id: str) -> RetentionStatus:
        """The check's retention: when it is erased or reviewed, and on which rule."""
        return self._status(self.checks.load(check_id))

    def set_relationship_end(self, check_id: str, end: dt.date | None) -> RetentionStatus:
        """Record the end of the business relationship, the tenancy or the matter (for a
        rejected applicant: the day the selection was final); None takes it back. Audited."""
        opened = self.checks.load(check_id)
        settings = opened.file.retention()
        old = settings.get("relationship_end")
        new = None if end is None else end.isoformat()
        if old == new:
            return self._status(opened)
        settings["relationship_end"] = new
        event = AuditEvent(
            now(), self.actor, opened.check.revision, "relationship_end", "retention", old, new
        )
        self._store_settings(opened, settings, event)
        return self._status(opened)

    def adjust_retention(self, check_id: str, erase_on: dt.date, reason: str) -> RetentionStatus:
        """Erase the check on another day than its rule says, for ``reason`` (audited); a Wwft
        record never before the law allows (RetentionHold)."""
        opened = self.checks.load(check_id)
        reason = self._reason(reason)
        status = self._status(opened)
        if status.legal_hold or (status.legal_until is not None and erase_on < status.legal_until):
            raise RetentionHold(hold_message(check_id, status))
        return self._set_day(opened, "erase_on", erase_on, ("reason", reason), "retention_adjusted")

    def adjust_review(self, check_id: str, review_on: dt.date, reason: str) -> RetentionStatus:
        """Keep a check whose notes were reviewed until another review on ``review_on``, for
        ``reason`` (audited). Only a check that has a review date can be kept this way."""
        opened = self.checks.load(check_id)
        reason = self._reason(reason)
        if self._status(opened).review_on is None:
            raise StoreError(_("the check {id} has no review date to put off").format(id=check_id))
        return self._set_day(
            opened, "review_on", review_on, ("review_reason", reason), "review_adjusted"
        )

    def _set_day(
        self,
        opened: OpenCheck,
        name: str,
        day: dt.date,
        reason: tuple[str, str],
        action: str,
    ) -> RetentionStatus:
        """Keep ``day`` as the retention setting ``name`` with its reason (``reason``: the
        setting's name for it and the text), audited as ``action``; the status it makes."""
        settings = opened.file.retention()
        old = settings.get(name)
        settings |= {name: day.isoformat(), reason[0]: reason[1]}
        event = AuditEvent(
            now(),
            self.actor,
            opened.check.revision,
            action,
            "retention",
            old,
            day.isoformat(),
            reason[1],
        )
        self._store_settings(opened, settings, event)
        return self._status(opened)

    def due(self, as_of: dt.date) -> list[DueCheck]:
        """The checks due for erasure or review on ``as_of``, the earliest first."""
        found = []
        for check_id, row in list(self.index.rows.items()):
            erase_on, review_on = iso_day(row.get("erase_on")), iso_day(row.get("review_on"))
            if "erase_on" not in row:  # a row of an earlier version: worked out once
                try:
                    status = _draft_status(row) or self.retention(check_id)
                except StoreError:
                    continue
                erase_on, review_on = status.erase_on, status.review_on
                if not self.layout.read_only:  # kept in the index (a cache) from now on
                    self.index.put({**row, **row_dates(status)})
            if erase_on is not None and erase_on <= as_of:
                found.append(DueCheck(check_id, due_label(row), row["pack"], erase_on, "erase"))
            elif review_on is not None and review_on <= as_of:
                found.append(DueCheck(check_id, due_label(row), row["pack"], review_on, "review"))
        return sorted(found, key=lambda due: (due.due_on, due.kind, due.check_id))

    def _records(self, opened: OpenCheck) -> list[ReportRecord]:
        try:
            return [record_from_json(data) for data in opened.file.report_records()]
        except (KeyError, TypeError, ValueError):
            return []

    def _status(self, opened: OpenCheck, settings: dict[str, Any] | None = None) -> RetentionStatus:
        check = opened.check
        return status_of(
            check,
            opened.pack,
            self._records(opened),
            opened.file.retention() if settings is None else settings,
            self.checks.first_finalized(opened, check),
        )

    def _store_settings(
        self, opened: OpenCheck, settings: dict[str, Any], event: AuditEvent
    ) -> None:
        summary = self.checks.summary(opened, opened.check, retention=settings)
        try:
            opened.file.set_retention(settings, event, summary)
        except BaseException:
            self.checks.forget(opened.check.id)  # read back from disk next time
            raise
        self.index.put(summary)
