"""Settings and backups: the app's language, the examiner, the default report language, the
data folder, and making or restoring a backup of all checks."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from vastgoedcheck.data_location import refusal
from vastgoedcheck.i18n import _
from vastgoedcheck.i18n.formatting import format_date
from vastgoedcheck.storage.backups import DAILY_PREFIX, KEEP_DAILY
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.backup_actions import documents_folder, make_backup, restore_backup
from vastgoedcheck.ui.examiner_dialog import ExaminerFields
from vastgoedcheck.ui.failure_dialogs import (
    BackupList,
    backups_in,
    choose_backup_file,
    readable_width,
)
from vastgoedcheck.ui.feedback import show_problem
from vastgoedcheck.ui.preferences import Preferences
from vastgoedcheck.ui.text_label import text_label

# Each language is named in itself, so that a user finds theirs whatever the app speaks now.
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}


def _language_box(object_name: str, first: str, chosen: str) -> QComboBox:
    box = QComboBox()
    box.setObjectName(object_name)
    box.addItem(first, "")
    for code, name in LANGUAGE_NAMES.items():
        box.addItem(name, code)
    index = box.findData(chosen)
    box.setCurrentIndex(max(index, 0))
    return box


def _labelled_row(form: QFormLayout, text: str, field: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(field)
    form.addRow(label, field)
    return label


def _button(text: str, object_name: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(object_name)
    button.setAutoDefault(False)
    return button


def _button_row(*buttons: QPushButton) -> QHBoxLayout:
    """Buttons side by side, from the left."""
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


def _writable(folder: Path) -> bool:
    """Whether a file can be made in ``folder`` (a real try: permissions alone do not tell)."""
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError:
        return False
    return True


def last_daily_backup(folder: Path) -> dt.date | None:
    """The day of the newest automatic backup in a data folder."""
    days = []
    for path in backups_in(folder):
        if path.name.startswith(DAILY_PREFIX) and path.suffix == ".zip":
            try:
                days.append(dt.date.fromisoformat(path.stem[len(DAILY_PREFIX) :]))
            except ValueError:
                continue
    return max(days, default=None)


class BackupChoiceDialog(QDialog):
    """Which backup to restore: one kept in the data folder, or a file of the user's own.
    Accepted with ``chosen`` set."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chosen: Path | None = None
        self.setObjectName("backupChoice")
        self.setWindowTitle(_("Restore a backup"))
        self.setMinimumWidth(readable_width(self, 64))
        self.backup_list = BackupList()
        found = backups_in(folder)
        self.backup_list.show_backups(found)
        self.backup_list.itemDoubleClicked.connect(self.take_selected)
        list_label = QLabel(_("Backups kept in the data folder:"))
        list_label.setBuddy(self.backup_list)
        empty = text_label(_("There are no backups in the data folder yet."), "noBackups")

        buttons = QDialogButtonBox()
        self.restore_selected_button = buttons.addButton(
            _("Restore the selected backup"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_selected_button.setObjectName("restoreSelected")
        self.restore_selected_button.setEnabled(bool(found))
        self.file_button = buttons.addButton(
            _("Choose another file…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.file_button.setObjectName("chooseBackupFile")
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("cancel")
        self.restore_selected_button.clicked.connect(self.take_selected)
        self.file_button.clicked.connect(self.take_file)
        cancel.clicked.connect(self.reject)
        self.backup_list.itemSelectionChanged.connect(
            lambda: self.restore_selected_button.setEnabled(
                self.backup_list.selected_backup() is not None
            )
        )

        layout = QVBoxLayout(self)
        layout.addWidget(
            text_label(
                _(
                    "Choose the backup to restore. All checks now in vastgoedcheck will be "
                    "replaced by those in the backup."
                )
            )
        )
        layout.addWidget(list_label)
        layout.addWidget(self.backup_list, 1)
        layout.addWidget(empty)
        layout.addWidget(buttons)
        list_label.setVisible(bool(found))
        self.backup_list.setVisible(bool(found))
        empty.setVisible(not found)
        (self.backup_list if found else self.file_button).setFocus()

    def take_selected(self) -> None:
        chosen = self.backup_list.selected_backup()
        if chosen is not None:
            self.chosen = chosen
            self.accept()

    def take_file(self) -> None:
        chosen = choose_backup_file(self, documents_folder())
        if chosen is not None:
            self.chosen = chosen
            self.accept()


class SettingsDialog(QDialog):
    """The settings (saved with OK, dropped with Cancel) and the backups (made and restored at
    once). ``restored`` is emitted after a backup replaced the store's checks;
    ``restart_needed`` is True when the language or the data folder changed."""

    restored = Signal()

    def __init__(
        self, preferences: Preferences, store: Store, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.preferences = preferences
        self.store = store
        self.restart_needed = False
        self.chosen_folder = preferences.data_folder
        self.backup_choice: BackupChoiceDialog | None = None
        self.setObjectName("settingsDialog")
        self.setWindowTitle(_("Settings and backups"))
        self.setMinimumWidth(readable_width(self, 72))

        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        self.tabs.addTab(self._general_page(), _("General"))
        self.tabs.addTab(self._data_page(), _("Data and backups"))

        self.restart_notice = text_label("", "restartNotice")
        font = QFont(self.restart_notice.font())
        font.setBold(True)
        self.restart_notice.setFont(font)
        self.restart_notice.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.setObjectName("settingsButtons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.restart_notice)
        layout.addWidget(buttons)
        self._show_folders()
        self._show_last_backup()

    # -- pages ----------------------------------------------------------------------------

    def _general_page(self) -> QWidget:
        self.language_box = _language_box(
            "appLanguage", _("Follow the system"), self.preferences.language
        )
        self.language_box.currentIndexChanged.connect(self._update_restart_notice)
        language_form = QFormLayout()
        _labelled_row(language_form, _("&Language of the app:"), self.language_box)
        language_group = QGroupBox(_("Language"))
        language_layout = QVBoxLayout(language_group)
        language_layout.addLayout(language_form)
        language_layout.addWidget(
            text_label(_("Takes effect when you restart vastgoedcheck."), "languageNote")
        )

        self.examiner_fields = ExaminerFields(self.preferences)
        self.examiner_edit = self.examiner_fields.name_edit
        self.organisation_edit = self.examiner_fields.organisation_edit
        examiner_group = QGroupBox(_("Examiner"))
        examiner_layout = QVBoxLayout(examiner_group)
        examiner_layout.addLayout(self.examiner_fields)
        examiner_layout.addWidget(
            text_label(
                _(
                    "Your name is recorded in each new check, and in its history as the person "
                    "who made each change. Reports name you and how to reach you."
                ),
                "examinerNote",
            )
        )

        self.report_language_box = _language_box(
            "reportLanguage", _("The language of the check"), self.preferences.report_language
        )
        report_form = QFormLayout()
        _labelled_row(report_form, _("Default language of &reports:"), self.report_language_box)
        report_group = QGroupBox(_("Reports"))
        QVBoxLayout(report_group).addLayout(report_form)

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(language_group)
        layout.addWidget(examiner_group)
        layout.addWidget(report_group)
        layout.addStretch(1)
        return page

    def _lock_group(self) -> QGroupBox:
        from vastgoedcheck.ui.window_lock import MAX_LOCK_MINUTES, MIN_LOCK_MINUTES, lock_minutes

        self.lock_box = QSpinBox()
        self.lock_box.setObjectName("lockMinutes")
        self.lock_box.setRange(MIN_LOCK_MINUTES, MAX_LOCK_MINUTES)
        self.lock_box.setValue(lock_minutes(self.preferences.lock_minutes))
        self.lock_box.setSuffix(_(" minutes"))
        form = QFormLayout()
        _labelled_row(form, _("Lock &after no input for:"), self.lock_box)
        group = QGroupBox(_("Locking"))
        group_layout = QVBoxLayout(group)
        group_layout.addLayout(form)
        group_layout.addWidget(
            text_label(
                _(
                    "From {shortest} to {longest} minutes. Locked, the app shows nothing of your "
                    "checks until your passphrase is typed again (File, Lock now: Ctrl+L)."
                ).format(shortest=MIN_LOCK_MINUTES, longest=MAX_LOCK_MINUTES),
                "lockNote",
            )
        )
        return group

    def _data_page(self) -> QWidget:
        self.folder_edit = QLineEdit(str(self.store.layout.root))
        self.folder_edit.setObjectName("dataFolder")
        self.folder_edit.setReadOnly(True)
        folder_label = QLabel(_("Data folder in use:"))
        folder_label.setBuddy(self.folder_edit)
        self.next_folder_label = text_label("", "nextDataFolder")
        choose = _button(_("Choose another folder…"), "chooseDataFolder")
        choose.clicked.connect(self.choose_data_folder)
        open_folder = _button(_("Open the folder"), "openDataFolder")
        open_folder.clicked.connect(self.open_data_folder)
        folder_buttons = _button_row(choose, open_folder)
        folder_group = QGroupBox(_("Data folder"))
        folder_layout = QVBoxLayout(folder_group)
        folder_layout.addWidget(folder_label)
        folder_layout.addWidget(self.folder_edit)
        folder_layout.addWidget(self.next_folder_label)
        folder_layout.addLayout(folder_buttons)
        folder_layout.addWidget(
            text_label(
                _(
                    "A new data folder is used from the next start; the checks in the current "
                    "folder stay where they are."
                ),
                "dataFolderNote",
            )
        )

        self.last_backup_label = text_label("", "lastBackup")
        backup_now = _button(_("Make a backup now…"), "backupNow")
        backup_now.clicked.connect(self.make_backup)
        restore = _button(_("Restore a backup…"), "restoreBackup")
        restore.clicked.connect(self.choose_backup_to_restore)
        backup_buttons = _button_row(backup_now, restore)
        backup_group = QGroupBox(_("Backups"))
        backup_layout = QVBoxLayout(backup_group)
        backup_layout.addWidget(self.last_backup_label)
        backup_layout.addWidget(
            text_label(
                _(
                    "A backup is made automatically every day; the backups of the last {count} "
                    "days are kept."
                ).format(count=KEEP_DAILY),
                "backupNote",
            )
        )
        backup_layout.addLayout(backup_buttons)

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(folder_group)
        layout.addWidget(backup_group)
        layout.addWidget(self._lock_group())  # here: the General page fills a laptop's height
        layout.addStretch(1)
        return page

    # -- the data folder ------------------------------------------------------------------

    def _next_folder(self) -> Path | None:
        """The data folder chosen for the next start, when it is not the one in use now."""
        if not self.chosen_folder:
            return None
        chosen = Path(self.chosen_folder).expanduser()
        return None if chosen.resolve() == self.store.layout.root.resolve() else chosen

    def _show_folders(self) -> None:
        upcoming = self._next_folder()
        self.next_folder_label.setText(
            "" if upcoming is None else _("From the next start: {folder}").format(folder=upcoming)
        )
        self.next_folder_label.setVisible(upcoming is not None)
        self._update_restart_notice()

    def choose_data_folder(self) -> None:
        start = str(self._next_folder() or self.store.layout.root)
        name = QFileDialog.getExistingDirectory(self, _("Choose a data folder"), start)
        if not name:
            return
        chosen = Path(name)
        current = self.store.layout.root.resolve()
        if chosen.resolve() != current and chosen.resolve().is_relative_to(current):
            show_problem(
                self,
                _("the new data folder cannot be inside the current one ({folder})").format(
                    folder=current
                ),
            )
            return
        refused = refusal(chosen)
        if refused is not None:
            show_problem(self, refused)
            return
        if not _writable(chosen):
            show_problem(
                self,
                _("nothing can be saved in {folder}; choose another folder").format(folder=chosen),
            )
            return
        self.chosen_folder = str(chosen)
        self._show_folders()

    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.store.layout.root)))

    # -- backups --------------------------------------------------------------------------

    def _show_last_backup(self) -> None:
        day = last_daily_backup(self.store.layout.root)
        self.last_backup_label.setText(
            _("Last automatic backup: {date}.").format(date=format_date(day))
            if day is not None
            else _("No automatic backup has been made yet.")
        )

    def make_backup(self) -> None:
        make_backup(self, self.store)

    def choose_backup_to_restore(self) -> None:
        """Ask which backup to restore (without blocking); the restore follows the choice."""
        self.backup_choice = BackupChoiceDialog(self.store.layout.root, self)
        self.backup_choice.accepted.connect(self._backup_chosen)
        self.backup_choice.open()

    def _backup_chosen(self) -> None:
        choice, self.backup_choice = self.backup_choice, None
        if choice is not None and choice.chosen is not None:
            self.restore_backup(choice.chosen)
        if choice is not None:
            choice.deleteLater()

    def restore_backup(self, source: Path) -> None:
        """Restore the backup at ``source`` once the user confirms; emits ``restored``."""
        if restore_backup(self, self.store, source):
            self._show_last_backup()
            self.restored.emit()

    # -- closing --------------------------------------------------------------------------

    def _update_restart_notice(self) -> None:
        language = self.language_box.currentData() != self.preferences.language
        folder = (
            self.chosen_folder != self.preferences.data_folder and self._next_folder() is not None
        )
        self.restart_needed = language or folder
        if language and folder:
            text = _("Restart vastgoedcheck to use the new language and data folder.")
        elif language:
            text = _("Restart vastgoedcheck to use the new language.")
        else:
            text = _("Restart vastgoedcheck to use the new data folder.")
        self.restart_notice.setText(text)
        self.restart_notice.setVisible(self.restart_needed)

    def accept(self) -> None:
        """Save the settings into the preferences given, and to the settings file."""
        chosen = self.preferences
        chosen.language = str(self.language_box.currentData())
        self.examiner_fields.store_in(chosen)
        chosen.report_language = str(self.report_language_box.currentData())
        chosen.data_folder = self.chosen_folder
        chosen.lock_minutes = str(self.lock_box.value())
        chosen.save()
        super().accept()
