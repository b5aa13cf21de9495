"""Where the app finds its bundled resources (checkout, wheel, PyInstaller) and its data."""

from __future__ import annotations

import os
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


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def schema_path(name: str) -> Path:
    return resources_dir() / "schema" / name


DATA_DIR_VARIABLE = "VASTGOEDCHECK_DATA_DIR"
CONFIG_DIR_VARIABLE = "VASTGOEDCHECK_CONFIG_DIR"


def _local_app_data() -> Path:
    """Windows' per-computer application data (not roaming: not copied at every logon)."""
    base = os.environ.get("LOCALAPPDATA")
    return Path(base) if base else Path.home() / "AppData" / "Local"


def default_data_dir() -> Path:
    """The platform's folder for this user's application data on this computer (Qt's
    AppLocalDataLocation): on Windows in Local, not Roaming, AppData, beside the settings."""
    home = Path.home()
    if sys.platform == "win32":
        return _local_app_data() / "vastgoedcheck" / "data"
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / "vastgoedcheck"
    base = os.environ.get("XDG_DATA_HOME")
    return (Path(base) if base else home / ".local" / "share") / "vastgoedcheck"


def earlier_default_data_dir() -> Path | None:
    """Where earlier versions kept the data by default, when it was elsewhere: Windows'
    Roaming AppData, which roaming profiles copy at every logon and which two computers
    sharing a profile overwrite in turn."""
    if sys.platform != "win32":
        return None
    base = os.environ.get("APPDATA")
    return (Path(base) if base else Path.home() / "AppData" / "Roaming") / "vastgoedcheck"


def config_dir() -> Path:
    """Where the desktop app keeps its settings: $VASTGOEDCHECK_CONFIG_DIR, else the platform's
    configuration folder for this user on this computer (on Windows the same Local AppData
    folder that holds the data folder)."""
    chosen = os.environ.get(CONFIG_DIR_VARIABLE)
    if chosen:
        return Path(chosen).expanduser()
    home = Path.home()
    if sys.platform == "win32":
        return _local_app_data() / "vastgoedcheck"
    if sys.platform == "darwin":
        return home / "Library" / "Preferences" / "vastgoedcheck"
    base = os.environ.get("XDG_CONFIG_HOME")
    return (Path(base) if base else home / ".config") / "vastgoedcheck"


def uses_default_data_dir(chosen: str | Path | None) -> bool:
    """Whether ``data_dir(chosen)`` is the platform's default folder."""
    return not chosen and not os.environ.get(DATA_DIR_VARIABLE)


def data_dir(chosen: str | Path | None = None) -> Path:
    """Where the checks are kept: ``--data-dir``, else $VASTGOEDCHECK_DATA_DIR, else the
    platform's user data folder."""
    if chosen:
        return Path(chosen).expanduser()
    from_environment = os.environ.get(DATA_DIR_VARIABLE)
    if from_environment:
        return Path(from_environment).expanduser()
    return default_data_dir()
