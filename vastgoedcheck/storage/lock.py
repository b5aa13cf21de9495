"""The single-writer lock on a data folder, so a second running copy cannot lose writes."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
import sys
import time
from pathlib import Path
from typing import Any

from vastgoedcheck.i18n import _
from vastgoedcheck.storage.errors import StoreError, StoreLocked

_WINDOWS = sys.platform == "win32"
_LOCK_OFFSET = 1 << 20  # Windows locks a byte range; lock one far past the holder's details


def _try_lock(descriptor: int) -> bool:
    if _WINDOWS:
        import msvcrt

        os.lseek(descriptor, _LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
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
        self.stale: dict[str, Any] | None = None

    def acquire(self, wait: float = 0.0) -> None:
        try:
            descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as error:
            raise StoreError(
                _("the data folder {folder} cannot be opened ({reason})").format(
                    folder=self.path.parent, reason=error.strerror or error
                )
            ) from None
        deadline = time.monotonic() + wait
        while not _try_lock(descriptor):
            if time.monotonic() >= deadline:
                holder = self._holder()
                os.close(descriptor)
                raise StoreLocked(self._locked_message(holder))
            time.sleep(0.05)
        self._descriptor = descriptor
        self.stale = self._holder()
        details = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "since": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        }
        with contextlib.suppress(OSError):  # the details only make messages clearer
            os.ftruncate(descriptor, 0)
            os.lseek(descriptor, 0, os.SEEK_SET)
            os.write(descriptor, json.dumps(details).encode("utf-8"))

    def _holder(self) -> dict[str, Any] | None:
        try:
            with self.path.open("rb") as handle:
                data = json.loads(handle.read(4096).decode("utf-8") or "null")
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def _locked_message(self, holder: dict[str, Any] | None) -> str:
        if holder and "pid" in holder:
            return _(
                "vastgoedcheck is already open on this data folder (process {pid} on {host}); "
                "close it first"
            ).format(pid=holder.get("pid"), host=holder.get("host", "?"))
        return _("vastgoedcheck is already open on this data folder")

    def release(self) -> None:
        """Unlock and clear the holder's details: the session ended cleanly."""
        if self._descriptor is None:
            return
        descriptor, self._descriptor = self._descriptor, None
        with contextlib.suppress(OSError):
            os.ftruncate(descriptor, 0)  # below Windows' locked byte, so allowed there too
        os.close(descriptor)  # closing the descriptor releases the lock
