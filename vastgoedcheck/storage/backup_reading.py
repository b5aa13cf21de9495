"""Reading a backup for a restore: every member unpacked to a staging folder and checked first.

Nothing in the data folder changes here. A backup that cannot be restored at all (not a zip,
no usable ``meta.json``, a file the store does not make, an encrypted or oddly compressed
member, a member larger than it may be, not enough room on the disk) is refused in one
sentence; a damaged check or attachment is left out and named.

A backup holds the store's files sealed, as they were on disk, and the key file of its time:
one sealed with another data folder's key is refused, unless that backup's key is given (its
passphrase or recovery key of the time, asked through ``backup_key``): its members are then
opened with it and sealed with the folder's key while they are unpacked. Every member is opened
(and so checked) while it is unpacked. A backup of an earlier version holds plain files: they
are sealed with the folder's key while they are unpacked.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import sys
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from vastgoedcheck.domain.check import MAX_ATTACHMENT_BYTES
from vastgoedcheck.i18n import _
from vastgoedcheck.oserrors import os_reason
from vastgoedcheck.storage.atomic import (
    PRIVATE_FOLDER,
    flush_to_disk,
    fsync_folder,
    private_writer,
)
from vastgoedcheck.storage.backups import MANIFEST, MANIFEST_LIMIT
from vastgoedcheck.storage.errors import DamagedFile, StoreError
from vastgoedcheck.storage.folder_key import KEY_FILE, MAX_KEY_FILE_BYTES, KeyFile
from vastgoedcheck.storage.layout import CHECK_ID, SHA256, Layout
from vastgoedcheck.storage.meta import MetaFile
from vastgoedcheck.storage.sealing import DataKey, SealBroken, is_sealed

STAGING = "restore.tmp"
# The largest member of each kind a backup may hold, unpacked. A zip can claim anything; these
# are checked against what the zip declares and against what its content really unpacks to.
MAX_META_BYTES = 200_000_000
MAX_CHECK_BYTES = 100_000_000
MAX_MEMBERS = 2_000_000
_ROOM_TO_SPARE = 50_000_000  # left free on the disk after unpacking
_CHUNK = 1 << 20
# On Linux sync() returns once everything is written, so the unpacked files are made durable
# with one call; elsewhere (macOS's sync does not wait) each file is flushed on its own.
_SYNC_ONCE = sys.platform.startswith("linux")

# Says why a check file is not a check this app can read, or None when it is.
CheckValidator = Callable[[Path, str], "str | None"]
# The data key of a backup made in another data folder, unlocked from its key file (asked of
# the user); a StoreError in one sentence when it is not given or not right.
BackupKey = Callable[[KeyFile], DataKey]


@dataclass(frozen=True)
class StagedBackup:
    checks: int  # check files that will be restored
    schema_version: int
    left_out: tuple[str, ...] = ()  # damaged members, not restored


def _not_a_backup(source: Path, why: str) -> StoreError:
    return StoreError(
        _("{file} is not a usable vastgoedcheck backup: {reason}").format(file=source, reason=why)
    )


def _limit(name: str) -> int:
    if name == "meta.json":
        return MAX_META_BYTES
    if name == MANIFEST:
        return MANIFEST_LIMIT
    if name == KEY_FILE:
        return MAX_KEY_FILE_BYTES
    return MAX_CHECK_BYTES if name.startswith("checks/") else MAX_ATTACHMENT_BYTES


def _known(name: str) -> bool:
    if name in ("meta.json", MANIFEST, KEY_FILE):
        return True
    parts = name.split("/")
    if len(parts) == 2 and parts[0] == "checks" and parts[1].endswith(".json"):
        return CHECK_ID.fullmatch(parts[1].removesuffix(".json")) is not None
    return (
        len(parts) == 3
        and parts[0] == "attachments"
        and SHA256.fullmatch(parts[2]) is not None
        and parts[1] == parts[2][:2]
    )


def _open_source(source: Path) -> BinaryIO:
    """The backup file, opened without blocking: a pipe or a device is refused."""
    try:
        descriptor = os.open(source, os.O_RDONLY | getattr(os, "O_BINARY", 0) | os.O_NONBLOCK)
    except FileNotFoundError:
        raise StoreError(_("{file} does not exist").format(file=source)) from None
    except OSError as error:
        raise _not_a_backup(source, os_reason(error)) from None
    handle = os.fdopen(descriptor, "rb")
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        handle.close()
        why = _("it is a folder") if stat.S_ISDIR(mode) else _("it is not an ordinary file")
        raise _not_a_backup(source, why)
    return handle


def _check_members(source: Path, archive: zipfile.ZipFile, room: int) -> list[zipfile.ZipInfo]:
    members = archive.infolist()
    names = [info.filename for info in members]
    if "meta.json" not in names:
        raise _not_a_backup(source, _("it has no meta.json"))
    if len(members) > MAX_MEMBERS or len(set(names)) != len(names):
        raise _not_a_backup(source, _("it holds the same file twice, or too many files"))
    total = 0
    for info in members:
        if not _known(info.filename):
            raise _not_a_backup(
                source, _("it holds an unexpected file {name}").format(name=repr(info.filename))
            )
        if info.flag_bits & 0x1:
            raise _not_a_backup(source, _("{name} is encrypted").format(name=repr(info.filename)))
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _not_a_backup(
                source,
                _("{name} is compressed in a way vastgoedcheck does not write").format(
                    name=repr(info.filename)
                ),
            )
        if info.file_size > _limit(info.filename):
            raise _too_large(source, info.filename)
        total += info.file_size
    if total > room:
        raise StoreError(
            _(
                "{file} unpacks to {size} MB, and the disk of the data folder does not have "
                "that much room; nothing was changed"
            ).format(file=source, size=round(total / 1_000_000))
        )
    return members


def _too_large(source: Path, name: str) -> StoreError:
    return _not_a_backup(
        source, _("{name} is larger than such a file can be").format(name=repr(name))
    )


def _read_member(source: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes | None:
    """The content of one member, never read beyond its declared size (checked against the
    limits before); None when it is damaged (a checksum or compression error)."""
    chunks = []
    read = 0
    try:
        with archive.open(info) as reader:
            while chunk := reader.read(_CHUNK):
                read += len(chunk)
                if read > info.file_size:  # a zip that lies about its size
                    raise _too_large(source, info.filename)
                chunks.append(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError):
        return None
    return b"".join(chunks)


def _unpack(
    source: Path,
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    target: Path,
    key: DataKey | None,
    opener: DataKey | None = None,
) -> str | None:
    """Unpack one member to ``target``, sealed with ``key``; returns the SHA-256 of its plain
    content, or None when it is damaged (a checksum or compression error, or a sealed member
    that does not open with the key). ``opener``: the key the backup was sealed with, when it
    is another folder's."""
    for folder in reversed(target.parents):  # each one private (parents=True would not be)
        if not folder.exists():
            folder.mkdir(PRIVATE_FOLDER)
    content = _read_member(source, archive, info)
    if content is None:
        return None
    stored = content  # sealed as it was in the folder: unpacked as it is
    if key is not None and is_sealed(content):
        try:
            content = (opener or key).open(content, target.name)
        except SealBroken:
            return None
        if opener is not None and opener.key_id != key.key_id:
            stored = key.seal(content, target.name)  # another folder's backup: our key now
    elif key is not None:  # a plain member, of a backup made by an earlier version
        stored = key.seal(content, target.name)
    digest = hashlib.sha256(content).hexdigest()
    with private_writer(target) as writer:
        writer.write(stored)
        writer.flush()
        if not _SYNC_ONCE:
            flush_to_disk(writer.fileno())
    return digest


def backup_key_file(source: Path) -> KeyFile | None:
    """The key file a backup holds (to unlock it with its passphrase of the time, e.g. to
    recover it into a new folder); None for a backup of an earlier version, or no backup.
    StoreError when it is there but damaged."""
    try:
        with _open_source(source) as handle, zipfile.ZipFile(handle) as archive:
            info = archive.getinfo(KEY_FILE)
            if info.file_size > MAX_KEY_FILE_BYTES:
                raise _not_a_backup(source, _("its key file is damaged"))
            content = _read_member(source, archive, info)
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None
    return KeyFile.parse(source, content or b"")


def _backup_key(
    source: Path, archive: zipfile.ZipFile, key: DataKey | None, backup_key: BackupKey | None
) -> DataKey | None:
    """The key the backup's members are sealed with: the folder's own, or (for a backup made
    in another data folder) the one ``backup_key`` unlocks; StoreError when it cannot be had."""
    if key is None or KEY_FILE not in archive.namelist():
        return key  # a backup of an earlier version (plain), or one without its key file
    content = _read_member(source, archive, archive.getinfo(KEY_FILE))
    try:
        key_file = KeyFile.parse(source, content or b"")
    except StoreError:
        raise _not_a_backup(source, _("its key file is damaged")) from None
    if key_file.key_id == key.key_id:
        return key
    if backup_key is None:
        raise StoreError(
            _(
                "{file} was made by another data folder's key, so it cannot be restored into "
                "this folder; nothing was changed"
            ).format(file=source)
        )
    opened = backup_key(key_file)
    if opened.key_id != key_file.key_id:
        raise StoreError(_("this key does not belong to {file}").format(file=source))
    return opened


def stage_backup(
    layout: Layout,
    source: Path,
    newest_schema: int,
    validate: CheckValidator,
    backup_key: BackupKey | None = None,
) -> StagedBackup:
    """Unpack and check the backup at ``source`` into ``restore.tmp`` in the data folder.

    StoreError (with the staging folder removed) when it cannot be restored at all.
    ``backup_key``: asked for the key of a backup made in another data folder (else refused).
    """
    staging = layout.root / STAGING
    shutil.rmtree(staging, ignore_errors=True)
    try:
        with _open_source(source) as handle:
            try:
                archive = zipfile.ZipFile(handle)
            except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
                raise _not_a_backup(source, os_reason(error)) from None
            with archive:
                staging.mkdir(PRIVATE_FOLDER)
                room = shutil.disk_usage(staging).free - _ROOM_TO_SPARE
                members = _check_members(source, archive, room)
                opener = _backup_key(source, archive, layout.key, backup_key)
                staged = _stage(source, archive, members, staging, layout.key, opener)
        version = _meta_version(source, staging, newest_schema, layout.key)
        left_out = list(staged)
        checks = 0
        for path in sorted((staging / "checks").glob("*.json")):
            problem = validate(path, path.stem)
            if problem is not None:
                path.unlink()
                left_out.append(f"checks/{path.name} ({problem})")
            else:
                checks += 1
        for name in ("checks", "attachments"):
            (staging / name).mkdir(PRIVATE_FOLDER, exist_ok=True)
        _make_durable(staging)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise StoreError(
            _("the backup could not be read ({reason}); nothing was changed").format(
                reason=os_reason(error)
            )
        ) from error
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return StagedBackup(checks, version, tuple(left_out))


def _make_durable(staging: Path) -> None:
    """Everything unpacked is on the disk before the journal says the switch may begin."""
    if _SYNC_ONCE:
        os.sync()  # one call instead of one fsync per file: 20,000 checks in seconds
    for folder in [*staging.glob("attachments/??"), staging / "checks", staging / "attachments"]:
        fsync_folder(folder)
    fsync_folder(staging)


def _stage(
    source: Path,
    archive: zipfile.ZipFile,
    members: list[zipfile.ZipInfo],
    staging: Path,
    key: DataKey | None,
    opener: DataKey | None = None,
) -> list[str]:
    """Unpack every member; the names of damaged checks and attachments, which are left out.
    The key file is not unpacked: the folder keeps its own (with its current passphrase)."""
    left_out = []
    for info in members:
        if info.filename in (MANIFEST, KEY_FILE):
            continue
        target = staging.joinpath(*info.filename.split("/"))
        sha256 = _unpack(source, archive, info, target, key, opener)
        if info.filename == "meta.json":
            if sha256 is None:
                raise _not_a_backup(source, _("its meta.json is damaged"))
        elif sha256 is None or (info.filename.startswith("attachments/") and sha256 != target.name):
            target.unlink(missing_ok=True)
            left_out.append(info.filename)
    return left_out


def _meta_version(source: Path, staging: Path, newest_schema: int, key: DataKey | None) -> int:
    """The schema version of the staged ``meta.json``, after reading the whole of it."""
    try:
        meta = MetaFile(Layout(staging, key=key))
        version = meta.schema_version()
        meta.entries()
        meta.missing()
    except (DamagedFile, ValueError, TypeError, KeyError, AttributeError):
        version = None
    if version is None:
        raise _not_a_backup(source, _("its meta.json is damaged"))
    if version > newest_schema:
        raise _not_a_backup(source, _("it was made by a newer version of vastgoedcheck"))
    return version
