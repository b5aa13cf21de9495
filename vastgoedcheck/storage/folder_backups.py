"""Backing up and restoring a data folder, and opening one: locked, a restore finished."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from vastgoedcheck.i18n import _, ngettext
from vastgoedcheck.oserrors import os_reason
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage import backups, restoring
from vastgoedcheck.storage.atomic import PRIVATE_FOLDER, write_atomically
from vastgoedcheck.storage.backup_erasure import FileCodec, leave_out_erased
from vastgoedcheck.storage.backup_reading import (
    STAGING,
    BackupKey,
    backup_key_file,
    stage_backup,
)
from vastgoedcheck.storage.checks import damage_in
from vastgoedcheck.storage.conversion import finish_conversion
from vastgoedcheck.storage.erasure_log import erasure_records
from vastgoedcheck.storage.errors import DamagedFile, StoreError
from vastgoedcheck.storage.folder_key import KEY_FILE
from vastgoedcheck.storage.folder_state import FolderState, folder_state, refuse_unless_keyed
from vastgoedcheck.storage.index import SummaryIndex
from vastgoedcheck.storage.layout import Layout
from vastgoedcheck.storage.lock import FolderLock
from vastgoedcheck.storage.meta import MIGRATIONS, SCHEMA_VERSION, MetaFile
from vastgoedcheck.storage.migrate import migrate, too_new
from vastgoedcheck.storage.sealing import DataKey


def unusable(folder: Path, error: OSError) -> StoreError:
    return StoreError(
        _("the data folder {folder} cannot be used ({reason})").format(
            folder=folder, reason=os_reason(error)
        )
    )


def locked_layout(
    folder: Path, wait: float, program: str | None, key: DataKey
) -> tuple[Layout, FolderLock]:
    """The layout of ``folder`` with its data key, locked (by ``program``: "app" or a
    command's name)."""
    layout = Layout(Path(folder), key=key)
    try:
        layout.root.mkdir(PRIVATE_FOLDER, parents=True, exist_ok=True)
    except OSError as error:
        raise unusable(folder, error) from None
    lock = FolderLock(layout.lock)
    lock.acquire(wait, program)
    return replace(layout, guard=lock.verify), lock  # no write once the lock is lost


def ready_to_read(layout: Layout) -> bool:
    """Whether the folder can be read without the writer's lock: it has been made, is of this
    version and no restore is half-way (else opening it changes it first). StoreTooNew for a
    folder of a newer version, which no one here may change either."""
    try:
        if restoring.restore_under_way(layout) or not layout.checks.is_dir():
            return False
        version = MetaFile(layout).schema_version()
    except (OSError, DamagedFile, StoreError):
        return False  # opening it with the lock says what is wrong, and may set it right
    if version is not None and version > SCHEMA_VERSION:
        raise too_new(version)
    return version == SCHEMA_VERSION


def current_erasures(layout: Layout) -> list[dict[str, Any]]:
    """The erasure records of a folder's store log; none when it cannot be read (a damaged
    ``meta.json`` being recovered from a backup)."""
    try:
        return erasure_records(MetaFile(layout).entries())
    except (OSError, DamagedFile, StoreError, ValueError):
        return []


def prepare_folder(layout: Layout, actor: str) -> list[str]:
    """Finish an encryption of a folder of an earlier version or a restore that was
    interrupted, then make the folders; what was done, to tell the user."""
    told, _converted = finish_conversion(layout, actor)
    finished = restoring.finish_interrupted_restore(layout, actor)
    if finished is not None:
        told.append(finished.message())
    try:
        layout.create_folders()
    except OSError as error:
        raise unusable(layout.root, error) from None
    return told


def _adopt_key_file(folder: Path, source: Path, key: DataKey) -> None:
    """Give a new folder the key file of the backup at ``source`` when ``key`` is its key."""
    found = backup_key_file(source)
    if found is None or found.key_id != key.key_id:
        return  # refused next: the folder has not been set up
    try:
        folder.mkdir(PRIVATE_FOLDER, parents=True, exist_ok=True)
        write_atomically(folder / KEY_FILE, json.dumps(found.content, indent=2).encode("utf-8"))
    except OSError as error:
        raise unusable(folder, error) from None


class BackupsAndRestore:
    """The half of ``Store`` (a mixin) that makes backups and restores one."""

    layout: Layout
    registry: PackRegistry
    actor: str
    meta: MetaFile
    index: SummaryIndex
    problems: list[str]
    _connect: Callable[[], None]  # Store's (re)reading of meta file and index
    _open_index: Callable[[], None]
    enter_pending: Callable[[], int]  # Store's entering of files issued by readers
    backup_codec: Callable[[], FileCodec]  # how store files are read inside a backup

    @staticmethod
    def recover(
        folder: Path,
        source: Path,
        *,
        key: DataKey,
        actor: str,
        wait: float = 0.0,
        registry: PackRegistry | None = None,
        backup_key: BackupKey | None = None,
    ) -> int:
        """Put the backup at ``source`` in place of a data folder that cannot be opened (a
        damaged meta.json), or into a new one; what is there now is backed up first. Returns
        the number of checks restored; open the store afterwards as usual. ``key``: the
        folder's data key. A new folder (a new computer) takes the backup's key file, when
        ``key`` is the backup's (unlocked from ``backup_key_file(source)``). ``backup_key``:
        asked for the key of a backup made in another data folder (else it is refused)."""
        if folder_state(Path(folder)) is FolderState.NEW:
            _adopt_key_file(Path(folder), source, key)
        refuse_unless_keyed(Path(folder), key)
        layout, lock = locked_layout(folder, wait, None, key)
        try:
            prepare_folder(layout, actor)
            packs = registry or PackRegistry.builtin()
            erased = current_erasures(layout)  # read before the backup is unpacked
            staged = stage_backup(
                layout,
                source,
                SCHEMA_VERSION,
                lambda path, id_: damage_in(packs, path, id_, key),
                backup_key,
            )
            left_out = leave_out_erased(layout.root / STAGING, erased, key)
            safety = restoring.before_switch(
                layout, lambda: backups.special_backup(layout, "before-restore", source)
            )
            restoring.switch(layout, source, safety, actor)
        except OSError as error:
            raise unusable(folder, error) from None
        finally:
            lock.release()
        return staged.checks - left_out

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

    # -- backups ---------------------------------------------------------------------------

    def backup(self, target: Path) -> int:
        """Write a backup of the whole store to ``target``; returns the number of checks."""
        self.enter_pending()  # the files issued meanwhile are in the backup's store log
        count = backups.write_backup(self.layout, target)
        self.meta.record("backup", self.actor, file=str(target), checks=count)
        return count

    def daily_backup(self, today: dt.date | None = None) -> Path | None:
        """Today's automatic backup, if not made yet (the last seven days are kept)."""
        self.enter_pending()
        return backups.daily_backup(self.layout, today or dt.date.today())

    def restore(self, source: Path, backup_key: BackupKey | None = None) -> int:
        """Replace the whole store by the backup at ``source``; the current state is backed up
        first. Returns the number of checks restored. ``backup_key``: asked for the key of a
        backup made in another data folder (a new computer); without it that is refused."""
        self.layout.check_guard()  # nothing is unpacked into a folder another copy may be using
        codec = self.backup_codec()
        try:
            staged = stage_backup(
                self.layout,
                source,
                SCHEMA_VERSION,
                lambda path, id_: damage_in(self.registry, path, id_, self.layout.key),
                backup_key,
            )
            # An erased check cannot come back: its erasure record here keeps it out.
            left_out = leave_out_erased(
                self.layout.root / STAGING, erasure_records(self.meta.entries()), codec
            )
            safety = restoring.before_switch(
                self.layout, lambda: backups.special_backup(self.layout, "before-restore", source)
            )
            restoring.switch(self.layout, source, safety, self.actor)
        except OSError as error:
            raise unusable(self.layout.root, error) from None
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
        self._open_index()
        self.index.read_now()  # rebuilt now, so that damaged checks are reported now
        return staged.checks - left_out
