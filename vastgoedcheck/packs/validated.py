"""Packs validated once: a pack file whose exact bytes passed validation before is only parsed.

Validating the seven built-in packs against the schema and the semantic rules takes longer
than the rest of loading them, at every start. The SHA-256 of each file that passed (with the
schema and the app version, so a new rule validates again) is kept in a small cache file in
the user's cache folder; a changed, damaged or unknown file is validated in full.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from vastgoedcheck import __version__
from vastgoedcheck.domain.pack import Pack
from vastgoedcheck.jsonfiles import UnreadableFile, parse_json_text
from vastgoedcheck.packs.loading import MAX_PACK_BYTES, PACK_SCHEMA, load_pack_file, pack_from_dict
from vastgoedcheck.paths import schema_path

CACHE_DIR_VARIABLE = "VASTGOEDCHECK_CACHE_DIR"
CACHE_FILE = "validated-packs.json"


def cache_dir() -> Path:
    """$VASTGOEDCHECK_CACHE_DIR, else the platform's cache folder for this user."""
    chosen = os.environ.get(CACHE_DIR_VARIABLE)
    if chosen:
        return Path(chosen).expanduser()
    home = Path.home()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return (Path(base) if base else home / "AppData" / "Local") / "vastgoedcheck" / "cache"
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "vastgoedcheck"
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else home / ".cache") / "vastgoedcheck"


def _key(content: bytes, salt: bytes) -> str:
    return hashlib.sha256(salt + content).hexdigest()


def _read_cache(path: Path) -> set[str]:
    try:
        known = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()  # no cache yet, or a damaged one: validate everything
    return {item for item in known if isinstance(item, str)} if isinstance(known, list) else set()


def _write_cache(path: Path, known: set[str]) -> None:
    """Best effort: a cache that cannot be written only means validating again next time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".validated-")
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(sorted(known), handle)
        os.replace(temporary, path)
    except OSError:
        pass


def load_packs(paths: Iterable[Path], cache_file: Path | None = None) -> list[Pack]:
    """The packs in ``paths``, each validated in full unless the very same file (and schema,
    and app version) passed before. Raises InvalidPack like ``load_pack_file``."""
    cache = cache_file or cache_dir() / CACHE_FILE
    salt = __version__.encode() + schema_path(PACK_SCHEMA).read_bytes()
    known = _read_cache(cache)
    learned = set()
    packs = []
    for path in paths:
        try:
            content = path.read_bytes() if path.stat().st_size <= MAX_PACK_BYTES else b""
        except OSError:
            content = b""
        key = _key(content, salt)
        pack = None
        if content and key in known:
            try:
                data = parse_json_text(content)
                pack = pack_from_dict(data) if isinstance(data, dict) else None
            except (UnreadableFile, KeyError, ValueError, TypeError):
                pack = None
        if pack is None:
            pack = load_pack_file(path)  # in full; raises InvalidPack with every problem
            if content:
                learned.add(key)
        packs.append(pack)
    if learned - known:
        _write_cache(cache, known | learned)
    return packs
