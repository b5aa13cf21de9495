"""Starting the desktop app: `vastgoedcheck` without a command opens the window; a second copy
and a data folder that cannot be opened end with one clear sentence, never a traceback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton

from tests.stores import key_for, open_store
from tests.ui.conftest import Dialogs, new_draft
from vastgoedcheck.cli import main
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.ui.app import install_qt_language
from vastgoedcheck.ui.failure_dialogs import RecoveryDialog
from vastgoedcheck.ui.main_window import MainWindow
from vastgoedcheck.ui.preferences import CONFIG_DIR_VARIABLE


def close_window_when_shown(seen: list[str]) -> None:
    """Close the main window as soon as it is on screen, noting its title."""

    def poll() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                seen.append(widget.windowTitle())
                widget.close()
                return
        QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)


def test_without_a_command_the_desktop_window_opens_and_closes_cleanly(
    qtbot, tmp_path: Path, registry: PackRegistry, dialogs: Dialogs
) -> None:
    folder = tmp_path / "data"
    seen: list[str] = []
    close_window_when_shown(seen)
    key_for(folder)  # set up (a new folder asks for a passphrase first)
    assert main(["--lang", "en", "--data-dir", str(folder)]) == 0
    assert seen == ["vastgoedcheck"]
    # The window released the data folder and left today's backup behind.
    with open_store(folder, registry, actor="test") as store:
        assert len(store) == 0
    assert list((folder / "backups").glob("backup-*.zip"))
    assert dialogs.messages == []


def test_a_second_copy_is_told_the_folder_is_in_use(
    qtbot, tmp_path: Path, registry: PackRegistry, dialogs: Dialogs
) -> None:
    folder = tmp_path / "data"
    with open_store(folder, registry, actor="first copy"):
        assert main(["--lang", "en", "--data-dir", str(folder)]) == 1
    assert len(dialogs.messages) == 1
    assert "already open on this data folder" in dialogs.messages[0]
    assert dialogs.messages[0].endswith(".")


def test_a_data_folder_that_is_a_file_is_refused_in_one_sentence(
    qtbot, tmp_path: Path, dialogs: Dialogs
) -> None:
    not_a_folder = tmp_path / "checks.txt"
    not_a_folder.write_text("not a folder", encoding="utf-8")
    assert main(["--lang", "en", "--data-dir", str(not_a_folder)]) == 1
    assert len(dialogs.messages) == 1
    assert "cannot be used" in dialogs.messages[0]


def test_qt_standard_buttons_speak_dutch(qtbot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_qt_language(app, "nl")
    try:
        dutch = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(dutch)
        assert dutch.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == (
            "Annuleren"
        )
    finally:
        install_qt_language(app, "en")
    english = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(english)
    assert (
        english.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Cancel"
    )


def test_a_damaged_data_folder_opens_the_recovery_dialog_and_a_restore_opens_the_app(
    qtbot, tmp_path: Path, registry: PackRegistry, dialogs: Dialogs
) -> None:
    folder = tmp_path / "data"
    with open_store(folder, registry, actor="M. Jansen") as store:
        draft = new_draft(store)
        store.daily_backup()
    (folder / "meta.json").write_text("{ not json", encoding="utf-8")

    recovered: list[bool] = []

    def restore_when_asked() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, RecoveryDialog) and widget.isVisible():
                widget.findChild(QPushButton, "restoreSelected").click()
                recovered.append(widget.restored)
                return
        QTimer.singleShot(20, restore_when_asked)

    QTimer.singleShot(20, restore_when_asked)
    seen: list[str] = []
    close_window_when_shown(seen)
    assert main(["--lang", "en", "--data-dir", str(folder)]) == 0
    assert recovered == [True] and seen == ["vastgoedcheck"]
    with open_store(folder, registry, actor="M. Jansen") as store:
        assert [summary.id for summary in store.summaries()] == [draft.id]


def test_quitting_the_recovery_dialog_ends_the_app_without_touching_the_folder(
    qtbot, tmp_path: Path, registry: PackRegistry, dialogs: Dialogs
) -> None:
    folder = tmp_path / "data"
    with open_store(folder, registry, actor="M. Jansen") as store:
        new_draft(store)
    (folder / "meta.json").write_text("{ not json", encoding="utf-8")

    def quit_when_asked() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, RecoveryDialog) and widget.isVisible():
                widget.findChild(QPushButton, "quit").click()
                return
        QTimer.singleShot(20, quit_when_asked)

    QTimer.singleShot(20, quit_when_asked)
    assert main(["--lang", "en", "--data-dir", str(folder)]) == 1
    assert len(list((folder / "checks").glob("*.json"))) == 1  # nothing removed


def test_a_logout_or_kill_closes_the_app_as_its_window_would(
    tmp_path: Path, registry: PackRegistry
) -> None:
    """SIGTERM (a logout, a shutdown) stores what is pending and releases the data folder, so
    the next start finds a cleanly closed session."""
    folder = tmp_path / "data"
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        CONFIG_DIR_VARIABLE: str(tmp_path / "config"),
    }
    key_for(folder)  # set up (a new folder asks for a passphrase first)
    command = [sys.executable, "-m", "vastgoedcheck", "--lang", "en", "--data-dir", str(folder)]
    with subprocess.Popen(
        command, env=environment, stderr=subprocess.PIPE, text=True, encoding="utf-8"
    ) as app:
        try:
            deadline = time.monotonic() + 60
            while "started" not in log_text(folder):
                assert app.poll() is None, app.communicate()[1]
                assert time.monotonic() < deadline, "the app did not start"
                time.sleep(0.1)
            time.sleep(1.0)  # the window is up
            app.send_signal(signal.SIGTERM)
            assert app.wait(timeout=30) == 0
        finally:
            if app.poll() is None:
                app.kill()
    with open_store(folder, registry, actor="next start") as store:
        assert not any("did not close normally" in problem for problem in store.problems)
    assert list((folder / "backups").glob("backup-*.zip"))


def log_text(folder: Path) -> str:
    return "".join(path.read_text(encoding="utf-8") for path in folder.glob("logs/*.log"))
