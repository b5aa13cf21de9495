"""The dialog that records a report made to an authority, or a decision not to report, or
corrects such a record with a reason."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from vastgoedcheck.domain.assessment import Assessment, assess_check
from vastgoedcheck.domain.decisions import duty_to_report
from vastgoedcheck.domain.report_record import (
    Indicator,
    RecordKind,
    ReportChannel,
    ReportRecord,
)
from vastgoedcheck.i18n import _
from vastgoedcheck.i18n.record_text import (
    channel_choice,
    indicator_name,
    indicator_suggestion,
)
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.feedback import show_problem
from vastgoedcheck.ui.text_label import text_label

WIDTH_IN_CHARACTERS = 80  # room for the hints in the fields


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ReportRecordDialog(QDialog):
    """Record a report (``kind`` REPORTED) or a decision not to report; with ``correcting``,
    a correction of that record, which needs a reason. ``recorded`` holds the stored record."""

    def __init__(
        self,
        store: Store,
        check_id: str,
        parent: QWidget | None = None,
        *,
        kind: RecordKind = RecordKind.REPORTED,
        channel: ReportChannel | None = None,
        correcting: ReportRecord | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reportRecordDialog")
        self.store, self.check_id, self.correcting = store, check_id, correcting
        self.recorded: ReportRecord | None = None
        check = store.get(check_id)
        self.assessment: Assessment = assess_check(store.pack_of(check), check)
        base = correcting
        if base is not None:
            kind, channel = base.kind, base.channel
        self.setWindowTitle(
            _("Correct a report record") if correcting is not None else _("Record a report")
        )

        self.reported = QRadioButton(_("A &report was made"))
        self.reported.setObjectName("recordReported")
        self.not_reporting = QRadioButton(_("I decided &not to report"))
        self.not_reporting.setObjectName("recordNotReporting")
        (self.reported if kind is RecordKind.REPORTED else self.not_reporting).setChecked(True)
        duty = duty_to_report(self.assessment)
        # Under an objective indicator, not reporting is no lawful choice (art. 16 Wwft).
        self.not_reporting.setEnabled(not duty)
        if duty:
            self.not_reporting.setToolTip(
                _("A report to FIU-Nederland is a duty for this check (art. 16 Wwft).")
            )

        self.channel = QComboBox()
        self.channel.setObjectName("recordChannel")
        for option in ReportChannel:
            if option is ReportChannel.FIU and not self.assessment.wwft:
                continue  # only Wwft institutions report to FIU-Nederland
            self.channel.addItem(channel_choice(option), option.value)
        preferred = channel or (ReportChannel.FIU if self.assessment.wwft else ReportChannel.POLICE)
        self.channel.setCurrentIndex(max(0, self.channel.findData(preferred.value)))

        self.date = QDateEdit(_qdate(base.on if base is not None else dt.date.today()))
        self.date.setObjectName("recordDate")
        self.date.setCalendarPopup(True)
        self.reference = QLineEdit(base.reference if base is not None else "")
        self.reference.setObjectName("recordReference")
        self.reference.setPlaceholderText(
            _("e.g. FIU-Nederland's reporting number")
            if self.assessment.wwft
            else _("e.g. the registration number you were given")
        )
        self.indicator = QComboBox()
        self.indicator.setObjectName("recordIndicator")
        self.indicator.addItem(_("Not applicable"), "")
        for indicator in Indicator:
            self.indicator.addItem(indicator_name(indicator), indicator.value)
        suggested_kind, suggested_detail = indicator_suggestion(self.assessment)
        chosen = base.indicator if base is not None else suggested_kind
        self.indicator.setCurrentIndex(
            max(0, self.indicator.findData(chosen.value if chosen else ""))
        )
        self.indicator_detail = QLineEdit(
            base.indicator_detail if base is not None else suggested_detail
        )
        self.indicator_detail.setObjectName("recordIndicatorDetail")
        self.acknowledgement = QLineEdit(base.acknowledgement if base is not None else "")
        self.acknowledgement.setObjectName("recordAcknowledgement")
        self.acknowledgement.setPlaceholderText(_("e.g. the acknowledgement's date and number"))
        self.reasoning = QPlainTextEdit(base.reasoning if base is not None else "")
        self.reasoning.setObjectName("recordReasoning")
        self.reasoning.setTabChangesFocus(True)
        self.correction_reason = QLineEdit()
        self.correction_reason.setObjectName("recordCorrectionReason")

        form = QFormLayout()
        form.addRow(_("C&hannel"), self.channel)
        form.addRow(_("&Date"), self.date)
        form.addRow(_("Re&ference"), self.reference)
        form.addRow(_("&Indicator"), self.indicator)
        form.addRow(_("&Which indicator"), self.indicator_detail)
        form.addRow(_("Ac&knowledgement"), self.acknowledgement)
        form.addRow(_("Reasonin&g"), self.reasoning)
        if correcting is not None:
            form.addRow(_("Why is this &corrected? (required)"), self.correction_reason)

        notice = text_label(
            _(
                "Report records are restricted: they stay with the check and never appear in a "
                "report or export for the client, only in an internal version you ask for "
                "(duty of confidentiality, art. 23 Wwft)."
            ),
            "recordNotice",
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reported)
        layout.addWidget(self.not_reporting)
        layout.addLayout(form)
        layout.addWidget(notice)
        layout.addWidget(buttons)
        self.reported.toggled.connect(self._kind_changed)
        self._kind_changed()
        width = self.fontMetrics().averageCharWidth() * WIDTH_IN_CHARACTERS
        self.resize(max(self.sizeHint().width(), width), self.sizeHint().height())

    def _kind_changed(self) -> None:
        reporting = self.reported.isChecked()
        for widget in (self.channel, self.reference, self.acknowledgement):
            widget.setEnabled(reporting)
        self.reasoning.setPlaceholderText(
            _("Optional") if reporting else _("Required: why you decided not to report")
        )

    def record(self) -> ReportRecord:
        """The record as filled in (id, time and actor are set by the store)."""
        reporting = self.reported.isChecked()
        indicator = self.indicator.currentData()
        day = self.date.date()
        return ReportRecord(
            id="",
            kind=RecordKind.REPORTED if reporting else RecordKind.NOT_REPORTING,
            on=dt.date(day.year(), day.month(), day.day()),
            recorded_at=dt.datetime.now(dt.UTC),
            actor="",
            channel=ReportChannel(self.channel.currentData()) if reporting else None,
            reference=self.reference.text() if reporting else "",
            indicator=Indicator(indicator) if indicator else None,
            indicator_detail=self.indicator_detail.text().strip(),
            acknowledgement=self.acknowledgement.text().strip() if reporting else "",
            reasoning=self.reasoning.toPlainText(),
        )

    def save(self) -> None:
        try:
            if self.correcting is not None:
                self.recorded = self.store.correct_report_record(
                    self.check_id,
                    self.correcting.id,
                    self.record(),
                    self.correction_reason.text(),
                )
            else:
                self.recorded = self.store.record_report(self.check_id, self.record())
        except StoreError as error:
            show_problem(self, str(error))
            return
        self.accept()
