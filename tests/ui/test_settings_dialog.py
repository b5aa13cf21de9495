"""The settings dialog: what OK keeps and Cancel drops, when a restart is needed, the data
folder, and making and restoring backups as a user does it."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel, QLineEdit, QPushButton

from tests.ui.accessibility import unnamed_controls
from tests.ui.conftest import Dialogs, new_draft
from vastgoedcheck.domain.pack import FlagValue
from vastgoedcheck.i18n.formatting import format_date
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.failure_dialogs import BackupList
from vastgoedcheck.ui.preferences import Preferences
from vastgoedcheck.ui.settings_dialog import BackupChoiceDialog, SettingsDialog


def make_dialog(qtbot, preferences: Preferences, store: Store) -> SettingsDialog:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(preferences, store)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def child(dialog, kind, name):  # type: ignore[no-untyped-def]
    found = dialog.findChild(kind, name)
    assert found is not None, name
    return found


def click(qtbot, dialog, name: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(child(dialog, QPushButton, name), Qt.MouseButton.LeftButton)


def retype(qtbot, edit: QLineEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def choose(box: QComboBox, text: str) -> None:
    index = box.findText(text)
    assert index >= 0, text
    box.setCurrentIndex(index)


def press(qtbot, dialog: SettingsDialog, button: QDialogButtonBox.StandardButton) -> None:  # type: ignore[no-untyped-def]
    box = child(dialog, QDialogButtonBox, "settingsButtons")
    qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)


def open_data_tab(dialog: SettingsDialog) -> None:
    dialog.tabs.setCurrentIndex(1)


def test_ok_keeps_the_examiner_organisation_and_report_language(
    qtbot, preferences: Preferences, store: Store
) -> None:
    dialog = make_dialog(qtbot, preferences, store)
    assert child(dialog, QLineEdit, "examinerName").text() == "M. Jansen"
    retype(qtbot, child(dialog, QLineEdit, "examinerName"), "  P. de Vries ")
    retype(qtbot, child(dialog, QLineEdit, "organisation"), "De Vries Makelaardij")
    choose(child(dialog, QComboBox, "reportLanguage"), "English")

    press(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)

    assert not dialog.isVisible() and not dialog.restart_needed
    saved = Preferences.load()
    assert (saved.examiner_name, saved.organisation, saved.report_language) == (
        "P. de Vries",
        "De Vries Makelaardij",
        "en",
    )
    assert preferences.examiner_name == "P. de Vries"  # the window's copy is up to date too


def test_cancel_keeps_the_old_settings(qtbot, preferences: Preferences, store: Store) -> None:
    dialog = make_dialog(qtbot, preferences, store)
    retype(qtbot, child(dialog, QLineEdit, "examinerName"), "Someone Else")
    choose(child(dialog, QComboBox, "appLanguage"), "English")
    choose(child(dialog, QComboBox, "reportLanguage"), "Nederlands")

    press(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)

    saved = Preferences.load()
    assert (saved.examiner_name, saved.language, saved.report_language) == ("M. Jansen", "", "")
    assert preferences.examiner_name == "M. Jansen"


def test_a_new_language_needs_a_restart_and_the_dialog_says_so(
    qtbot, preferences: Preferences, store: Store
) -> None:
    dialog = make_dialog(qtbot, preferences, store)
    notice = child(dialog, QLabel, "restartNotice")
    assert "restart" in child(dialog, QLabel, "languageNote").text().lower()
    assert not notice.isVisible()
    language = child(dialog, QComboBox, "appLanguage")
    assert language.currentText() == "Follow the system"

    choose(language, "Nederlands")
    assert dialog.restart_needed and notice.isVisible()
    assert notice.text() == "Restart vastgoedcheck to use the new language."
    choose(language, "Follow the system")  # changed back: nothing to restart for
    assert not dialog.restart_needed and not notice.isVisible()
    choose(language, "Nederlands")
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)

    assert dialog.restart_needed
    assert Preferences.load().language == "nl"


def test_another_data_folder_is_used_from_the_next_start(
    qtbot, preferences: Preferences, store: Store, dialogs: Dialogs, tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot, preferences, store)
    open_data_tab(dialog)
    assert child(dialog, QLineEdit, "dataFolder").text() == str(store.layout.root)
    assert child(dialog, QLineEdit, "dataFolder").isReadOnly()
    assert not child(dialog, QLabel, "nextDataFolder").isVisible()
    elsewhere = tmp_path / "Dropbox-free folder"
    elsewhere.mkdir()
    dialogs.open_folder = elsewhere

    click(qtbot, dialog, "chooseDataFolder")

    assert child(dialog, QLabel, "nextDataFolder").text() == f"From the next start: {elsewhere}"
    assert dialog.restart_needed
    assert "data folder" in child(dialog, QLabel, "restartNotice").text()
    assert child(dialog, QLineEdit, "dataFolder").text() == str(store.layout.root)
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert Preferences.load().data_folder == str(elsewhere)
    assert dialogs.messages == []


def test_a_folder_that_cannot_be_written_is_refused_in_one_sentence(
    qtbot, preferences: Preferences, store: Store, dialogs: Dialogs, tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot, preferences, store)
    open_data_tab(dialog)
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("x", encoding="utf-8")
    dialogs.open_folder = not_a_folder / "inside"  # nothing can be made there

    click(qtbot, dialog, "chooseDataFolder")

    assert dialogs.messages == [
        f"Nothing can be saved in {not_a_folder / 'inside'}; choose another folder."
    ]
    assert not dialog.restart_needed
    dialogs.open_folder = store.layout.root / "checks"
    click(qtbot, dialog, "chooseDataFolder")
    assert "cannot be inside the current one" in dialogs.messages[-1]
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert Preferences.load().data_folder == ""


def test_open_the_folder_hands_it_to_the_system(
    qtbot, preferences: Preferences, store: Store, dialogs: Dialogs
) -> None:
    dialog = make_dialog(qtbot, preferences, store)
    open_data_tab(dialog)
    click(qtbot, dialog, "openDataFolder")
    assert dialogs.opened_urls == [store.layout.root.as_uri()]


def test_a_backup_made_now_can_be_restored(
    qtbot, preferences: Preferences, store: Store, dialogs: Dialogs, tmp_path: Path
) -> None:
    new_draft(store)
    new_draft(store, "Anna Smit")
    dialog = make_dialog(qtbot, preferences, store)
    open_data_tab(dialog)
    dialogs.save_as = tmp_path / "usb" / "my backup"  # without .zip: it is added

    click(qtbot, dialog, "backupNow")

    written = tmp_path / "usb" / "my backup.zip"
    assert dialogs.messages == [f"Backup of 2 checks written to {written}."]
    assert zipfile.is_zipfile(written)
    assert store.restore(written) == 2


def test_cancelling_the_save_dialog_writes_nothing(
    qtbot, preferences: Preferences, store: Store, dialogs: Dialogs, tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot, preferences, store)
    open_data_tab(dialog)
    click(qtbot, dialog, "backupNow")
    assert dialogs.messages == []
    assert not list(tmp_path.rglob("*.zip"))


def choice_of(dialog: SettingsDialog) -> BackupChoiceDialog:
    choice = dialog.backup_choice
    assert choice is not None and choice.isVisible()
    return choice


def test_restoring_an_own_backup_file_brings_the_checks_back_as_they_were(
    qtbot, preferences: Preferences, store: Store, dialogs: Dialogs, tmp_path: Path
) -> None:
    kept = new_draft(store)
    store.set_answer(kept.id, "RES-03", FlagValue.YES)
    dialog = make_dialog(qtbot, preferences, store)
    open_data_tab(dialog)
    dialogs.save_as = tmp_path / "backup.zip"
    click(qtbot, dialog, "backupNow")
    store.delete(kept.id, "Entered by mistake")
    later = new_draft(store, "Piet Klaassen")

    click(qtbot, dialog, "restoreBackup")
    choice = choice_of(dialog)
    dialogs.open_files = [tmp_path / "backup.zip"]
    dialogs.answer = dialogs.answer.Yes
    with qtbot.waitSignal(dialog.restored, timeout=2000):
        click(qtbot, choice, "chooseBackupFile")

    assert [summary.id for summary in store.summaries()] == [kept.id]
    assert store.get(kept.id).answers["RES-03"].value is FlagValue.YES
    assert later.id not in {summary.id for summary in store.summaries()}
    question, done = dialogs.messages[-2:]
    assert "Replace all checks now in vastgoedcheck by those in the backup backup.zip?" in question
    assert "backed up first" in question
    assert done == "1 check was restored from backup.zip."
    assert dialog.isVisible()  # the settings stay open


def test_restoring_a_kept_backup_from_the_list(
    qtbot, preferences: Preferences, store: Store, dialogs: Dialogs
) -> None:
    kept = new_draft(store)
    store.daily_backup()
    dialog = make_dialog(qtbot, preferences, store)
    open_data_tab(dialog)
    today = format_date(dt.date.today())
    assert child(dialog, QLabel, "lastBackup").text() == f"Last automatic backup: {today}."
    assert "the backups of the last 7 days are kept" in child(dialog, QLabel, "backupNote").text()
    new_draft(store, "Someone Later")

    click(qtbot, dialog, "restoreBackup")
    choice = choice_of(dialog)
    rows = child(choice, BackupList, "backupList")
    assert rows.topLevelItemCount() == 1
    assert rows.topLevelItem(0).text(1) == "Automatic, daily"
    dialogs.answer = dialogs.answer.Yes
    with qtbot.waitSignal(dialog.restored, timeout=2000):
        click(qtbot, choice, "restoreSelected")

    assert [summary.id for summary in store.summaries()] == [kept.id]


def test_answering_no_restores_nothing(
    qtbot, preferences: Preferences, store: Store, dialogs: Dialogs, tmp_path: Path
) -> None:
    store.backup(tmp_path / "backup.zip")
    later = new_draft(store)
    dialog = make_dialog(qtbot, preferences, store)
    open_data_tab(dialog)
    emitted: list[bool] = []
    dialog.restored.connect(lambda: emitted.append(True))

    click(qtbot, dialog, "restoreBackup")
    dialogs.open_files = [tmp_path / "backup.zip"]
    dialogs.answer = dialogs.answer.No
    click(qtbot, choice_of(dialog), "chooseBackupFile")

    assert [summary.id for summary in store.summaries()] == [later.id]
    assert emitted == [] and len(dialogs.messages) == 1


def test_a_file_that_is_not_a_backup_is_refused_in_one_sentence(
    qtbot, preferences: Preferences, store: Store, dialogs: Dialogs, tmp_path: Path
) -> None:
    check = new_draft(store)
    letter = tmp_path / "letter.zip"
    letter.write_text("Dear landlord, …", encoding="utf-8")
    dialog = make_dialog(qtbot, preferences, store)
    open_data_tab(dialog)
    emitted: list[bool] = []
    dialog.restored.connect(lambda: emitted.append(True))

    click(qtbot, dialog, "restoreBackup")
    dialogs.open_files = [letter]
    dialogs.answer = dialogs.answer.Yes
    click(qtbot, choice_of(dialog), "chooseBackupFile")

    assert dialogs.messages[-1].startswith(f"{letter} is not a usable vastgoedcheck backup")
    assert dialogs.messages[-1].endswith(".")
    assert [summary.id for summary in store.summaries()] == [check.id]
    assert emitted == []


def test_restore_problems_are_shown_with_the_result(
    qtbot, preferences: Preferences, store: Store, dialogs: Dialogs, tmp_path: Path
) -> None:
    good, bad = new_draft(store, "Anna Smit"), new_draft(store, "Piet Klaassen")
    backup, damaged = tmp_path / "backup.zip", tmp_path / "damaged.zip"
    store.backup(backup)
    with zipfile.ZipFile(backup) as source, zipfile.ZipFile(damaged, "w") as target:
        for name in source.namelist():
            content = source.read(name)
            if name == f"checks/{bad.id}.json":
                content = content[:10]
            target.writestr(name, content)
    dialog = make_dialog(qtbot, preferences, store)
    dialogs.answer = dialogs.answer.Yes

    with qtbot.waitSignal(dialog.restored, timeout=2000):
        dialog.restore_backup(damaged)

    assert dialogs.messages[-1].startswith("1 check was restored from damaged.zip.\n")
    assert "1 damaged file in the backup was left out" in dialogs.messages[-1]
    assert [summary.id for summary in store.summaries()] == [good.id]


def test_every_control_is_named(qtbot, preferences: Preferences, store: Store) -> None:
    dialog = make_dialog(qtbot, preferences, store)
    assert unnamed_controls(dialog) == []
    open_data_tab(dialog)
    assert unnamed_controls(dialog) == []
    dialog.choose_backup_to_restore()
    assert unnamed_controls(choice_of(dialog)) == []
