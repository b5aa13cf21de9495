"""Checks in and out of the store as exchange documents: the export and import half of
``Store`` (a mixin)."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable, Sequence
from typing import Any

from vastgoedcheck.domain.check import Check
from vastgoedcheck.domain.pack import Pack
from vastgoedcheck.exchange.writing import check_document
from vastgoedcheck.i18n import _
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage import fileops
from vastgoedcheck.storage.attachments import AttachmentFiles
from vastgoedcheck.storage.audit import AuditEvent
from vastgoedcheck.storage.check_file import CheckFile
from vastgoedcheck.storage.checks import CheckFiles, OpenCheck
from vastgoedcheck.storage.errors import (
    DamagedFile,
    ImportPartlyStored,
    StoreError,
    StoreWriteError,
)
from vastgoedcheck.storage.importing import prepare_import
from vastgoedcheck.storage.index import SummaryIndex
from vastgoedcheck.storage.layout import Layout
from vastgoedcheck.storage.meta import MetaFile, now


class ExchangingChecks:
    """Exporting a revision with its attachments, and importing checks all or none."""

    layout: Layout
    registry: PackRegistry
    actor: str
    meta: MetaFile
    checks: CheckFiles
    index: SummaryIndex
    attachments: AttachmentFiles
    import_notices: list[str]
    get: Callable[..., Check]
    pack_of: Callable[[Check], Pack]
    refuse_if_tampered: Callable[[str, int], None]
    restrict_export: Callable[..., None]
    _import_records: Callable[[str, Sequence[dict[str, Any]], str], None]
    _drop_unused_attachments: Callable[[set[str] | frozenset[str]], None]

    def export_document(
        self, check_id: str, revision: int | None = None, *, internal: bool = False
    ) -> dict[str, Any]:
        """The exchange document of a revision, with its attachments' content embedded.

        Decisions about reporting to FIU-Nederland and the report records are restricted
        (art. 23 Wwft): only an ``internal`` export carries them. Otherwise a draft's FIU
        decision is left out, and a finalized revision with one is refused, since leaving it
        out would break the revision's digital fingerprint."""
        check = self.get(check_id, revision)
        self.refuse_if_tampered(check_id, check.revision)
        pack = self.pack_of(check)
        document = check_document(check, pack)
        self.restrict_export(document, check, pack, internal=internal)
        for answer in document["answers"].values():
            for attachment in answer.get("attachments", []):
                try:  # held by another program for a moment: FileUnreadable, its own sentence
                    content = self.attachments.content(attachment["sha256"])
                except DamagedFile:
                    content = b""  # does not open: damaged, as below
                except FileNotFoundError:
                    raise StoreError(
                        _(
                            "the attachment {name} of the check {id} is missing from the store"
                        ).format(name=repr(attachment["name"]), id=check_id)
                    ) from None
                if hashlib.sha256(content).hexdigest() != attachment["sha256"]:
                    raise StoreError(
                        _(
                            "the attachment {name} of the check {id} is damaged in the store; "
                            "restore it from a backup"
                        ).format(name=repr(attachment["name"]), id=check_id)
                    )
                attachment["content"] = base64.b64encode(content).decode("ascii")
        return document

    def import_checks(self, documents: Sequence[object], source: str) -> list[tuple[str, bool]]:
        """Store the checks in ``documents`` (exchange format): all of them, or none.

        Returns (id, stored) per check; ``stored`` is False for a check the store already
        holds unchanged. StoreError names the first check that cannot be imported, and why.
        ``import_notices`` then says what was changed on the way in (an ID-document number of
        which a landlord keeps only the end).
        """
        prepared = prepare_import(documents, self.registry, self.checks, self.attachments)
        self.import_notices = [notice for item in prepared for notice in item.notices]
        written: list[str] = []
        try:
            for item in prepared:
                if item.unchanged:
                    self._import_records(item.check.id, item.records, source)
                    continue
                for content in item.contents.values():
                    self.attachments.add_bytes(content)
                file = CheckFile(
                    self.layout.check_file(item.check.id), self.layout.guard, self.layout.key
                )
                reason = " ".join(item.notices) or None  # what was changed on the way in
                event = AuditEvent(
                    now(), self.actor, item.check.revision, "imported", target=source, reason=reason
                )
                written.append(item.check.id)  # before the write: it may be on disk after all
                self.checks.save(OpenCheck(file, item.check, item.pack), item.check, [event])
                self._import_records(item.check.id, item.records, source)
            if written:  # the import counts once it is logged: a full disk here undoes it
                self.meta.record("imported", self.actor, file=source, checks=written)
        except BaseException:  # a refusal, a full disk, Ctrl-C: all or nothing
            self._undo_import(written, {sha for item in prepared for sha in item.contents})
            raise
        return [(item.check.id, not item.unchanged) for item in prepared]

    def _undo_import(self, written: list[str], contents: set[str]) -> None:
        """Remove the checks of an import that did not complete; StoreError if any stays."""
        stayed = []
        for check_id in written:
            self.checks.forget(check_id)
            try:
                fileops.remove(self.layout.check_file(check_id), missing_ok=True)
            except (OSError, StoreWriteError):  # held by another program through every try
                stayed.append(check_id)
                continue
            self.index.drop(check_id)
        self._drop_unused_attachments(contents)
        if stayed:
            raise ImportPartlyStored(
                _(
                    "the import was stopped, but these checks of it could not be removed again "
                    "and are stored: {ids}"
                ).format(ids=", ".join(stayed))
            )
