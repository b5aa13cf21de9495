"""The user's settings for the desktop app, kept in an ini file in the configuration folder."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

from vastgoedcheck.domain.check import Examiner
from vastgoedcheck.i18n import LANGUAGES, _
from vastgoedcheck.paths import CONFIG_DIR_VARIABLE, config_dir

__all__ = ["CONFIG_DIR_VARIABLE", "Preferences", "actor_of", "config_dir", "examiner_of"]


@dataclass
class Preferences:
    """What the user chose in Settings. Empty strings mean "not chosen": the default applies."""

    language: str = ""  # the app's language: "nl", "en", or "" to follow the system
    examiner_name: str = ""  # who does the checks, recorded in each check and its audit trail
    organisation: str = ""
    examiner_phone: str = ""  # how a recipient of a report reaches the examiner
    examiner_email: str = ""
    data_folder: str = ""  # "" for the default data folder
    report_language: str = ""  # "" for the language of the check
    examiner_asked: str = ""  # "yes" once the first start asked for the examiner's name
    lock_minutes: str = ""  # minutes without input before the app locks; "" for the default

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
    """Who makes the changes, for the audit trail: the examiner's name from the settings. It is
    never the computer's login name, which says nothing to a reader of the trail or a report."""
    return preferences.examiner_name.strip() or _("examiner not named")


def examiner_of(preferences: Preferences) -> Examiner:
    """The examiner as the settings name them: recorded in new checks, printed on reports."""
    return Examiner(
        preferences.examiner_name.strip(),
        preferences.organisation.strip(),
        preferences.examiner_phone.strip(),
        preferences.examiner_email.strip(),
    )
