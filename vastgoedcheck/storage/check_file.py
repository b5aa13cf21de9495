"""One check's TinyDB file: every revision's document, the audit trail and the summary row."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tinydb.table import Document

from vastgoedcheck.storage.atomic import open_database
from vastgoedcheck.storage.audit import AuditEvent, continues, event_record
from vastgoedcheck.storage.errors import DamagedFile
from vastgoedcheck.storage.sealing import DataKey


class CheckFile:
    """``checks/<id>.json`` with tables ``revisions`` (doc id = revision number, holding the
    exchange document), ``events`` (the audit trail), ``summary`` (the index row) and
    ``report_records`` (reports made and decisions not to report, beside the revisions) and
    ``retention`` (the end of the relationship and an adjusted erasure date, set by the user)."""

    def __init__(
        self, path: Path, guard: Callable[[], None] | None = None, key: DataKey | None = None
    ) -> None:
        self.path = path
        database, self.storage = open_database(path, guard, key)
        self._revisions = database.table("revisions", cache_size=0)
        self._events = database.table("events", cache_size=0)
        self._summary = database.table("summary", cache_size=0)
        self._records = database.table("report_records", cache_size=0)
        self._retention = database.table("retention", cache_size=0)

    def revision_numbers(self) -> list[int]:
        return sorted(doc.doc_id for doc in self._revisions.all())

    def document(self, revision: int | None = None) -> dict[str, Any]:
        """The document of ``revision`` (default: the latest); DamagedFile if it is not there."""
        numbers = self.revision_numbers()
        if not numbers:
            raise DamagedFile(self.path, "no revisions")
        record = self._revisions.get(doc_id=numbers[-1] if revision is None else revision)
        if record is None:
            raise KeyError(revision)
        document = record.get("document")
        if not isinstance(document, dict):
            raise DamagedFile(self.path, "a revision without a document")
        return document

    def summary(self) -> dict[str, Any] | None:
        record = self._summary.get(doc_id=1)
        return None if record is None else dict(record)

    def events(self) -> list[dict[str, Any]]:
        return [dict(record) for record in self._events.all()]

    def report_records(self) -> list[dict[str, Any]]:
        return [dict(record) for record in self._records.all()]

    def retention(self) -> dict[str, Any]:
        """What the user set about the check's retention (empty when nothing)."""
        record = self._retention.get(doc_id=1)
        return {} if record is None else dict(record)

    def set_retention(
        self, data: dict[str, Any], event: AuditEvent, summary: dict[str, Any]
    ) -> None:
        """Store the retention settings with their audit event and summary, in one write."""
        with self.storage.batch():
            self._retention.upsert(Document(data, doc_id=1))
            self._add_event(event)
            self._summary.upsert(Document(summary, doc_id=1))

    def add_report_record(
        self, record: dict[str, Any], event: AuditEvent, summary: dict[str, Any]
    ) -> None:
        """Add a report record with its audit event and the new summary, in one atomic write."""
        with self.storage.batch():
            self._records.insert(Document(record, doc_id=len(self._records) + 1))
            self._add_event(event)
            self._summary.upsert(Document(summary, doc_id=1))

    def save(
        self,
        revision: int,
        document: dict[str, Any],
        summary: dict[str, Any],
        events: list[AuditEvent],
    ) -> None:
        """Store ``document`` as ``revision`` with its summary and events, in one atomic write."""
        with self.storage.batch():
            if self._revisions.contains(doc_id=revision):
                self._revisions.update({"document": document}, doc_ids=[revision])
            else:
                self._revisions.insert(Document({"document": document}, doc_id=revision))
            for event in events:
                self._add_event(event)
            self._summary.upsert(Document(summary, doc_id=1))

    def add_events(self, events: list[AuditEvent]) -> None:
        with self.storage.batch():
            for event in events:
                self._add_event(event)

    def _add_event(self, event: AuditEvent) -> None:
        last_id = len(self._events)
        previous = self._events.get(doc_id=last_id) if last_id else None
        if continues(previous, event):
            assert previous is not None
            self._events.update({"at": event.at.isoformat(), "new": event.new}, doc_ids=[last_id])
        else:
            self._events.insert(Document(event_record(event), doc_id=last_id + 1))
