"""Renames, replaces, deletes and reads that wait out another program holding a file.

On Windows a virus scanner, the search indexer, OneDrive or a viewer that has a file open
makes a rename, a replace or a delete fail for a moment with a sharing violation (a
``PermissionError``). Every such operation in the store goes through ``retry``, which tries
again with a growing pause for a few seconds in all, and, when the file stays held, ends in
``FileInUse``: one sentence that tells the user to close the file in the other program.
"""

from __future__ import annotations

import ctypes
import errno
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from vastgoedcheck.i18n import _
from vastgoedcheck.oserrors import os_reason
from vastgoedcheck.storage.errors import StoreWriteError, UnreadableStoreFile

T = TypeVar("T")

# Pauses between attempts, 3.1 s in all: long enough for a virus scanner, short enough to wait.
PAUSES = (0.05, 0.1, 0.2, 0.35, 0.6, 0.8, 1.0)
# Windows' "file in use" errors: access denied, sharing violation, lock violation.
_IN_USE_WINERRORS = frozenset({5, 32, 33})
MOVEFILE_REPLACE_EXISTING = 0x1
MOVEFILE_WRITE_THROUGH = 0x8


class FileInUse(StoreWriteError):
    """A file stayed held by another program (or protected) through every attempt."""

    def __init__(self, path: Path, error: OSError) -> None:
        super().__init__(
            _(
                "{file} could not be changed because another program is using it (a viewer, a "
                "virus scanner or a cloud sync) or it is protected, so nothing was changed; close "
                "the file in the other program and try again ({reason})"
            ).format(file=path, reason=os_reason(error))
        )
        self.path = path
        self.error = error


class FileUnreadable(UnreadableStoreFile):
    """A file is there but could not be read through every attempt; it was left where it is."""

    def __init__(self, path: Path, error: OSError) -> None:
        super().__init__(path, os_reason(error))
        self.error = error


def _in_use(error: OSError) -> bool:
    return isinstance(error, PermissionError) or (
        getattr(error, "winerror", None) in _IN_USE_WINERRORS
    )


def retry(
    action: Callable[[], T], path: Path, *, retry_on: Callable[[OSError], bool] = _in_use
) -> T:
    """The result of ``action``, tried again with a growing pause while ``retry_on`` says the
    error is passing; FileInUse when a file stays held, other OSErrors as they are."""
    for pause in (*PAUSES, None):
        try:
            return action()
        except OSError as error:
            if not retry_on(error):
                raise
            if pause is None:
                if _in_use(error):
                    raise FileInUse(path, error) from error
                raise
            time.sleep(pause)
    raise AssertionError("unreachable")


def _move_file_ex(source: Path, target: Path) -> None:
    """Windows: replace ``target`` by ``source`` and return only once the rename is on disk."""
    windows: Any = ctypes  # WinDLL, WinError and get_last_error exist on Windows only
    kernel32 = windows.WinDLL("kernel32", use_last_error=True)
    flags = MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH
    if not kernel32.MoveFileExW(str(source), str(target), flags):
        raise windows.WinError(windows.get_last_error())


def replace(source: Path, target: Path) -> None:
    """Rename ``source`` over ``target`` atomically (write-through on Windows), retrying."""
    if sys.platform == "win32" and hasattr(ctypes, "WinDLL"):  # not when only pretending
        retry(lambda: _move_file_ex(source, target), target)
    else:
        retry(lambda: os.replace(source, target), target)


def remove(path: Path, *, missing_ok: bool = False) -> None:
    """Delete the file ``path``, retrying while another program holds it."""
    retry(lambda: path.unlink(missing_ok=missing_ok), path)


def _passing_read_error(error: OSError) -> bool:
    """A read error that may go away: everything except a missing file or a folder."""
    return not isinstance(error, (FileNotFoundError, IsADirectoryError, NotADirectoryError)) and (
        error.errno != errno.ENAMETOOLONG
    )


def read_bytes(path: Path) -> bytes:
    """The content of ``path``, retried while reading fails for a moment (a sharing violation,
    an offline cloud placeholder, a network drop); FileUnreadable if it keeps failing.
    FileNotFoundError when there is no file."""
    try:
        return retry(path.read_bytes, path, retry_on=_passing_read_error)
    except FileInUse as error:
        raise FileUnreadable(path, error.error) from None
    except OSError as error:
        if isinstance(error, FileNotFoundError):
            raise
        raise FileUnreadable(path, error) from None
