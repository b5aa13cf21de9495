"""What the user sees when something fails: a data folder that cannot be opened (restore one of
its backups) and an unexpected error (the saved work is safe; the details are there for
support). Also the list of backups that the settings use to choose one to restore."""

from __future__ import annotations

import contextlib
import datetime as dt
import platform
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from vastgoedcheck import APP_NAME, __version__
from vastgoedcheck.i18n import N_, _, ngettext
from vastgoedcheck.i18n.formatting import format_datetime, format_file_size
from vastgoedcheck.oserrors import os_reason
from vastgoedcheck.storage.backups import DAILY_PREFIX
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.sealing import DataKey
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.backup_key_dialog import backup_key_asker
from vastgoedcheck.ui.feedback import sentence, show_problem
from vastgoedcheck.ui.text_label import text_label

# The kind of a backup, told by the start of its file name (see storage/backups.py).
_KINDS = (
    (DAILY_PREFIX, N_("Automatic, daily")),
    ("before-restore-", N_("Made before a restore")),
    ("before-migration-", N_("Made before an upgrade")),
)
_ICON_SIZE = 48


def readable_width(widget: QWidget, characters: int) -> int:
    """A width of about ``characters`` letters in the widget's font (scales with the font)."""
    return widget.fontMetrics().averageCharWidth() * characters


def backup_kind(path: Path) -> str:
    """What kind of backup a file in the backups folder is, in words."""
    for prefix, label in _KINDS:
        if path.name.startswith(prefix):
            return _(label)
    return _("Other")


def backups_in(folder: Path) -> list[Path]:
    """The backups kept in a data folder, newest first; none when the folder cannot be read."""
    try:
        return Store.backup_files(folder)
    except OSError:
        return []


@contextlib.contextmanager
def busy_cursor() -> Iterator[None]:
    """A waiting cursor while a long store call (a backup, a restore) runs."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def _bold(label: QLabel) -> QLabel:
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label


def _icon_label(widget: QWidget, pixmap: QStyle.StandardPixmap) -> QLabel:
    label = QLabel()
    label.setPixmap(widget.style().standardIcon(pixmap).pixmap(_ICON_SIZE, _ICON_SIZE))
    label.setAlignment(Qt.AlignmentFlag.AlignTop)
    return label


class BackupList(QTreeWidget):
    """Backup files, newest first: when each was made, what kind it is, and its size."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupList")
        self.setAccessibleName(_("Backups"))
        self.setColumnCount(3)
        self.setHeaderLabels([_("Made on"), _("Kind"), _("Size")])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

    def show_backups(self, paths: list[Path]) -> None:
        """List ``paths`` (a file that vanished meanwhile is left out); the newest is selected."""
        self.clear()
        for path in paths:
            try:
                status = path.stat()
            except OSError:
                continue
            made = dt.datetime.fromtimestamp(status.st_mtime).astimezone()
            item = QTreeWidgetItem(
                [format_datetime(made), backup_kind(path), format_file_size(status.st_size)]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, str(path))
            for column in range(3):
                item.setToolTip(column, str(path))
            self.addTopLevelItem(item)
        first = self.topLevelItem(0)
        if first is not None:
            self.setCurrentItem(first)
        for column in range(3):
            self.resizeColumnToContents(column)

    def selected_backup(self) -> Path | None:
        selected = self.selectedItems()
        if not selected:
            return None
        return Path(str(selected[0].data(0, Qt.ItemDataRole.UserRole)))

    def select_backup(self, path: Path) -> None:
        """Select the row of ``path``, if it is listed."""
        for row in range(self.topLevelItemCount()):
            item = self.topLevelItem(row)
            if item is not None and Path(str(item.data(0, Qt.ItemDataRole.UserRole))) == path:
                self.setCurrentItem(item)
                return


def choose_backup_file(parent: QWidget, start: Path) -> Path | None:
    """A backup file anywhere (a USB stick, another folder), chosen by the user."""
    name, _chosen_filter = QFileDialog.getOpenFileName(
        parent, _("Choose a backup file"), str(start), _("Backups (*.zip)")
    )
    return Path(name) if name else None


class RecoveryDialog(QDialog):
    """Shown instead of the main window when the data folder cannot be opened as it is (its
    ``meta.json`` is damaged or missing): restore one of its backups, or another backup file.

    After ``exec()``: accepted when a backup was restored (``restored`` is True and
    ``restored_checks`` says how many checks came back; open the store again), rejected when
    the user quits.
    """

    def __init__(
        self,
        folder: Path,
        message: str,
        actor: str,
        key: DataKey,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self.actor = actor  # who restores, for the store log
        self.key = key  # the folder's data key: what is restored is sealed with it
        self.restored = False
        self.restored_checks = 0
        self.setObjectName("recoveryDialog")
        self.setWindowTitle(_("The data folder cannot be opened"))
        self.setMinimumWidth(readable_width(self, 70))

        problem = _bold(text_label(sentence(message), "recoveryProblem"))
        explanation = text_label(
            _(
                "Your checks are not lost: their files stay in the data folder, and a backup "
                "of the whole folder is made every day. You can restore one of those backups "
                "here; what is in the data folder now is backed up first, so nothing is thrown "
                "away."
            ),
            "recoveryExplanation",
        )
        folder_line = text_label(
            _("Data folder: {folder}").format(folder=self.folder), "recoveryFolder"
        )
        self.backup_list = BackupList()
        list_label = QLabel(_("Backups in this data folder:"))
        list_label.setBuddy(self.backup_list)
        self.no_backups = text_label(
            _(
                "There are no backups in this data folder. If you keep a backup elsewhere, for "
                "example on a USB stick, restore it from that file."
            ),
            "noBackups",
        )

        self.restore_selected_button = QPushButton(_("Restore the selected backup"))
        self.restore_selected_button.setObjectName("restoreSelected")
        self.restore_selected_button.setDefault(True)
        self.restore_selected_button.clicked.connect(self.restore_selected)
        self.restore_file_button = QPushButton(_("Restore from another file…"))
        self.restore_file_button.setObjectName("restoreFromFile")
        self.restore_file_button.clicked.connect(self.restore_from_file)
        self.open_folder_button = QPushButton(_("Open the data folder"))
        self.open_folder_button.setObjectName("openDataFolder")
        self.open_folder_button.clicked.connect(self.open_folder)
        self.quit_button = QPushButton(_("Quit"))
        self.quit_button.setObjectName("quit")
        self.quit_button.clicked.connect(self.reject)
        self.backup_list.itemSelectionChanged.connect(self._update_buttons)

        text = QVBoxLayout()
        text.addWidget(problem)
        text.addWidget(explanation)
        text.addWidget(folder_line)
        top = QHBoxLayout()
        top.addWidget(_icon_label(self, QStyle.StandardPixmap.SP_MessageBoxWarning))
        top.addLayout(text, 1)
        restore_row = QHBoxLayout()
        restore_row.addWidget(self.restore_selected_button)
        restore_row.addWidget(self.restore_file_button)
        restore_row.addStretch(1)
        bottom_row = QHBoxLayout()
        bottom_row.addWidget(self.open_folder_button)
        bottom_row.addStretch(1)
        bottom_row.addWidget(self.quit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(list_label)
        layout.addWidget(self.backup_list, 1)
        layout.addWidget(self.no_backups)
        layout.addLayout(restore_row)
        layout.addSpacing(self.fontMetrics().height() // 2)
        layout.addLayout(bottom_row)
        self.refresh()
        self.backup_list.setFocus()

    def refresh(self) -> None:
        """List the folder's backups again (a failed attempt may have added a safety backup)."""
        chosen = self.backup_list.selected_backup()
        found = backups_in(self.folder)
        self.backup_list.show_backups(found)
        if chosen is not None:
            self.backup_list.select_backup(chosen)
        self.backup_list.setVisible(bool(found))
        self.no_backups.setVisible(not found)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_choice = self.backup_list.selected_backup() is not None
        self.restore_selected_button.setEnabled(has_choice)
        self.restore_selected_button.setDefault(has_choice)

    def restore_selected(self) -> None:
        source = self.backup_list.selected_backup()
        if source is not None:
            self.restore(source)

    def restore_from_file(self) -> None:
        source = choose_backup_file(self, Path.home())
        if source is not None:
            self.restore(source)

    def restore(self, source: Path) -> None:
        """Put the backup at ``source`` in place; on success the dialog is accepted."""
        title = _("The backup was not restored")
        try:
            with busy_cursor():
                count = Store.recover(
                    self.folder,
                    source,
                    key=self.key,
                    actor=self.actor,
                    backup_key=backup_key_asker(self, source),
                )
        except StoreError as error:
            show_problem(self, str(error), title)
            self.refresh()
            return
        except OSError as error:
            show_problem(
                self,
                _("the data folder {folder} cannot be used ({reason})").format(
                    folder=self.folder, reason=os_reason(error)
                ),
                title,
            )
            self.refresh()
            return
        self.restored, self.restored_checks = True, count
        QMessageBox.information(
            self,
            _("Backup restored"),
            ngettext(
                "{count} check was restored from the backup.",
                "{count} checks were restored from the backup.",
                count,
            ).format(count=count),
        )
        self.accept()

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))


def _system_line() -> str:
    return (
        f"{APP_NAME} {__version__} · Python {platform.python_version()} · Qt {qVersion()} · "
        f"{platform.platform()}"
    )


class ErrorDialog(QDialog):
    """An unexpected error, told calmly: the saved work is safe, the app keeps running, and
    the details (the traceback) can be copied for whoever supports the user."""

    def __init__(
        self, summary: str, details: str, log_file: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.summary = summary
        self.log_file = log_file
        self.later_errors = 0
        self.setObjectName("errorDialog")
        self.setWindowTitle(APP_NAME)
        self.setMinimumWidth(readable_width(self, 64))

        heading = _bold(text_label(_("Something went wrong. Your saved work is safe.")))
        heading.setObjectName("errorHeading")
        summary_label = text_label(summary, "errorSummary")
        advice_text = _("The last action may not have been completed. You can keep working.")
        if log_file is not None:
            advice_text += " " + _("The details are kept in the log file {file}.").format(
                file=log_file
            )
        advice = text_label(advice_text, "errorAdvice")
        self.more_label = text_label("", "laterErrors")
        self.more_label.hide()

        self.details = QPlainTextEdit(details.rstrip())
        self.details.setObjectName("errorDetails")
        self.details.setAccessibleName(_("Details of the error"))
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.hide()
        self.toggle_button = QPushButton(_("Show details"))
        self.toggle_button.setObjectName("toggleDetails")
        self.toggle_button.setCheckable(True)
        self.toggle_button.toggled.connect(self._show_details)
        self.copy_button = QPushButton(_("Copy details"))
        self.copy_button.setObjectName("copyDetails")
        self.copy_button.clicked.connect(self.copy_details)
        self.log_button = QPushButton(_("Open the log folder"))
        self.log_button.setObjectName("openLogFolder")
        self.log_button.clicked.connect(self.open_log_folder)
        self.log_button.setVisible(log_file is not None)
        self.close_button = QPushButton(_("Close"))
        self.close_button.setObjectName("closeButton")
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)

        text = QVBoxLayout()
        text.addWidget(heading)
        text.addWidget(summary_label)
        text.addWidget(advice)
        text.addWidget(self.more_label)
        top = QHBoxLayout()
        top.addWidget(_icon_label(self, QStyle.StandardPixmap.SP_MessageBoxWarning))
        top.addLayout(text, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.toggle_button)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.log_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details, 1)
        layout.addLayout(buttons)
        self.close_button.setFocus()

    def _show_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.toggle_button.setText(_("Hide details") if shown else _("Show details"))
        self.adjustSize()

    def add_error(self, summary: str, details: str) -> None:
        """Another error while this one is still on screen: added to the details, not a new
        dialog on top."""
        self.later_errors += 1
        self.details.appendPlainText(f"\n{summary}\n{details.rstrip()}")
        self.more_label.setText(
            ngettext(
                "{count} more error followed; see the details.",
                "{count} more errors followed; see the details.",
                self.later_errors,
            ).format(count=self.later_errors)
        )
        self.more_label.show()

    def copy_details(self) -> None:
        """The summary, the versions of the app and its parts, and the traceback."""
        text = f"{self.summary}\n{_system_line()}\n\n{self.details.toPlainText()}\n"
        QGuiApplication.clipboard().setText(text)
        self.copy_button.setText(_("Details copied"))

    def open_log_folder(self) -> None:
        if self.log_file is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_file.parent)))


_shown_error: ErrorDialog | None = None


def show_error_dialog(summary: str, details: str, log_file: Path | None) -> ErrorDialog:
    """Show an unexpected error without blocking (``open()``, over the active window). While
    one is on screen, a further error is added to it instead of stacking a new dialog."""
    global _shown_error
    if _shown_error is not None and isValid(_shown_error) and _shown_error.isVisible():
        _shown_error.add_error(summary, details)
        return _shown_error
    dialog = ErrorDialog(summary, details, log_file, QApplication.activeWindow())
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.finished.connect(_forget_error_dialog)
    _shown_error = dialog
    dialog.open()
    return dialog


def _forget_error_dialog() -> None:
    global _shown_error
    _shown_error = None
