"""The check files of a store: loading them (a few kept in memory), saving, setting aside."""

from __future__ import annotations

import datetime as dt
import os
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vastgoedcheck.domain.check import Check, Status
from vastgoedcheck.domain.pack import Pack
from vastgoedcheck.exchange.reading import (
    InvalidCheck,
    check_from_document,
    check_with_attachments,
)
from vastgoedcheck.exchange.writing import check_document, document_fingerprint
from vastgoedcheck.i18n import _
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage.audit import AuditEvent
from vastgoedcheck.storage.check_file import CheckFile
from vastgoedcheck.storage.errors import (
    DamagedFile,
    StoreError,
    StoreWriteError,
    UnreadableStoreFile,
)
from vastgoedcheck.storage.index import SummaryIndex
from vastgoedcheck.storage.layout import CHECK_ID, Layout
from vastgoedcheck.storage.meta import MetaFile
from vastgoedcheck.storage.record_codec import record_from_json
from vastgoedcheck.storage.retention_facts import iso_day, local_day, row_dates, status_of
from vastgoedcheck.storage.sealing import DataKey
from vastgoedcheck.storage.summary import SUMMARY_KEYS, summary_row

KEPT_OPEN = 16  # check files kept in memory: the one being edited, and a few recent ones


def attachment_ids(check: Check) -> frozenset[str]:
    return frozenset(a.sha256 for answer in check.answers.values() for a in answer.attachments)


def sealed_but_changed(document: dict[str, Any], latest: bool) -> bool:
    """Whether a stored revision that was finalized no longer matches its fingerprint.

    A revision counts as finalized when it says so, carries a fingerprint or a finalization
    date, or has been amended (only a finalized revision is); the fingerprint is recomputed
    from the stored document itself, the same canonical JSON it was computed from.
    """
    sealed = (
        not latest
        or document.get("status") == Status.FINAL.value
        or document.get("fingerprint") is not None
        or document.get("finalized_at") is not None
    )
    if not sealed:
        return False
    try:
        return document_fingerprint(document) != document.get("fingerprint")
    except (TypeError, ValueError, AttributeError):  # not even a document: damaged
        return True


def missing_pack(check_id: str, pack_id: str, version: str) -> StoreError:
    return StoreError(
        _(
            "the check {id} uses version {version} of the pack {pack}, which this installation "
            "does not have"
        ).format(id=check_id, version=version, pack=pack_id)
    )


def read_revision(
    registry: PackRegistry, file: CheckFile, check_id: str, document: dict[str, Any]
) -> tuple[Check, Pack]:
    """One revision's document, validated as an imported file would be (DamagedFile if not);
    StoreError when its pack is not installed."""
    pack_ref = document.get("pack")
    if isinstance(pack_ref, dict):
        pack_id, version = str(pack_ref.get("id")), str(pack_ref.get("version"))
        if registry.get(pack_id, version) is None:
            raise missing_pack(check_id, pack_id, version)
    try:
        check, pack = check_from_document(document, registry)
    except InvalidCheck as error:
        raise DamagedFile(file.path, error.headline()) from None
    if check.id != check_id:
        raise DamagedFile(file.path, "the check inside has another id")
    return check, pack


def damage_in(
    registry: PackRegistry, path: Path, check_id: str, key: DataKey | None = None
) -> str | None:
    """Why the check file at ``path`` cannot be read as the check ``check_id``; None when every
    revision reads as an imported check would (or needs a pack this installation lacks)."""
    file = CheckFile(path, key=key)
    try:
        for number in file.revision_numbers() or [None]:  # type: ignore[list-item]
            read_revision(registry, file, check_id, file.document(number))
    except DamagedFile as error:
        return error.detail
    except StoreError:
        return None  # a pack this installation does not have: kept, as in the store itself
    return None


@dataclass
class OpenCheck:
    file: CheckFile
    check: Check  # the latest revision
    pack: Pack
    older_attachments: frozenset[str] = field(default_factory=frozenset)


class CheckFiles:
    """Loads and saves ``checks/<id>.json``, keeping the summary index in step."""

    def __init__(
        self,
        layout: Layout,
        registry: PackRegistry,
        meta: MetaFile,
        index: SummaryIndex,
        actor: str,
        problems: list[str],
    ) -> None:
        self.layout, self.registry, self.meta, self.index = layout, registry, meta, index
        self.actor = actor
        self.problems = problems  # the store's list of things to tell the user
        self._open: OrderedDict[str, OpenCheck] = OrderedDict()
        # Finalized revisions whose content no longer matches their fingerprint, per check.
        self.tampered: dict[str, set[int]] = {}

    def remember(self, opened: OpenCheck) -> None:
        self._open[opened.check.id] = opened
        self._open.move_to_end(opened.check.id)
        while len(self._open) > KEPT_OPEN:
            self._open.popitem(last=False)

    def forget(self, check_id: str) -> None:
        self._open.pop(check_id, None)

    def load(self, check_id: str) -> OpenCheck:
        """A check with its file and pack; StoreError if unknown, damaged or its pack missing."""
        opened = self._open.get(check_id)
        if opened is not None:
            self._open.move_to_end(check_id)
            return opened
        path = self.layout.check_file(check_id)
        if not CHECK_ID.fullmatch(check_id) or not path.is_file():
            if CHECK_ID.fullmatch(check_id) and self.missing_record(check_id) is not None:
                raise StoreError(
                    _(
                        "the check {id} is missing from the data folder; restore it from a "
                        "backup, or acknowledge that it is gone (vastgoedcheck acknowledge {id})"
                    ).format(id=check_id)
                )
            raise StoreError(_("there is no check {id} in this store").format(id=check_id))
        file = CheckFile(path, self.layout.guard, self.layout.key)
        info = path.stat()
        unchanged = self.index.stamp(check_id) == [info.st_mtime_ns, info.st_size]
        try:
            numbers = file.revision_numbers()
            check, pack = self.read_document(file, check_id, None, trusted=unchanged)
            older = frozenset().union(
                *(
                    attachment_ids(self.read_document(file, check_id, n, trusted=unchanged)[0])
                    for n in numbers[:-1]
                )
            )
        except DamagedFile:
            raise StoreError(self.set_aside(check_id)) from None
        opened = OpenCheck(file, check, pack, older)
        self.remember(opened)
        return opened

    def ids_starting_with(self, prefix: str) -> list[str]:
        """The ids of the check files whose name begins with ``prefix`` (lower case), sorted;
        one look at the folder, no file read."""
        found = []
        try:
            with os.scandir(self.layout.checks) as entries:
                for entry in entries:
                    name, stem = entry.name, entry.name[:-5]
                    if (
                        name.startswith(prefix)
                        and name.endswith(".json")
                        and CHECK_ID.fullmatch(stem)
                    ):
                        found.append(stem)
        except OSError:
            return []  # no folder to look in: "no such check" follows
        return sorted(found)

    def brief_row(self, check_id: str) -> dict[str, Any] | None:
        """The summary row a check file keeps (to name a check among others), if readable."""
        try:
            return CheckFile(self.layout.check_file(check_id), key=self.layout.key).summary()
        except (DamagedFile, StoreError, OSError, ValueError):
            return None

    def draft(self, check_id: str) -> OpenCheck:
        """A check that may be changed: its latest revision is a draft."""
        opened = self.load(check_id)
        if opened.check.status is Status.FINAL:
            raise StoreError(
                _(
                    "the check {id} is finalized and cannot be changed; amend it to make a "
                    "correction"
                ).format(id=check_id)
            )
        return opened

    def read_document(
        self, file: CheckFile, check_id: str, revision: int | None, *, trusted: bool = False
    ) -> tuple[Check, Pack]:
        """One revision, validated as an imported file would be: nothing damaged gets through.

        ``trusted``: the file is exactly as this store last wrote it (same size and time as the
        index recorded), so the JSON Schema, the slow part, is skipped; the values are still
        read and checked one by one, and anything unexpected falls back to the full check.
        """
        document = file.document(revision)
        numbers = file.revision_numbers()
        number = numbers[-1] if revision is None else revision
        if sealed_but_changed(document, latest=number == numbers[-1]):
            self._found_tampered(check_id, number, file.path)
        if trusted:
            try:
                check, pack, _contents = check_with_attachments(
                    document, self.registry, check_form=False
                )
            except (InvalidCheck, KeyError, TypeError, ValueError, AttributeError):
                pass  # read it again the careful way, which says what is wrong
            else:
                if check.id == check_id:
                    return check, pack
        return read_revision(self.registry, file, check_id, document)

    def missing_record(self, check_id: str) -> dict[str, Any] | None:
        """The record of a check whose file went missing, if any. A file gone since the index
        was last brought in line is found out here (the index is read now, which records it)."""
        record = next((r for r in self.meta.missing() if r["id"] == check_id), None)
        if record is None and not self.index.loaded and self.index.known_row(check_id):
            self.index.read_now()
            record = next((r for r in self.meta.missing() if r["id"] == check_id), None)
        return record

    def _found_tampered(self, check_id: str, revision: int, path: Path) -> None:
        revisions = self.tampered.setdefault(check_id, set())
        if revision not in revisions:
            revisions.add(revision)
            self.problems.append(
                _(
                    "The check {id} (revision {revision}) was changed after it was finalized: "
                    "its content no longer matches its digital fingerprint. No report or export "
                    "is made from it; its file {path} is kept for inspection."
                ).format(id=check_id, revision=revision, path=path)
            )

    def tampered_revisions(self, file: CheckFile, check_id: str) -> list[int]:
        """The finalized revisions in ``file`` that no longer match their fingerprint (each
        reported once, like a read of the check would)."""
        numbers = file.revision_numbers()
        found = [
            number
            for number in numbers
            if sealed_but_changed(file.document(number), latest=number == numbers[-1])
        ]
        for number in found:
            self._found_tampered(check_id, number, file.path)
        return found

    def set_aside(self, check_id: str) -> str:
        """Move a damaged check file to ``damaged/``, log it, and say so (a reader only says
        so, and leaves the file for the next writer)."""
        self.forget(check_id)
        if self.layout.read_only:
            message = _(
                "The check {id} could not be read: its file {path} is damaged; restore it from a "
                "backup."
            ).format(id=check_id, path=self.layout.check_file(check_id))
            self.problems.append(message)
            return message
        moved = self.layout.move_aside(self.layout.check_file(check_id))
        self.meta.record("damaged_file_moved", self.actor, check=check_id, file=str(moved))
        self.meta.mark_missing(
            check_id, self.index.known_row(check_id), reason="damaged", file=str(moved)
        )
        message = _(
            "The check {id} could not be read and was moved to {path}; restore it from a backup."
        ).format(id=check_id, path=moved)
        self.problems.append(message)
        return message

    def stored_row(self, check_id: str) -> dict[str, Any] | None:
        """The summary row kept in a check file (recomputed if missing); None when the file is
        damaged (it is moved aside) or cannot be read by this installation (it stays)."""
        file = CheckFile(self.layout.check_file(check_id), self.layout.guard, self.layout.key)
        try:
            row = file.summary()
            tampered = self.tampered_revisions(file, check_id)
        except DamagedFile:
            self.set_aside(check_id)
            return None
        except UnreadableStoreFile as error:  # not damaged: it stays, and is read next time
            self.problems.append(str(error))
            return self.index.known_row(check_id)  # listed as last known meanwhile
        if row is not None and row.get("id") == check_id and row.keys() >= SUMMARY_KEYS:
            return {**row, "tampered": tampered} if tampered else row
        try:
            opened = self.load(check_id)
        except StoreError as error:
            if self.layout.check_file(check_id).exists():  # not moved aside: a missing pack
                self.problems.append(str(error))
            return None
        return self.summary(opened, opened.check)

    def summary(
        self,
        opened: OpenCheck,
        check: Check,
        extra_record: dict[str, Any] | None = None,
        retention: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """The index row of ``check`` with the report records in its file (and
        ``extra_record``, one about to be added), and its retention dates (with the
        ``retention`` settings about to be stored, if given)."""
        stored = opened.file.report_records() + ([extra_record] if extra_record else [])
        try:
            records = [record_from_json(data) for data in stored]
        except (KeyError, TypeError, ValueError):
            records = []  # unreadable records: said when they are read (report_records)
        row = summary_row(check, opened.pack, records)
        row["attachments"] = sorted(opened.older_attachments | attachment_ids(check))
        settings = opened.file.retention() if retention is None else retention
        row |= row_dates(
            status_of(check, opened.pack, records, settings, self.first_finalized(opened, check))
        )
        return row

    def first_finalized(self, opened: OpenCheck, check: Check) -> dt.date | None:
        """The day the check's first revision was finalized (None while it never was)."""
        if check.revision == 1:
            return local_day(check.finalized_at)
        numbers = opened.file.revision_numbers()
        return iso_day(opened.file.document(numbers[0]).get("finalized_at")) if numbers else None

    def save(self, opened: OpenCheck, check: Check, events: list[AuditEvent]) -> None:
        """Write ``check`` as its revision, with its events and summary: one atomic write."""
        row = self.summary(opened, check)
        try:
            opened.file.save(check.revision, check_document(check, opened.pack), row, events)
        except StoreWriteError:
            self.forget(check.id)  # read back from disk next time
            raise
        opened.check = check
        self.index.put(row)
