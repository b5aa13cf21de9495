"""Shared set-up for the desktop app tests: an open store, settings in a temporary folder, and
modal dialogs that answer themselves so that a test never waits for a person."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from tests.storage.conftest import complete_draft, example, folder, new_draft, store
from tests.stores import TEST_PASSPHRASE
from tests.ui.passphrase_answers import PassphraseAnswers
from vastgoedcheck.ui.preferences import CONFIG_DIR_VARIABLE, Preferences

__all__ = ["complete_draft", "example", "folder", "new_draft", "store"]


@pytest.fixture(autouse=True)
def own_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test has its own settings file, never the user's."""
    folder = tmp_path / "config"
    monkeypatch.setenv(CONFIG_DIR_VARIABLE, str(folder))
    return folder


@pytest.fixture(autouse=True)
def no_windows_left(qapp: QApplication) -> Iterator[None]:
    """Every test starts with no window of an earlier one: a window left open would still
    answer the application's signals (a lock when the system hides the app) and run its code
    inside a test about another window."""
    yield
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


@pytest.fixture
def preferences() -> Preferences:
    found = Preferences.load()
    found.examiner_name = "M. Jansen"
    found.organisation = "Jansen Vastgoedbeheer"
    found.save()
    return found


@dataclass
class Dialogs:
    """What the modal message boxes said, and what the file dialogs will answer."""

    messages: list[str] = field(default_factory=list)
    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok
    save_as: Path | None = None  # what a "save file" dialog returns (None: the user cancels)
    open_files: list[Path] = field(default_factory=list)  # what an "open files" dialog returns
    open_folder: Path | None = None
    opened_urls: list[str] = field(default_factory=list)  # what was handed to the system

    def said(self, words: str) -> bool:
        return any(words in message for message in self.messages)


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    """Message boxes are recorded and answered with ``dialogs.answer``; file dialogs return
    what the test put in ``dialogs``."""
    found = Dialogs()

    def exec_box(box: QMessageBox) -> int:
        found.messages.append(
            box.text() + ("\n" + box.informativeText() if box.informativeText() else "")
        )
        return int(found.answer.value)

    def question(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        found.messages.append(str(args[2]) if len(args) > 2 else "")
        return found.answer

    def information(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        found.messages.append(str(args[2]) if len(args) > 2 else "")
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(information))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(information))
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(information))

    def save_name(*args: object, **kwargs: object) -> tuple[str, str]:
        return (str(found.save_as) if found.save_as else "", "")

    def open_names(*args: object, **kwargs: object) -> tuple[list[str], str]:
        return ([str(path) for path in found.open_files], "")

    def open_name(*args: object, **kwargs: object) -> tuple[str, str]:
        return (str(found.open_files[0]) if found.open_files else "", "")

    def folder_name(*args: object, **kwargs: object) -> str:
        return str(found.open_folder) if found.open_folder else ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(open_names))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_name))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(folder_name))

    def open_url(url: QUrl) -> bool:
        found.opened_urls.append(url.toString())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    return found


@pytest.fixture
def passphrase_dialogs() -> Iterator[PassphraseAnswers]:
    """The passphrase dialogs of a starting app are answered with TEST_PASSPHRASE (a new data
    folder is set up with it, its recovery key ticked as kept)."""
    answers = PassphraseAnswers(TEST_PASSPHRASE)
    answers.start()
    yield answers
    answers.stop()
