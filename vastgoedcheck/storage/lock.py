"""The single-writer lock on a data folder, so a second running copy cannot lose writes."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import socket
import sys
import time
from pathlib import Path
from typing import Any

from vastgoedcheck.i18n import _
from vastgoedcheck.storage.errors import StoreError, StoreLocked

_LOCK_OFFSET = 1 << 20  # Windows locks a byte range; lock one far past the holder's details
# What a lock that is held by another process looks like: "would block", or "access denied"
# (Windows' msvcrt, and fcntl locks on some systems). Anything else means the file system
# cannot lock at all (ENOTSUP, ENOLCK on some network, FUSE and cloud volumes).
_HELD = frozenset({errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES, getattr(errno, "EDEADLOCK", -1)})


def _windows_locking() -> Any:
    """Windows' msvcrt module on Windows (looked up at each call, so tests can simulate it)."""
    if sys.platform != "win32":
        return None
    try:
        import msvcrt
    except ImportError:  # a test that only pretends to be on Windows
        return None
    return msvcrt


def _try_lock(descriptor: int) -> bool:
    """True when the lock was taken, False when another process holds it; OSError otherwise."""
    try:
        msvcrt = _windows_locking()
        if msvcrt is not None:
            os.lseek(descriptor, _LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as error:
        if error.errno in _HELD:
            return False
        raise
    return True


class FolderLock:
    """An operating-system lock on ``path``, held while the store is open.

    The kernel releases the lock when the holding process ends, however it ends, so a lock left
    by a crashed process never blocks anyone: its details are still in the file, which is how
    ``stale`` tells that the previous session did not close cleanly.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._descriptor: int | None = None
        self._program: str | None = None
        self.stale: dict[str, Any] | None = None

    def acquire(self, wait: float = 0.0, program: str | None = None) -> None:
        """Take the lock, waiting up to ``wait`` seconds for another copy to let go of it.
        ``program`` ("app", or a command's name) is written into the file, so that a copy that
        is refused can say which program holds the folder."""
        try:
            descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as error:
            raise StoreError(
                _("the data folder {folder} cannot be opened ({reason})").format(
                    folder=self.path.parent, reason=error.strerror or error
                )
            ) from None
        deadline = time.monotonic() + wait
        while not self._locked(descriptor):
            if time.monotonic() >= deadline:
                holder = self._holder()
                os.close(descriptor)
                raise StoreLocked(self._locked_message(holder))
            time.sleep(0.05)
        self._descriptor = descriptor
        self.stale = self._holder()
        self._program = program
        self._write_details(descriptor)

    def _write_details(self, descriptor: int) -> None:
        details = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "since": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        }
        if self._program:
            details["program"] = self._program
        with contextlib.suppress(OSError):  # the details only make messages clearer
            os.ftruncate(descriptor, 0)
            os.lseek(descriptor, 0, os.SEEK_SET)
            os.write(descriptor, json.dumps(details).encode("utf-8"))

    def _locked(self, descriptor: int) -> bool:
        try:
            return _try_lock(descriptor)
        except OSError as error:
            os.close(descriptor)
            raise StoreError(
                _(
                    "the data folder {folder} cannot be locked against a second running copy "
                    "({reason}); keep the data folder on a local disk of this computer"
                ).format(folder=self.path.parent, reason=error.strerror or error)
            ) from None

    def verify(self) -> None:
        """StoreLocked unless this process still holds the lock on the file now at ``path``.

        The lock belongs to the open file, not to its name: if the lock file is removed (by a
        clean-up tool, a sync program, a person) a second copy can create a new one and lock
        that. Every write of a store file asks this first, so the first copy then stops instead
        of overwriting what the second wrote. A lock file that is merely gone is taken again.
        """
        if self._descriptor is None:
            return
        held = os.fstat(self._descriptor)
        try:
            on_path = os.stat(self.path)
        except FileNotFoundError:
            if self._take_again():
                return
        else:
            if (on_path.st_dev, on_path.st_ino) == (held.st_dev, held.st_ino):
                return
        raise StoreLocked(
            _(
                "the lock file of this data folder was removed or replaced while vastgoedcheck "
                "had it open, so another copy may be using the folder; nothing was saved: close "
                "every copy of vastgoedcheck and start it again"
            )
        )

    def _take_again(self) -> bool:
        """Lock a new lock file in place of one that was removed; False if someone else has."""
        try:
            descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            return False
        try:
            taken = _try_lock(descriptor)
            info, on_path = os.fstat(descriptor), os.stat(self.path)
        except OSError:
            taken = False
        if not taken or (info.st_dev, info.st_ino) != (on_path.st_dev, on_path.st_ino):
            os.close(descriptor)
            return False
        old, self._descriptor = self._descriptor, descriptor
        if old is not None:
            os.close(old)
        self._write_details(descriptor)
        return True

    def _holder(self) -> dict[str, Any] | None:
        try:
            with self.path.open("rb") as handle:
                data = json.loads(handle.read(4096).decode("utf-8") or "null")
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def _locked_message(self, holder: dict[str, Any] | None) -> str:
        return locked_message(holder)

    def release(self) -> None:
        """Unlock and clear the holder's details: the session ended cleanly."""
        if self._descriptor is None:
            return
        descriptor, self._descriptor = self._descriptor, None
        with contextlib.suppress(OSError):
            os.ftruncate(descriptor, 0)  # below Windows' locked byte, so allowed there too
        os.close(descriptor)  # closing the descriptor releases the lock


def locked_message(holder: dict[str, Any] | None) -> str:
    """The sentence for a copy that cannot have the folder: which program holds it, and where."""
    if not holder or "pid" not in holder:
        return _("vastgoedcheck is already open on this data folder")
    where = {"pid": holder.get("pid"), "host": holder.get("host", "?")}
    program = holder.get("program")
    if program == "app":
        return _(
            "the data folder is in use by the vastgoedcheck app (process {pid} on {host}); close "
            "the app first, or make the change in it"
        ).format(**where)
    if isinstance(program, str) and program:
        return _(
            "the data folder is in use by the command 'vastgoedcheck {command}' (process {pid} "
            "on {host}); try again when it has finished"
        ).format(command=program, **where)
    return _(
        "vastgoedcheck is already open on this data folder (process {pid} on {host}); "
        "close it first"
    ).format(**where)
