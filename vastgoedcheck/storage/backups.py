"""Backups of a data folder as one zip file: written atomically, rotated, checked, restored."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vastgoedcheck.i18n import _
from vastgoedcheck.storage import fileops
from vastgoedcheck.storage.atomic import (
    PRIVATE_FOLDER,
    discard,
    flush_to_disk,
    fsync_folder,
    private_temporary,
)
from vastgoedcheck.storage.errors import StoreError, StoreWriteError
from vastgoedcheck.storage.layout import CHECK_ID, SHA256, Layout

DAILY_PREFIX = "backup-"
KEEP_DAILY = 7  # automatic backups kept, one per day
KEEP_OTHER = 3  # kept of each other kind (before a restore, before a migration)
_MEMBER = re.compile(
    rf"meta\.json|checks/(?P<check>{CHECK_ID.pattern})\.json"
    rf"|attachments/(?P<prefix>[0-9a-f]{{2}})/(?P<sha>{SHA256.pattern})"
)
_STAGING = "restore.tmp"
_REPLACED = "replaced.tmp"
_RESTORED = ("meta.json", "checks", "attachments")


def _members(layout: Layout) -> list[tuple[Path, str, int]]:
    """(file, name in the zip, compression) for everything a backup holds."""
    members = [(layout.meta, "meta.json", zipfile.ZIP_DEFLATED)]
    members += [
        (path, f"checks/{path.name}", zipfile.ZIP_DEFLATED)
        for path in sorted(layout.checks.glob("*.json"))
        if CHECK_ID.fullmatch(path.stem)
    ]
    members += [  # photos and scans are compressed already
        (path, f"attachments/{path.parent.name}/{path.name}", zipfile.ZIP_STORED)
        for path in sorted(layout.attachments.glob("??/*"))
        if SHA256.fullmatch(path.name)
    ]
    return members


def write_backup(layout: Layout, target: Path) -> int:
    """Write a backup of the store to ``target`` atomically; returns the number of checks."""
    members = _members(layout)
    temporary: Path | None = None
    try:
        target.parent.mkdir(PRIVATE_FOLDER, parents=True, exist_ok=True)
        temporary, handle = private_temporary(target)
        with handle:
            with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
                for path, name, compression in members:
                    if path.exists():
                        archive.write(path, name, compress_type=compression)
            handle.flush()
            flush_to_disk(handle.fileno())
        fileops.replace(temporary, target)
        fsync_folder(target.parent)
    except BaseException as error:
        if temporary is not None:
            discard(temporary)
        if not isinstance(error, OSError):
            raise
        raise StoreWriteError(
            _("the backup {file} could not be written ({reason})").format(
                file=target, reason=error.strerror or error
            )
        ) from error
    return sum(1 for _path, name, _c in members if name.startswith("checks/"))


def daily_backup(layout: Layout, today: dt.date) -> Path | None:
    """Make today's automatic backup unless there is one; keep the last ``KEEP_DAILY``."""
    target = layout.backups / f"{DAILY_PREFIX}{today.isoformat()}.zip"
    if target.exists():
        return None
    write_backup(layout, target)
    rotate(layout)
    return target


def special_backup(layout: Layout, kind: str, spare: Path | None = None) -> Path:
    """A backup made before a risky step (``kind`` = before-restore, before-migration).
    ``spare`` is never rotated away: the backup about to be restored may be an old one."""
    stamp = dt.datetime.now().strftime("%Y-%m-%dT%H%M%S")
    target = layout.backups / f"{kind}-{stamp}.zip"
    write_backup(layout, target)
    rotate(layout, spare)
    return target


def rotate(layout: Layout, spare: Path | None = None) -> None:
    kept = spare.resolve() if spare is not None else None
    backups = sorted(
        path for path in layout.backups.glob("*.zip") if path.resolve() != kept
    )  # names sort by date within a kind
    daily = [path for path in backups if path.name.startswith(DAILY_PREFIX)]
    for path in daily[:-KEEP_DAILY]:
        fileops.remove(path, missing_ok=True)
    kinds: dict[str, list[Path]] = {}
    for path in backups:
        if not path.name.startswith(DAILY_PREFIX):
            kinds.setdefault(path.name.split("-20", 1)[0], []).append(path)
    for paths in kinds.values():
        for path in paths[:-KEEP_OTHER]:
            fileops.remove(path, missing_ok=True)


@dataclass(frozen=True)
class BackupContents:
    checks: int  # check files that will be restored
    schema_version: int
    left_out: tuple[str, ...] = ()  # damaged members, not restored


def _not_a_backup(source: Path, why: str) -> StoreError:
    return StoreError(
        _("{file} is not a usable vastgoedcheck backup: {reason}").format(file=source, reason=why)
    )


def _schema_version(content: bytes) -> int | None:
    try:
        data: Any = json.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    records = data.get("meta") if isinstance(data, dict) else None
    record = next(iter(records.values()), None) if isinstance(records, dict) else None
    version = record.get("schema_version") if isinstance(record, dict) else None
    return version if isinstance(version, int) and not isinstance(version, bool) else None


def _intact(name: str, content: bytes) -> bool:
    """Whether a check or attachment member is what the store wrote (at least in form)."""
    match = _MEMBER.fullmatch(name)
    assert match is not None
    if match["sha"]:
        in_place = match["prefix"] == match["sha"][:2]
        return in_place and hashlib.sha256(content).hexdigest() == match["sha"]
    try:
        return isinstance(json.loads(content.decode("utf-8")), dict)
    except (UnicodeDecodeError, ValueError):
        return False


def inspect_backup(source: Path, newest_schema: int) -> BackupContents:
    """Read every member of the backup at ``source``.

    StoreError when it cannot be restored at all: not a zip, no readable ``meta.json``, a file
    the store does not make, or made by a newer app. A damaged check or attachment is listed in
    ``left_out``: the rest can still be restored.
    """
    try:
        archive = zipfile.ZipFile(source)
    except FileNotFoundError:
        raise StoreError(_("{file} does not exist").format(file=source)) from None
    except (zipfile.BadZipFile, OSError) as error:
        raise _not_a_backup(source, str(error)) from None
    with archive:
        names = archive.namelist()
        if "meta.json" not in names:
            raise _not_a_backup(source, _("it has no meta.json"))
        for name in names:
            if _MEMBER.fullmatch(name) is None:
                raise _not_a_backup(
                    source, _("it holds an unexpected file {name}").format(name=repr(name))
                )
        left_out = []
        version: int | None = None
        for name in names:
            try:
                content = archive.read(name)
            except (zipfile.BadZipFile, OSError, ValueError):  # CRC errors included
                content = None
            if name == "meta.json":
                version = None if content is None else _schema_version(content)
            elif content is None or not _intact(name, content):
                left_out.append(name)
        if version is None:
            raise _not_a_backup(source, _("its meta.json is damaged"))
        if version > newest_schema:
            raise _not_a_backup(source, _("it was made by a newer version of vastgoedcheck"))
    checks = sum(1 for name in names if name.startswith("checks/") and name not in left_out)
    return BackupContents(checks, version, tuple(left_out))


def restore_backup(layout: Layout, source: Path, contents: BackupContents) -> None:
    """Replace the store's files with those in ``source`` (inspected as ``contents``)."""
    staging, replaced = layout.root / _STAGING, layout.root / _REPLACED
    for folder in (staging, replaced):
        shutil.rmtree(folder, ignore_errors=True)
    try:
        with zipfile.ZipFile(source) as archive:
            for name in archive.namelist():  # names were checked by inspect_backup
                if name not in contents.left_out:
                    archive.extract(name, staging)
        for name in ("checks", "attachments"):
            (staging / name).mkdir(exist_ok=True)
        replaced.mkdir()
        for name in _RESTORED:
            if (layout.root / name).exists():
                os.replace(layout.root / name, replaced / name)
            os.replace(staging / name, layout.root / name)
        for cache in (layout.index, layout.journal):
            cache.unlink(missing_ok=True)
        fsync_folder(layout.root)
    except (OSError, zipfile.BadZipFile) as error:
        finish_interrupted_restore(layout)  # put the store back as it was
        raise StoreWriteError(
            _("the backup could not be restored ({reason})").format(
                reason=getattr(error, "strerror", None) or error
            )
        ) from error
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    shutil.rmtree(replaced, ignore_errors=True)


def finish_interrupted_restore(layout: Layout) -> bool:
    """After a crash during a restore, put back what was moved out; True if there was one."""
    staging, replaced = layout.root / _STAGING, layout.root / _REPLACED
    found = staging.exists() or replaced.exists()
    if replaced.exists():
        for name in _RESTORED:
            if (replaced / name).exists() and not (layout.root / name).exists():
                os.replace(replaced / name, layout.root / name)
    for folder in (staging, replaced):
        shutil.rmtree(folder, ignore_errors=True)
    return found
