"""The steps that bring an older data folder up to date, one per store version."""

from __future__ import annotations

import datetime as dt
from typing import Any

from vastgoedcheck.domain.pack import NUMBER_UNUSABLE, Role
from vastgoedcheck.storage.atomic import open_database
from vastgoedcheck.storage.audit import AuditEvent, event_record
from vastgoedcheck.storage.layout import Layout

MIGRATION_ACTOR = "vastgoedcheck"
# Said in the audit trail of every draft whose number was marked (English: the trail keeps the
# words of the moment; the app shows them as stored).
UNUSABLE_REASON = (
    "an earlier version kept the first characters of the ID-document number instead of the "
    "last ones; the whole number is not known, so the stored characters were dropped and the "
    "number is marked unusable"
)
SEALED_REASON = (
    "an earlier version kept the first characters of an ID-document number instead of the last "
    "ones; this finalized revision is not changed (its digital fingerprint covers it): amend the "
    "check to record the last 4 characters"
)


def _unusable_document(document: Any) -> dict[str, Any] | None:
    """The ID document with its number marked unusable; None when it has no number."""
    if not isinstance(document, dict) or not document.get("number"):
        return None
    marked = {key: value for key, value in document.items() if key != "number"}
    marked[NUMBER_UNUSABLE] = True
    return marked


def mark_cut_id_numbers(layout: Layout) -> None:
    """Store version 1 → 2: a landlord's ID-document number in a draft is marked unusable.

    Until store version 2 the parties form kept the *first* 4 characters of a number typed in
    full ("NW1K2L3M4" became "NW1K") while it said the last 4 were kept. A stored number of 4
    characters cannot show which end it is, so none is guessed at: every landlord's number in
    a draft is dropped and marked unusable, to be typed again from the document. A finalized
    revision is left as it is (its digital fingerprint covers it); its audit trail says to
    correct it by an amendment. Safe to run again: a check whose trail says so is done.
    """
    for path in sorted(layout.checks.glob("*.json")):
        database, storage = open_database(path, layout.guard, layout.key)
        revisions = database.table("revisions", cache_size=0)
        events = database.table("events", cache_size=0)
        numbers = sorted(record.doc_id for record in revisions.all())
        if not numbers:
            continue
        record = revisions.get(doc_id=numbers[-1])
        check = record.get("document") if isinstance(record, dict) else None
        if not isinstance(check, dict) or check.get("role") != Role.LANDLORD.value:
            continue
        parties = check.get("parties")
        if not isinstance(parties, list):
            continue
        marked = [
            _unusable_document(party.get("id_document") if isinstance(party, dict) else None)
            for party in parties
        ]
        if all(document is None for document in marked):
            continue
        if any(event.get("reason") in (UNUSABLE_REASON, SEALED_REASON) for event in events.all()):
            continue  # done by an earlier run that was interrupted
        final = check.get("status", "draft") != "draft" or bool(check.get("fingerprint"))
        event = AuditEvent(
            dt.datetime.now(dt.UTC).astimezone(),
            MIGRATION_ACTOR,
            numbers[-1],
            "id_number_doubtful" if final else "parties",
            target=None if final else "id_document",
            reason=SEALED_REASON if final else UNUSABLE_REASON,
        )
        with storage.batch():
            if not final:
                for party, document in zip(parties, marked, strict=True):
                    if document is not None:
                        party["id_document"] = document
                revisions.update({"document": check}, doc_ids=[numbers[-1]])
            events.insert(event_record(event))
