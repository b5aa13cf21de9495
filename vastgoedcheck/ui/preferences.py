"""The user's settings for the desktop app, kept in an ini file in the configuration folder."""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

from vastgoedcheck.i18n import LANGUAGES

CONFIG_DIR_VARIABLE = "VASTGOEDCHECK_CONFIG_DIR"


def config_dir() -> Path:
    """$VASTGOEDCHECK_CONFIG_DIR, else the platform's configuration folder for the app."""
    chosen = os.environ.get(CONFIG_DIR_VARIABLE)
    if chosen:
        return Path(chosen).expanduser()
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    return Path(base) / "vastgoedcheck"


@dataclass
class Preferences:
    """What the user chose in Settings. Empty strings mean "not chosen": the default applies."""

    language: str = ""  # the app's language: "nl", "en", or "" to follow the system
    examiner_name: str = ""  # who does the checks, recorded in each check and its audit trail
    organisation: str = ""
    data_folder: str = ""  # "" for the default data folder
    report_language: str = ""  # "" for the language of the check

    @classmethod
    def load(cls) -> Preferences:
        settings = _settings()
        found = cls()
        for name in cls.__dataclass_fields__:
            value = settings.value(name, "")
            setattr(found, name, value if isinstance(value, str) else "")
        if found.language not in ("", *LANGUAGES):
            found.language = ""
        if found.report_language not in ("", *LANGUAGES):
            found.report_language = ""
        return found

    def save(self) -> None:
        settings = _settings()
        for name in self.__dataclass_fields__:
            settings.setValue(name, getattr(self, name))
        settings.sync()


def _settings() -> QSettings:
    folder = config_dir()
    return QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)


def actor_of(preferences: Preferences) -> str:
    """Who makes the changes, for the audit trail: the examiner's name from the settings, else
    the computer's login name."""
    if preferences.examiner_name.strip():
        return preferences.examiner_name.strip()
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "?"
