"""Where each kind of file lives in a data folder."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from vastgoedcheck.i18n import _
from vastgoedcheck.oserrors import os_reason
from vastgoedcheck.storage import fileops
from vastgoedcheck.storage.atomic import PRIVATE_FOLDER, read_sealed, write_sealed
from vastgoedcheck.storage.errors import StoreWriteError
from vastgoedcheck.storage.sealing import DataKey

CHECK_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Layout:
    """The files of one store::

    meta.json            schema version, store log (TinyDB)
    index.json           summary index: one row per check (TinyDB; a cache)
    index.journal        summary changes since index.json was written (a cache)
    checks/<id>.json     one check: revisions, audit events, summary (TinyDB)
    attachments/ab/<sha256>  attachment content, stored once
    backups/*.zip        automatic and requested backups
    damaged/             files that could not be read, moved aside
    vastgoedcheck.lock   held by the running copy (plain: no personal data)
    vastgoedcheck.key    the data key, wrapped by the passphrase and the recovery key (plain)
    pending/issued-*.json  files handed out by a command that only read (storage/pending.py)
    """

    root: Path
    # Called before every write of a store file: StoreError when this process no longer holds
    # the folder's lock (its lock file was removed or replaced), so nothing is overwritten.
    guard: Callable[[], None] | None = field(default=None, compare=False, repr=False)
    # Opened without the lock, to read only: nothing in the folder may be written or moved
    # (the guard refuses every write; what reading finds is told, and left for a writer).
    read_only: bool = False
    # The folder's data key: every store file is sealed with it (storage/sealing.py). Only
    # tests of the parts below the store work without one, on plain files.
    key: DataKey | None = field(default=None, compare=False, repr=False)

    def read(self, path: Path) -> bytes:
        """The content of the store file at ``path``, opened with the folder's key."""
        return read_sealed(self.key, path)

    def write(self, path: Path, payload: bytes, *, compress: bool = True) -> None:
        """Replace the store file at ``path`` by ``payload``, sealed, atomically;
        ``compress``: see DataKey.seal."""
        write_sealed(self.key, path, payload, compress=compress)

    def check_guard(self) -> None:
        if self.guard is not None:
            self.guard()

    @property
    def meta(self) -> Path:
        return self.root / "meta.json"

    @property
    def index(self) -> Path:
        return self.root / "index.json"

    @property
    def journal(self) -> Path:
        return self.root / "index.journal"

    @property
    def checks(self) -> Path:
        return self.root / "checks"

    @property
    def attachments(self) -> Path:
        return self.root / "attachments"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def damaged(self) -> Path:
        return self.root / "damaged"

    @property
    def lock(self) -> Path:
        return self.root / "vastgoedcheck.lock"

    @property
    def pending(self) -> Path:
        return self.root / "pending"

    def check_file(self, check_id: str) -> Path:
        return self.checks / f"{check_id}.json"

    def attachment_file(self, sha256: str) -> Path:
        return self.attachments / sha256[:2] / sha256

    def create_folders(self) -> None:
        for folder in (self.root, self.checks, self.attachments, self.backups):
            folder.mkdir(PRIVATE_FOLDER, parents=True, exist_ok=True)

    def remove_temporary_files(self) -> None:
        """Remove the temporary files a killed process may have left (only the lock holder
        may call this: another writer's temporary files would be in use)."""
        folders = [self.root, self.checks, self.attachments, self.backups, self.pending]
        with contextlib.suppress(OSError):
            folders += [path for path in self.attachments.glob("??") if path.is_dir()]
        for folder in folders:
            with contextlib.suppress(OSError):
                for path in folder.glob(".*.tmp"):
                    with contextlib.suppress(OSError):
                        path.unlink()

    def move_aside(self, path: Path) -> Path:
        """Move a damaged file to ``damaged/`` under a time-stamped name, and return that."""
        self.check_guard()  # a reader leaves it where it is, for the next writer
        self.damaged.mkdir(PRIVATE_FOLDER, exist_ok=True)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.damaged / f"{stamp}-{path.name}"
        counter = 1
        while target.exists():
            counter += 1
            target = self.damaged / f"{stamp}-{counter}-{path.name}"
        try:
            fileops.replace(path, target)
        except OSError as error:
            raise StoreWriteError(
                _("{file} is damaged and could not be moved aside ({reason})").format(
                    file=path, reason=os_reason(error)
                )
            ) from error
        return target
