"""The report records of a check on its review page: the reports made and decisions not to
report, with the corrected ones still readable, and the buttons to add or correct one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vastgoedcheck.domain.report_record import (
    RecordKind,
    ReportChannel,
    ReportRecord,
    current_records,
    report_status,
)
from vastgoedcheck.i18n import _
from vastgoedcheck.i18n.record_text import record_line, recorded_by, status_name
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.feedback import show_problem
from vastgoedcheck.ui.report_record_dialog import ReportRecordDialog
from vastgoedcheck.ui.text_label import text_label


class ReportRecordsBox(QGroupBox):
    """``refresh()`` re-reads the records; ``changed`` when one was added or corrected."""

    changed = Signal()

    def __init__(self, store: Store, check_id: str, parent: QWidget | None = None) -> None:
        super().__init__(_("Report records (restricted)"), parent)
        self.setObjectName("reportRecordsBox")
        self.store, self.check_id = store, check_id
        self.records: list[ReportRecord] = []
        self.dialog: ReportRecordDialog | None = None
        self.status_label = text_label(object_name="reportStatus")
        self.list = QListWidget()
        self.list.setObjectName("reportRecordsList")
        self.list.setWordWrap(True)
        self.list.setMaximumHeight(160)
        self.list.setAccessibleName(_("Report records"))
        self.list.currentRowChanged.connect(self._selection_changed)
        self.add_button = QPushButton(_("Record a report…"))
        self.add_button.setObjectName("recordReportButton")
        self.add_button.clicked.connect(lambda: self.open_dialog())
        self.not_button = QPushButton(_("Record a decision not to report…"))
        self.not_button.setObjectName("recordNotReportingButton")
        self.not_button.clicked.connect(lambda: self.open_dialog(RecordKind.NOT_REPORTING))
        self.correct_button = QPushButton(_("Correct the selected record…"))
        self.correct_button.setObjectName("correctRecordButton")
        self.correct_button.clicked.connect(self.correct_selected)
        row = QHBoxLayout()
        for button in (self.add_button, self.not_button, self.correct_button):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(
            text_label(
                _(
                    "Reports you made to an authority, and decisions not to report. They are "
                    "kept beside the check, so recording one does not change a finalized "
                    "revision; they never appear in a report or export for the client."
                ),
                "reportRecordsIntro",
            )
        )
        layout.addWidget(self.status_label)
        layout.addWidget(self.list)
        layout.addLayout(row)

    def refresh(self) -> None:
        try:
            self.records = self.store.report_records(self.check_id)
        except StoreError as error:
            self.records = []
            self.status_label.setText("⚠ " + str(error))
            return
        standing = {record.id for record in current_records(self.records)}
        self.list.clear()
        for record in reversed(self.records):  # newest first
            text = record_line(record) + "\n" + recorded_by(record)
            if record.id not in standing:
                text = _("Corrected later: {record}").format(record=text)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, record.id)
            if record.id not in standing:
                font = item.font()
                font.setStrikeOut(True)
                item.setFont(font)
            self.list.addItem(item)
        self.list.setVisible(bool(self.records))
        self.status_label.setText(
            _("Status: {status}").format(status=status_name(report_status(self.records)))
        )
        self._selection_changed()

    def _selected(self) -> ReportRecord | None:
        item = self.list.currentItem()
        if item is None:
            return None
        record_id = item.data(Qt.ItemDataRole.UserRole)
        standing = current_records(self.records)
        return next((r for r in standing if r.id == record_id), None)

    def _selection_changed(self) -> None:
        self.correct_button.setEnabled(self._selected() is not None)

    def open_dialog(
        self,
        kind: RecordKind = RecordKind.REPORTED,
        channel: ReportChannel | None = None,
        correcting: ReportRecord | None = None,
    ) -> ReportRecordDialog | None:
        try:
            self.dialog = ReportRecordDialog(
                self.store, self.check_id, self, kind=kind, channel=channel, correcting=correcting
            )
        except StoreError as error:
            show_problem(self, str(error))
            return None
        self.dialog.accepted.connect(self._recorded)
        self.dialog.open()
        return self.dialog

    def correct_selected(self) -> None:
        record = self._selected()
        if record is not None:
            self.open_dialog(correcting=record)

    def _recorded(self) -> None:
        self.refresh()
        self.changed.emit()
