"""A check's audit events as sentences in the active language, for its history."""

from __future__ import annotations

import datetime as dt
from typing import Any

from vastgoedcheck.domain.pack import FlagValue
from vastgoedcheck.i18n import _
from vastgoedcheck.i18n.formatting import format_date
from vastgoedcheck.i18n.labels import action_label, flag_label
from vastgoedcheck.i18n.outcome_text import decision_label
from vastgoedcheck.reports.profiles import recipient_name
from vastgoedcheck.storage.audit import AuditEvent

_LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}


def _value(value: Any) -> str:
    """An answer value as stored, quoted as answers are everywhere ('ja')."""
    if isinstance(value, str):
        try:
            return f"'{flag_label(FlagValue(value))}'"
        except ValueError:
            return f"'{value}'"
    if isinstance(value, list):
        return ", ".join(_value(item) for item in value)
    return f"'{value}'"


def _decision(value: Any, wwft: bool) -> str:
    outcome = value.get("outcome") if isinstance(value, dict) else None
    if not isinstance(outcome, str):
        return "?"
    try:
        return decision_label(outcome, wwft)
    except (KeyError, ValueError):
        return outcome


def _name(value: Any) -> str:
    return str(value.get("name", "?")) if isinstance(value, dict) else "?"


def _answer(event: AuditEvent) -> str:
    question = event.target or "?"
    if event.old is None:
        return _("{question} answered: {new}").format(question=question, new=_value(event.new))
    if event.new is None:
        return _("answer to {question} removed (it was {old})").format(
            question=question, old=_value(event.old)
        )
    return _("answer to {question} changed from {old} to {new}").format(
        question=question, old=_value(event.old), new=_value(event.new)
    )


def _issued(event: AuditEvent) -> str:
    details = event.new if isinstance(event.new, dict) else {}
    file = details.get("file", "?")
    if event.target == "report":
        return _("report for {recipient} issued: {file}").format(
            recipient=recipient_name(str(details.get("recipient", "?"))), file=file
        )
    return _("exchange file issued: {file}").format(file=file)


def event_text(event: AuditEvent, *, wwft: bool = False) -> str:
    """What happened, as one sentence (an action this version does not know: its code).
    ``wwft``: the check is one of a Wwft institution (how an earlier version's decision to
    report is read)."""
    action, target = event.action, event.target or "?"
    if action == "answer":
        return _answer(event)
    if action == "issued":
        return _issued(event)
    texts = {
        "created": lambda: _("created with the checklist {pack}").format(pack=event.new),
        "imported": lambda: _("imported from {file}").format(file=target),
        "note": lambda: _("note on {question} changed").format(question=target),
        "attachment_added": lambda: _("attachment {name} added to {question}").format(
            name=_name(event.new), question=target
        ),
        "attachment_removed": lambda: _("attachment {name} removed from {question}").format(
            name=_name(event.old), question=target
        ),
        "parties": lambda: _("parties changed"),
        "property": lambda: _("property details changed"),
        "examiner": lambda: _("examiner changed"),
        "language": lambda: _("language of the check changed to {language}").format(
            language=_LANGUAGE_NAMES.get(str(event.new), str(event.new))
        ),
        "decision": lambda: _("decision recorded: {decision}").format(
            decision=_decision(event.new, wwft)
        ),
        "finalized": lambda: _("finalized, with the digital fingerprint {fingerprint}").format(
            fingerprint=event.new
        ),
        "amended": lambda: _("correction started as revision {revision}: {reason}").format(
            revision=event.new, reason=event.reason or ""
        ),
        "relationship_end": lambda: _relationship_end(event),
        "retention_adjusted": lambda: _("erasure date changed to {date}: {reason}").format(
            date=_day(event.new), reason=event.reason or ""
        ),
        "review_adjusted": lambda: _("kept after a review until {date}: {reason}").format(
            date=_day(event.new), reason=event.reason or ""
        ),
    }
    text = texts.get(action)
    if text is not None:
        return text()
    return f"{action_label(action)} {event.target}" if event.target else action_label(action)


def _day(value: object) -> str:
    """An ISO date of an event, in the user's language (as it is, if it is not one)."""
    try:
        return format_date(dt.date.fromisoformat(str(value)))
    except ValueError:
        return str(value)


def _relationship_end(event: AuditEvent) -> str:
    if event.new is None:
        return _("end of the relationship taken back")
    return _("end of the relationship set to {date}").format(date=_day(event.new))
