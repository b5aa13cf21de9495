"""With no language chosen, the app speaks the language of the user's system. A Mac app started
from the Finder has no LANG and LC_CTYPE=UTF-8, which names no language: English users got
Dutch. The system's list of preferred languages (QLocale.uiLanguages) decides instead."""

from __future__ import annotations

import locale
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Dialogs
from vastgoedcheck.cli import main
from vastgoedcheck.i18n import detect_language
from vastgoedcheck.ui.app import system_language
from vastgoedcheck.ui.main_window import MainWindow


@pytest.fixture
def started_from_the_finder(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LC_CTYPE", "UTF-8")


def system_prefers(monkeypatch: pytest.MonkeyPatch, *names: str) -> None:
    """The languages the user put first in the system's settings."""
    languages = [tag for name in names for tag in QLocale(name).uiLanguages()]

    class System(QLocale):
        def uiLanguages(self) -> list[str]:  # type: ignore[override]
            return languages

    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: System(names[0])))


@pytest.mark.usefixtures("started_from_the_finder")
@pytest.mark.parametrize(
    ("preferred", "expected"),
    [
        (("en_GB",), "en"),
        (("nl_NL", "en_US"), "nl"),
        (("de_DE", "en_US"), "en"),
        (("fr_FR",), "nl"),
    ],
)
def test_the_systems_preferred_languages_decide(
    monkeypatch: pytest.MonkeyPatch, preferred: tuple[str, ...], expected: str
) -> None:
    with monkeypatch.context() as mac:
        mac.setattr(sys, "platform", "darwin")
        mac.setattr(locale, "getlocale", lambda *args: (None, "UTF-8"))
        assert detect_language() == "nl"  # the cause: nothing names a language
    system_prefers(monkeypatch, *preferred)
    assert system_language() == expected


def test_a_language_the_environment_names_still_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    system_prefers(monkeypatch, "en_GB")
    assert system_language() == "nl"


@pytest.mark.usefixtures("started_from_the_finder", "passphrase_dialogs")
def test_an_english_mac_opens_the_app_in_english(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dialogs: Dialogs
) -> None:
    system_prefers(monkeypatch, "en_US")
    menus: list[str] = []

    def read_menus_and_close() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                menus.extend(action.text() for action in widget.menuBar().actions())
                widget.close()
                return
        QTimer.singleShot(20, read_menus_and_close)

    QTimer.singleShot(20, read_menus_and_close)
    assert main(["--data-dir", str(tmp_path / "data")]) == 0
    assert menus[0] == "&File"
