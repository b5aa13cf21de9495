"""The store: the Python API through which the app and the command line keep checks."""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from vastgoedcheck.domain.check import (
    Amendment,
    Check,
    Status,
)
from vastgoedcheck.domain.completeness import gaps
from vastgoedcheck.domain.pack import Pack
from vastgoedcheck.exchange.reading import text_problems
from vastgoedcheck.exchange.writing import (
    check_document,
    document_fingerprint,
)
from vastgoedcheck.i18n import _
from vastgoedcheck.oserrors import os_reason
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage import fileops
from vastgoedcheck.storage.atomic import fsync_folder
from vastgoedcheck.storage.attachments import AttachmentFiles
from vastgoedcheck.storage.audit import AuditEvent, event_from_record
from vastgoedcheck.storage.checks import (
    CheckFiles,
    attachment_ids,
    missing_pack,
)
from vastgoedcheck.storage.collection import collector_paused
from vastgoedcheck.storage.editing import DraftEditing
from vastgoedcheck.storage.erasure import Erasing
from vastgoedcheck.storage.errors import (
    DamagedFile,
    NotComplete,
    StoreError,
    StoreReadOnly,
    StoreWriteError,
)
from vastgoedcheck.storage.exchanging import ExchangingChecks
from vastgoedcheck.storage.folder_backups import (
    BackupsAndRestore,
    locked_layout,
    prepare_folder,
    ready_to_read,
    unusable,
)
from vastgoedcheck.storage.folder_state import refuse_unless_keyed
from vastgoedcheck.storage.index import SummaryIndex
from vastgoedcheck.storage.index_file import listed_of_rows, summaries_json, summary_of
from vastgoedcheck.storage.issuing import IssuingFiles
from vastgoedcheck.storage.layout import Layout
from vastgoedcheck.storage.lock import FolderLock
from vastgoedcheck.storage.meta import MIGRATIONS, MetaFile, Migration, now
from vastgoedcheck.storage.migrate import migrate
from vastgoedcheck.storage.missing import MissingChecks
from vastgoedcheck.storage.pending import read_pending
from vastgoedcheck.storage.related_checks import RelatedChecks
from vastgoedcheck.storage.report_records import ReportRecording
from vastgoedcheck.storage.sealing import DataKey
from vastgoedcheck.storage.summary import Filters, Listed, Summary

MAX_REASON_LENGTH = 2_000


def _refuse_writing() -> None:
    """The guard of a store opened only to read."""
    raise StoreReadOnly()


class Store(
    DraftEditing,
    ReportRecording,
    MissingChecks,
    RelatedChecks,
    BackupsAndRestore,
    IssuingFiles,
    Erasing,
    ExchangingChecks,
):
    """Checks in a data folder. Open with ``Store.open``; one running copy per folder."""

    def __init__(self, layout: Layout, registry: PackRegistry, actor: str, lock: FolderLock | None):
        if lock is None:  # opened to read only: every write is refused
            self.layout = replace(layout, guard=_refuse_writing, read_only=True)
        else:
            self.layout = replace(layout, guard=lock.verify)  # no write once the lock is lost
        self.registry = registry
        self.actor = actor
        self.lock = lock
        self.attachments = AttachmentFiles(layout)
        self.import_notices: list[str] = []  # what the last import changed on the way in
        self.problems: list[str] = []  # what the user should be told: files moved aside, …
        self._connect()

    def _connect(self) -> None:
        """(Re)read the folder's meta file and index; after a restore, too."""
        self.meta = MetaFile(self.layout)
        self.index = SummaryIndex(self.layout)
        self.checks = CheckFiles(
            self.layout, self.registry, self.meta, self.index, self.actor, self.problems
        )

    # -- opening and closing --------------------------------------------------------------

    @classmethod
    def open(
        cls,
        folder: Path,
        registry: PackRegistry,
        *,
        key: DataKey,
        actor: str,
        wait: float = 0.0,
        migrations: Sequence[Migration] = MIGRATIONS,
        lazy_index: bool = False,
        program: str | None = None,
    ) -> Store:
        """Open (or create) the store in ``folder``.

        ``lazy_index``: read the summary index only when the rows are needed (a listing, a
        search), so that a command about one check costs the same however many checks there
        are; what reading it finds is then added to ``problems`` at that moment. Without it
        (the app, which lists at once) the index is read and brought in line here.

        ``program`` says who holds the folder, for the message another copy gets: "app", or
        the name of a command.

        ``key``: the folder's data key (storage/folder_key.py unlocks it); every file the
        store writes is sealed with it.

        Raises FolderNotSetUp for a folder without a key file, PlainFolder for a folder of an
        earlier version, WrongKey for another folder's key, StoreLocked when another copy has
        it open (after waiting ``wait`` seconds), StoreDamaged when it cannot be opened as it
        is, StoreError for an unusable folder.
        """
        refuse_unless_keyed(Path(folder), key)
        layout, lock = locked_layout(folder, wait, program, key)
        try:
            told = prepare_folder(layout, actor)
            store = cls(layout, registry, actor, lock)
            stale = lock.stale
            crashed = stale is not None
            if stale is not None:
                layout.remove_temporary_files()
                store.problems.append(
                    _(
                        "The previous session on this data folder did not close normally "
                        "(process {pid}); every saved change is kept."
                    ).format(pid=stale.get("pid", "?"))
                )
            store.problems.extend(told)
            migrate(store.meta, layout, actor, migrations)
            store._open_index(after_crash=crashed)
            store.enter_pending()
            store.finish_erasures()  # an erasure a stop interrupted (storage/erasure.py)
            if not lazy_index:  # the app: every check file compared at its start
                store.index.read_now(every_file=True)
        except OSError as error:
            lock.release()
            raise unusable(folder, error) from None
        except BaseException:
            lock.release()
            raise
        return store

    @classmethod
    def open_to_read(
        cls,
        folder: Path,
        registry: PackRegistry,
        *,
        key: DataKey,
        actor: str,
        wait: float = 0.0,
        program: str | None = None,
    ) -> Store:
        """Open the store to read it, also while the app or a command is writing to it.

        A folder that is ready to be read is opened without the writer's lock: nothing in it
        is written or moved (what reading finds wrong is told, and left for the next writer),
        and a file handed out is recorded in ``pending/`` (``issue_file``). A folder that must
        first be made, upgraded or have a restore finished is opened as ``open`` does, with the
        lock (and its wait). The index is read only when the rows are needed.
        """
        refuse_unless_keyed(Path(folder), key)
        layout = Layout(Path(folder), key=key)
        if not ready_to_read(layout):
            return cls.open(
                folder, registry, key=key, actor=actor, wait=wait, lazy_index=True, program=program
            )
        store = cls(layout, registry, actor, None)
        store._open_index()
        return store

    def close(self) -> None:
        try:
            if self.lock is not None:
                self.enter_pending()
            self.index.close()
        except StoreError:
            pass  # the index is a cache: the next open brings it up to date
        finally:
            if self.lock is not None:
                self.lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def set_actor(self, actor: str) -> None:
        """Who makes the changes from now on (the examiner named in the app's settings)."""
        self.actor = actor
        self.checks.actor = actor

    # -- reading ---------------------------------------------------------------------------

    def summaries(
        self,
        *,
        search: str = "",
        status: str | None = None,
        pack: str | None = None,
        decision: str | None = None,
        report_status: str | None = None,
    ) -> list[Summary]:
        """The checks, newest change first, filtered by status, pack, decision ("" for none
        yet), report status and search words."""
        with collector_paused():
            rows = self.index.chosen(Filters(search, status, pack, decision, report_status))
            return list(map(summary_of, rows))

    def listed_in_parts(self, filters: Filters) -> Iterator[list[Listed]]:
        """The checks ``filters`` lets through, newest change first, each as a line of a
        listing shows it (made without parsing a date), a few hundred at a time: a listing of
        20,000 checks need not hold them all (SummaryIndex.chosen_in_parts)."""
        with collector_paused():
            for part in self.index.chosen_in_parts(filters, whole=False):
                yield listed_of_rows(part)

    def summaries_json_in_parts(self, filters: Filters) -> Iterator[list[dict[str, Any]]]:
        """The checks ``filters`` lets through, newest change first, each summary as JSON gives
        it (``Summary.as_json``, made straight from the stored row), a few hundred at a time."""
        with collector_paused():
            for part in self.index.chosen_in_parts(filters):
                yield summaries_json(part)

    def __len__(self) -> int:
        return len(self.index.rows)

    def get(self, check_id: str, revision: int | None = None) -> Check:
        """A check: its latest revision, or the one asked for."""
        opened = self.checks.load(check_id)
        if revision is None or revision == opened.check.revision:
            return opened.check
        if revision not in opened.file.revision_numbers():
            raise StoreError(
                _("the check {id} has no revision {revision}").format(
                    id=check_id, revision=revision
                )
            )
        check, _pack = self.checks.read_document(opened.file, check_id, revision)
        return check

    def revisions(self, check_id: str) -> list[Check]:
        """Every stored revision of a check, oldest first."""
        opened = self.checks.load(check_id)
        return [self.get(check_id, number) for number in opened.file.revision_numbers()]

    def tampered(self, check_id: str) -> list[int]:
        """The finalized revisions of a check whose content no longer matches their digital
        fingerprint: changed by hand after finalizing. Reading a check recomputes them."""
        self.checks.load(check_id)  # reads every revision of the file
        return sorted(self.checks.tampered.get(check_id, ()))

    def refuse_if_tampered(self, check_id: str, revision: int) -> None:
        if revision in self.tampered(check_id):
            raise StoreError(
                _(
                    "the check {id} (revision {revision}) was changed after it was finalized: "
                    "its content no longer matches its digital fingerprint, so nothing is made "
                    "from it; its file is kept for inspection"
                ).format(id=check_id, revision=revision)
            )

    def pack_of(self, check: Check) -> Pack:
        pack = self.registry.get(check.pack_id, check.pack_version)
        if pack is None:
            raise missing_pack(check.id, check.pack_id, check.pack_version)
        return pack

    def events(self, check_id: str) -> list[AuditEvent]:
        """The audit trail of a check, oldest first, with the files issued by a command that
        only read the folder and that no writer has entered yet."""
        pending = [p for p in read_pending(self.layout) if p.check_id == check_id]
        file = self.checks.load(check_id).file
        if pending and self.read_only:
            file.storage.forget()  # read after the pending records: a writer may have entered them
        records = file.events()
        waiting = [p.event for p in pending if not any(p.same_event(r) for r in records)]
        events = [event_from_record(record) for record in records]
        if not waiting:
            return events
        return sorted([*events, *map(event_from_record, waiting)], key=lambda event: event.at)

    def log(self) -> list[dict[str, Any]]:
        """Store-wide events: deletions, imports, restores, damaged files moved aside."""
        return self.meta.entries()

    def attachment_content(self, sha256: str) -> bytes:
        """The plain content of a stored attachment (the file on disk is sealed).

        StoreError in one sentence when it is missing, cannot be read, or is damaged (does not
        open, or no longer has its SHA-256)."""
        try:
            content = self.attachments.content(sha256)
        except FileNotFoundError:
            raise StoreError(
                _("the attachment {sha256} is missing from the store").format(sha256=sha256[:12])
            ) from None
        except DamagedFile:
            content = b""
        if hashlib.sha256(content).hexdigest() != sha256:
            raise StoreError(
                _(
                    "the attachment {sha256} is damaged in the store; restore it from a backup"
                ).format(sha256=sha256[:12])
            )
        return content

    # -- life cycle ------------------------------------------------------------------------

    def finalize(self, check_id: str) -> Check:
        """Freeze the draft: complete checks only; records the fingerprint; read-only after."""
        opened = self.checks.draft(check_id)
        missing = gaps(opened.check, opened.pack)
        if missing:
            raise NotComplete(check_id, missing)
        moment = now()
        final = replace(opened.check, status=Status.FINAL, finalized_at=moment, updated_at=moment)
        final = replace(final, fingerprint=document_fingerprint(check_document(final, opened.pack)))
        self.checks.save(opened, final, [self._event(final, "finalized", new=final.fingerprint)])
        return final

    def amend(self, check_id: str, reason: str) -> Check:
        """Start a correction of a finalized check: a new draft revision linked to it."""
        opened = self.checks.load(check_id)
        check = opened.check
        if check.status is Status.DRAFT:
            raise StoreError(
                _(
                    "the check {id} is a draft; change it directly (only a finalized check is "
                    "amended)"
                ).format(id=check_id)
            )
        reason = self._reason(reason)
        self.refuse_if_tampered(check_id, check.revision)  # not a correction of altered content
        assert check.fingerprint is not None
        amended = replace(
            check,
            revision=check.revision + 1,
            status=Status.DRAFT,
            amends=Amendment(check.revision, check.fingerprint, reason),
            finalized_at=None,
            fingerprint=None,
            updated_at=now(),
        )
        event = self._event(amended, "amended", old=check.revision, new=amended.revision)
        event = replace(event, reason=reason)
        opened.older_attachments = opened.older_attachments | attachment_ids(check)
        self.checks.save(opened, amended, [event])
        return amended

    def delete(self, check_id: str, reason: str) -> None:
        """Delete a draft that was never finalized (the store log keeps who, when and why), or
        erase a finalized check on request (``erase``: refused for a Wwft record within its
        legal period)."""
        if not self.layout.check_file(check_id).exists():
            self._remove_missing(check_id, reason)
            return
        try:
            opened = self.checks.load(check_id)
        except StoreError:
            if self.layout.check_file(check_id).exists():
                raise
            self._remove_missing(check_id, reason)  # found damaged and set aside just now
            return
        check = opened.check
        if check.status is Status.FINAL or check.revision > 1:
            # A finalized check is erased on request (art. 17 AVG), unless the law keeps it.
            self.erase(check_id, reason=reason, on_request=True)
            return
        reason = self._reason(reason)
        path = self.layout.check_file(check_id)
        self.layout.check_guard()  # the file is removed before anything else is written
        try:
            fileops.remove(path)
        except OSError as error:
            raise StoreWriteError(
                _("the check {id} could not be deleted ({reason})").format(
                    id=check_id, reason=os_reason(error)
                )
            ) from error
        with contextlib.suppress(OSError):  # the file is gone; some file systems refuse this
            fsync_folder(path.parent)
        # Logged once the file is gone: a delete that failed (a file held open on Windows)
        # must not leave a "deleted" line for a check that is still there.
        self.meta.record("deleted", self.actor, check=check_id, pack=check.pack_id, reason=reason)
        self.checks.forget(check_id)
        self.index.drop(check_id)
        self._drop_unused_attachments(attachment_ids(check))

    def _remove_missing(self, check_id: str, reason: str) -> None:
        """A check whose file is gone: a landlord's finalized check is erased on request (its
        copies in damaged/ and the backups with it), a draft deleted; else refused."""
        if self.missing_landlord_record(check_id):
            self.erase(check_id, reason=reason, on_request=True)
        else:
            self._delete_missing(check_id, reason)

    # -- internals -------------------------------------------------------------------------

    def _open_index(self, *, after_crash: bool = False) -> None:
        """Ready the summary index; a check file found gone when it is read is recorded as
        missing, and one found back is no longer (at whatever moment the rows are read)."""
        self.index.open(
            self.checks.stored_row,
            self.problems,
            after_crash=after_crash,
            on_gone=self._gone,
            on_read=self._found_again,
        )

    def _reason(self, reason: str) -> str:
        reason = reason.strip()
        if not reason:
            raise StoreError(_("give a reason"))
        if len(reason) > MAX_REASON_LENGTH:
            raise StoreError(
                _("the reason is {length} characters long; at most {limit} are allowed").format(
                    length=len(reason), limit=MAX_REASON_LENGTH
                )
            )
        problems = text_problems(reason)
        if problems:
            raise StoreError(problems[0])
        return reason
