"""The menus as a user works with them: exchange files, blank checklists, backups, the reports
made of a check and the help, each doing the thing or saying in one sentence why not; Ctrl+W
closes the open check; the keyboard shortcut list and Qt's file dialog in Dutch."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Dialogs, example, new_draft
from vastgoedcheck.domain.check import Decision
from vastgoedcheck.domain.pack import FlagValue
from vastgoedcheck.i18n import set_language
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.app import install_qt_language
from vastgoedcheck.ui.attachment_list import attachment_filters
from vastgoedcheck.ui.blank_checklist_dialog import BlankChecklistDialog
from vastgoedcheck.ui.help_window import REPORTING_CHANNELS, USER_GUIDE, HelpWindow
from vastgoedcheck.ui.issued_reports import IssuedReportsDialog
from vastgoedcheck.ui.main_window import MainWindow
from vastgoedcheck.ui.preferences import Preferences
from vastgoedcheck.ui.settings_dialog import BackupChoiceDialog
from vastgoedcheck.ui.shortcuts_dialog import ShortcutsDialog


def window_with(qtbot: QtBot, store: Store, preferences: Preferences) -> MainWindow:
    window = MainWindow(store, preferences)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()  # shortcuts work in the active window, as on a desktop
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def action(window: MainWindow, text: str):  # type: ignore[no-untyped-def]
    """The menu item whose text (without its keyboard letter) is ``text``."""
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        for item in menu.actions() if menu is not None else []:
            if item.text().replace("&", "") == text:
                return item
    raise AssertionError(f"no menu item {text!r}")


def test_import_from_the_menu_stores_the_checks_and_opens_the_only_one(
    qtbot: QtBot, store: Store, preferences: Preferences, dialogs: Dialogs, tmp_path: Path
) -> None:
    source = tmp_path / "from-colleague.json"
    source.write_text(json.dumps(example("landlord-residential-hemp-signs")), encoding="utf-8")
    window = window_with(qtbot, store, preferences)
    dialogs.open_files = [source]
    action(window, "Import checks…").trigger()
    assert len(store) == 1
    assert dialogs.said("1 check from from-colleague.json is in this data folder")
    assert window.check_page is not None  # the imported check is open


def test_a_refused_import_says_why_in_one_sentence_and_stores_nothing(
    qtbot: QtBot, store: Store, preferences: Preferences, dialogs: Dialogs, tmp_path: Path
) -> None:
    good = example("landlord-residential-hemp-signs")
    bad = dict(good, format_version=None)
    source = tmp_path / "mixed.json"
    source.write_text(json.dumps([good, bad]), encoding="utf-8")
    window = window_with(qtbot, store, preferences)
    dialogs.open_files = [source]
    action(window, "Import checks…").trigger()
    assert len(store) == 0  # all of a file, or none
    [message] = dialogs.messages
    assert "was not imported" in message and "nothing from this file was stored" in message
    assert "Traceback" not in message


def test_export_writes_the_selected_check_as_an_exchange_file_that_imports_again(
    qtbot: QtBot,
    store: Store,
    preferences: Preferences,
    dialogs: Dialogs,
    tmp_path: Path,
    folder: Path,
) -> None:
    draft = new_draft(store)
    window = window_with(qtbot, store, preferences)
    window.overview.select_check(draft.id)
    target = tmp_path / "out" / "bakker"
    target.parent.mkdir()
    dialogs.save_as = target
    action(window, "Export this check…").trigger()
    written = target.with_suffix(".json")
    document = json.loads(written.read_text(encoding="utf-8"))
    assert document["id"] == draft.id
    assert [item.file for item in store.issued()] == [str(written)]  # logged as handed out
    assert dialogs.said(str(written))
    assert dialogs.said("The file you save is not encrypted")


def test_export_into_the_data_folder_is_refused(
    qtbot: QtBot, store: Store, preferences: Preferences, dialogs: Dialogs, folder: Path
) -> None:
    draft = new_draft(store)
    window = window_with(qtbot, store, preferences)
    window.open_check(draft.id)
    dialogs.save_as = folder / "checks" / f"{draft.id}.json"
    before = dialogs.save_as.read_bytes() if dialogs.save_as.exists() else None
    action(window, "Export this check…").trigger()
    assert dialogs.said("is inside the data folder")
    after = dialogs.save_as.read_bytes() if dialogs.save_as.exists() else None
    assert after == before and store.issued() == []


def test_export_without_a_check_says_to_choose_one(
    qtbot: QtBot, store: Store, preferences: Preferences, dialogs: Dialogs
) -> None:
    window = window_with(qtbot, store, preferences)
    action(window, "Export this check…").trigger()
    assert dialogs.said("Open a check, or select one in the list of all checks, first.")


def test_a_blank_checklist_is_written_as_a_pdf(
    qtbot: QtBot, store: Store, dialogs: Dialogs, tmp_path: Path
) -> None:
    dialog = BlankChecklistDialog(store)
    qtbot.addWidget(dialog)
    index = dialog.pack_box.findText(
        "Residential letting — tenant screening", Qt.MatchFlag.MatchStartsWith
    )
    dialog.pack_box.setCurrentIndex(max(index, 0))
    dialogs.save_as = tmp_path / "paper"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    written = tmp_path / "paper.pdf"
    assert written.read_bytes().startswith(b"%PDF-")
    assert dialog.written == written and dialogs.said(str(written))


def test_a_blank_checklist_that_cannot_be_written_says_why_and_leaves_nothing(
    qtbot: QtBot, store: Store, dialogs: Dialogs, tmp_path: Path
) -> None:
    dialog = BlankChecklistDialog(store)
    qtbot.addWidget(dialog)
    dialogs.save_as = tmp_path / "no such folder" / "paper.pdf"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    [message] = dialogs.messages
    assert "cannot be written" in message and message.endswith(".")
    assert not (tmp_path / "no such folder").exists()
    assert dialog.written is None


def test_the_blank_checklist_item_opens_the_dialog(
    qtbot: QtBot, store: Store, preferences: Preferences
) -> None:
    window = window_with(qtbot, store, preferences)
    action(window, "Print a blank checklist…").trigger()
    assert isinstance(window.blank_dialog, BlankChecklistDialog)
    assert window.blank_dialog.isVisible() and window.blank_dialog.pack_box.count() >= 5


def test_a_backup_from_the_menu_holds_every_check_and_restores_from_the_menu(
    qtbot: QtBot, store: Store, preferences: Preferences, dialogs: Dialogs, tmp_path: Path
) -> None:
    kept = new_draft(store, "Daan Bakker")
    window = window_with(qtbot, store, preferences)
    dialogs.save_as = tmp_path / "backup.zip"
    action(window, "Make a backup…").trigger()
    with zipfile.ZipFile(tmp_path / "backup.zip") as backup:
        assert any(kept.id in name for name in backup.namelist())
    later = new_draft(store, "Later Toegevoegd")

    dialogs.answer = dialogs.answer.Yes
    dialogs.open_files = [tmp_path / "backup.zip"]
    action(window, "Restore a backup…").trigger()
    choice = window.backup_choice
    assert isinstance(choice, BackupChoiceDialog)
    choice.take_file()
    ids = {summary.id for summary in store.summaries()}
    assert kept.id in ids and later.id not in ids
    assert dialogs.said("1 check was restored from backup.zip.")


def test_a_damaged_backup_is_not_restored_and_the_checks_stay(
    qtbot: QtBot, store: Store, preferences: Preferences, dialogs: Dialogs, tmp_path: Path
) -> None:
    kept = new_draft(store)
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"not a zip at all")
    window = window_with(qtbot, store, preferences)
    dialogs.answer = dialogs.answer.Yes
    dialogs.open_files = [broken]
    action(window, "Restore a backup…").trigger()
    assert isinstance(window.backup_choice, BackupChoiceDialog)
    window.backup_choice.take_file()
    assert [summary.id for summary in store.summaries()] == [kept.id]
    assert len(dialogs.messages) == 2  # the question, then one sentence saying why not
    assert "Traceback" not in dialogs.messages[-1]


def test_the_reports_made_of_a_check_are_reachable_from_the_check_menu(
    qtbot: QtBot, store: Store, preferences: Preferences, tmp_path: Path
) -> None:
    draft = new_draft(store)
    report = tmp_path / "dossier.pdf"
    store.issue_file(draft, report, b"%PDF-1.4 x", kind="report", recipient="own", language="en")
    window = window_with(qtbot, store, preferences)
    window.open_check(draft.id)
    action(window, "Reports made of this check…").trigger()
    dialog = window.issued_dialog
    assert isinstance(dialog, IssuedReportsDialog) and dialog.isVisible()
    table = dialog.reports.table
    assert table.rowCount() == 1 and table.item(0, 4).text() == str(report)


def test_ctrl_w_closes_the_open_check_and_not_the_window(
    qtbot: QtBot, store: Store, preferences: Preferences
) -> None:
    draft = new_draft(store)
    window = window_with(qtbot, store, preferences)
    window.open_check(draft.id)
    assert window.check_page is not None
    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.check_page is None
    assert window.pages.currentWidget() is window.overview
    assert window.overview.selected_check() == draft.id
    assert window.isVisible()  # the window stays: only the check is closed
    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.isVisible()


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ["user guide", "Review and finalize", "Print a blank checklist", "Ctrl+W"]),
        ("nl", ["handleiding", "Beoordelen en definitief maken", "Lege checklist afdrukken"]),
    ],
)
def test_the_user_guide_opens_offline_in_the_apps_language(
    qtbot: QtBot, language: str, words: list[str]
) -> None:
    set_language(language)
    window = HelpWindow(USER_GUIDE)
    qtbot.addWidget(window)
    text = window.text()
    for word in words:
        assert word in text


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ["goAML", "Register first", "without delay", "art. 23 Wwft", "only"]),
        ("nl", ["goAML", "Registreer u eerst", "onverwijld", "geheimhoudingsplicht", "alleen"]),
    ],
)
def test_the_reporting_channels_give_every_address(
    qtbot: QtBot, language: str, words: list[str]
) -> None:
    set_language(language)
    window = HelpWindow(REPORTING_CHANNELS)
    qtbot.addWidget(window)
    text = window.text()
    for address in (
        "https://www.fiu-nederland.nl/",
        "https://www.meldmisdaadanoniem.nl/",
        "0800-7000",
        "0900-8844",
        "https://www.politie.nl/",
        "14 030",
        "112",
    ):
        assert address in text
    for word in words:
        assert word in text


def test_the_help_menu_opens_the_guide_with_f1(
    qtbot: QtBot, store: Store, preferences: Preferences
) -> None:
    window = window_with(qtbot, store, preferences)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    shown = window.help_windows[USER_GUIDE]
    assert shown.isVisible()
    action(window, "Where to report").trigger()
    assert "FIU-Nederland" in window.help_windows[REPORTING_CHANNELS].browser.toPlainText()


def test_the_shortcut_list_holds_what_the_keys_do(
    qtbot: QtBot, store: Store, preferences: Preferences
) -> None:
    window = window_with(qtbot, store, preferences)
    action(window, "Keyboard shortcuts").trigger()
    dialog = window.shortcuts_dialog
    assert isinstance(dialog, ShortcutsDialog)
    rows = {(what, keys) for _where, what, keys in dialog.rows}
    assert ("Close this check", "Ctrl+W") in rows
    assert ("New check", "Ctrl+N") in rows
    assert ("Review and finalize", "Ctrl+R") in rows
    assert ("Go to the search box", "Ctrl+F") in rows
    assert ("Answer 'yes'", "Y, J") in rows
    # every menu item with a shortcut is listed, with the keys it really has
    for menu_action in window.menuBar().actions():
        for item in menu_action.menu().actions():
            if not item.shortcut().isEmpty():
                what = item.text().replace("&", "").removesuffix("…")
                assert (what, item.shortcut().toString()) in rows, what
    assert dialog.table.rowCount() == len(dialog.rows)


def test_an_answer_key_from_the_list_answers_the_question(
    qtbot: QtBot, store: Store, preferences: Preferences
) -> None:
    """The list is read from the keys the questions use: the key listed for 'no' answers no."""
    from vastgoedcheck.ui.shortcuts_dialog import answering_rows

    keys = dict((what, keys) for _where, what, keys in answering_rows())
    from vastgoedcheck.ui.answer_inputs import FLAG_KEYS

    for letter in keys["Answer 'no'"].split(", "):
        assert FLAG_KEYS[letter.lower()] is FlagValue.NO


def test_qt_file_dialog_speaks_dutch(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_qt_language(app, "nl")
    try:
        dialog = QFileDialog()
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        qtbot.addWidget(dialog)
        labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
        assert labels["lookInLabel"].replace("&", "") == "Zoeken in:"
        assert labels["fileTypeLabel"].replace("&", "") == "Bestanden van type:"
        assert labels["fileNameLabel"].replace("&", "") == "Bestandsnaam:"
        assert "&" in labels["lookInLabel"]  # keeps a keyboard letter
        buttons = [button.text() for button in dialog.findChildren(QPushButton)]
        assert "Annuleren" in buttons
    finally:
        install_qt_language(app, "en")
    english = QFileDialog()
    english.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(english)
    label = english.findChild(QLabel, "lookInLabel")
    assert label is not None and label.text().replace("&", "") == "Look in:"


def test_the_attach_dialog_offers_photos_and_documents_first() -> None:
    filters = attachment_filters().split(";;")
    assert filters[0].startswith("Photos and documents")
    for pattern in ("*.jpg", "*.png", "*.heic", "*.pdf", "*.docx"):
        assert pattern in filters[0]
    assert filters[-1] == "All files (*)"


def test_the_blank_checklist_offers_the_checklist_of_the_users_role_first(
    qtbot: QtBot, store: Store
) -> None:
    store.import_checks([example("notary-cash-above-2500")], "t")
    dialog = BlankChecklistDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.pack_box.currentData().id == "notary-transaction"
    new_draft(store)  # the latest check is now a landlord's
    dialog = BlankChecklistDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.pack_box.currentData().id == "landlord-residential"


def test_a_check_with_a_decision_to_report_to_fiu_is_exported_only_as_internal_on_confirmation(
    qtbot: QtBot, store: Store, preferences: Preferences, dialogs: Dialogs, tmp_path: Path
) -> None:
    [(check_id, _stored)] = store.import_checks([example("broker-buyer-cash-deposit")], "t")
    store.set_decision(check_id, Decision("report_fiu", "Cash deposit of €15,000: reported."))
    store.finalize(check_id)
    window = window_with(qtbot, store, preferences)
    window.overview.select_check(check_id)
    dialogs.save_as = tmp_path / "export.json"
    dialogs.answer = QMessageBox.StandardButton.Cancel
    action(window, "Export this check…").trigger()
    assert dialogs.said("art. 23 Wwft")
    assert not dialogs.save_as.exists() and store.issued() == []
    dialogs.answer = QMessageBox.StandardButton.Yes
    action(window, "Export this check…").trigger()
    document = json.loads(dialogs.save_as.read_text(encoding="utf-8"))
    assert document["decision"]["outcome"] == "report_fiu" and "report_records" in document
    assert [item.recipient for item in store.issued()] == ["exchange_internal"]
