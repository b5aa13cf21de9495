"""The report dialog as the reporter uses it: the statement of facts and the examiner's contact
details reach page 1 of the PDF, a missing examiner is said before the report is made, FIU
details are made only after an explicit confirmation, and the file is named after the matter
in the Documents folder."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, QStandardPaths, Qt, QThreadPool
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Dialogs, complete_draft, example
from vastgoedcheck.domain.check import Decision
from vastgoedcheck.reports.profiles import Recipient
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui import report_dialog
from vastgoedcheck.ui.preferences import Preferences
from vastgoedcheck.ui.report_dialog import ReportDialog
from vastgoedcheck.ui.settings_dialog import SettingsDialog

BUILD_TIMEOUT_MS = 30_000
STATEMENT = "Op 3 december om 14.00 uur zag ik afgeplakte zolderramen en rook ik hennep."


@pytest.fixture(autouse=True)
def fresh_session(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(report_dialog, "SESSION", report_dialog._Session())
    yield
    QThreadPool.globalInstance().waitForDone(BUILD_TIMEOUT_MS)


def shown(qtbot: QtBot, store: Store, check_id: str, preferences: Preferences) -> ReportDialog:
    dialog = ReportDialog(store, check_id, preferences)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def choose(qtbot: QtBot, button: QAbstractButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def final_landlord(store: Store) -> str:
    check = complete_draft(store)
    store.finalize(check.id)
    return check.id


def test_the_statement_and_the_examiners_contact_details_are_on_page_one(
    qtbot: QtBot, store: Store, preferences: Preferences, dialogs: Dialogs, tmp_path: Path
) -> None:
    preferences.examiner_phone = "030 123 45 67"
    preferences.examiner_email = "m.jansen@example.nl"
    dialog = shown(qtbot, store, final_landlord(store), preferences)
    choose(qtbot, dialog.recipient_buttons[Recipient.POLICE])
    assert not dialog.reporter_label.isVisible()  # named and reachable: nothing to warn
    dialog.statement_edit.setFocus()
    qtbot.keyClicks(dialog.statement_edit, STATEMENT)
    dialogs.save_as = tmp_path / "politie.pdf"

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.result_row.isVisible, timeout=BUILD_TIMEOUT_MS)

    reader = PdfReader(io.BytesIO((tmp_path / "politie.pdf").read_bytes()))
    first = " ".join(reader.pages[0].extract_text().split())
    for seen in ("M. Jansen", "Jansen Vastgoedbeheer", "030 123 45 67", "m.jansen@example.nl"):
        assert seen in first
    assert STATEMENT in first


def test_a_report_without_contact_details_is_said_before_it_is_made(
    qtbot: QtBot, store: Store, preferences: Preferences, dialogs: Dialogs
) -> None:
    dialog = shown(qtbot, store, final_landlord(store), preferences)  # a name, no phone, e-mail
    choose(qtbot, dialog.recipient_buttons[Recipient.POLICE])
    assert dialog.reporter_label.isVisible()
    assert "will not say who reports or how to reach them" in dialog.reporter_label.text()
    assert "Settings" in dialog.reporter_label.text()
    choose(qtbot, dialog.recipient_buttons[Recipient.DOSSIER])  # your own file: a name will do
    assert not dialog.reporter_label.isVisible()


def test_fiu_details_are_made_only_after_an_explicit_confirmation(
    qtbot: QtBot,
    store: Store,
    preferences: Preferences,
    dialogs: Dialogs,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    [(check_id, _stored)] = store.import_checks([example("broker-buyer-cash-deposit")], "t")
    store.set_decision(check_id, Decision("report_fiu", "Cash deposit of €15,000: reported."))
    store.finalize(check_id)
    dialog = shown(qtbot, store, check_id, preferences)
    assert dialog.recipient() is Recipient.FIU
    asked: list[str] = []

    def save_name(*args: object, **kwargs: object) -> tuple[str, str]:
        asked.append(str(args[2]))
        return (str(tmp_path / "fiu.pdf"), "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    dialogs.answer = QMessageBox.StandardButton.Cancel

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialogs.said("Make the details for a report to FIU-Nederland?")
    assert dialogs.said("art. 23 Wwft")
    assert asked == [] and not (tmp_path / "fiu.pdf").exists() and store.issued() == []

    dialogs.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.result_row.isVisible, timeout=BUILD_TIMEOUT_MS)
    [issued] = store.issued()
    assert issued.recipient == "fiu"
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    suggested = Path(asked[0])
    assert suggested.parent == (Path(documents) if Path(documents).is_dir() else Path.home())
    assert suggested.name.startswith("fiu-Lindenlaan-4-Amersfoort-")


@pytest.mark.parametrize(("language", "start"), [("nl", "gemeente-"), ("en", "municipality-")])
def test_the_suggested_name_follows_the_language_of_the_report(
    qtbot: QtBot,
    store: Store,
    preferences: Preferences,
    dialogs: Dialogs,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    start: str,
) -> None:
    dialog = shown(qtbot, store, final_landlord(store), preferences)
    choose(qtbot, dialog.recipient_buttons[Recipient.MUNICIPALITY])
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData(language))
    asked: list[str] = []

    def save_name(*args: object, **kwargs: object) -> tuple[str, str]:
        asked.append(Path(str(args[2])).name)
        return ("", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    [name] = asked
    address = str(store.get(dialog.check_id).property["address"]).replace(" ", "-")
    assert name.startswith(start + address)


def test_settings_hold_the_examiners_phone_and_e_mail(
    qtbot: QtBot, store: Store, preferences: Preferences
) -> None:
    dialog = SettingsDialog(preferences, store)
    qtbot.addWidget(dialog)
    dialog.findChild(QLineEdit, "examinerPhone").setText(" 030 123 45 67")
    dialog.findChild(QLineEdit, "examinerEmail").setText("m.jansen@example.nl")
    dialog.accept()
    saved = Preferences.load()
    assert (saved.examiner_phone, saved.examiner_email) == ("030 123 45 67", "m.jansen@example.nl")
