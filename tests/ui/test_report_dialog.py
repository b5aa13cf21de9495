"""The report dialog and the list of issued reports: which recipients are offered, the
tipping-off warning, and making a PDF in the background that the store logs."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QThreadPool, QTimer, QUrl
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.accessibility import unnamed_controls
from tests.ui.conftest import Dialogs, complete_draft, example
from vastgoedcheck.domain.check import Decision
from vastgoedcheck.reports.profiles import Recipient
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui import report_dialog
from vastgoedcheck.ui.preferences import Preferences
from vastgoedcheck.ui.report_dialog import ReportDialog
from vastgoedcheck.ui.review_page import ReviewPage

BUILD_TIMEOUT_MS = 30_000


@pytest.fixture(autouse=True)
def fresh_session(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """What the dialog remembers for the session starts empty in every test."""
    monkeypatch.setattr(report_dialog, "SESSION", report_dialog._Session())
    yield
    QThreadPool.globalInstance().waitForDone(BUILD_TIMEOUT_MS)


def final_landlord_check(store: Store) -> str:
    check = complete_draft(store)
    store.finalize(check.id)
    return check.id


def final_broker_sale(store: Store) -> str:
    [(check_id, _stored)] = store.import_checks([example("broker-buyer-cash-deposit")], "t")
    store.set_decision(check_id, Decision("report_fiu", "Cash deposit of €15,000: reported."))
    store.finalize(check_id)
    return check_id


def shown_dialog(
    qtbot: QtBot, store: Store, check_id: str, preferences: Preferences
) -> ReportDialog:
    dialog = ReportDialog(store, check_id, preferences)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def choose(qtbot: QtBot, button: QAbstractButton) -> None:
    """Click a radio button or check box where its mark is."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def test_a_landlord_is_not_offered_fiu_nederland(
    qtbot: QtBot, store: Store, preferences: Preferences, dialogs: Dialogs
) -> None:
    dialog = shown_dialog(qtbot, store, final_landlord_check(store), preferences)

    assert set(dialog.recipient_buttons) == {
        Recipient.DOSSIER,
        Recipient.POLICE,
        Recipient.MUNICIPALITY,
    }
    assert all(button.isEnabled() for button in dialog.recipient_buttons.values())
    notes = [label.text() for label in dialog.findChildren(QLabel, "recipientNote")]
    assert any("FIU-Nederland is not open to you" in note for note in notes)
    assert not dialog.warning.isVisible()
    assert unnamed_controls(dialog) == []


def test_a_broker_sale_offers_fiu_nederland_with_the_tipping_off_warning(
    qtbot: QtBot, store: Store, preferences: Preferences, dialogs: Dialogs
) -> None:
    dialog = shown_dialog(qtbot, store, final_broker_sale(store), preferences)
    fiu = dialog.recipient_buttons[Recipient.FIU]
    assert fiu.isEnabled()
    # A must-report outcome of an estate agent's sale: FIU-Nederland is chosen already.
    assert dialog.recipient() is Recipient.FIU and dialog.focusWidget() is fiu
    choose(qtbot, dialog.recipient_buttons[Recipient.DOSSIER])
    assert not dialog.warning.isVisible()

    choose(qtbot, fiu)

    assert dialog.recipient() is Recipient.FIU
    assert dialog.warning.isVisible()
    warning = " ".join(label.text() for label in dialog.warning.findChildren(QLabel))
    assert (
        "Duty of confidentiality (art. 23 Wwft)" in warning and "Do not tell the client" in warning
    )
    assert "reporting portal" in dialog.scope_label.text()

    choose(qtbot, dialog.recipient_buttons[Recipient.POLICE])
    assert not dialog.warning.isVisible()
    assert "Left out" in dialog.scope_label.text()


def test_a_draft_allows_the_dossier_and_fiu_once_an_indicator_is_recorded(
    qtbot: QtBot, store: Store, preferences: Preferences, dialogs: Dialogs
) -> None:
    [(check_id, _stored)] = store.import_checks([example("broker-buyer-cash-deposit")], "t")
    dialog = shown_dialog(qtbot, store, check_id, preferences)

    assert dialog.recipient_buttons[Recipient.DOSSIER].isEnabled()
    for recipient in (Recipient.POLICE, Recipient.MUNICIPALITY):
        assert not dialog.recipient_buttons[recipient].isEnabled()
    # The objective indicator (cash of €10,000 or more) is answered: FIU-Nederland cannot wait.
    assert dialog.recipient_buttons[Recipient.FIU].isEnabled()
    assert dialog.recipient() is Recipient.FIU
    notes = " ".join(label.text() for label in dialog.findChildren(QLabel, "recipientNote"))
    assert "Finalize it first" in notes and "made from a draft" in notes

    landlord = shown_dialog(qtbot, store, complete_draft(store).id, preferences)
    assert landlord.recipient() is Recipient.DOSSIER
    assert [r for r, b in landlord.recipient_buttons.items() if b.isEnabled()] == [
        Recipient.DOSSIER
    ]


def test_the_language_follows_the_settings_or_else_the_check(
    qtbot: QtBot, store: Store, preferences: Preferences, dialogs: Dialogs
) -> None:
    check_id = final_landlord_check(store)  # a check in Dutch
    assert store.get(check_id).language == "nl"
    assert shown_dialog(qtbot, store, check_id, preferences).language() == "nl"

    preferences.report_language = "en"
    dialog = shown_dialog(qtbot, store, check_id, preferences)
    assert dialog.language() == "en"
    assert dialog.language_combo.currentText() == "English"


def test_making_a_report_builds_it_in_the_background_and_logs_it(
    qtbot: QtBot,
    store: Store,
    preferences: Preferences,
    dialogs: Dialogs,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    check_id = final_broker_sale(store)
    page = ReviewPage(store, check_id, preferences=preferences)
    qtbot.addWidget(page)
    page.show()
    assert page.issued.table.rowCount() == 0
    qtbot.mouseClick(page.report_button, Qt.MouseButton.LeftButton)
    dialog = page.report_dialog
    assert dialog is not None and dialog.isVisible()
    choose(qtbot, dialog.recipient_buttons[Recipient.FIU])

    suggested: list[str] = []

    def save_name(*args: object, **kwargs: object) -> tuple[str, str]:
        suggested.append(str(args[2]))
        return (str(tmp_path / "fiu-report.pdf"), "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    dialogs.answer = QMessageBox.StandardButton.Yes  # "Make the report" in the confirmation
    ticks: list[bool] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(dialog.progress_row.isVisible()))
    timer.start(5)

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.progress_row.isVisible, timeout=1000)  # busy, and the UI runs on
    assert not dialog.save_button.isEnabled() and not dialog.recipients.isEnabled()
    assert dialog.close_button.isEnabled() and dialog.close_button.text() == "Cancel"
    qtbot.waitUntil(dialog.result_row.isVisible, timeout=BUILD_TIMEOUT_MS)
    timer.stop()

    assert any(ticks), "the event loop ran while the report was being made"
    assert dialogs.said("Make the details for a report to FIU-Nederland?")
    assert dialogs.said("Do not tell the client")
    assert Path(suggested[0]).name.startswith("fiu-Lindenlaan-4-Amersfoort-20")
    target = tmp_path / "fiu-report.pdf"
    content = target.read_bytes()
    assert content.startswith(b"%PDF")
    [issued] = store.issued()
    assert issued.sha256 == hashlib.sha256(content).hexdigest()
    assert (issued.check_id, issued.recipient, issued.kind) == (check_id, "fiu", "report")
    assert str(target) in dialog.result_label.text()
    assert not dialog.progress_row.isVisible() and dialog.save_button.isEnabled()
    assert page.issued.table.rowCount() == 1
    assert page.issued.table.item(0, 4).text() == str(target)
    assert page.issued.table.item(0, 1).text() == "FIU-Nederland"

    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialogs.opened_urls == [QUrl.fromLocalFile(str(target)).toString()]


def test_cancelling_while_the_report_is_made_writes_nothing(
    qtbot: QtBot, store: Store, preferences: Preferences, dialogs: Dialogs, tmp_path: Path
) -> None:
    dialog = shown_dialog(qtbot, store, final_landlord_check(store), preferences)
    dialogs.save_as = tmp_path / "dossier.pdf"

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.progress_row.isVisible()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    QThreadPool.globalInstance().waitForDone(BUILD_TIMEOUT_MS)
    qtbot.wait(50)  # let the finished build's signal arrive

    assert not (tmp_path / "dossier.pdf").exists()
    assert store.issued() == []
    assert dialogs.messages == []


def test_open_when_ready_opens_the_report_and_is_remembered(
    qtbot: QtBot, store: Store, preferences: Preferences, dialogs: Dialogs, tmp_path: Path
) -> None:
    check_id = final_landlord_check(store)
    dialog = shown_dialog(qtbot, store, check_id, preferences)
    choose(qtbot, dialog.open_when_ready)
    assert dialog.open_when_ready.isChecked()
    dialogs.save_as = tmp_path / "dossier"  # no extension typed

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialogs.opened_urls), timeout=BUILD_TIMEOUT_MS)

    target = tmp_path / "dossier.pdf"
    assert dialogs.opened_urls == [QUrl.fromLocalFile(str(target)).toString()]
    assert store.issued()[0].file == str(target)
    assert shown_dialog(qtbot, store, check_id, preferences).open_when_ready.isChecked()


def test_a_report_file_that_was_removed_is_said_to_be_gone(
    qtbot: QtBot, store: Store, preferences: Preferences, dialogs: Dialogs, tmp_path: Path
) -> None:
    check_id = final_landlord_check(store)
    dialog = shown_dialog(qtbot, store, check_id, preferences)
    dialogs.save_as = tmp_path / "dossier.pdf"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.result_row.isVisible, timeout=BUILD_TIMEOUT_MS)
    (tmp_path / "dossier.pdf").unlink()

    page = ReviewPage(store, check_id, preferences=preferences)
    qtbot.addWidget(page)
    page.show()
    assert page.issued.table.rowCount() == 1
    qtbot.mouseClick(page.issued.open_button, Qt.MouseButton.LeftButton)
    assert dialogs.said("is no longer there")
    assert dialogs.opened_urls == []

    qtbot.mouseClick(page.issued.folder_button, Qt.MouseButton.LeftButton)
    assert dialogs.opened_urls == [QUrl.fromLocalFile(str(tmp_path)).toString()]


def test_a_report_the_check_no_longer_allows_is_refused_in_one_sentence(
    qtbot: QtBot, store: Store, preferences: Preferences, dialogs: Dialogs, tmp_path: Path
) -> None:
    check_id = final_landlord_check(store)
    dialog = shown_dialog(qtbot, store, check_id, preferences)
    choose(qtbot, dialog.recipient_buttons[Recipient.POLICE])
    store.amend(check_id, "The tenant's name was misspelt.")  # now a draft again
    dialogs.save_as = tmp_path / "police.pdf"

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialogs.messages), timeout=BUILD_TIMEOUT_MS)

    assert dialogs.said("finalize it first")
    assert len(dialogs.messages) == 1
    assert not (tmp_path / "police.pdf").exists()
    assert store.issued() == []
    assert dialog.save_button.isEnabled() and not dialog.progress_row.isVisible()


def test_the_dialog_and_its_save_button_fit_on_the_screen_for_every_recipient(
    qtbot: QtBot, store: Store, preferences: Preferences
) -> None:
    dialog = shown_dialog(qtbot, store, final_broker_sale(store), preferences)
    screen = dialog.screen().availableGeometry()
    for button in dialog.recipient_buttons.values():
        choose(qtbot, button)
        assert dialog.height() <= screen.height()
        bottom = dialog.save_button.mapTo(dialog, QPoint(0, dialog.save_button.height())).y()
        assert bottom <= dialog.height()
