"""Erasing a check for good: at the end of its retention, or on request (art. 17 AVG).

An erasure removes the check's file (and any copy of it set aside as damaged), the
attachments no other check or revision uses, its index row, the files issued by readers that
wait in ``pending/`` for it, the personal data in the store log's entries about it, and the
check from every backup the app manages. What stays is a minimal record in the store log: the
check's id, pack, role and dates, why it was erased and — for a rejected applicant — the
decision and the ids of the questions that led to it (no name, no free text).

The record is written first, with the work still to do; it is the journal. Every later step can
be repeated, and the next opening of the folder finishes an erasure that was stopped half-way.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from vastgoedcheck.domain.assessment import assess_check
from vastgoedcheck.domain.check import Status
from vastgoedcheck.domain.decisions import current_code
from vastgoedcheck.domain.retention import Rule
from vastgoedcheck.i18n import _
from vastgoedcheck.i18n.formatting import format_date
from vastgoedcheck.oserrors import os_reason
from vastgoedcheck.storage import fileops
from vastgoedcheck.storage.atomic import fsync_folder, unsealed
from vastgoedcheck.storage.attachments import AttachmentFiles
from vastgoedcheck.storage.backup_erasure import FileCodec, PlainFiles, rewrite_backups
from vastgoedcheck.storage.checks import CheckFiles, attachment_ids
from vastgoedcheck.storage.erasure_log import BY_RETENTION, ON_REQUEST, erasure_entry
from vastgoedcheck.storage.errors import DamagedFile, RetentionHold, StoreError, StoreWriteError
from vastgoedcheck.storage.index import SummaryIndex
from vastgoedcheck.storage.layout import CHECK_ID, Layout
from vastgoedcheck.storage.meta import MetaFile
from vastgoedcheck.storage.pending import read_pending
from vastgoedcheck.storage.retention_facts import iso_day, local_day
from vastgoedcheck.storage.retention_keeping import RetentionKeeping, hold_message


@dataclass(frozen=True)
class ErasureRecord:
    """What the store log keeps of an erased check (no personal data)."""

    check_id: str
    pack_id: str
    role: str
    created: dt.date | None
    finalized: dt.date | None
    erased: dt.date
    basis: str  # "retention" or "request (AVG art. 17)"
    rule: str  # the retention rule (domain.retention.Rule)
    decision: str | None = None  # for a rejected applicant
    questions: tuple[str, ...] = ()  # the questions that led to the decision

    @classmethod
    def from_entry(cls, entry: dict[str, Any]) -> ErasureRecord:
        def day(name: str) -> dt.date | None:
            value = entry.get(name)
            return dt.date.fromisoformat(value) if isinstance(value, str) else None

        return cls(
            check_id=str(entry["check"]),
            pack_id=str(entry.get("pack", "")),
            role=str(entry.get("role", "")),
            created=day("created"),
            finalized=day("finalized"),
            erased=day("erased") or dt.date.today(),
            basis=str(entry.get("basis", "")),
            rule=str(entry.get("rule", "")),
            decision=entry.get("decision"),
            questions=tuple(entry.get("questions", ())),
        )


class Erasing(RetentionKeeping):
    """The erasing half of ``Store`` (a mixin)."""

    layout: Layout
    meta: MetaFile
    checks: CheckFiles
    index: SummaryIndex
    attachments: AttachmentFiles
    actor: str
    problems: list[str]
    _drop_unused_attachments: Callable[[set[str] | frozenset[str]], None]

    def backup_codec(self) -> FileCodec:
        """How the store's files are opened and sealed inside its backups: with the folder's
        data key (plain only for tests of the parts below the store)."""
        return self.layout.key or PlainFiles()

    def erase(self, check_id: str, *, reason: str, on_request: bool) -> ErasureRecord:
        """Erase a check: ``on_request`` at the person's request (art. 17 AVG), else because
        its retention has ended (StoreError when it has not). A Wwft record within its legal
        period is refused (RetentionHold, saying until when). ``reason`` is asked for so the
        user weighs it, but not kept: it may name the person."""
        [record] = self.erase_many([check_id], reason=reason, on_request=on_request)
        return record

    def erase_many(
        self, check_ids: Sequence[str], *, reason: str, on_request: bool
    ) -> list[ErasureRecord]:
        """Erase several checks as ``erase`` does, rewriting each backup once for all of them.
        Every check is weighed first: when one is refused, none is erased."""
        self._reason(reason)
        today = dt.date.today()
        prepared = [
            self._prepared(check_id, on_request, today) for check_id in dict.fromkeys(check_ids)
        ]
        self.layout.check_guard()
        for details, used in prepared:
            self.meta.record_erasure(self.actor, details, {"attachments": sorted(used)})
        self._finish({details["check"]: used for details, used in prepared})
        return [ErasureRecord.from_entry(details) for details, _used in prepared]

    def _prepared(
        self, check_id: str, on_request: bool, today: dt.date
    ) -> tuple[dict[str, Any], set[str]]:
        """The erasure record of a check and the attachments it uses; refused as ``erase``
        says."""
        if not self.layout.check_file(check_id).exists():
            missing = self.checks.missing_record(check_id) if CHECK_ID.fullmatch(check_id) else None
            if missing is not None and on_request:
                return self._prepared_missing(check_id, missing)
        opened = self.checks.load(check_id)
        check = opened.check
        status = self._status(opened)
        was_finalized = check.status is Status.FINAL or check.revision > 1
        if was_finalized and status.held_on(today):
            raise RetentionHold(hold_message(check_id, status))
        # at the end of its retention, or when the review of its notes found them no longer
        # needed (storage limitation, art. 5 lid 1 sub e AVG)
        if not on_request and status.due_on(today) not in ("erase", "review"):
            raise StoreError(
                _("the check {id} is not due for erasure yet").format(id=check_id)
                if status.erase_on is None
                else _("the check {id} is not due for erasure before {date}").format(
                    id=check_id, date=format_date(status.erase_on)
                )
            )
        decision, questions = None, tuple[str, ...]()
        if status.rule in (Rule.REJECTED_APPLICANT, Rule.SUSPICION) and check.decision:
            assessment = assess_check(opened.pack, check)
            decision = current_code(check.decision.outcome, assessment.wwft)
            questions = tuple(item.question_id for item in assessment.items if item.signal)
        details = erasure_entry(
            check_id=check_id,
            pack=check.pack_id,
            role=check.role.value,
            created=local_day(check.created_at),
            finalized=self.checks.first_finalized(opened, check),
            basis=ON_REQUEST if on_request else BY_RETENTION,
            rule=status.rule.value,
            decision=decision,
            questions=questions,
        )
        return details, set(opened.older_attachments | attachment_ids(check))

    def missing_landlord_record(self, check_id: str) -> bool:
        """Whether ``check_id`` is a landlord's finalized check whose file went missing (it can
        be erased on request from its last known row)."""
        record = self.checks.missing_record(check_id) if CHECK_ID.fullmatch(check_id) else None
        found = None if record is None else record.get("row")
        row: dict[str, Any] = found if isinstance(found, dict) else {}
        revision = row.get("revision")
        amended = isinstance(revision, int) and revision > 1
        finalized = row.get("status") == Status.FINAL.value or amended
        return row.get("role") == "landlord" and finalized

    def _prepared_missing(
        self, check_id: str, missing: dict[str, Any]
    ) -> tuple[dict[str, Any], set[str]]:
        """The erasure of a check whose file is gone or was set aside as damaged (its copies
        in ``damaged/`` and in the backups remain): on request, from its last known row. An
        estate agent's or notary's check is refused, since without its file the Wwft period
        cannot be told."""
        found = missing.get("row")
        row: dict[str, Any] = found if isinstance(found, dict) else {}
        role = str(row.get("role", ""))
        if role != "landlord":
            raise StoreError(
                _(
                    "the file of the check {id} is missing, so whether the law still keeps it "
                    "cannot be told; restore it from a backup first, then erase it"
                ).format(id=check_id)
            )
        details = erasure_entry(
            check_id=check_id,
            pack=str(row.get("pack", "")),
            role=role,
            created=iso_day(row.get("created_at")),
            finalized=iso_day(row.get("finalized_at")),
            basis=ON_REQUEST,
            rule="missing",
        )
        return details, {str(sha) for sha in row.get("attachments", ()) if isinstance(sha, str)}

    def erasures(self) -> list[ErasureRecord]:
        """The records of the checks erased from this folder, oldest first."""
        found = []
        for entry in self.meta.entries():
            if entry.get("action") == "erased" and isinstance(entry.get("check"), str):
                with contextlib.suppress(KeyError, TypeError, ValueError):
                    found.append(ErasureRecord.from_entry(entry))
        return found

    def finish_erasures(self) -> int:
        """Finish the erasures a stop interrupted (files, index, backups); returns how many.
        What cannot be finished now is said in ``problems`` and tried again next time."""
        pending = self.meta.pending_erasures()
        if not pending:
            return 0
        work = {
            str(entry["check"]): set((entry.get("pending") or {}).get("attachments") or ())
            for entry in pending
        }
        try:
            self._finish(work)
        except StoreError as error:
            self.problems.append(str(error))
        return len(pending)

    def _finish(self, work: dict[str, set[str]]) -> None:
        """Every step after the erasure records (``work``: check id → the attachments it
        used), each one safe to repeat."""
        self.meta.scrub(set(work))  # again: a file issued meanwhile may have been entered
        for check_id in work:
            self._remove_files(check_id)
            self.index.drop(check_id)
        self.index.read_now()
        self.index.compact()  # no line of the index or its journal names the checks any more
        self._remove_damaged_index_copies()
        self._remove_damaged_log_copies(set(work))
        attachments = set().union(*work.values())
        self._drop_unused_attachments(attachments)
        try:
            rewrite_backups(self.layout, set(work), attachments, self.backup_codec())
        except (OSError, zipfile.BadZipFile, zlib.error, ValueError, KeyError) as error:
            why = os_reason(error) if isinstance(error, OSError) else _("a backup is damaged")
            raise StoreWriteError(
                _(
                    "the check {id} is erased from the data folder, but not yet from every "
                    "backup ({reason}); that is done the next time the data folder is opened"
                ).format(id=", ".join(work), reason=why)
            ) from error
        for check_id in work:
            self.meta.erasure_finished(check_id)

    def _remove_damaged_index_copies(self) -> None:
        """Copies of the summary index once set aside as damaged: they name every check of
        their time, and the index is a cache, so nothing is lost with them."""
        for pattern in ("*-index.json", "*-index.journal"):
            for copy in self.layout.damaged.glob(pattern):
                with contextlib.suppress(OSError, StoreWriteError):
                    fileops.remove(copy, missing_ok=True)

    def _remove_damaged_log_copies(self, check_ids: set[str]) -> None:
        """Copies of the store log once set aside as damaged (the folder was recovered from a
        backup since) that name an erased check — the file names and recipients of its reports,
        the file it was imported from — or that no longer open, so cannot be told apart."""
        wanted = [check_id.encode("ascii") for check_id in check_ids]
        for copy in self.layout.damaged.glob("*-meta.json"):
            try:
                # sealed under the name it had: meta.json
                raw = fileops.read_bytes(copy)
                content: bytes | None = unsealed(self.layout.key, self.layout.meta, raw)
            except (OSError, DamagedFile, StoreError):
                content = None
            if content is None or any(check_id in content for check_id in wanted):
                with contextlib.suppress(OSError, StoreWriteError):
                    fileops.remove(copy, missing_ok=True)

    def _remove_files(self, check_id: str) -> None:
        """The check's file, a copy set aside as damaged, and files issued about it that wait
        in ``pending/``."""
        self.checks.forget(check_id)
        path = self.layout.check_file(check_id)
        try:
            fileops.remove(path, missing_ok=True)
            for copy in self.layout.damaged.glob(f"*{check_id}.json"):
                fileops.remove(copy, missing_ok=True)
            for issued in read_pending(self.layout):
                if issued.check_id == check_id:
                    fileops.remove(issued.path, missing_ok=True)
        except OSError as error:
            raise StoreWriteError(
                _(
                    "the check {id} could not be erased completely ({reason}); the rest is done "
                    "the next time the data folder is opened"
                ).format(id=check_id, reason=os_reason(error))
            ) from error
        with contextlib.suppress(OSError):
            fsync_folder(path.parent)
