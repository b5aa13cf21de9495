"""Audit events: who changed what in a check, when, from which value to which, and why."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

# Successive edits of one answer or note by the same person within this time are one event
# (first old value → last new value), so typing a long note does not fill the trail.
COALESCE_WINDOW = dt.timedelta(minutes=5)
# Edits the app saves while the user types (autosave); within the window they are one event.
_COALESCED_ACTIONS = {"answer", "note", "decision", "parties", "property"}


@dataclass(frozen=True)
class AuditEvent:
    at: dt.datetime
    actor: str
    revision: int
    action: str  # created, answer, note, attachment_added, parties, decision, finalized, …
    target: str | None = None  # a question id, a field, a file
    old: Any = None
    new: Any = None
    reason: str | None = None


def event_record(event: AuditEvent) -> dict[str, Any]:
    record: dict[str, Any] = {
        "at": event.at.isoformat(),
        "actor": event.actor,
        "revision": event.revision,
        "action": event.action,
    }
    for key in ("target", "old", "new", "reason"):
        value = getattr(event, key)
        if value is not None:
            record[key] = value
    return record


def event_from_record(record: dict[str, Any]) -> AuditEvent:
    return AuditEvent(
        at=dt.datetime.fromisoformat(record["at"]),
        actor=record["actor"],
        revision=record["revision"],
        action=record["action"],
        target=record.get("target"),
        old=record.get("old"),
        new=record.get("new"),
        reason=record.get("reason"),
    )


def continues(previous: dict[str, Any] | None, event: AuditEvent) -> bool:
    """Whether ``event`` continues the edit recorded in ``previous`` (and joins it)."""
    if previous is None or event.action not in _COALESCED_ACTIONS:
        return False
    same = (
        previous.get("action") == event.action
        and previous.get("target") == event.target
        and previous.get("actor") == event.actor
        and previous.get("revision") == event.revision
    )
    if not same:
        return False
    return event.at - dt.datetime.fromisoformat(previous["at"]) <= COALESCE_WINDOW
