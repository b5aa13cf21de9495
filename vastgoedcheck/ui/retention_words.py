"""How long a check is kept, in the sentences the check page, the overview and the dialogs use."""

from __future__ import annotations

import datetime as dt

from vastgoedcheck.domain.pack import Role
from vastgoedcheck.domain.retention import RetentionStatus
from vastgoedcheck.i18n import N_, _
from vastgoedcheck.i18n.formatting import format_short_date
from vastgoedcheck.i18n.retention_text import basis_text as rule_text
from vastgoedcheck.storage.summary import Summary

ERASE, REVIEW = "erase", "review"
# What is due, as the overview's column, filter and the start-up dialog name it.
DUE_LABELS = {ERASE: N_("to be erased"), REVIEW: N_("to be reviewed")}


def basis_text(status: RetentionStatus) -> str:
    """The rule a retention date follows, in the user's language."""
    return rule_text(status.basis) if status.basis else ""


def review_basis_text(status: RetentionStatus) -> str:
    """The rule of the review of the notes, when it differs from the retention's own."""
    return rule_text(status.review_basis) if status.review_basis else ""


def kept_until(status: RetentionStatus, role: Role | str) -> str:
    """One line: until when the check is kept and why, or what is missing to know it."""
    if status.erase_on is None:
        if status.needs_relationship_end:
            if Role(role) is Role.LANDLORD:
                return _(
                    "End date of the tenancy not filled in yet — fill it in to set the "
                    "retention period"
                )
            return _(
                "End of the business relationship or transaction not filled in yet — fill it "
                "in to set the retention period"
            )
        basis = basis_text(status)
        if status.review_on is not None and basis:  # a draft, or notes about a suspicion
            return _("Kept until the review — {basis}").format(basis=basis)
        return _("No retention date known")
    day = format_short_date(status.erase_on)
    if status.adjusted_reason:
        return _("Kept until {date} (adjusted: {reason})").format(
            date=day, reason=status.adjusted_reason
        )
    basis = basis_text(status)
    if basis:
        return _("Kept until {date} — {basis}").format(date=day, basis=basis)
    return _("Kept until {date}").format(date=day)


def review_line(status: RetentionStatus) -> str:
    """When the notes about suspicions are to be reviewed, or "" when there is no such date."""
    if status.review_on is None:
        return ""
    day = format_short_date(status.review_on)
    if status.review_reason:
        return _("Review the notes on {date} (kept after a review: {reason})").format(
            date=day, reason=status.review_reason
        )
    return _("Review the notes on {date}").format(date=day)


def legal_hold(status: RetentionStatus, today: dt.date) -> str:
    """Why the law forbids erasing the check today (a Wwft record within its period), or ""."""
    if not status.held_on(today):
        return ""
    if status.legal_until is None:
        return _(
            "This Wwft record must be kept for 5 years after the end of the business "
            "relationship or the transaction (art. 33 Wwft); fill in that end first."
        )
    return _(
        "This Wwft record must be kept until {date} (art. 33 Wwft); it cannot be erased before "
        "then."
    ).format(date=format_short_date(status.legal_until))


def due_kind(erase_on: dt.date | None, review_on: dt.date | None, today: dt.date) -> str | None:
    """``ERASE`` when the check is due for erasure, ``REVIEW`` when its notes are due for a
    review, else None."""
    if erase_on is not None and erase_on <= today:
        return ERASE
    if review_on is not None and review_on <= today:
        return REVIEW
    return None


def as_date(value: object) -> dt.date | None:
    """A summary's retention date, stored as a date or as ISO text (None when not known)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def retention_tip(summary: Summary) -> str | None:
    """What the overview's retention cell says in full (its tip and to a screen reader)."""
    parts = []
    if summary.erase_on is not None:
        parts.append(_("Kept until {date}").format(date=format_short_date(summary.erase_on)))
    else:
        parts.append(_("Retention date not known yet"))
    if summary.review_on is not None:
        parts.append(
            _("Review the notes on {date}").format(date=format_short_date(summary.review_on))
        )
    due = due_kind(summary.erase_on, summary.review_on, dt.date.today())
    if due is not None:
        parts.insert(0, _(DUE_LABELS[due]).capitalize())
    return "\n".join(parts)
