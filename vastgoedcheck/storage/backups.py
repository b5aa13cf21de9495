"""Backups of a data folder as one zip file: written atomically with a manifest, and rotated."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import zipfile
from pathlib import Path
from typing import Any

from vastgoedcheck import APP_NAME, __version__
from vastgoedcheck.i18n import _
from vastgoedcheck.oserrors import os_reason
from vastgoedcheck.storage import fileops
from vastgoedcheck.storage.atomic import (
    PRIVATE_FOLDER,
    discard,
    flush_to_disk,
    fsync_folder,
    private_temporary,
)
from vastgoedcheck.storage.errors import StoreWriteError
from vastgoedcheck.storage.folder_key import KEY_FILE
from vastgoedcheck.storage.layout import CHECK_ID, SHA256, Layout

DAILY_PREFIX = "backup-"
KEEP_DAILY = 7  # automatic backups kept, one per day
KEEP_OTHER = 3  # kept of each other kind (before a restore, before a migration)
# A member that says the zip was written by this app, and why. Rotation trusts nothing else:
# a zip the user saved in backups/ under any name is never counted or deleted.
MANIFEST = "vastgoedcheck-backup.json"
DAILY, REQUESTED = "daily", "requested"
MANIFEST_LIMIT = 100_000


def _members(layout: Layout) -> list[tuple[Path, str, int]]:
    """(file, name in the zip, compression) for everything a backup holds: the store's files
    as they are on disk (sealed), and the folder's key file, so that the backup can be opened
    with the passphrase or recovery key of its time."""
    # Sealed content does not compress; a plain folder's checks (tests below the store) do.
    text = zipfile.ZIP_STORED if layout.key is not None else zipfile.ZIP_DEFLATED
    members = [(layout.meta, "meta.json", text)]
    members += [
        (path, f"checks/{path.name}", text)
        for path in sorted(layout.checks.glob("*.json"))
        if CHECK_ID.fullmatch(path.stem)
    ]
    members += [  # photos and scans are compressed already
        (path, f"attachments/{path.parent.name}/{path.name}", zipfile.ZIP_STORED)
        for path in sorted(layout.attachments.glob("??/*"))
        if SHA256.fullmatch(path.name)
    ]
    if layout.key is not None:
        members.append((layout.root / KEY_FILE, KEY_FILE, zipfile.ZIP_STORED))
    return members


def _remove_leftovers(target: Path) -> None:
    """Temporary files of an earlier backup to ``target`` that was killed half-way."""
    with contextlib.suppress(OSError):
        for path in target.parent.glob(f".{target.name}.*.tmp"):
            discard(path)


def write_backup(layout: Layout, target: Path, kind: str = REQUESTED) -> int:
    """Write a backup of the store to ``target`` atomically; returns the number of checks."""
    temporary: Path | None = None
    try:
        members = _members(layout)
        checks = sum(1 for _path, name, _c in members if name.startswith("checks/"))
        manifest = {
            "app": APP_NAME,
            "kind": kind,
            "created_at": dt.datetime.now(dt.UTC).astimezone().isoformat(),
            "app_version": __version__,
            "checks": checks,
        }
        if layout.key is not None:
            manifest["key_id"] = layout.key.key_id  # names the key, reveals nothing
        target.parent.mkdir(PRIVATE_FOLDER, parents=True, exist_ok=True)
        _remove_leftovers(target)
        temporary, handle = private_temporary(target)
        with handle:
            with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
                archive.writestr(MANIFEST, json.dumps(manifest))
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
                file=target, reason=os_reason(error)
            )
        ) from error
    return checks


def daily_backup(layout: Layout, today: dt.date) -> Path | None:
    """Make today's automatic backup unless there is one; keep the last ``KEEP_DAILY``."""
    target = layout.backups / f"{DAILY_PREFIX}{today.isoformat()}.zip"
    if target.exists():
        return None
    write_backup(layout, target, DAILY)
    rotate(layout)
    return target


def special_backup(layout: Layout, kind: str, spare: Path | None = None) -> Path:
    """A backup made before a risky step (``kind`` = before-restore, before-migration).
    ``spare`` is never rotated away: the backup about to be restored may be an old one."""
    stamp = dt.datetime.now().strftime("%Y-%m-%dT%H%M%S")
    target = layout.backups / f"{kind}-{stamp}.zip"
    write_backup(layout, target, kind)
    rotate(layout, spare)
    return target


def manifest_of(path: Path) -> dict[str, Any] | None:
    """The manifest of a backup this app wrote; None for any other file."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(MANIFEST)
            if info.file_size > MANIFEST_LIMIT:
                return None
            data = json.loads(archive.read(info).decode("utf-8"))
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, RuntimeError, NotImplementedError):
        return None
    if not isinstance(data, dict) or data.get("app") != APP_NAME:
        return None
    if not isinstance(data.get("kind"), str) or not isinstance(data.get("created_at"), str):
        return None
    return data


def rotate(layout: Layout, spare: Path | None = None) -> None:
    """Delete the oldest automatic backups beyond those kept; only zips this app wrote count."""
    kept = spare.resolve() if spare is not None else None
    kinds: dict[str, list[tuple[str, Path]]] = {}
    for path in layout.backups.glob("*.zip"):
        if path.resolve() == kept or not path.is_file():
            continue
        manifest = manifest_of(path)
        if manifest is None or manifest["kind"] == REQUESTED:
            continue  # the user's own zip, or a backup asked for: never rotated away
        kinds.setdefault(manifest["kind"], []).append((manifest["created_at"], path))
    for kind, found in kinds.items():
        found.sort()
        for _created, path in found[: -(KEEP_DAILY if kind == DAILY else KEEP_OTHER)]:
            fileops.remove(path, missing_ok=True)
