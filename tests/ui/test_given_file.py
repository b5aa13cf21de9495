"""A file handed to the program (a file association, a file dropped on its icon) is opened: an
exchange file is offered for import, a PDF is verified, anything else is refused with the reason.
The windowed desktop program, which has no console, shows in a window what it would print."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tests.conftest import Result
from tests.storage.conftest import example
from tests.stores import key_for, open_store
from tests.test_file_types import PROGRAM
from tests.ui.conftest import Dialogs, new_draft
from vastgoedcheck.cli import main
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.app import opening_handed_files
from vastgoedcheck.ui.main_window import MainWindow
from vastgoedcheck.ui.preferences import Preferences


def close_window_when(done: object) -> None:
    """Close the main window once ``done()`` is true."""

    def poll() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible() and done():  # type: ignore[operator]
                widget.close()
                return
        QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)


@pytest.fixture
def exchange_file(tmp_path: Path) -> Path:
    path = tmp_path / "from the agent.json"
    path.write_text(json.dumps(example("landlord-residential-all-clear")), encoding="utf-8")
    return path


def test_an_exchange_file_given_to_the_program_is_offered_for_import(
    qtbot: QtBot, tmp_path: Path, registry: PackRegistry, dialogs: Dialogs, exchange_file: Path
) -> None:
    folder = tmp_path / "data"
    dialogs.answer = QMessageBox.StandardButton.Yes
    close_window_when(lambda: len(dialogs.messages) >= 2)
    key_for(folder)  # set up (a new folder asks for a passphrase first)
    assert main(["--lang", "en", "--data-dir", str(folder), str(exchange_file)]) == 0
    assert "Import the checks in" in dialogs.messages[0]
    assert "1 check from from the agent.json is in this data folder" in dialogs.messages[1]
    with open_store(folder, registry, actor="test") as store:
        assert len(store) == 1


def test_a_pdf_given_to_the_app_is_verified(
    qtbot: QtBot,
    tmp_path: Path,
    registry: PackRegistry,
    preferences: Preferences,
    dialogs: Dialogs,
    cli: object,
) -> None:
    folder = tmp_path / "data"
    with open_store(folder, registry, actor="M. Jansen") as store:
        draft = new_draft(store)
    report = tmp_path / "dossier.pdf"
    made: Result = cli("--data-dir", str(folder), "report", draft.id, "-o", str(report))  # type: ignore[operator]
    assert made.code == 0, made.err
    window = MainWindow(open_store(folder, registry, actor="M. Jansen"), preferences)
    qtbot.addWidget(window)
    window.open_given(report)
    assert dialogs.said(f"{report} is the unaltered report for")
    stranger = tmp_path / "stranger.pdf"
    stranger.write_bytes(b"%PDF-1.7\n" + bytes(100))
    window.open_given(stranger)
    assert dialogs.said("was not issued by this installation")
    window.close()


def test_another_file_or_a_missing_one_is_refused_with_the_reason(
    qtbot: QtBot, store: Store, preferences: Preferences, dialogs: Dialogs, tmp_path: Path
) -> None:
    window = MainWindow(store, preferences)
    qtbot.addWidget(window)
    program = tmp_path / "setup.exe"
    program.write_bytes(PROGRAM)
    window.open_given(program)
    window.open_given(tmp_path / "gone.json")
    assert dialogs.messages == [
        f"{program} cannot be opened: vastgoedcheck opens exchange files (.json) and the PDF "
        "reports it made.",
        f"{tmp_path / 'gone.json'} does not exist.",
    ]
    assert len(store) == 0


def no_console(monkeypatch: pytest.MonkeyPatch) -> None:
    """As in the windowed desktop program (PyInstaller, pythonw): no stdout, no stderr."""
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)


def test_the_windowed_program_given_a_command_says_where_commands_run(
    qtbot: QtBot, tmp_path: Path, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    no_console(monkeypatch)
    assert main(["--lang", "en", "--data-dir", str(tmp_path / "data"), "list", "--json"]) == 2
    [message] = dialogs.messages
    assert "the command list is run with the command-line program, vastgoedcheck-cli" in message
    assert not (tmp_path / "data").exists()


def test_the_windowed_program_shows_a_mistake_in_its_arguments(
    qtbot: QtBot, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    no_console(monkeypatch)
    assert main(["--lang", "en", "lsit"]) == 1
    [message] = dialogs.messages
    assert "invalid choice: 'lsit'" in message


def test_a_file_macos_hands_to_the_running_app_is_opened(
    qtbot: QtBot,
    qapp: QApplication,
    store: Store,
    preferences: Preferences,
    dialogs: Dialogs,
    tmp_path: Path,
) -> None:
    window = MainWindow(store, preferences)
    qtbot.addWidget(window)
    with opening_handed_files(qapp, window):
        QApplication.sendEvent(qapp, QFileOpenEvent(str(tmp_path / "gone.pdf")))
        qtbot.waitUntil(lambda: bool(dialogs.messages), timeout=1000)
    assert dialogs.messages == [f"{tmp_path / 'gone.pdf'} does not exist."]
