"""When things go wrong: a data folder that cannot be opened is brought back from a backup, and
an exception nobody caught is logged and shown calmly while the app keeps running."""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, qWarning
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
)

from tests.stores import key_for, open_store
from tests.ui.accessibility import unnamed_controls
from tests.ui.conftest import Dialogs, new_draft
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage.errors import StoreDamaged
from vastgoedcheck.ui.error_log import install_error_handling, uninstall_error_handling
from vastgoedcheck.ui.failure_dialogs import ErrorDialog, RecoveryDialog


def click(qtbot, dialog, name: str) -> None:  # type: ignore[no-untyped-def]
    button = dialog.findChild(QPushButton, name)
    assert button is not None, name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


# -- a data folder that cannot be opened ------------------------------------------------------


@pytest.fixture
def damaged(folder: Path, registry: PackRegistry) -> Iterator[tuple[str, str]]:
    """A data folder with one draft and today's backup, whose meta.json was then overwritten
    with garbage; gives the draft's id and the sentence Store.open said."""
    with open_store(folder, registry, actor="M. Jansen") as store:
        check = new_draft(store)
        store.daily_backup()
    (folder / "meta.json").write_bytes(b"\x00garbage\xff" * 10)
    with pytest.raises(StoreDamaged) as raised:
        open_store(folder, registry, actor="M. Jansen")
    yield check.id, str(raised.value)


def recovery(qtbot, folder: Path, message: str) -> RecoveryDialog:  # type: ignore[no-untyped-def]
    dialog = RecoveryDialog(folder, message, "M. Jansen", key_for(folder))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_restoring_the_listed_backup_opens_the_folder_again(
    qtbot,
    folder: Path,
    registry: PackRegistry,
    damaged: tuple[str, str],
    dialogs: Dialogs,
) -> None:
    check_id, message = damaged
    dialog = recovery(qtbot, folder, message)
    problem = dialog.findChild(QLabel, "recoveryProblem")
    assert problem.text().startswith("The store's meta.json is damaged")
    assert "not lost" in dialog.findChild(QLabel, "recoveryExplanation").text()
    backups = dialog.findChild(QTreeWidget, "backupList")
    assert backups.topLevelItemCount() == 1
    assert backups.topLevelItem(0).text(1) == "Automatic, daily"

    click(qtbot, dialog, "restoreSelected")

    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.restored
    assert dialogs.messages == ["1 check was restored from the backup."]
    with open_store(folder, registry, actor="M. Jansen") as store:
        assert [summary.id for summary in store.summaries()] == [check_id]


def test_a_file_that_is_not_a_backup_keeps_the_dialog_open(
    qtbot,
    folder: Path,
    registry: PackRegistry,
    damaged: tuple[str, str],
    dialogs: Dialogs,
    tmp_path: Path,
) -> None:
    check_id, message = damaged
    dialog = recovery(qtbot, folder, message)
    letter = tmp_path / "letter.zip"
    letter.write_text("not a backup", encoding="utf-8")
    dialogs.open_files = [letter]

    click(qtbot, dialog, "restoreFromFile")

    assert len(dialogs.messages) == 1
    assert dialogs.messages[0].startswith(f"{letter} is not a usable vastgoedcheck backup")
    assert dialog.isVisible() and not dialog.restored
    click(qtbot, dialog, "restoreSelected")  # the listed backup still works afterwards
    assert dialog.restored
    with open_store(folder, registry, actor="M. Jansen") as store:
        assert [summary.id for summary in store.summaries()] == [check_id]


def test_open_the_data_folder_and_quit(
    qtbot, folder: Path, damaged: tuple[str, str], dialogs: Dialogs
) -> None:
    _check_id, message = damaged
    dialog = recovery(qtbot, folder, message)
    click(qtbot, dialog, "openDataFolder")
    assert dialogs.opened_urls == [folder.as_uri()]
    assert unnamed_controls(dialog) == []

    click(qtbot, dialog, "quit")

    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.restored


def test_without_backups_the_dialog_says_what_else_can_be_done(
    qtbot, tmp_path: Path, dialogs: Dialogs
) -> None:
    dialog = recovery(qtbot, tmp_path / "empty", "the store's meta.json is missing")
    assert dialog.findChild(QLabel, "noBackups").isVisible()
    assert not dialog.findChild(QTreeWidget, "backupList").isVisible()
    assert not dialog.findChild(QPushButton, "restoreSelected").isEnabled()
    assert dialog.findChild(QPushButton, "restoreFromFile").isEnabled()


# -- unexpected errors -----------------------------------------------------------------------


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "data" / "logs" / "vastgoedcheck.log"
    install_error_handling(path)
    yield path
    uninstall_error_handling()
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, ErrorDialog):
            widget.close()


def error_dialogs() -> list[ErrorDialog]:
    return [
        widget
        for widget in QApplication.topLevelWidgets()
        if isinstance(widget, ErrorDialog) and widget.isVisible()
    ]


def shown_error(qtbot) -> ErrorDialog:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: len(error_dialogs()) == 1, timeout=2000)
    [dialog] = error_dialogs()
    return dialog


def raise_and_hook(error: Exception) -> None:
    try:
        raise error
    except Exception:
        sys.excepthook(*sys.exc_info())


def test_an_uncaught_exception_is_logged_and_shown(qtbot, log_file: Path, dialogs: Dialogs) -> None:
    raise_and_hook(ValueError("the amount 'twelve' is not a number"))

    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged
    assert "builtins.ValueError" in logged and "raise_and_hook" in logged
    # The log is plain text beside the encrypted checks: a message may quote a name, so it is
    # shown on the screen but not written down.
    assert "twelve" not in logged
    dialog = shown_error(qtbot)
    assert (
        dialog.findChild(QLabel, "errorHeading").text()
        == "Something went wrong. Your saved work is safe."
    )
    summary = dialog.findChild(QLabel, "errorSummary").text()
    assert summary == "ValueError: the amount 'twelve' is not a number"
    assert str(log_file) in dialog.findChild(QLabel, "errorAdvice").text()
    details = dialog.findChild(QPlainTextEdit, "errorDetails")
    assert not details.isVisible()
    assert unnamed_controls(dialog) == []

    click(qtbot, dialog, "toggleDetails")
    assert details.isVisible() and "raise_and_hook" in details.toPlainText()
    click(qtbot, dialog, "copyDetails")
    copied = QApplication.clipboard().text()
    assert summary in copied and "Traceback" in copied and "Python" in copied
    click(qtbot, dialog, "openLogFolder")
    assert dialogs.opened_urls == [log_file.parent.as_uri()]
    click(qtbot, dialog, "closeButton")
    qtbot.waitUntil(lambda: error_dialogs() == [], timeout=2000)


def test_a_failing_button_does_not_stop_the_app(qtbot, log_file: Path) -> None:
    def broken() -> None:
        raise RuntimeError("the report could not be laid out")

    button = QPushButton("Make a report")
    qtbot.addWidget(button)
    button.clicked.connect(broken)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    dialog = shown_error(qtbot)
    assert "the report could not be laid out" in dialog.findChild(QLabel, "errorSummary").text()
    assert "in broken" in log_file.read_text(encoding="utf-8")
    click(qtbot, dialog, "closeButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # and again: still handled
    assert shown_error(qtbot) is not dialog


def test_an_error_in_another_thread_is_shown_by_the_window_thread(qtbot, log_file: Path) -> None:
    def work() -> None:
        raise OSError("the scanner went away")

    worker = threading.Thread(target=work, name="photo-import")
    worker.start()
    worker.join()

    dialog = shown_error(qtbot)
    assert dialog.thread() is QApplication.instance().thread()
    assert "the scanner went away" in dialog.findChild(QLabel, "errorSummary").text()
    assert "Unexpected error in thread photo-import" in log_file.read_text(encoding="utf-8")


def test_errors_that_follow_are_added_to_the_open_dialog(qtbot, log_file: Path) -> None:
    raise_and_hook(KeyError("first"))
    dialog = shown_error(qtbot)
    raise_and_hook(KeyError("second"))
    raise_and_hook(KeyError("third"))
    qtbot.waitUntil(
        lambda: "third" in dialog.findChild(QPlainTextEdit, "errorDetails").toPlainText()
    )

    assert error_dialogs() == [dialog]
    assert dialog.findChild(QLabel, "laterErrors").text() == (
        "2 more errors followed; see the details."
    )


def test_qt_warnings_go_to_the_log(log_file: Path) -> None:
    qWarning("QPainter::begin: Paint device returned engine == 0")
    logged = log_file.read_text(encoding="utf-8")
    assert "WARNING vastgoedcheck.qt: QPainter::begin: Paint device returned engine" in logged


def test_uninstalling_puts_the_hooks_back(tmp_path: Path) -> None:
    before = (sys.excepthook, threading.excepthook)
    logger = install_error_handling(tmp_path / "logs" / "vastgoedcheck.log")
    assert sys.excepthook is not before[0] and threading.excepthook is not before[1]
    uninstall_error_handling()
    assert (sys.excepthook, threading.excepthook) == before
    assert logger.handlers == []


def test_a_log_that_cannot_be_written_still_shows_the_error(qtbot, tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    install_error_handling(blocker / "logs" / "vastgoedcheck.log")
    try:
        raise_and_hook(ValueError("no log"))
        dialog = shown_error(qtbot)
        assert not dialog.findChild(QPushButton, "openLogFolder").isVisible()
        assert "log file" not in dialog.findChild(QLabel, "errorAdvice").text()
    finally:
        uninstall_error_handling()
        for widget in error_dialogs():
            widget.close()


def test_the_log_is_kept_small(log_file: Path) -> None:
    logger = logging.getLogger("vastgoedcheck")
    for _line in range(1200):
        logger.info("x" * 1000)
    assert log_file.stat().st_size <= 1_000_000
    assert log_file.with_name("vastgoedcheck.log.1").exists()
    assert not log_file.with_name("vastgoedcheck.log.4").exists()


def test_the_log_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    """A traceback may quote a name or an address: the log is private, rotated ones too."""
    old_mask = os.umask(0o022)
    try:
        log_file = tmp_path / "data" / "logs" / "vastgoedcheck.log"
        install_error_handling(log_file)
        try:
            logger = logging.getLogger("vastgoedcheck")
            for _line in range(1200):
                logger.info("x" * 1000)
        finally:
            uninstall_error_handling()
    finally:
        os.umask(old_mask)
    logs = sorted(log_file.parent.iterdir())
    assert len(logs) > 1
    assert all(not path.stat().st_mode & 0o077 for path in [log_file.parent, *logs])
