"""Where the app finds its bundled resources and keeps its data."""

from __future__ import annotations

import os
import sys
from pathlib import Path

DATA_DIR_ENV = "VASTGOEDCHECK_DATA_DIR"

_PACKAGE_DIR = Path(__file__).resolve().parent


def _bundle_roots() -> list[Path]:
    """Folders that may hold ``resources/`` and ``translations/``, most specific first."""
    roots: list[Path] = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:  # PyInstaller bundle
        roots.append(Path(frozen_root))
    roots.append(_PACKAGE_DIR / "_data")  # installed wheel
    roots.append(_PACKAGE_DIR.parent)  # source checkout / editable install
    return roots


def _find(name: str) -> Path:
    for root in _bundle_roots():
        candidate = root / name
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"bundled folder {name!r} not found next to {_PACKAGE_DIR}")


def resources_dir() -> Path:
    """The bundled ``resources/`` folder (checklists, schemas, fonts, icons)."""
    return _find("resources")


def translations_dir() -> Path:
    """The bundled ``translations/`` folder (gettext catalogues)."""
    return _find("translations")


def checklists_dir() -> Path:
    return resources_dir() / "checklists"


def schema_path(name: str) -> Path:
    return resources_dir() / "schema" / name


def default_data_dir() -> Path:
    """The platform's per-user data folder for vastgoedcheck."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
        return base / "vastgoedcheck"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "vastgoedcheck"
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "vastgoedcheck"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data folder: ``--data-dir``, else ``VASTGOEDCHECK_DATA_DIR``, else the default."""
    if override:
        return Path(override).expanduser()
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return default_data_dir()
