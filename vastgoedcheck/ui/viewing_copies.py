"""Read-only copies of attachments for the system's viewer, kept only while the app runs.

The store keeps attachments by SHA-256 without a name, so a viewer needs a copy with a name and
the right extension. The copies (often passport scans) live in a private temporary folder per
session, removed when the app closes; a session that ended without closing (a crash, a power
cut) leaves its folder, which the next start removes. A session holds an operating-system lock
on a file in its folder, so a start never removes the folder of a copy still running.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import stat
import sys
import tempfile
from pathlib import Path

from vastgoedcheck.file_types import FileKind, safe_file_name

PREFIX = "vastgoedcheck-view-"
_LOCK_NAME = "session.lock"
_WINDOWS = sys.platform == "win32"
# Windows' Mark-of-the-Web: the file came from elsewhere, so Windows asks before running it.
_MARK_OF_THE_WEB = b"[ZoneTransfer]\r\nZoneId=3\r\n"


def _lock(descriptor: int) -> bool:
    """Take the session's lock on ``descriptor`` without waiting; False if another holds it."""
    if _WINDOWS:
        import msvcrt

        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def remove_folder(folder: Path) -> bool:
    """Remove ``folder`` with everything in it, read-only files too (on Windows, the read-only
    attribute makes a delete fail); True when nothing is left."""
    for parent, folders, files in os.walk(folder, topdown=False):
        for name in files:
            path = Path(parent) / name
            if not path.is_symlink():  # a link is removed, never what it points to changed
                with contextlib.suppress(OSError):
                    path.chmod(stat.S_IREAD | stat.S_IWRITE)
            with contextlib.suppress(OSError):
                path.unlink()
        for name in folders:
            with contextlib.suppress(OSError):
                (Path(parent) / name).rmdir()
    with contextlib.suppress(OSError):
        folder.rmdir()
    return not folder.exists()


def _own(folder: Path) -> bool:
    """Whether ``folder`` belongs to this user (a shared temporary folder holds others')."""
    if not hasattr(os, "getuid"):  # Windows: every user has a temporary folder of their own
        return True
    try:
        return folder.lstat().st_uid == os.getuid()
    except OSError:
        return False


def remove_stale(base: Path | None = None) -> int:
    """Remove the copies that ended sessions left behind in ``base`` (the temporary folder);
    return how many folders were removed."""
    removed = 0
    try:
        candidates = list(Path(base or tempfile.gettempdir()).glob(f"{PREFIX}*"))
    except OSError:
        return 0
    for folder in candidates:
        if folder.is_symlink() or not folder.is_dir() or not _own(folder):
            continue
        try:
            descriptor = os.open(folder / _LOCK_NAME, os.O_RDWR)
        except FileNotFoundError:
            descriptor = None  # never locked, or its lock is already gone
        except OSError:
            continue  # not ours (another user's) or in use
        if descriptor is not None:
            free = _lock(descriptor)
            os.close(descriptor)  # releases the lock just taken
            if not free:
                continue  # a running copy of the app
        removed += remove_folder(folder)
    return removed


class ViewingCopies:
    """This session's viewing copies."""

    def __init__(self, base: Path | None = None) -> None:
        self.base = base
        self.folder: Path | None = None
        self._lock_descriptor: int | None = None

    def _session_folder(self) -> Path:
        if self.folder is None:
            folder = Path(tempfile.mkdtemp(prefix=PREFIX, dir=self.base))  # mode 0700
            descriptor = os.open(folder / _LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
            _lock(descriptor)
            self.folder, self._lock_descriptor = folder, descriptor
            atexit.register(self.remove)
        return self.folder

    def copy(self, content: bytes, sha256: str, name: str, kind: FileKind | None) -> Path:
        """A read-only plain copy of the stored attachment ``sha256`` (whose plain content is
        ``content``: the stored file is sealed) named after ``name``: with the extension of the
        detected ``kind``, or, for a type that is not opened, its own extension. On Windows it
        carries the mark that it came from elsewhere: Windows asks before running it, and a PDF
        reader opens it in its protected view."""
        folder = self._session_folder() / sha256[:16]
        target = folder / safe_file_name(name, kind.suffix if kind is not None else None)
        if not target.exists():
            folder.mkdir(exist_ok=True)
            with target.open("xb") as handle:  # readable by this user only (the folder is)
                handle.write(content)
            if sys.platform == "win32":
                with contextlib.suppress(OSError):  # the warning was given all the same
                    Path(f"{target}:Zone.Identifier").write_bytes(_MARK_OF_THE_WEB)
            target.chmod(stat.S_IREAD)
        return target

    def remove(self) -> bool:
        """Remove this session's copies (when the app closes); True when none are left."""
        if self.folder is None:
            return True
        if self._lock_descriptor is not None:
            with contextlib.suppress(OSError):
                os.close(self._lock_descriptor)  # Windows removes no file that is open
            self._lock_descriptor = None
        gone = remove_folder(self.folder)  # what a viewer still holds goes at the next start
        self.folder = None
        return gone


VIEWING_COPIES = ViewingCopies()
