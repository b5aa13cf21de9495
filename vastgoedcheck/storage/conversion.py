"""Encrypting a data folder of an earlier version: crash-safe, through the restore's switch.

Order, so that a stop at any moment leaves a usable folder (never neither, never a mix):

1. The caller writes the key file (``folder_key.create``): a folder with a key file and a
   plain ``meta.json`` is being converted. Its plain files are untouched so far.
2. Interrupted work of the earlier version is finished first (a restore of its time).
3. Sealed copies of ``meta.json`` and of every file in ``checks``, ``attachments``,
   ``pending`` and ``damaged`` are staged in ``restore.tmp``; the list of the app's own
   backups to rewrite is written (``conversion.journal``, sealed).
4. The journaled switch of storage/restoring.py puts the sealed copies in place; only then
   are the plain files deleted. The index is a cache: it is removed, and rebuilt sealed.
5. Each backup on the list is rewritten sealed, one atomic rename each; the list goes last.

Opening the folder with its key (``Store.open``) finishes whatever is left of this, forwards:
a stop before the switch is staged again, a stop during it is finished from its journal.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sys
from dataclasses import replace
from pathlib import Path

from vastgoedcheck.i18n import _, ngettext
from vastgoedcheck.oserrors import os_reason
from vastgoedcheck.storage import backup_conversion, fileops, folder_key, restoring
from vastgoedcheck.storage.atomic import PRIVATE_FOLDER, discard, flush_to_disk, fsync_folder
from vastgoedcheck.storage.backup_reading import STAGING
from vastgoedcheck.storage.errors import StoreError, StoreWriteError
from vastgoedcheck.storage.folder_state import WrongKey
from vastgoedcheck.storage.layout import CHECK_ID, Layout
from vastgoedcheck.storage.lock import FolderLock
from vastgoedcheck.storage.sealing import MAGIC, DataKey, is_sealed

JOURNAL = "conversion.journal"  # the backups still to rewrite; there while a conversion is
_STAGED = ("checks", "attachments", "pending", "damaged")
_LOCK_WAIT_SECONDS = 2.0
_SYNC_ONCE = sys.platform.startswith("linux")  # as backup_reading.py


def _plain_meta(layout: Layout) -> bool:
    """Whether the folder's ``meta.json`` is the plain store log of an earlier version: a JSON
    object with its ``meta`` table. A sealed one that is damaged, or plain text that is no
    such object (cut short, or put there by hand), is not: it is handled as damage."""
    try:
        with layout.meta.open("rb") as handle:
            start = handle.read(len(MAGIC))
            if is_sealed(start) or not start.lstrip(b" \t\r\n\xef\xbb\xbf").startswith(b"{"):
                return False
            data = json.loads((start + handle.read()).decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return False
    return isinstance(data, dict) and isinstance(data.get("meta"), dict)


def _plain_checks(layout: Layout) -> bool:
    """Whether the folder's check files are plain (the first one found tells; none: yes)."""
    try:
        with os.scandir(layout.checks) as entries:
            for entry in entries:
                if entry.name.endswith(".json") and CHECK_ID.fullmatch(entry.name[:-5]):
                    with open(entry.path, "rb") as handle:
                        return not is_sealed(handle.read(len(MAGIC)))
    except OSError:
        pass
    return True


def conversion_under_way(root: Path) -> bool:
    """Whether the folder at ``root`` has its key file but is not wholly encrypted yet (a
    conversion was begun and stopped, or is going on): opening it with its key finishes it.

    A plain ``meta.json`` beside sealed check files is not that: it was put there by hand (or
    damaged), and is handled as damage."""
    layout = Layout(Path(root))
    if not folder_key.has_key_file(layout.root):
        return False
    if (layout.root / JOURNAL).exists():
        return True
    return _plain_meta(layout) and _plain_checks(layout)


def convert_plain_folder(root: Path, key: DataKey, actor: str, *, program: str = "app") -> int:
    """Encrypt the folder of an earlier version at ``root`` with ``key``, whose key file the
    caller has just written (``folder_key.create``); returns the number of checks converted.

    StoreError in one sentence when it cannot be done: the checks are then as they were (or,
    after a stop half-way, encrypted at the next opening with the passphrase)."""
    root = Path(root)
    if folder_key.KeyFile.read(root).key_id != key.key_id:
        raise WrongKey(
            _(
                "this key belongs to another data folder, not to {folder}; nothing was changed"
            ).format(folder=root)
        )
    layout = Layout(root, key=key)
    lock = FolderLock(layout.lock)
    lock.acquire(_LOCK_WAIT_SECONDS, program)
    try:
        return finish_conversion(replace(layout, guard=lock.verify), actor, resumed=False)[1]
    except OSError as error:
        raise StoreWriteError(restoring.not_encrypted(root, os_reason(error))) from error
    finally:
        lock.release()


def finish_conversion(layout: Layout, actor: str, *, resumed: bool = True) -> tuple[list[str], int]:
    """Encrypt what is still plain in a folder being converted (the caller holds its lock);
    what the user is told, and how many checks were converted. Nothing for any other folder.

    ``resumed``: the folder is being opened, so a conversion found under way was interrupted
    (or never begun after the key file was written); the user is told it is now complete."""
    if not conversion_under_way(layout.root):
        return [], 0
    converted = 0
    _finish_earlier_work(layout, actor)
    if _plain_meta(layout):
        layout.remove_temporary_files()
        converted = _stage(layout)
        try:
            _write_journal(layout, backup_conversion.plain_backups(layout))
        except Exception:
            shutil.rmtree(layout.root / STAGING, ignore_errors=True)  # nothing to undo
            raise
        try:
            restoring.switch(layout, layout.root, None, actor, converted_checks=converted)
        except StoreWriteError:  # turned back: the plain files are in place again
            discard(layout.root / JOURNAL)
            raise
    else:  # switched before a stop: the checks it converted are those in the folder now
        converted = sum(1 for path in layout.checks.glob("*.json") if CHECK_ID.fullmatch(path.stem))
    told = [restoring.Finished(True, "", "", converted=True).message()] if resumed else []
    return told + _seal_backups(layout), converted


def _finish_earlier_work(layout: Layout, actor: str) -> None:
    """A restore (of the earlier version, plain) or a conversion switch stopped half-way:
    finished from its journal; a staging folder without one is removed."""
    plain = replace(layout, key=None)
    journal = layout.root / restoring.JOURNAL
    try:
        raw = fileops.read_bytes(journal)
    except FileNotFoundError:
        raw = None
    if raw is not None and not is_sealed(raw):
        restoring.finish_interrupted_restore(plain, actor)  # the earlier version's restore
    elif raw is not None:  # this conversion's switch, sealed: finished forwards
        restoring.finish_interrupted_restore(layout, actor)
    elif _plain_meta(layout):  # staged, not switched: undone here, and staged again
        restoring.finish_interrupted_restore(plain, actor)


def _stage(layout: Layout) -> int:
    """Sealed copies of the folder's own files in ``restore.tmp``; the number of checks."""
    key = layout.key
    assert key is not None
    staging = layout.root / STAGING
    shutil.rmtree(staging, ignore_errors=True)
    try:
        staging.mkdir(PRIVATE_FOLDER)
        _copy_sealed(key, layout.meta, staging / "meta.json")
        checks = 0
        for name in _STAGED:
            source = layout.root / name
            if not source.is_dir():
                continue
            for path in sorted(source.rglob("*")):
                if not path.is_file() or path.is_symlink():
                    continue
                target = staging / path.relative_to(layout.root)
                _copy_sealed(key, path, target)
                if name == "checks" and CHECK_ID.fullmatch(path.stem) and path.suffix == ".json":
                    checks += 1
            (staging / name).mkdir(PRIVATE_FOLDER, exist_ok=True)
        _make_durable(staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return checks


def _copy_sealed(key: DataKey, source: Path, target: Path) -> None:
    for folder in reversed(target.parents):  # each one private (parents=True would not be)
        if not folder.exists():
            folder.mkdir(PRIVATE_FOLDER)
    content = fileops.read_bytes(source)
    sealed = content if is_sealed(content) else key.seal(content, target.name)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    with os.fdopen(os.open(target, flags, 0o600), "wb") as writer:
        writer.write(sealed)
        writer.flush()
        if not _SYNC_ONCE:
            flush_to_disk(writer.fileno())


def _make_durable(staging: Path) -> None:
    if _SYNC_ONCE:
        os.sync()
    for folder in sorted(staging.rglob("*"), reverse=True):
        if folder.is_dir():
            fsync_folder(folder)
    fsync_folder(staging)


def _write_journal(layout: Layout, backups: list[Path]) -> None:
    """Before the switch: the backups to rewrite afterwards (also after a stop)."""
    names = [path.name for path in backups]
    layout.write(layout.root / JOURNAL, json.dumps({"backups": names}).encode("utf-8"))


def _seal_backups(layout: Layout) -> list[str]:
    """Rewrite every plain backup of the app sealed; the journal goes once all are done. A
    backup that cannot be rewritten now is said, and tried again at the next opening."""
    journal = layout.root / JOURNAL
    if not journal.exists():
        return []
    backup_conversion.remove_leftovers(layout)
    told = []
    for path in backup_conversion.plain_backups(layout):
        layout.check_guard()
        try:
            backup_conversion.seal_backup(layout, path)
        except (OSError, StoreError) as error:
            reason = os_reason(error) if isinstance(error, OSError) else str(error)
            told.append(
                _(
                    "The backup {file} of before the encryption could not be encrypted yet "
                    "({reason}); this is tried again the next time the data folder is opened."
                ).format(file=path, reason=reason)
            )
    if told:
        return told
    with contextlib.suppress(OSError, StoreWriteError):  # else removed at the next opening
        fileops.remove(journal, missing_ok=True)
    return told


def unencrypted_zips_note(root: Path) -> str | None:
    """What to tell the user about zip files of their own in ``backups/`` (not the app's): the
    conversion does not touch them, so they are not encrypted. None when there are none."""
    own = backup_conversion.users_own_zips(Layout(Path(root)))
    if not own:
        return None
    return ngettext(
        "{count} zip file in {folder} was not made by vastgoedcheck and was left as it is, so "
        "it is not encrypted: {files}; delete it, or keep it as safely as any copy of personal "
        "data.",
        "{count} zip files in {folder} were not made by vastgoedcheck and were left as they "
        "are, so they are not encrypted: {files}; delete them, or keep them as safely as any "
        "copy of personal data.",
        len(own),
    ).format(count=len(own), folder=own[0].parent, files=", ".join(path.name for path in own))
