"""The reports issued for one check: when, for whom, in which language, of which revision and
where the file went, with buttons to open a report or its folder; on the review page and, from
the Check menu, in a window of its own."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vastgoedcheck.i18n import _
from vastgoedcheck.i18n.formatting import format_datetime
from vastgoedcheck.reports.profiles import recipient_name
from vastgoedcheck.storage.issued import IssuedFile
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.feedback import show_problem

# Language names in their own language, as language choosers everywhere show them.
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}

WHEN, RECIPIENT, LANGUAGE, REVISION, FILE = range(5)


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


def open_in_system(parent: QWidget | None, path: Path) -> None:
    """Open a file or folder with the program the system uses for it; one sentence if the file
    is gone or nothing can open it."""
    if not path.exists():
        show_problem(
            parent,
            _("{file} is no longer there: it was moved, renamed or deleted").format(file=path),
        )
        return
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        show_problem(parent, _("No program was found to open {file}").format(file=path))


class IssuedReportsList(QWidget):
    """A table of the reports made from a check, newest first; ``refresh()`` re-reads the
    store log."""

    def __init__(self, store: Store, check_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.check_id = check_id
        self.reports: list[IssuedFile] = []
        self.setObjectName("issuedReports")

        self.empty_label = QLabel(_("No reports have been made of this check yet."))
        self.empty_label.setObjectName("noIssuedReports")
        self.empty_label.setWordWrap(True)

        self.table = QTableWidget(0, 5)
        self.table.setObjectName("issuedReportsTable")
        self.table.setAccessibleName(_("Reports made of this check"))
        self.table.setHorizontalHeaderLabels(
            [_("Made on"), _("For"), _("Language"), _("Revision"), _("File")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in (WHEN, RECIPIENT, LANGUAGE, REVISION):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FILE, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemActivated.connect(self.open_selected)

        self.open_button = QPushButton(_("Open"))
        self.open_button.setObjectName("openReportButton")
        self.open_button.setToolTip(_("Open the selected report in your PDF viewer"))
        self.open_button.clicked.connect(self.open_selected)
        self.folder_button = QPushButton(_("Show folder"))
        self.folder_button.setObjectName("showReportFolderButton")
        self.folder_button.setToolTip(_("Show the folder that holds the selected report"))
        self.folder_button.clicked.connect(self.show_folder)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the reports issued for the check (the store log is the record)."""
        found = [
            item
            for item in self.store.issued()
            if item.check_id == self.check_id and item.kind == "report"
        ]
        self.reports = list(reversed(found))
        self.table.setRowCount(len(self.reports))
        for row, report in enumerate(self.reports):
            cells = {
                WHEN: format_datetime(report.at),
                RECIPIENT: recipient_name(report.recipient),
                LANGUAGE: language_name(report.language),
                REVISION: str(report.revision),
                FILE: report.file,
            }
            for column, text in cells.items():
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        has_reports = bool(self.reports)
        self.empty_label.setVisible(not has_reports)
        self.table.setVisible(has_reports)
        self.open_button.setVisible(has_reports)
        self.folder_button.setVisible(has_reports)
        if has_reports:
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> IssuedFile | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.reports):
            return None
        return self.reports[rows[0].row()]

    def open_selected(self) -> None:
        report = self.selected()
        if report is not None:
            open_in_system(self, Path(report.file))

    def show_folder(self) -> None:
        report = self.selected()
        if report is not None:
            open_in_system(self, Path(report.file).parent)

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.open_button.setEnabled(chosen)
        self.folder_button.setEnabled(chosen)


class IssuedReportsDialog(QDialog):
    """The reports made of one check, opened from the Check menu."""

    def __init__(self, store: Store, check_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("issuedReportsDialog")
        self.setWindowTitle(_("Reports made of this check"))
        self.reports = IssuedReportsList(store, check_id)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reports, 1)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 110, 360)
        self.reports.table.setFocus()
