"""Files handed out from the store (reports, exports): written, logged, and listed again."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from vastgoedcheck.domain.check import Check
from vastgoedcheck.i18n import _
from vastgoedcheck.oserrors import os_reason
from vastgoedcheck.storage.atomic import write_atomically
from vastgoedcheck.storage.audit import AuditEvent, event_from_record
from vastgoedcheck.storage.check_file import CheckFile
from vastgoedcheck.storage.checks import CheckFiles
from vastgoedcheck.storage.errors import StoreError, StoreWriteError
from vastgoedcheck.storage.index import SummaryIndex
from vastgoedcheck.storage.issued import IssuedFile, issued_files
from vastgoedcheck.storage.layout import Layout
from vastgoedcheck.storage.meta import MetaFile, now
from vastgoedcheck.storage.pending import PendingIssue, enter_pending, read_pending, write_pending


class IssuingFiles:
    """The part of ``Store`` (a mixin) that hands out files and keeps the record of them; a
    store opened only to read records them in ``pending/`` (storage/pending.py)."""

    layout: Layout
    actor: str
    meta: MetaFile
    index: SummaryIndex
    checks: CheckFiles
    refuse_if_tampered: Callable[[str, int], None]  # Store's refusal of altered content

    @property
    def read_only(self) -> bool:
        """Opened without the writer's lock, to read only (``Store.open_to_read``)."""
        return self.layout.read_only

    def issue_file(
        self,
        check: Check,
        target: Path,
        payload: bytes,
        *,
        kind: str,
        recipient: str,
        language: str,
    ) -> str:
        """Write a file that is handed out (a report, an export) atomically, and log it in the
        check's trail and the store log; returns its SHA-256."""
        self.refuse_if_tampered(check.id, check.revision)
        try:
            write_atomically(target, payload)
        except OSError as error:
            raise StoreError(
                _("{file} cannot be written ({reason})").format(
                    file=target, reason=os_reason(error)
                )
            ) from None
        sha256 = hashlib.sha256(payload).hexdigest()
        details: dict[str, Any] = {
            "sha256": sha256,
            "recipient": recipient,
            "language": language,
            "file": str(target),
            "revision": check.revision,
            "fingerprint": check.fingerprint,
        }
        if recipient == "fiu":
            # The duty of confidentiality (geheimhoudingsplicht) travels with the log entry:
            # nobody may tell the client or third parties that this report was made.
            details["confidentiality"] = "Wwft art. 23"
        event = AuditEvent(now(), self.actor, check.revision, "issued", target=kind, new=details)
        if self.read_only:
            self._issue_pending(check.id, target, event)
            return sha256
        try:
            opened = self.checks.load(check.id)
            opened.file.add_events([event])
            self.index.put(self.checks.summary(opened, opened.check))
            self.meta.record("issued", self.actor, check=check.id, kind=kind, **details)
        except StoreError:
            target.unlink(missing_ok=True)  # a file that is not logged could not be verified
            raise
        return sha256

    def _issue_pending(self, check_id: str, target: Path, event: AuditEvent) -> None:
        """Record a file issued without the lock in ``pending/``; the file is removed again
        when that cannot be done (a file that is not logged could not be verified)."""
        entry: dict[str, Any] = {"at": event.at.isoformat(), "actor": self.actor}
        entry |= {"action": "issued", "check": check_id, "kind": event.target, **event.new}
        try:
            write_pending(self.layout, check_id, event, entry)
        except (OSError, StoreError) as error:
            target.unlink(missing_ok=True)
            reason = os_reason(error) if isinstance(error, OSError) else str(error)
            raise StoreWriteError(
                _(
                    "{file} was not kept: that it was issued could not be recorded in the data "
                    "folder ({reason})"
                ).format(file=target, reason=reason)
            ) from None

    def enter_pending(self) -> int:
        """Enter the files issued by commands that only read the folder in the checks' trails
        and the store log (the lock holder only); returns how many."""

        def add_event(pending: PendingIssue) -> None:
            path = self.layout.check_file(pending.check_id)
            if not path.is_file():
                return  # gone or set aside: the store log still records the issue
            self.checks.forget(pending.check_id)
            file = CheckFile(path, self.layout.guard, self.layout.key)
            if not any(pending.same_event(record) for record in file.events()):
                file.add_events([event_from_record(pending.event)])
                opened = self.checks.load(pending.check_id)
                self.index.put(self.checks.summary(opened, opened.check))

        erased = self.meta.erased_ids()

        def log(pending: PendingIssue) -> None:
            if pending.check_id in erased:
                return  # issued by a reader from a check erased since: nothing of it is kept
            if not any(pending.same_entry(entry) for entry in self.meta.entries()):
                entry = dict(pending.entry)
                del entry["action"], entry["actor"]
                self.meta.record("issued", pending.entry.get("actor", "?"), **entry)

        return enter_pending(self.layout, add_event, log)

    def issued(self) -> list[IssuedFile]:
        """Every file handed out from this store, oldest first (also those issued by a command
        that only read the folder, not yet entered by a writer)."""
        pending = read_pending(self.layout)
        if self.read_only:
            self.meta.storage.forget()  # read after them: a writer may have entered them
        entries = self.meta.entries()
        entries += [p.entry for p in pending if not any(p.same_entry(e) for e in entries)]
        return sorted(issued_files(entries), key=lambda item: item.at)
