"""The store: the Python API through which the app and the command line keep checks."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from collections.abc import Sequence
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
from vastgoedcheck.i18n import _, ngettext
from vastgoedcheck.oserrors import os_reason
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage import backups, restoring
from vastgoedcheck.storage.atomic import PRIVATE_FOLDER, fsync_folder, write_atomically
from vastgoedcheck.storage.attachments import AttachmentFiles
from vastgoedcheck.storage.audit import AuditEvent, event_from_record
from vastgoedcheck.storage.backup_reading import stage_backup
from vastgoedcheck.storage.check_file import CheckFile
from vastgoedcheck.storage.checks import (
    CheckFiles,
    OpenCheck,
    attachment_ids,
    damage_in,
    missing_pack,
)
from vastgoedcheck.storage.editing import DraftEditing
from vastgoedcheck.storage.errors import (
    ImportPartlyStored,
    NotComplete,
    StoreError,
    StoreWriteError,
)
from vastgoedcheck.storage.importing import prepare_import
from vastgoedcheck.storage.index import SummaryIndex
from vastgoedcheck.storage.issued import IssuedFile, issued_files
from vastgoedcheck.storage.layout import Layout
from vastgoedcheck.storage.lock import FolderLock
from vastgoedcheck.storage.meta import MIGRATIONS, SCHEMA_VERSION, MetaFile, Migration, now
from vastgoedcheck.storage.migrate import migrate
from vastgoedcheck.storage.missing import MissingChecks
from vastgoedcheck.storage.restoring import Finished
from vastgoedcheck.storage.summary import Summary

MAX_REASON_LENGTH = 2_000


def _unusable(folder: Path, error: OSError) -> StoreError:
    return StoreError(
        _("the data folder {folder} cannot be used ({reason})").format(
            folder=folder, reason=os_reason(error)
        )
    )


def _locked_layout(folder: Path, wait: float) -> tuple[Layout, FolderLock]:
    """The layout of ``folder``, locked, with an interrupted restore finished and its folders
    made (in that order: an empty folder made first would be taken for the store's own)."""
    layout = Layout(Path(folder))
    try:
        layout.root.mkdir(PRIVATE_FOLDER, parents=True, exist_ok=True)
    except OSError as error:
        raise _unusable(folder, error) from None
    lock = FolderLock(layout.lock)
    lock.acquire(wait)
    return layout, lock


def _prepare(layout: Layout, actor: str) -> Finished | None:
    finished = restoring.finish_interrupted_restore(layout, actor)
    try:
        layout.create_folders()
    except OSError as error:
        raise _unusable(layout.root, error) from None
    return finished


class Store(DraftEditing, MissingChecks):
    """Checks in a data folder. Open with ``Store.open``; one running copy per folder."""

    def __init__(self, layout: Layout, registry: PackRegistry, actor: str, lock: FolderLock):
        self.layout = layout
        self.registry = registry
        self.actor = actor
        self.lock = lock
        self.attachments = AttachmentFiles(layout)
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
        actor: str,
        wait: float = 0.0,
        migrations: Sequence[Migration] = MIGRATIONS,
    ) -> Store:
        """Open (or create) the store in ``folder``.

        Raises StoreLocked when another copy has it open (after waiting ``wait`` seconds),
        StoreDamaged when it cannot be opened as it is, StoreError for an unusable folder.
        """
        layout, lock = _locked_layout(folder, wait)
        try:
            finished = _prepare(layout, actor)
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
            if finished is not None:
                store.problems.append(finished.message())
            migrate(store.meta, layout, actor, migrations)
            store.problems += store.index.load(
                store.checks.stored_row, after_crash=crashed, on_gone=store._gone
            )
            store._found_again()
        except OSError as error:
            lock.release()
            raise _unusable(folder, error) from None
        except BaseException:
            lock.release()
            raise
        return store

    @staticmethod
    def recover(
        folder: Path,
        source: Path,
        *,
        actor: str,
        wait: float = 0.0,
        registry: PackRegistry | None = None,
    ) -> int:
        """Put the backup at ``source`` in place of a data folder that cannot be opened (a
        damaged meta.json), or into a new one; what is there now is backed up first. Returns
        the number of checks restored; open the store afterwards as usual."""
        layout, lock = _locked_layout(folder, wait)
        try:
            _prepare(layout, actor)
            packs = registry or PackRegistry.builtin()
            staged = stage_backup(
                layout, source, SCHEMA_VERSION, lambda path, id_: damage_in(packs, path, id_)
            )
            safety = restoring.before_switch(
                layout, lambda: backups.special_backup(layout, "before-restore", source)
            )
            restoring.switch(layout, source, safety, actor)
        except OSError as error:
            raise _unusable(folder, error) from None
        finally:
            lock.release()
        return staged.checks

    @staticmethod
    def backup_files(folder: Path) -> list[Path]:
        """The backups kept in a data folder, newest first (for choosing one to restore)."""
        try:
            found = [
                (path.stat().st_mtime, path) for path in Layout(Path(folder)).backups.glob("*.zip")
            ]
        except OSError:
            return []  # no backups folder, or one that cannot be read
        return [path for _mtime, path in sorted(found, reverse=True)]

    def close(self) -> None:
        try:
            self.index.close()
        except StoreError:
            pass  # the index is a cache: the next open brings it up to date
        finally:
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
        self, *, search: str = "", status: str | None = None, pack: str | None = None
    ) -> list[Summary]:
        """The checks, newest change first, filtered by status, pack and search words."""
        rows = self.index.select(text=search, status=status, pack=pack)
        return [Summary.from_row(row) for row in rows]

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

    def pack_of(self, check: Check) -> Pack:
        pack = self.registry.get(check.pack_id, check.pack_version)
        if pack is None:
            raise missing_pack(check.id, check.pack_id, check.pack_version)
        return pack

    def events(self, check_id: str) -> list[AuditEvent]:
        """The audit trail of a check, oldest first."""
        return [event_from_record(record) for record in self.checks.load(check_id).file.events()]

    def log(self) -> list[dict[str, Any]]:
        """Store-wide events: deletions, imports, restores, damaged files moved aside."""
        return self.meta.entries()

    def attachment_path(self, sha256: str) -> Path:
        return self.attachments.path(sha256)

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
        """Delete a draft that was never finalized; the store log keeps who, when and why."""
        if not self.layout.check_file(check_id).exists():
            self._delete_missing(check_id, reason)
            return
        opened = self.checks.load(check_id)
        check = opened.check
        if check.status is Status.FINAL or check.revision > 1:
            raise StoreError(
                _(
                    "the check {id} has been finalized; it is kept for the legal retention period "
                    "and cannot be deleted"
                ).format(id=check_id)
            )
        reason = self._reason(reason)
        # Logged first: a crash in between leaves the check and a log line, never a check
        # that vanished without a trace.
        self.meta.record("deleted", self.actor, check=check_id, pack=check.pack_id, reason=reason)
        path = self.layout.check_file(check_id)
        try:
            path.unlink()
            fsync_folder(path.parent)
        except OSError as error:
            raise StoreWriteError(
                _("the check {id} could not be deleted ({reason})").format(
                    id=check_id, reason=os_reason(error)
                )
            ) from error
        self.checks.forget(check_id)
        self.index.drop(check_id)
        self._drop_unused_attachments(attachment_ids(check))

    # -- documents out ---------------------------------------------------------------------

    def export_document(self, check_id: str, revision: int | None = None) -> dict[str, Any]:
        """The exchange document of a revision, with its attachments' content embedded."""
        check = self.get(check_id, revision)
        document = check_document(check, self.pack_of(check))
        for answer in document["answers"].values():
            for attachment in answer.get("attachments", []):
                try:
                    content = self.attachments.path(attachment["sha256"]).read_bytes()
                except OSError:
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
        """
        prepared = prepare_import(documents, self.registry, self.checks, self.attachments)
        written: list[str] = []
        try:
            for item in prepared:
                if item.unchanged:
                    continue
                for content in item.contents.values():
                    self.attachments.add_bytes(content)
                file = CheckFile(self.layout.check_file(item.check.id))
                event = AuditEvent(
                    now(), self.actor, item.check.revision, "imported", target=source
                )
                written.append(item.check.id)  # before the write: it may be on disk after all
                self.checks.save(OpenCheck(file, item.check, item.pack), item.check, [event])
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
                self.layout.check_file(check_id).unlink(missing_ok=True)
            except OSError:
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
        try:
            write_atomically(target, payload)
        except OSError as error:
            raise StoreError(
                _("{file} cannot be written ({reason})").format(
                    file=target, reason=os_reason(error)
                )
            ) from None
        sha256 = hashlib.sha256(payload).hexdigest()
        details = {
            "sha256": sha256,
            "recipient": recipient,
            "language": language,
            "file": str(target),
            "revision": check.revision,
            "fingerprint": check.fingerprint,
        }
        try:
            opened = self.checks.load(check.id)
            event = AuditEvent(
                now(), self.actor, check.revision, "issued", target=kind, new=details
            )
            opened.file.add_events([event])
            self.index.put(self.checks.summary(opened, opened.check))
            self.meta.record("issued", self.actor, check=check.id, kind=kind, **details)
        except StoreError:
            target.unlink(missing_ok=True)  # a file that is not logged could not be verified
            raise
        return sha256

    def issued(self) -> list[IssuedFile]:
        """Every file handed out from this store, oldest first."""
        return issued_files(self.meta.entries())

    # -- backups ---------------------------------------------------------------------------

    def backup(self, target: Path) -> int:
        """Write a backup of the whole store to ``target``; returns the number of checks."""
        count = backups.write_backup(self.layout, target)
        self.meta.record("backup", self.actor, file=str(target), checks=count)
        return count

    def daily_backup(self, today: dt.date | None = None) -> Path | None:
        """Today's automatic backup, if not made yet (the last seven days are kept)."""
        return backups.daily_backup(self.layout, today or dt.date.today())

    def restore(self, source: Path) -> int:
        """Replace the whole store by the backup at ``source``; the current state is backed up
        first. Returns the number of checks restored."""
        try:
            staged = stage_backup(
                self.layout,
                source,
                SCHEMA_VERSION,
                lambda path, id_: damage_in(self.registry, path, id_),
            )
            safety = restoring.before_switch(
                self.layout, lambda: backups.special_backup(self.layout, "before-restore", source)
            )
            restoring.switch(self.layout, source, safety, self.actor)
        except OSError as error:
            raise _unusable(self.layout.root, error) from None
        self.problems.clear()
        if staged.left_out:
            self.problems.append(
                ngettext(
                    "{count} damaged file in the backup was left out: {files}",
                    "{count} damaged files in the backup were left out: {files}",
                    len(staged.left_out),
                ).format(count=len(staged.left_out), files=", ".join(staged.left_out))
            )
        self._connect()
        migrate(self.meta, self.layout, self.actor, MIGRATIONS)
        self.problems += self.index.load(self.checks.stored_row, on_gone=self._gone)
        self._found_again()
        return staged.checks

    # -- internals -------------------------------------------------------------------------

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
