"""Everything stays on this computer: before a report or backup is saved in a folder that
OneDrive or iCloud uploads the app asks, and a data folder there is refused with the reason
(the cloud copy breaks the lock between running copies and makes conflict copies)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Dialogs
from tests.ui.test_report_dialog import final_landlord_check, shown_dialog
from tests.ui.test_settings_dialog import make_dialog, open_data_tab
from vastgoedcheck.cli import main
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.main_window import MainWindow
from vastgoedcheck.ui.preferences import Preferences

UPLOADED = "is in OneDrive, which uploads it to the cloud"


def test_a_report_for_onedrive_is_saved_only_when_the_user_says_so(
    qtbot: QtBot, store: Store, preferences: Preferences, dialogs: Dialogs, onedrive: Path
) -> None:
    dialog = shown_dialog(qtbot, store, final_landlord_check(store), preferences)
    dialogs.save_as = onedrive / "Documents" / "dossier.pdf"
    dialogs.answer = QMessageBox.StandardButton.No
    dialog.save_as()
    assert dialogs.said(UPLOADED)
    assert not dialog.busy and store.issued() == []
    dialogs.answer = QMessageBox.StandardButton.Yes
    dialog.save_as()
    qtbot.waitUntil(lambda: (onedrive / "Documents" / "dossier.pdf").exists(), timeout=30_000)


def test_a_backup_for_onedrive_asks_first(
    qtbot: QtBot, store: Store, preferences: Preferences, dialogs: Dialogs, onedrive: Path
) -> None:
    dialog = make_dialog(qtbot, preferences, store)
    dialogs.save_as = onedrive / "Documents" / "backup.zip"
    dialogs.answer = QMessageBox.StandardButton.No
    dialog.make_backup()
    assert dialogs.said(UPLOADED)
    assert not (onedrive / "Documents" / "backup.zip").exists()


def test_a_data_folder_in_onedrive_cannot_be_chosen(
    qtbot: QtBot, store: Store, preferences: Preferences, dialogs: Dialogs, onedrive: Path
) -> None:
    dialog = make_dialog(qtbot, preferences, store)
    open_data_tab(dialog)
    dialogs.open_folder = onedrive / "Documents"
    dialog.choose_data_folder()
    [message] = dialogs.messages
    assert UPLOADED in message and message.endswith(".")
    assert dialog.chosen_folder == preferences.data_folder


@pytest.mark.usefixtures("passphrase_dialogs")  # the folder chosen instead is set up
def test_the_app_refuses_a_data_folder_in_onedrive_and_offers_another(
    qtbot: QtBot, tmp_path: Path, preferences: Preferences, dialogs: Dialogs, onedrive: Path
) -> None:
    preferences.data_folder = str(onedrive / "Documents" / "vastgoedcheck")
    preferences.save()
    elsewhere = tmp_path / "Gegevens"
    elsewhere.mkdir()
    dialogs.answer = QMessageBox.StandardButton.Open  # "Choose another folder…"
    dialogs.open_folder = elsewhere

    def close_when_shown() -> None:
        for widget in QApplication.topLevelWidgets():
            # The window is on screen before its store is open: wait for the store, or this
            # check fails inside the timer, is never tried again and the app waits for ever.
            # (``store`` is set by ``attach``: before that the window has none at all)
            attached = isinstance(widget, MainWindow) and widget.attached
            if attached and widget.isVisible():
                assert widget.store.layout.root == elsewhere
                widget.close()
                return
        QTimer.singleShot(20, close_when_shown)

    QTimer.singleShot(20, close_when_shown)
    assert main(["--lang", "en"]) == 0
    assert UPLOADED in dialogs.messages[0]
    assert Preferences.load().data_folder == str(elsewhere)
    assert not (onedrive / "Documents" / "vastgoedcheck").exists()
