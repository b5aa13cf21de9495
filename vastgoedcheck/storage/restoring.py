"""The restore switch: a staged backup put in place of the store's files, journaled so that a
stop at any moment is finished at the next start — forwards or backwards, never half.

Phases:

1. the backup is unpacked and checked in ``restore.tmp`` (backup_reading); the store is
   untouched. A stop here is undone: ``restore.tmp`` is removed.
2. ``restore.journal`` is written (atomically): from now on the restore is finished forwards.
   Each of ``meta.json``, ``checks`` and ``attachments`` is moved to ``replaced.tmp``, and its
   staged copy into its place; the index caches are removed; the restore is entered in the
   (restored) store log, once.
3. Only then are ``replaced.tmp`` and ``restore.tmp`` deleted, and the journal last.

The encryption of a folder of an earlier version (storage/conversion.py) is the same switch:
sealed copies of the folder's own files are staged, put in place, and only then are the plain
ones deleted; its journal says ``"action": "converted"``.

A restore that fails with a system error during phase 2 is turned back: what was moved in goes
out, what was moved out comes back, and the journal is removed first, so that a stop while
turning back is turned back too.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from vastgoedcheck.i18n import _
from vastgoedcheck.oserrors import os_reason
from vastgoedcheck.storage import fileops
from vastgoedcheck.storage.atomic import (
    PRIVATE_FILE,
    PRIVATE_FOLDER,
    discard,
    fsync_folder,
    read_json_object,
)
from vastgoedcheck.storage.backup_reading import STAGING
from vastgoedcheck.storage.errors import DamagedFile, StoreError, StoreWriteError
from vastgoedcheck.storage.layout import Layout
from vastgoedcheck.storage.meta import MetaFile

JOURNAL = "restore.journal"
REPLACED = "replaced.tmp"
# pending and damaged are staged only by a conversion (a backup holds neither).
_SWITCHED = ("meta.json", "checks", "attachments", "pending", "damaged")
CONVERTED = "converted"
_ABSENT = ".absent"  # in replaced.tmp: this file or folder was not there before the restore


@dataclass(frozen=True)
class Finished:
    """What the next start did with an interrupted restore, to tell the user."""

    forwards: bool
    source: str
    safety_backup: str
    converted: bool = False  # an encryption of a folder of an earlier version, not a restore

    def message(self) -> str:
        if self.converted:
            return _(
                "An encryption of this data folder was interrupted; it has now been completed: "
                "every check in it is encrypted."
            )
        if self.forwards:
            return _(
                "A restore of {file} was interrupted; it has now been completed: the data folder "
                "holds the checks of that backup (the state before is in {safety})."
            ).format(file=self.source, safety=self.safety_backup)
        return _(
            "A restore was interrupted before it was complete; it has been undone: the data "
            "folder is as it was before the restore."
        )


def before_switch(layout: Layout, step: Callable[[], Path]) -> Path:
    """Run ``step`` (the safety backup) between staging and switching: when it fails, the
    staged backup is removed, so that the next start has nothing to undo."""
    try:
        return step()
    except Exception:
        shutil.rmtree(layout.root / STAGING, ignore_errors=True)
        raise


def switch(
    layout: Layout,
    source: Path,
    safety_backup: Path | None,
    actor: str,
    *,
    converted_checks: int | None = None,
) -> None:
    """Put the staged backup in place (phases 2 and 3); StoreWriteError after turning back.

    ``converted_checks``: what is staged is the folder's own files, sealed (a conversion of
    that many checks), not a backup; the store log then says "converted".

    StoreLocked (before any change, or half-way: the next start then finishes forwards) when
    this process no longer holds the folder's lock."""
    try:
        layout.check_guard()
    except StoreError:
        shutil.rmtree(layout.root / STAGING, ignore_errors=True)
        raise
    journal: dict[str, object] = {
        "restore": str(uuid.uuid4()),
        "source": str(source),
        "safety_backup": str(safety_backup or ""),
        "actor": actor,
    }
    if converted_checks is not None:
        journal.update(action=CONVERTED, checks=converted_checks)
    try:
        payload = json.dumps(journal, ensure_ascii=False).encode("utf-8")
        layout.write(layout.root / JOURNAL, payload)
        _forwards(layout, journal)
    except (OSError, StoreWriteError) as error:
        _backwards(layout)
        reason = os_reason(error) if isinstance(error, OSError) else str(error)
        if converted_checks is not None:
            raise StoreWriteError(not_encrypted(layout.root, reason)) from error
        raise StoreWriteError(
            _("the backup could not be restored ({reason}); nothing was changed").format(
                reason=reason
            )
        ) from error
    _clean_up(layout)


def not_encrypted(folder: Path, reason: str) -> str:
    """The sentence for a conversion that failed and was turned back."""
    return _(
        "the checks in {folder} could not be encrypted ({reason}); they are as they were, and "
        "they are encrypted the next time the data folder is opened with its passphrase"
    ).format(folder=folder, reason=reason)


def restore_under_way(layout: Layout) -> bool:
    """Whether a restore is going on in the folder, or was stopped there half-way."""
    return any((layout.root / name).exists() for name in (JOURNAL, REPLACED, STAGING))


def finish_interrupted_restore(layout: Layout, actor: str) -> Finished | None:
    """After a stop during a restore, finish it (or undo it); None when there was none.

    Call before anything else touches the folder (even before its sub-folders are made).
    """
    journal_path = layout.root / JOURNAL
    try:
        journal = read_json_object(journal_path, layout.key)
    except DamagedFile:
        journal = None  # cut short while being written: the switch had not begun
        discard(journal_path)
    staging, replaced = layout.root / STAGING, layout.root / REPLACED
    try:
        if journal is not None:
            journal.setdefault("actor", actor)
            _forwards(layout, journal)
            _clean_up(layout)
            return Finished(
                True,
                str(journal.get("source")),
                str(journal.get("safety_backup")),
                converted=journal.get("action") == CONVERTED,
            )
        if staging.exists() or replaced.exists():
            _backwards(layout)
            return Finished(False, "", "")
    except OSError as error:
        raise StoreError(
            _(
                "an interrupted restore in {folder} could not be finished ({reason}); nothing "
                "was deleted"
            ).format(folder=layout.root, reason=os_reason(error))
        ) from error
    return None


def _forwards(layout: Layout, journal: dict[str, object]) -> None:
    """Phase 2, from wherever it stopped; every step can be repeated."""
    staging, replaced = layout.root / STAGING, layout.root / REPLACED
    replaced.mkdir(PRIVATE_FOLDER, exist_ok=True)
    for name in _SWITCHED:
        staged, current, out = staging / name, layout.root / name, replaced / name
        if not staged.exists():
            continue  # already moved in
        layout.check_guard()  # no folder is switched once another copy may be using it
        if current.exists():
            if out.exists():  # made again after it was moved out: keep it aside as well
                out = replaced / f"{name}.{uuid.uuid4().hex}"
            fileops.replace(current, out)
            fsync_folder(replaced)
        elif not out.exists():  # a new folder: turning back means removing what comes in
            (replaced / f"{name}{_ABSENT}").touch(PRIVATE_FILE)
            fsync_folder(replaced)
        fileops.replace(staged, current)
        fsync_folder(layout.root)
    for cache in (layout.index, layout.journal):
        fileops.remove(cache, missing_ok=True)
    meta = MetaFile(layout)
    restore_id = journal.get("restore")
    if any(entry.get("restore") == restore_id for entry in meta.entries()):
        return
    if journal.get("action") == CONVERTED:
        meta.record(
            CONVERTED, str(journal.get("actor")), checks=journal.get("checks"), restore=restore_id
        )
    else:
        meta.record(
            "restored",
            str(journal.get("actor")),
            file=str(journal.get("source")),
            safety_backup=str(journal.get("safety_backup")),
            restore=restore_id,
        )


def _backwards(layout: Layout) -> None:
    """Undo phase 2 as far as it went: the store's own files back in place."""
    staging, replaced = layout.root / STAGING, layout.root / REPLACED
    # First: a stop from here on is turned back as well. If it stays (held by another program
    # through every try), nothing is turned back and the next start finishes forwards.
    fileops.remove(layout.root / JOURNAL, missing_ok=True)
    fsync_folder(layout.root)
    if replaced.exists():
        staging.mkdir(PRIVATE_FOLDER, exist_ok=True)
        for name in _SWITCHED:
            out, current = replaced / name, layout.root / name
            absent = (replaced / f"{name}{_ABSENT}").exists()
            if not out.exists() and not absent:
                continue
            if current.exists():  # the backup's copy, moved in: out again
                fileops.replace(current, staging / f"{name}.{uuid.uuid4().hex}")
            if out.exists():
                fileops.replace(out, current)
            fsync_folder(layout.root)
    for folder in (replaced, staging):  # replaced.tmp first: it is what says "turn back"
        with contextlib.suppress(OSError, StoreWriteError):
            _remove_tree(folder)


def _remove_tree(folder: Path) -> None:
    """Delete ``folder`` and all in it, waiting out a file held by another program."""

    def remove() -> None:
        if folder.exists():
            shutil.rmtree(folder)

    fileops.retry(remove, folder)


def _clean_up(layout: Layout) -> None:
    """Phase 3: the switch is complete, so what was moved out may go; the journal last.

    Were the journal removed while part of ``replaced.tmp`` stays, the next start would take
    the restore for one to turn back: so then the journal stays, and the next start finishes
    forwards (which changes nothing more) and cleans up again."""
    try:
        for name in (REPLACED, STAGING):
            _remove_tree(layout.root / name)
    except (OSError, StoreWriteError):
        return
    with contextlib.suppress(OSError, StoreWriteError):
        fileops.remove(layout.root / JOURNAL, missing_ok=True)
    with contextlib.suppress(OSError):
        fsync_folder(layout.root)
