"""Where the app finds its bundled resources, in a checkout, a wheel or a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path

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
