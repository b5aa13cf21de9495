"""The passphrase dialogs as a user meets them: setting up a folder (a short passphrase is refused
and the recovery key must be kept before going on), unlocking (a wrong passphrase is said and
changes nothing), the forgotten passphrase replaced with the recovery key, a passphrase change,
a new recovery key, and the printed sheet."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton

from tests.ui.conftest import Dialogs
from vastgoedcheck.storage import folder_key
from vastgoedcheck.storage.folder_key import KdfParameters
from vastgoedcheck.ui.folder_setup import FolderSetupDialog
from vastgoedcheck.ui.passphrase_change import ChangePassphraseDialog, NewRecoveryKeyDialog
from vastgoedcheck.ui.recovery_key_sheet import print_sheet
from vastgoedcheck.ui.unlock_dialog import UnlockDialog

PASSPHRASE = "groene deur aan de gracht"
CHEAP = KdfParameters(memory_kib=64, iterations=1, lanes=1)


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(folder_key, "DEFAULT_KDF", CHEAP)


def type_into(qtbot, field: QLineEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    field.clear()
    qtbot.keyClicks(field, text)


def key_file_bytes(folder: Path) -> bytes:
    return folder_key.key_file(folder).read_bytes()


def shown_key(dialog: FolderSetupDialog | NewRecoveryKeyDialog) -> str:
    label = dialog.findChild(QLabel, "recoveryKey")
    assert label is not None and label.isVisible()
    return "-".join(label.text().split())


def test_set_up_refuses_a_short_passphrase_and_says_why_while_typing(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "data"
    dialog = FolderSetupDialog(folder)
    qtbot.addWidget(dialog)
    dialog.show()
    save = dialog.findChild(QPushButton, "saveButton")
    reason = dialog.findChild(QLabel, "passphraseProblem")
    assert not save.isEnabled()
    type_into(qtbot, dialog.fields.first, "kort")
    assert not save.isEnabled()
    assert "4 characters; it needs at least 10" in reason.text()
    type_into(qtbot, dialog.fields.first, PASSPHRASE)
    assert "Type the passphrase again" in reason.text()
    type_into(qtbot, dialog.fields.second, PASSPHRASE + "!")
    assert not save.isEnabled()
    assert "not the same" in reason.text()
    save.click()  # disabled: nothing happens
    assert not folder_key.has_key_file(folder)
    type_into(qtbot, dialog.fields.second, PASSPHRASE)
    assert save.isEnabled()
    assert "nobody can read these checks" in dialog.findChild(QLabel, "setupWarning").text()


def test_set_up_shows_the_recovery_key_once_and_goes_on_only_once_it_is_kept(
    qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "data"
    dialog = FolderSetupDialog(folder)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.fields.first, PASSPHRASE)
    type_into(qtbot, dialog.fields.second, PASSPHRASE)
    qtbot.keyClick(dialog.fields.second, Qt.Key.Key_Return)
    assert folder_key.has_key_file(folder)
    recovery_key = shown_key(dialog)
    assert len(recovery_key) == 39
    continue_button = dialog.findChild(QPushButton, "continueButton")
    assert not continue_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # not before the key is kept
    assert dialog.isVisible()
    kept = dialog.findChild(QCheckBox, "recoveryKeyKept")
    where = kept.mapTo(dialog, QPoint(0, 0))
    dialog.findChild(QPushButton, "copyRecoveryKey").click()
    assert QGuiApplication.clipboard().text() == recovery_key
    assert "Copied" in dialog.findChild(QLabel, "recoveryKeyCopied").text()
    qtbot.wait(50)  # laid out again
    assert kept.mapTo(dialog, QPoint(0, 0)) == where  # nothing moved under the mouse
    kept.setChecked(True)
    continue_button.click()
    assert not dialog.isVisible() and dialog.key is not None
    # The passphrase and the recovery key shown both open the folder's key.
    assert folder_key.unlock(folder, PASSPHRASE) == dialog.key
    assert folder_key.KeyFile.read(folder).unlock_with_recovery_key(recovery_key) == dialog.key


def test_quitting_the_set_up_changes_nothing(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "data"
    dialog = FolderSetupDialog(folder, plain=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "not encrypted" in dialog.findChild(QLabel, "setupIntro").text()
    type_into(qtbot, dialog.fields.first, PASSPHRASE)
    dialog.findChild(QPushButton, "quitButton").click()
    assert not dialog.isVisible() and dialog.key is None
    assert not folder.exists()


def test_a_wrong_passphrase_is_said_in_the_dialog_and_may_be_typed_again(
    qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    key, _recovery = folder_key.create(tmp_path, PASSPHRASE)
    before = key_file_bytes(tmp_path)
    dialog = UnlockDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.passphrase, "groene deur aan de Gracht")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    problem = dialog.findChild(QLabel, "unlockProblem")
    assert dialog.isVisible() and problem.isVisible()
    assert problem.text() == (
        "The passphrase is not right, so the data folder stays locked; nothing was changed."
    )
    assert dialog.passphrase.text() == "" and dialog.key is None
    assert key_file_bytes(tmp_path) == before
    type_into(qtbot, dialog.passphrase, PASSPHRASE)
    dialog.findChild(QPushButton, "unlockButton").click()
    assert not dialog.isVisible() and dialog.key == key


def test_an_empty_passphrase_does_not_open_the_folder(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder_key.create(tmp_path, PASSPHRASE)
    dialog = UnlockDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.findChild(QPushButton, "unlockButton").click()
    assert dialog.isVisible() and dialog.key is None
    assert "not right" in dialog.findChild(QLabel, "unlockProblem").text()


def test_a_forgotten_passphrase_is_replaced_with_the_recovery_key(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    key, recovery_key = folder_key.create(tmp_path, PASSPHRASE)
    dialog = UnlockDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.findChild(QPushButton, "forgotButton").click()
    field = dialog.findChild(QLineEdit, "recoveryKeyField")
    assert field.isVisible()
    new = "een heel nieuwe wachtwoordzin"
    type_into(qtbot, dialog.new_fields.first, new)
    type_into(qtbot, dialog.new_fields.second, new)
    before = key_file_bytes(tmp_path)
    type_into(qtbot, field, "0000-1111-2222-3333-4444-5555-6666-7777")
    dialog.findChild(QPushButton, "setPassphraseButton").click()
    assert "not the one of this data folder" in dialog.findChild(QLabel, "recoveryProblem").text()
    assert key_file_bytes(tmp_path) == before
    # Typed as a person copies it from paper: lower case, spaces instead of dashes.
    type_into(qtbot, field, recovery_key.lower().replace("-", " "))
    dialog.findChild(QPushButton, "setPassphraseButton").click()
    assert not dialog.isVisible() and dialog.key == key
    assert folder_key.unlock(tmp_path, new) == key
    with pytest.raises(folder_key.WrongPassphrase):
        folder_key.unlock(tmp_path, PASSPHRASE)


def test_escape_on_the_recovery_page_goes_back_to_the_passphrase(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder_key.create(tmp_path, PASSPHRASE)
    dialog = UnlockDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.findChild(QPushButton, "forgotButton").click()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.passphrase.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.quit_chosen


def test_the_passphrase_is_changed_only_with_the_current_one(
    qtbot, tmp_path: Path, dialogs: Dialogs
) -> None:  # type: ignore[no-untyped-def]
    key, recovery_key = folder_key.create(tmp_path, PASSPHRASE)
    dialog = ChangePassphraseDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    new = "de nieuwe wachtwoordzin"
    type_into(qtbot, dialog.fields.first, new)
    type_into(qtbot, dialog.fields.second, new)
    type_into(qtbot, dialog.current, "niet de goede zin")
    dialog.findChild(QPushButton, "changeButton").click()
    assert dialog.isVisible() and "not right" in dialog.problem.text()
    assert folder_key.unlock(tmp_path, PASSPHRASE) == key
    type_into(qtbot, dialog.current, PASSPHRASE)
    qtbot.keyClick(dialog.current, Qt.Key.Key_Return)  # Enter changes it, as the button does
    assert not dialog.isVisible()
    assert dialogs.said("The passphrase is changed")
    assert folder_key.unlock(tmp_path, new) == key
    with pytest.raises(folder_key.WrongPassphrase):
        folder_key.unlock(tmp_path, PASSPHRASE)
    # The recovery key keeps working.
    assert folder_key.KeyFile.read(tmp_path).unlock_with_recovery_key(recovery_key) == key


def test_a_new_recovery_key_replaces_the_old_one(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    key, old_recovery_key = folder_key.create(tmp_path, PASSPHRASE)
    dialog = NewRecoveryKeyDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.current, "verkeerde wachtwoordzin")
    dialog.findChild(QPushButton, "makeButton").click()
    assert dialog.problem.isVisible()
    assert folder_key.KeyFile.read(tmp_path).unlock_with_recovery_key(old_recovery_key) == key
    type_into(qtbot, dialog.current, PASSPHRASE)
    qtbot.keyClick(dialog.current, Qt.Key.Key_Return)  # Enter makes it, as the button does
    new_recovery_key = shown_key(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()  # not before it is kept
    dialog.findChild(QCheckBox, "recoveryKeyKept").setChecked(True)
    dialog.findChild(QPushButton, "continueButton").click()
    assert not dialog.isVisible()
    keys = folder_key.KeyFile.read(tmp_path)
    assert keys.unlock_with_recovery_key(new_recovery_key) == key
    with pytest.raises(folder_key.WrongRecoveryKey):
        keys.unlock_with_recovery_key(old_recovery_key)


def test_the_printed_sheet_holds_the_key_the_folder_and_what_it_is_for(
    qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    recovery_key = folder_key.new_recovery_key()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "sheet.pdf"))
    folder = tmp_path / "Kantoor gegevens"
    print_sheet(printer, folder, recovery_key, dt.date(2026, 12, 6))
    reader = PdfReader(tmp_path / "sheet.pdf")
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "vastgoedcheck: recovery key" in text
    assert "Kantoor gegevens" in text
    assert "6 December 2026" in text
    for group in recovery_key.split("-"):
        assert group in text
    assert "nobody can read the checks" in text
