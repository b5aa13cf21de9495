"""Retention and erasure in the desktop app: the check page says until when a check is kept and
why, the overview marks and filters what is due, the start shows what is due and erases nothing
without a confirmation, and erasing on request is refused for a Wwft record within its period."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tests.storage.test_review_kept import reported_long_ago
from tests.stores import open_store
from tests.ui.conftest import Dialogs, complete_draft, example
from vastgoedcheck.domain.check import Decision
from vastgoedcheck.i18n.formatting import format_short_date
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.check_page import CheckPage
from vastgoedcheck.ui.due_dialog import DueDialog
from vastgoedcheck.ui.erase_dialog import EraseDialog
from vastgoedcheck.ui.main_window import MainWindow
from vastgoedcheck.ui.overview_model import Column
from vastgoedcheck.ui.preferences import Preferences
from vastgoedcheck.ui.retention_actions import offer_due_checks

TODAY = dt.date.today()
LONG_AGO = dt.date(2020, 3, 1)  # a tenancy that ended then is past "the tenancy + 2 years"


def tenant_check(store: Store) -> str:
    """A landlord's finalized check of a tenant whose tenancy end is not filled in yet."""
    check = complete_draft(store)
    store.finalize(check.id)
    return check.id


def wwft_check(store: Store) -> str:
    """An estate agent's finalized Wwft check that records a report to FIU-Nederland."""
    [(check_id, _stored)] = store.import_checks([example("broker-buyer-cash-deposit")], "t")
    store.set_decision(check_id, Decision("report_fiu", "Cash deposit of € 15,000."))
    store.finalize(check_id)
    return check_id


def check_page(qtbot: QtBot, store: Store, check_id: str, preferences: Preferences) -> CheckPage:
    page = CheckPage(store, check_id, preferences)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def window_with(qtbot: QtBot, store: Store, preferences: Preferences) -> MainWindow:
    window = MainWindow(store, preferences)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def exists(store: Store, check_id: str) -> bool:
    try:
        store.get(check_id)
    except StoreError:
        return False
    return True


# -- the check page ----------------------------------------------------------------------------


def test_the_check_page_asks_for_the_end_of_the_tenancy_and_then_says_until_when(
    qtbot: QtBot, store: Store, preferences: Preferences
) -> None:
    check_id = tenant_check(store)
    page = check_page(qtbot, store, check_id, preferences)
    line = page.retention.line
    assert "End date of the tenancy not filled in yet" in line.full_text

    qtbot.mouseClick(page.retention.button, Qt.MouseButton.LeftButton)
    dialog = page.retention.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.end_unknown.setChecked(False)
    dialog.end_date.setText("30-6-2026")
    qtbot.mouseClick(dialog.save_end, Qt.MouseButton.LeftButton)

    assert store.retention(check_id).relationship_end == dt.date(2026, 6, 30)
    kept = format_short_date(dt.date(2028, 6, 30))  # the tenancy plus 2 years
    assert f"Kept until {kept}" in line.full_text
    assert f"Kept until {kept}" in dialog.summary.text()


def test_the_retention_line_takes_no_room_from_the_questions(
    qtbot: QtBot, store: Store, preferences: Preferences
) -> None:
    check_id = tenant_check(store)
    store.adjust_retention(check_id, dt.date(2031, 3, 12), "Lopende procedure bij de gemeente " * 4)
    page = check_page(qtbot, store, check_id, preferences)
    # it sits beside the tabs, no taller than they are, and ends in "…" when it is too long
    bar = page.retention
    assert page.tabs.cornerWidget(Qt.Corner.TopRightCorner) is bar
    assert bar.sizeHint().height() <= page.tabs.tabBar().sizeHint().height()
    assert bar.line.text() != bar.line.full_text and bar.line.text().endswith("…")
    assert "Lopende procedure" in bar.line.toolTip()  # the whole sentence, and its reason


def test_adjusting_the_date_needs_a_reason_and_is_refused_before_the_wwft_period_ends(
    qtbot: QtBot, store: Store, preferences: Preferences
) -> None:
    check_id = wwft_check(store)
    store.set_relationship_end(check_id, dt.date(2026, 6, 1))
    legal_until = store.retention(check_id).legal_until
    assert legal_until is not None and legal_until > TODAY
    page = check_page(qtbot, store, check_id, preferences)
    page.retention.open_dialog()
    dialog = page.retention.dialog
    assert dialog is not None
    until = format_short_date(legal_until)
    assert until in dialog.hold.text()  # said before anything is tried

    dialog.adjust_date.set_day(TODAY)
    qtbot.mouseClick(dialog.adjust, Qt.MouseButton.LeftButton)
    assert dialog.problem.isVisible() and "Say why" in dialog.problem.text()

    dialog.adjust_reason.setText("Client asked for erasure")
    qtbot.mouseClick(dialog.adjust, Qt.MouseButton.LeftButton)
    assert dialog.problem.isVisible()
    assert store.retention(check_id).erase_on == legal_until  # not earlier than the law allows
    assert store.retention(check_id).adjusted_reason is None


# -- erasing on request ------------------------------------------------------------------------


def test_erasing_a_wwft_record_within_its_period_is_disabled_and_says_until_when(
    qtbot: QtBot, store: Store, preferences: Preferences
) -> None:
    check_id = wwft_check(store)
    store.set_relationship_end(check_id, dt.date(2026, 6, 1))
    legal_until = store.retention(check_id).legal_until
    assert legal_until is not None
    dialog = EraseDialog(store, check_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.erase_button.isEnabled()
    assert dialog.hold.isVisible()
    assert format_short_date(legal_until) in dialog.hold.text()
    assert format_short_date(legal_until) in dialog.erase_button.toolTip()
    dialog.erase()  # even when asked directly: nothing happens
    assert exists(store, check_id)


def test_a_wwft_record_without_its_end_cannot_be_erased_either(
    qtbot: QtBot, store: Store, preferences: Preferences
) -> None:
    check_id = wwft_check(store)
    dialog = EraseDialog(store, check_id)
    qtbot.addWidget(dialog)
    assert not dialog.erase_button.isEnabled()
    assert "5 years after the end of the business relationship" in dialog.hold.text()


def test_erasing_on_request_says_what_goes_and_what_stays_and_needs_a_reason(
    qtbot: QtBot, store: Store, preferences: Preferences
) -> None:
    check_id = tenant_check(store)
    dialog = EraseDialog(store, check_id)
    qtbot.addWidget(dialog)
    dialog.show()
    said = dialog.findChild(type(dialog.hold), "eraseExplanation").text()
    for words in ("attachments that no other check uses", "backups", "without personal data"):
        assert words in said
    assert "art. 17 AVG" in dialog.findChild(type(dialog.hold), "eraseQuestion").text()
    assert not dialog.erase_button.isEnabled()  # no reason yet
    dialog.reason.setText("Verzoek per e-mail van de huurder")
    assert dialog.erase_button.isEnabled()
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    assert dialog.erased
    assert not exists(store, check_id)


def test_erase_on_request_from_the_check_menu_cancelled_keeps_the_check(
    qtbot: QtBot, store: Store, preferences: Preferences
) -> None:
    check_id = tenant_check(store)
    window = window_with(qtbot, store, preferences)
    window.open_check(check_id)
    assert window.erase_action.isEnabled()
    window.erase_action.trigger()
    dialog = window.erase_dialog
    assert isinstance(dialog, EraseDialog) and dialog.isVisible()
    dialog.reason.setText("Verzoek")
    dialog.reject()  # Cancel
    assert exists(store, check_id)
    assert window.check_page is not None  # still open

    window.erase_action.trigger()
    dialog = window.erase_dialog
    assert isinstance(dialog, EraseDialog)
    dialog.reason.setText("Verzoek van de huurder, 3 december")
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.check_page is None)
    assert not exists(store, check_id)
    assert window.overview.model.row_of(check_id) is None


# -- the overview ------------------------------------------------------------------------------


def test_the_overview_marks_and_filters_the_checks_due(
    qtbot: QtBot, store: Store, preferences: Preferences
) -> None:
    due_id = tenant_check(store)
    store.set_relationship_end(due_id, LONG_AGO)
    kept_id = wwft_check(store)
    store.set_relationship_end(kept_id, dt.date(2026, 6, 1))
    window = window_with(qtbot, store, preferences)
    page = window.overview
    model = page.model

    def cell(check_id: str) -> str:
        row = model.row_of(check_id)
        assert row is not None
        return str(model.index(row, Column.RETENTION).data())

    assert cell(due_id) == "to be erased"
    legal_until = store.retention(kept_id).legal_until
    assert legal_until is not None
    assert cell(kept_id) == format_short_date(legal_until)

    page.retention_filter.setCurrentIndex(page.retention_filter.findData("due"))
    assert page.proxy.rowCount() == 1
    assert page.proxy.check_id(0) == due_id
    page.retention_filter.setCurrentIndex(page.retention_filter.findData("review"))
    assert page.proxy.rowCount() == 0
    page.clear_filters()
    assert page.proxy.rowCount() == 2


# -- at start ----------------------------------------------------------------------------------


def test_no_dialog_at_start_when_nothing_is_due(
    qtbot: QtBot, store: Store, preferences: Preferences
) -> None:
    check_id = tenant_check(store)
    store.set_relationship_end(check_id, TODAY)
    window = window_with(qtbot, store, preferences)
    offer_due_checks(window)
    assert window.due_dialog is None
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, DueDialog)]


def test_the_start_lists_what_is_due_and_later_erases_nothing(
    qtbot: QtBot, store: Store, preferences: Preferences
) -> None:
    check_id = tenant_check(store)
    store.set_relationship_end(check_id, LONG_AGO)
    window = window_with(qtbot, store, preferences)
    offer_due_checks(window)
    dialog = window.due_dialog
    assert isinstance(dialog, DueDialog)
    qtbot.waitExposed(dialog)
    item = dialog.table.topLevelItem(0)
    assert item is not None
    assert "Daan Bakker" in item.text(0)
    assert item.text(2) == format_short_date(dt.date(2022, 3, 1))
    assert item.text(3) == "to be erased"
    assert not dialog.erase_chosen.isEnabled()  # nothing chosen yet
    qtbot.mouseClick(dialog.later, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert exists(store, check_id)


@pytest.mark.parametrize("all_shown", [False, True])
def test_erasing_from_the_start_dialog_needs_a_second_confirmation(
    qtbot: QtBot, store: Store, preferences: Preferences, dialogs: Dialogs, all_shown: bool
) -> None:
    first, second = tenant_check(store), tenant_check(store)
    for check_id in (first, second):
        store.set_relationship_end(check_id, LONG_AGO)
    dialog = DueDialog(store, store.due(TODAY))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.topLevelItemCount() == 2
    row = [found.check_id for found in dialog.due].index(first)
    item = dialog.table.topLevelItem(row)
    assert item is not None
    item.setCheckState(0, Qt.CheckState.Checked)
    button = dialog.erase_all if all_shown else dialog.erase_chosen

    dialogs.answer = QMessageBox.StandardButton.Cancel
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert dialogs.said("permanently?")
    assert exists(store, first) and exists(store, second)  # not confirmed: nothing erased

    dialogs.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not exists(store, first)
    assert exists(store, second) is not all_shown
    assert dialog.isVisible() is not all_shown  # closes once nothing is left


def test_keeping_a_due_check_needs_a_reason_and_takes_it_off_the_list(
    qtbot: QtBot, store: Store, preferences: Preferences
) -> None:
    check_id = tenant_check(store)
    store.set_relationship_end(check_id, LONG_AGO)
    dialog = DueDialog(store, store.due(TODAY))
    qtbot.addWidget(dialog)
    dialog.show()
    item = dialog.table.topLevelItem(0)
    assert item is not None
    item.setCheckState(0, Qt.CheckState.Checked)
    qtbot.mouseClick(dialog.keep_chosen, Qt.MouseButton.LeftButton)
    keep = dialog.keep_dialog
    assert keep is not None and keep.isVisible()
    assert not keep.ok.isEnabled()  # a reason first
    keep.reason.setText("De politie vroeg de gegevens te bewaren")
    qtbot.mouseClick(keep.ok, Qt.MouseButton.LeftButton)
    assert exists(store, check_id)
    status = store.retention(check_id)
    assert status.erase_on is not None and status.erase_on > TODAY
    assert status.adjusted_reason == "De politie vroeg de gegevens te bewaren"
    assert not store.due(TODAY)


def test_keeping_a_check_due_for_review_sets_a_new_review_date(
    qtbot: QtBot, store: Store, preferences: Preferences
) -> None:
    [(check_id, _stored)] = store.import_checks([example("landlord-residential-hemp-signs")], "t")
    store.set_decision(check_id, Decision("report_police", "Hemp smell and blacked-out windows."))
    store.finalize(check_id)
    review_on = store.retention(check_id).review_on
    assert review_on is not None
    window = window_with(qtbot, store, preferences)
    offer_due_checks(window, review_on)  # the start, a year later
    dialog = window.due_dialog
    assert isinstance(dialog, DueDialog)
    item = dialog.table.topLevelItem(0)
    assert item is not None and item.text(3) == "to be reviewed"
    item.setCheckState(0, Qt.CheckState.Checked)
    qtbot.mouseClick(dialog.keep_chosen, Qt.MouseButton.LeftButton)
    keep = dialog.keep_dialog
    assert keep is not None
    later = review_on + dt.timedelta(days=180)
    keep.date.set_day(later)
    keep.reason.setText("Politieonderzoek loopt nog")
    qtbot.mouseClick(keep.ok, Qt.MouseButton.LeftButton)
    assert exists(store, check_id)
    assert store.retention(check_id).review_on == later
    assert store.due(review_on) == []
    assert not dialog.isVisible()  # nothing left to decide


def test_a_date_that_is_no_date_is_said_and_nothing_is_stored(
    qtbot: QtBot, store: Store, preferences: Preferences
) -> None:
    check_id = tenant_check(store)
    page = check_page(qtbot, store, check_id, preferences)
    page.retention.open_dialog()
    dialog = page.retention.dialog
    assert dialog is not None
    dialog.end_unknown.setChecked(False)
    dialog.end_date.setText("31-02-2026")
    qtbot.mouseClick(dialog.save_end, Qt.MouseButton.LeftButton)
    assert dialog.problem.isVisible() and "31-02-2026" in dialog.problem.text()
    assert store.retention(check_id).relationship_end is None


def test_a_check_due_for_review_can_be_erased_from_the_start_dialog(
    qtbot: QtBot, store: Store, preferences: Preferences, dialogs: Dialogs
) -> None:
    check_id = reported_long_ago(store)
    dialog = DueDialog(store, store.due(TODAY))
    qtbot.addWidget(dialog)
    dialog.show()
    item = dialog.table.topLevelItem(0)
    assert item is not None and item.text(3) == "to be reviewed"
    dialogs.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(dialog.erase_all, Qt.MouseButton.LeftButton)
    assert not exists(store, check_id)
    assert dialog.erased == [check_id]


def test_a_landlords_check_whose_file_went_missing_can_be_erased_on_request(
    qtbot: QtBot, folder: Path, registry: PackRegistry
) -> None:
    store = open_store(folder, registry)
    landlord, broker = tenant_check(store), wwft_check(store)
    store.close()
    for check_id in (landlord, broker):
        (folder / "checks" / f"{check_id}.json").unlink()  # gone, behind the app's back
    store = open_store(folder, registry)
    try:
        dialog = EraseDialog(store, landlord)
        qtbot.addWidget(dialog)
        dialog.show()
        assert "Daan Bakker" in dialog.findChild(type(dialog.hold), "eraseQuestion").text()
        assert dialog.problem.isVisible() and "cannot be read" in dialog.problem.text()
        dialog.reason.setText("Verzoek van de huurder")
        qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
        assert dialog.erased

        refused = EraseDialog(store, broker)  # the Wwft period cannot be told without its file
        qtbot.addWidget(refused)
        refused.show()
        refused.reason.setText("Client asked")
        qtbot.mouseClick(refused.erase_button, Qt.MouseButton.LeftButton)
        assert not refused.erased and "restore it from a backup first" in refused.problem.text()
        assert [summary.id for summary in store.missing_checks()] == [broker]
    finally:
        store.close()
