"""Decisions this role can make, and report records in the desktop app: on the review page,
in their own dialog, and offered by the report dialog after a report is saved."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, QPointF, Qt, QThreadPool
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.accessibility import unnamed_controls
from tests.ui.conftest import Dialogs, complete_draft, example
from vastgoedcheck.domain.check import Decision
from vastgoedcheck.domain.report_record import RecordKind, ReportChannel, ReportRecord
from vastgoedcheck.reports.profiles import Recipient
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui import report_dialog
from vastgoedcheck.ui.preferences import Preferences
from vastgoedcheck.ui.report_record_dialog import ReportRecordDialog
from vastgoedcheck.ui.review_page import ReviewPage

BUILD_TIMEOUT_MS = 30_000


@pytest.fixture(autouse=True)
def fresh_session(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(report_dialog, "SESSION", report_dialog._Session())
    yield
    QThreadPool.globalInstance().waitForDone(BUILD_TIMEOUT_MS)


def imported(store: Store, name: str) -> str:
    [(check_id, _stored)] = store.import_checks([example(name)], "t")
    return check_id


def shown_page(qtbot: QtBot, store: Store, check_id: str, preferences: Preferences) -> ReviewPage:
    page = ReviewPage(store, check_id, preferences=preferences)
    qtbot.addWidget(page)
    page.resize(1000, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def offered(page: ReviewPage) -> list[str]:
    return [str(page.decision_combo.itemData(i)) for i in range(page.decision_combo.count())]


def page_text(page: ReviewPage) -> str:
    return " ".join(label.text() for label in page.findChildren(QLabel))


def choose(qtbot: QtBot, button: QAbstractButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def test_a_landlord_decides_what_a_landlord_can_and_never_sees_fiu(
    qtbot: QtBot, store: Store, preferences: Preferences, dialogs: Dialogs
) -> None:
    page = shown_page(qtbot, store, imported(store, "landlord-residential-straw-man"), preferences)
    codes = offered(page)
    assert "report_fiu" not in codes
    assert {"proceed", "proceed_with_conditions", "do_not_proceed", "report_police"} <= set(codes)
    texts = [page.decision_combo.itemText(i) for i in range(page.decision_combo.count())]
    assert not any("FIU" in text for text in texts)
    assert not any(text.startswith(("Must report", "Report recommended")) for text in texts)
    assert unnamed_controls(page) == []


def test_a_notary_in_a_wwft_transfer_can_decide_to_report_to_fiu(
    qtbot: QtBot, store: Store, preferences: Preferences, dialogs: Dialogs
) -> None:
    page = shown_page(qtbot, store, imported(store, "notary-cash-above-2500"), preferences)
    assert "report_fiu" in offered(page)


def test_under_an_objective_indicator_not_reporting_is_never_offered(
    qtbot: QtBot, store: Store, preferences: Preferences, dialogs: Dialogs
) -> None:
    check_id = imported(store, "broker-buyer-cash-deposit")
    page = shown_page(qtbot, store, check_id, preferences)
    assert page.decision_combo.currentData() == "report_fiu"
    assert "(advised)" in page.decision_combo.currentText()
    assert "decide not to report" not in page_text(page)
    qtbot.mouseClick(page.records.not_button, Qt.MouseButton.LeftButton)
    dialog = page.records.dialog
    assert dialog is not None
    assert not dialog.not_reporting.isEnabled()
    assert dialog.channel.currentData() == "fiu"
    assert dialog.indicator.currentData() == "objective" and "BUY-07" in (
        dialog.indicator_detail.text()
    )


def test_a_report_is_recorded_and_corrected_on_the_review_page(
    qtbot: QtBot, store: Store, preferences: Preferences, dialogs: Dialogs
) -> None:
    check = complete_draft(store)
    store.finalize(check.id)
    page = shown_page(qtbot, store, check.id, preferences)
    assert "Status: open" in page.records.status_label.text()
    assert not page.records.list.isVisible()

    qtbot.mouseClick(page.records.add_button, Qt.MouseButton.LeftButton)
    dialog = page.records.dialog
    assert isinstance(dialog, ReportRecordDialog) and dialog.isVisible()
    channels = [dialog.channel.itemData(i) for i in range(dialog.channel.count())]
    assert "fiu" not in channels  # a landlord
    assert unnamed_controls(dialog) == []
    dialog.channel.setCurrentIndex(dialog.channel.findData("police"))
    qtbot.keyClicks(dialog.reference, "PL-2026-118")
    dialog.save()
    assert not dialog.isVisible()

    [made] = store.report_records(check.id)
    assert (made.channel, made.reference) == (ReportChannel.POLICE, "PL-2026-118")
    assert "Status: reported" in page.records.status_label.text()
    assert "reported to the police; reference PL-2026-118" in page.records.list.item(0).text()
    assert store.get(check.id).fingerprint == store.get(check.id, 1).fingerprint

    page.records.list.setCurrentRow(0)
    assert page.records.correct_button.isEnabled()
    qtbot.mouseClick(page.records.correct_button, Qt.MouseButton.LeftButton)
    correcting = page.records.dialog
    assert correcting is not None and correcting.correcting == made
    correcting.channel.setCurrentIndex(correcting.channel.findData("anonymous"))
    correcting.save()  # no reason yet: refused, the dialog stays
    assert dialogs.said("why") and correcting.isVisible()
    qtbot.keyClicks(correcting.correction_reason, "It was Meld Misdaad Anoniem.")
    correcting.save()
    old, new = store.report_records(check.id)
    assert old == made and new.corrects == made.id
    assert page.records.list.count() == 2
    assert page.records.list.item(1).text().startswith("Corrected later:")


def test_a_decision_not_to_report_is_recorded_with_its_reasoning(
    qtbot: QtBot, store: Store, preferences: Preferences, dialogs: Dialogs
) -> None:
    check_id = imported(store, "landlord-residential-straw-man")
    page = shown_page(qtbot, store, check_id, preferences)
    qtbot.mouseClick(page.records.not_button, Qt.MouseButton.LeftButton)
    dialog = page.records.dialog
    assert dialog is not None and dialog.not_reporting.isChecked()
    assert not dialog.channel.isEnabled()
    dialog.save()
    assert dialogs.said("reasoning") and dialog.isVisible()
    dialog.reasoning.setPlainText("The applicant withdrew before any agreement.")
    dialog.save()
    [record] = store.report_records(check_id)
    assert record.kind is RecordKind.NOT_REPORTING
    assert "Status: decided not to report" in page.records.status_label.text()
    assert [s.report_status for s in store.summaries()] == ["not_reporting"]


def test_after_saving_a_report_the_dialog_offers_to_record_it(
    qtbot: QtBot, store: Store, preferences: Preferences, dialogs: Dialogs, tmp_path: Path
) -> None:
    check_id = imported(store, "broker-buyer-cash-deposit")
    store.set_decision(check_id, Decision("report_fiu", "Cash deposit of €15,000: reported."))
    store.finalize(check_id)
    page = shown_page(qtbot, store, check_id, preferences)
    qtbot.mouseClick(page.report_button, Qt.MouseButton.LeftButton)
    dialog = page.report_dialog
    assert dialog is not None
    choose(qtbot, dialog.recipient_buttons[Recipient.FIU])
    assert not dialog.internal.isVisible()  # only the dossier has an internal version
    dialogs.answer = QMessageBox.StandardButton.Yes  # the confirmation of art. 23 Wwft
    dialogs.save_as = tmp_path / "fiu.pdf"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.result_row.isVisible, timeout=BUILD_TIMEOUT_MS)
    assert dialog.record_button.isVisible()

    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    recording = dialog.record_dialog
    assert recording is not None and recording.channel.currentData() == "fiu"
    qtbot.keyClicks(recording.reference, "FIU-2026-0042")
    recording.save()
    [record] = store.report_records(check_id)
    assert (record.channel, record.reference) == (ReportChannel.FIU, "FIU-2026-0042")
    assert "FIU-2026-0042" in page.records.list.item(0).text()


def test_the_internal_dossier_from_the_dialog_is_marked_on_every_page(
    qtbot: QtBot, store: Store, preferences: Preferences, dialogs: Dialogs, tmp_path: Path
) -> None:
    check_id = imported(store, "broker-buyer-cash-deposit")
    made = ReportRecord(
        id="",
        kind=RecordKind.REPORTED,
        on=dt.date(2026, 12, 4),
        recorded_at=dt.datetime.now(dt.UTC),
        actor="",
        channel=ReportChannel.FIU,
        reference="FIU-77",
    )
    store.record_report(check_id, made)
    page = shown_page(qtbot, store, check_id, preferences)
    qtbot.mouseClick(page.report_button, Qt.MouseButton.LeftButton)
    dialog = page.report_dialog
    assert dialog is not None
    choose(qtbot, dialog.recipient_buttons[Recipient.DOSSIER])
    assert dialog.internal.isVisible()
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    choose(qtbot, dialog.internal)
    assert dialog.internal.isChecked()
    dialogs.save_as = tmp_path / "internal.pdf"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.result_row.isVisible, timeout=BUILD_TIMEOUT_MS)
    assert not dialog.record_button.isVisible()  # the own dossier is no report to record
    pages = [
        page.extract_text()
        for page in PdfReader(io.BytesIO((tmp_path / "internal.pdf").read_bytes())).pages
    ]
    assert all("INTERNAL — NOT FOR THE CLIENT" in text for text in pages)
    assert "FIU-77" in " ".join(pages)
    [issued] = store.issued()
    assert issued.recipient == "dossier_internal"


def test_a_wheel_turned_while_scrolling_does_not_change_the_decision(
    qtbot: QtBot, store: Store, preferences: Preferences, dialogs: Dialogs
) -> None:
    page = shown_page(qtbot, store, imported(store, "landlord-residential-straw-man"), preferences)
    before = page.decision_combo.currentData()
    page.report_button.setFocus()
    centre = QPointF(page.decision_combo.rect().center())
    wheel = QWheelEvent(
        centre,
        page.decision_combo.mapToGlobal(centre),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(page.decision_combo, wheel)
    assert page.decision_combo.currentData() == before
