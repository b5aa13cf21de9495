"""Where the app saves a file the user asked for (a report, a blank checklist), it says beside
Save that the file is not encrypted, as the data folder is, and is to be handled as confidential."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from tests.ui.test_report_dialog import final_landlord_check, shown_dialog
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.blank_checklist_dialog import BlankChecklistDialog
from vastgoedcheck.ui.preferences import Preferences


def note_of(dialog: object) -> str:
    label = dialog.findChild(QLabel, "plainFileNote")  # type: ignore[attr-defined]
    assert label is not None and label.isVisible()
    return str(label.text())


def test_the_report_dialog_says_the_report_is_not_encrypted(
    qtbot: QtBot, store: Store, preferences: Preferences
) -> None:
    dialog = shown_dialog(qtbot, store, final_landlord_check(store), preferences)
    assert note_of(dialog) == (
        "The file you save is not encrypted, unlike your data folder and its backups: handle "
        "it as confidential."
    )


def test_the_blank_checklist_dialog_says_its_pdf_is_not_encrypted(
    qtbot: QtBot, store: Store
) -> None:
    dialog = BlankChecklistDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "The PDF is not encrypted" in note_of(dialog)
