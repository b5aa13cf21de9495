"""Erased checks kept out of backups: the app's own backups rewritten without them, and a
backup being restored stripped of them before it is put in place.

Each backup the app manages (a zip in ``backups/`` with the app's manifest) that holds an
erased check is written again without the check's file, without the attachments only it used
and with its store log scrubbed (``erasure_log``): to a temporary file beside it, then renamed
over it, so a stop leaves either the old or the new archive. The erasure's record in the store
log says the work is pending until every backup is done; the next start finishes it.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol

from vastgoedcheck.storage import fileops
from vastgoedcheck.storage.atomic import (
    discard,
    flush_to_disk,
    fsync_folder,
    private_temporary,
    write_atomically,
)
from vastgoedcheck.storage.backups import MANIFEST, manifest_of
from vastgoedcheck.storage.erasure_log import add_records, scrub_tables
from vastgoedcheck.storage.layout import SHA256, Layout
from vastgoedcheck.storage.sealing import SealBroken, is_sealed


class FileCodec(Protocol):
    """How a store file's bytes are opened and sealed (``storage.sealing.DataKey``)."""

    def seal(self, content: bytes, name: str) -> bytes: ...

    def open(self, sealed: bytes, name: str) -> bytes: ...


class PlainFiles:
    """Files stored as they are (no sealing)."""

    def seal(self, content: bytes, name: str) -> bytes:
        return content

    def open(self, sealed: bytes, name: str) -> bytes:
        return sealed


def _opened(codec: FileCodec, raw: bytes, name: str) -> bytes:
    """A member's content: sealed ones opened; a plain one (a backup made before the folder
    was encrypted) as it is."""
    return codec.open(raw, name) if is_sealed(raw) else raw


def check_member(check_id: str) -> str:
    return f"checks/{check_id}.json"


def _attachments_in(content: bytes) -> set[str]:
    """The attachments a check file's summary row names (its every revision's)."""
    try:
        tables = json.loads(content.decode("utf-8"))
        row = tables["summary"]["1"]
        return {sha for sha in row.get("attachments", ()) if SHA256.fullmatch(str(sha))}
    except (ValueError, KeyError, TypeError, AttributeError):
        return set()


def _used(contents: Iterable[bytes], candidates: set[str]) -> set[str]:
    """Which ``candidates`` (SHA-256 names) the given check files still refer to."""
    used: set[str] = set()
    for content in contents:
        used |= {sha for sha in candidates - used if sha.encode("ascii") in content}
        if used == candidates:
            break
    return used


def managed_backups(layout: Layout) -> list[Path]:
    """The backups in ``backups/`` that the app wrote (with its manifest)."""
    try:
        found = sorted(layout.backups.glob("*.zip"))
    except OSError:
        return []
    return [path for path in found if path.is_file() and manifest_of(path) is not None]


def rewrite_backups(
    layout: Layout, erased: set[str], attachments: set[str], codec: FileCodec
) -> int:
    """Rewrite every managed backup that holds anything of the ``erased`` checks; returns how
    many were rewritten. ``attachments``: the erased checks' attachments as the store knew
    them (each backup adds those its copy of the check names)."""
    rewritten = 0
    for path in managed_backups(layout):
        layout.check_guard()
        if rewrite_backup(path, erased, attachments, codec):
            rewritten += 1
    return rewritten


def rewrite_backup(path: Path, erased: set[str], known: set[str], codec: FileCodec) -> bool:
    """Write the backup at ``path`` again without the ``erased`` checks (atomically); False
    when it holds nothing of them."""
    with contextlib.suppress(OSError):  # a rewrite of this backup that was stopped half-way
        for leftover in path.parent.glob(f".{path.name}.*.tmp"):
            discard(leftover)
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        dropped = {check_member(check_id) for check_id in erased} & names
        candidates = set(known)
        for name in dropped:
            candidates |= _attachments_in(_opened(codec, archive.read(name), Path(name).name))
        meta_raw = archive.read("meta.json") if "meta.json" in names else None
        meta = _store_log(codec, meta_raw)
        meta_changed = meta is not None and scrub_tables(meta, erased)
        if meta_raw is not None and meta is None:
            dropped.add("meta.json")  # damaged: it cannot be restored, and may name the check
        held = {name.rsplit("/", 1)[-1] for name in names if name.startswith("attachments/")}
        candidates &= held
        if candidates:
            others = (
                _opened(codec, archive.read(name), Path(name).name)
                for name in sorted(names)
                if name.startswith("checks/") and name not in dropped
            )
            candidates -= _used(others, candidates)
        dropped |= {f"attachments/{sha[:2]}/{sha}" for sha in candidates}
        if not dropped and not meta_changed:
            return False
        seal = PlainFiles() if meta_raw is not None and not is_sealed(meta_raw) else codec
        _write_without(path, archive, dropped, meta, seal)  # the log sealed as it was
    return True


def _store_log(codec: FileCodec, raw: bytes | None) -> dict[str, Any] | None:
    """A backup's store log; None when it has none (the safety backup made before a folder
    with a damaged log was recovered) or it cannot be read."""
    if raw is None:
        return None
    try:
        meta = json.loads(_opened(codec, raw, "meta.json").decode("utf-8"))
    except (ValueError, SealBroken):
        return None
    return meta if isinstance(meta, dict) else None


def _write_without(
    path: Path,
    archive: zipfile.ZipFile,
    dropped: set[str],
    meta: dict[str, Any] | None,
    codec: FileCodec,
) -> None:
    temporary, handle = private_temporary(path)
    try:
        with handle:
            with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as out:
                for info in archive.infolist():
                    if info.filename in dropped:
                        continue
                    if info.filename == "meta.json" and meta is not None:
                        payload = json.dumps(meta, ensure_ascii=False, separators=(",", ":"))
                        content = codec.seal(payload.encode("utf-8"), "meta.json")
                    elif info.filename == MANIFEST:
                        content = _manifest_after(archive.read(info), dropped)
                    else:
                        content = archive.read(info)
                    out.writestr(info, content, compress_type=info.compress_type)
            handle.flush()
            flush_to_disk(handle.fileno())
        fileops.replace(temporary, path)
        fsync_folder(path.parent)
    except BaseException:
        discard(temporary)
        raise


def _manifest_after(content: bytes, dropped: set[str]) -> bytes:
    """The manifest with its count of checks brought in line."""
    try:
        manifest = json.loads(content.decode("utf-8"))
        if isinstance(manifest, dict) and isinstance(manifest.get("checks"), int):
            gone = sum(1 for name in dropped if name.startswith("checks/"))
            manifest["checks"] = max(0, manifest["checks"] - gone)
            return json.dumps(manifest).encode("utf-8")
    except ValueError:
        pass
    return content


def leave_out_erased(staging: Path, records: list[dict[str, Any]], codec: FileCodec) -> int:
    """Remove from a backup unpacked for a restore every check erased in the current folder
    (``records``: its erasure records) with the attachments only it used, scrub the staged
    store log and add the erasure records to it. Returns how many checks were left out."""
    erased = {str(record["check"]) for record in records}
    if not erased:
        return 0
    try:
        return _leave_out(staging, erased, records, codec)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)  # nothing staged is left to undo
        raise


def _leave_out(
    staging: Path, erased: set[str], records: list[dict[str, Any]], codec: FileCodec
) -> int:
    candidates: set[str] = set()
    removed = 0
    for check_id in sorted(erased):
        path = staging / "checks" / f"{check_id}.json"
        if path.is_file():
            with contextlib.suppress(Exception):  # unreadable: removed all the same
                candidates |= _attachments_in(_opened(codec, path.read_bytes(), path.name))
            path.unlink()
            removed += 1
    if candidates:
        remaining = (
            _opened(codec, path.read_bytes(), path.name)
            for path in sorted((staging / "checks").glob("*.json"))
        )
        for sha in candidates - _used(remaining, candidates):
            (staging / "attachments" / sha[:2] / sha).unlink(missing_ok=True)
    meta_path = staging / "meta.json"
    raw = meta_path.read_bytes()
    meta = json.loads(_opened(codec, raw, "meta.json").decode("utf-8"))
    if scrub_tables(meta, erased) | add_records(meta, records):
        payload = json.dumps(meta, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        write_atomically(meta_path, codec.seal(payload, "meta.json") if is_sealed(raw) else payload)
    return removed
