"""The app's own backups of an earlier version, rewritten sealed when their folder is encrypted.

Each backup is rewritten whole to a temporary file beside it and put in its place in one
rename: a stop at any moment leaves the plain backup as it was (still restorable) or the sealed
one, never half of each. A zip without the app's manifest is the user's own and is not touched.
"""

from __future__ import annotations

import contextlib
import json
import os
import zipfile
import zlib
from pathlib import Path

from vastgoedcheck.storage import fileops
from vastgoedcheck.storage.atomic import discard, flush_to_disk, fsync_folder, private_temporary
from vastgoedcheck.storage.backups import MANIFEST, manifest_of
from vastgoedcheck.storage.folder_key import KEY_FILE
from vastgoedcheck.storage.layout import CHECK_ID, SHA256, Layout
from vastgoedcheck.storage.sealing import is_sealed

_LIMIT = 200_000_000  # no member of a backup this app wrote is larger (backup_reading.py)


def plain_backups(layout: Layout) -> list[Path]:
    """The backups in ``backups/`` that this app wrote before the folder was encrypted."""
    found = []
    with contextlib.suppress(OSError):
        for path in sorted(layout.backups.glob("*.zip")):
            manifest = manifest_of(path) if path.is_file() else None
            if manifest is not None and "key_id" not in manifest:
                found.append(path)
    return found


def users_own_zips(layout: Layout) -> list[Path]:
    """The zip files in ``backups/`` that this app did not write: never changed by it, and so
    not encrypted."""
    with contextlib.suppress(OSError):
        return [
            path
            for path in sorted(layout.backups.glob("*.zip"))
            if path.is_file() and manifest_of(path) is None
        ]
    return []


def _store_member(name: str) -> bool:
    parts = name.split("/")
    if name == "meta.json":
        return True
    if len(parts) == 2 and parts[0] == "checks":
        return CHECK_ID.fullmatch(parts[1].removesuffix(".json")) is not None
    return len(parts) == 3 and parts[0] == "attachments" and SHA256.fullmatch(parts[2]) is not None


def seal_backup(layout: Layout, path: Path) -> None:
    """Rewrite the plain backup at ``path`` with every member sealed with the folder's key and
    the folder's key file added; OSError when it cannot be (the plain backup then stays).

    A member that cannot be read (damaged in the zip) is left out: restoring it would leave it
    out as well."""
    key = layout.key
    assert key is not None
    manifest = manifest_of(path)
    if manifest is None or "key_id" in manifest:
        return  # not a backup of this app, or sealed already (a second run after a stop)
    manifest["key_id"] = key.key_id
    key_file = (layout.root / KEY_FILE).read_bytes()
    stat = path.stat()
    temporary, handle = private_temporary(path)
    try:
        with handle:
            with (
                zipfile.ZipFile(path) as source,
                zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as target,
            ):
                target.writestr(MANIFEST, json.dumps(manifest))
                for info in source.infolist():
                    if not _store_member(info.filename) or info.file_size > _LIMIT:
                        continue
                    content = _read(source, info)
                    if content is None:
                        continue
                    name = info.filename.rsplit("/", 1)[-1]
                    sealed = content if is_sealed(content) else key.seal(content, name)
                    target.writestr(info.filename, sealed, compress_type=zipfile.ZIP_STORED)
                target.writestr(KEY_FILE, key_file, compress_type=zipfile.ZIP_STORED)
            handle.flush()
            flush_to_disk(handle.fileno())
        os.utime(temporary, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # its place in the list
        fileops.replace(temporary, path)
    except BaseException:
        discard(temporary)
        raise
    with contextlib.suppress(OSError):
        fsync_folder(path.parent)


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes | None:
    try:
        return archive.read(info)
    except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError):
        return None


def remove_leftovers(layout: Layout) -> None:
    """Temporary files of a rewrite that was stopped half-way (sealed content, no use)."""
    with contextlib.suppress(OSError):
        for path in layout.backups.glob(".*.tmp"):
            discard(path)
