"""A TinyDB storage that writes atomically and durably, and serves reads from memory."""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

from tinydb import TinyDB
from tinydb.storages import Storage

from vastgoedcheck.i18n import _
from vastgoedcheck.oserrors import os_reason
from vastgoedcheck.storage import fileops
from vastgoedcheck.storage.errors import DamagedFile, StoreError, StoreWriteError
from vastgoedcheck.storage.sealing import DataKey, SealBroken, is_sealed

_WINDOWS = sys.platform == "win32"


def flush_to_disk(descriptor: int) -> None:
    """Make a file's content durable. On macOS fsync only hands it to the drive, whose cache
    may lose it in a power cut; F_FULLFSYNC asks the drive to write it for real."""
    if sys.platform == "darwin":
        import fcntl

        try:
            fcntl.fcntl(descriptor, fcntl.F_FULLFSYNC)
            return
        except OSError:
            pass  # not supported by this file system: fsync is the best there is
    os.fsync(descriptor)


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no directory handles for this)."""
    if _WINDOWS:
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


# Checks hold personal data: files are readable by their owner only (where the system has modes).
PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


def private_writer(path: Path) -> BinaryIO:
    """A new file at ``path`` (in a folder of the app's own making), open for writing,
    readable by its owner only; FileExistsError when something, even a link, is there."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    return os.fdopen(os.open(path, flags | getattr(os, "O_BINARY", 0), PRIVATE_FILE), "wb")


def private_temporary(target: Path) -> tuple[Path, BinaryIO]:
    """A new temporary file beside ``target``, open for writing, and its path.

    Its name cannot be guessed and it is created only if nothing (not even a symbolic link) is
    there yet (``O_EXCL | O_NOFOLLOW``), readable by its owner only: another user who may write
    to the folder can neither receive the content nor redirect the write.
    """
    # mkstemp opens with O_CREAT | O_EXCL (| O_NOFOLLOW where the system has it), mode 0600.
    descriptor, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        return Path(name), os.fdopen(descriptor, "wb")
    except BaseException:
        os.close(descriptor)
        discard(Path(name))
        raise


def discard(path: Path) -> None:
    """Remove a temporary file if it is there; a failure to do so changes nothing."""
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def write_atomically(path: Path, payload: bytes) -> None:
    """Replace ``path`` with ``payload``: after a crash the file is either old or new, whole.

    Raises OSError, or FileInUse (a StoreWriteError with its own sentence) when another program
    keeps the file held; the old file is then untouched and no temporary file is left behind.
    """
    temporary, handle = private_temporary(path)
    try:
        with handle:
            handle.write(payload)
            handle.flush()
            flush_to_disk(handle.fileno())
        fileops.replace(temporary, path)
    except BaseException:
        discard(temporary)
        raise
    # The new content is on disk and in place. Syncing the folder makes the rename itself
    # survive a power cut; some network and FUSE file systems refuse it, and then the write
    # has still happened, so it must not be reported as failed.
    with contextlib.suppress(OSError):
        fsync_folder(path.parent)


def sealed(key: DataKey | None, path: Path, payload: bytes, *, compress: bool = True) -> bytes:
    """What a store file at ``path`` holds on disk for ``payload``: sealed with the folder's
    data key under the file's base name (plain only where no key is given: the user's own
    files, and tests of the parts below the store); ``compress``: see DataKey.seal."""
    return payload if key is None else key.seal(payload, path.name, compress=compress)


def unsealed(key: DataKey | None, path: Path, raw: bytes) -> bytes:
    """The content of the store file at ``path`` whose bytes on disk are ``raw``.

    DamagedFile when it does not open with the key (changed, cut short, another key, or plain
    where it should be sealed): damage, handled as a damaged file is. Without a key a sealed
    file is refused (StoreError), never taken for damage and moved aside."""
    if key is None:
        if is_sealed(raw):
            raise StoreError(
                _("{file} is encrypted and cannot be read without the passphrase").format(file=path)
            )
        return raw
    try:
        return key.open(raw, path.name)
    except SealBroken as error:
        raise DamagedFile(path, f"does not open with the data folder's key ({error})") from None


def read_sealed(key: DataKey | None, path: Path) -> bytes:
    """The content of the store file at ``path``: FileNotFoundError when there is none,
    FileUnreadable when it cannot be read, DamagedFile when it does not open."""
    return unsealed(key, path, fileops.read_bytes(path))


def write_sealed(key: DataKey | None, path: Path, payload: bytes, *, compress: bool = True) -> None:
    """Replace the store file at ``path`` by ``payload``, sealed, atomically (write_atomically)."""
    write_atomically(path, sealed(key, path, payload, compress=compress))


def read_json_object(path: Path, key: DataKey | None = None) -> dict[str, Any] | None:
    """The JSON object in ``path`` (a store file, opened with ``key``), None when there is no file.

    DamagedFile only when the content is not a JSON object (the file is damaged); when the
    file cannot be read at all, FileUnreadable (an UnreadableStoreFile), and the file stays
    where it is; a folder in its place is damage.
    """
    try:
        raw = fileops.read_bytes(path)
    except FileNotFoundError:
        return None
    except fileops.FileUnreadable as error:
        if isinstance(error.error, IsADirectoryError):
            raise DamagedFile(path, "a folder, not a file") from None
        raise
    raw = unsealed(key, path, raw)
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise DamagedFile(path, str(error)) from None
    if not isinstance(data, dict):
        raise DamagedFile(path, "not a JSON object")
    return data


def _document_id(key: str) -> bool:
    """Whether ``key`` is a TinyDB document id as this app writes them: "1", "2", …"""
    return key.isascii() and key.isdigit()


class AtomicJSONStorage(Storage):
    """TinyDB storage for one small file.

    Every write serialises first, then writes a temporary file in the same folder, flushes and
    fsyncs it, renames it over the old file and fsyncs the folder. No handle stays open. Reads
    come from memory after the first. When a write fails, the in-memory state (which TinyDB
    has already changed) is dropped, so the next read shows what is on disk, and
    StoreWriteError says why. ``batch()`` turns several TinyDB operations into one write.
    """

    def __init__(
        self,
        path: Path,
        guard: Callable[[], None] | None = None,
        key: DataKey | None = None,
    ) -> None:
        self.path = path
        self._guard = guard  # called before every write: StoreError refuses it
        self._key = key  # the folder's data key: the file is sealed on disk
        self._data: dict[str, Any] | None = None
        self._batch_depth = 0
        self._pending: dict[str, Any] | None = None

    def read(self) -> dict[str, Any] | None:
        if self._data is None:
            data = read_json_object(self.path, self._key)
            if data is not None and not all(
                isinstance(table, dict)
                and all(_document_id(key) and isinstance(doc, dict) for key, doc in table.items())
                for table in data.values()
            ):
                raise DamagedFile(self.path, "not a TinyDB database")
            self._data = data
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        if self._batch_depth:
            self._pending = data
            self._data = data
            return
        self._commit(data)

    def _commit(self, data: dict[str, Any]) -> None:
        try:
            if self._guard is not None:
                self._guard()
            payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
            write_sealed(self._key, self.path, payload.encode("utf-8"))
        except OSError as error:
            self._data = None
            raise StoreWriteError(
                _("{file} could not be saved ({reason}); nothing was changed").format(
                    file=self.path.name, reason=os_reason(error)
                )
            ) from error
        except BaseException:
            self._data = None
            raise
        self._data = data

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Write once, at the end, whatever the TinyDB operations inside change."""
        self._batch_depth += 1
        try:
            yield
        except BaseException:
            self._data = self._pending = None
            raise
        finally:
            self._batch_depth -= 1
        if self._batch_depth == 0 and self._pending is not None:
            pending, self._pending = self._pending, None
            self._commit(pending)

    def forget(self) -> None:
        """Drop the in-memory copy; the next read comes from disk."""
        self._data = self._pending = None

    def close(self) -> None:
        """Nothing to close: no handle is kept open."""


def open_database(
    path: Path, guard: Callable[[], None] | None = None, key: DataKey | None = None
) -> tuple[TinyDB, AtomicJSONStorage]:
    """A TinyDB on ``path`` with atomic storage (sealed with ``key``), and that storage."""
    database = TinyDB(path, storage=AtomicJSONStorage, guard=guard, key=key)
    storage = database.storage
    assert isinstance(storage, AtomicJSONStorage)
    return database, storage
