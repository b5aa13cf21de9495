"""Making the PDF report of a check for one recipient: who it is for and what that report holds,
its language, where to save it; the PDF is built in a worker thread and logged by the store."""

from __future__ import annotations

import datetime as dt
import html
import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QStandardPaths, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from vastgoedcheck.domain.assessment import assess_check
from vastgoedcheck.domain.check import Check, Status
from vastgoedcheck.domain.pack import Pack, Role
from vastgoedcheck.domain.report_record import ReportChannel, ReportRecord
from vastgoedcheck.i18n import LANGUAGES, _
from vastgoedcheck.i18n.outcome_text import FOLLOW_UPS, REASONS
from vastgoedcheck.reports.profiles import INTERNAL_DOSSIER, PROFILES, Recipient
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.meta import now
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.cloud_warning import saving_there_is_fine
from vastgoedcheck.ui.error_log import LOGGER_NAME
from vastgoedcheck.ui.feedback import sentence, show_problem
from vastgoedcheck.ui.issued_reports import language_name, open_in_system
from vastgoedcheck.ui.preferences import Preferences
from vastgoedcheck.ui.report_record_dialog import ReportRecordDialog

WWFT_ROLES = (Role.BROKER, Role.NOTARY)
# The channel a report to each authority is recorded under.
RECORD_CHANNELS = {
    Recipient.POLICE: ReportChannel.POLICE,
    Recipient.MUNICIPALITY: ReportChannel.MUNICIPALITY,
    Recipient.FIU: ReportChannel.FIU,
}
WIDTH_IN_CHARACTERS = 90
SCOPE_LINES = 16  # lines of "About this report" shown before it scrolls


@dataclass
class _Session:
    """What the dialog remembers while the app runs."""

    open_when_ready: bool = False
    folder: str = ""  # where the last report was saved


SESSION = _Session()


def suggested_file_name(pack: Pack, recipient: Recipient, day: dt.date) -> str:
    return f"{pack.code}-{recipient.value}-{day.isoformat()}.pdf"


def _documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


class _JobSignals(QObject):
    built = Signal(object)  # the PDF as bytes
    failed = Signal(str)  # one sentence: why no report could be made


class _ReportJob(QRunnable):
    """Builds one PDF away from the user interface; it reads no store (only the files of the
    attachments, by the paths the main thread looked up)."""

    def __init__(
        self,
        check: Check,
        pack: Pack,
        recipient: Recipient,
        language: str,
        attachment_paths: dict[str, Path],
        issued_at: dt.datetime,
        records: tuple[ReportRecord, ...] | None = None,  # given: the internal dossier
    ) -> None:
        super().__init__()
        self.records = records
        self.signals = _JobSignals()
        self.check = check
        self.pack = pack
        self.recipient = recipient
        self.language = language
        self.attachment_paths = attachment_paths
        self.issued_at = issued_at

    def run(self) -> None:
        from vastgoedcheck.reports.report import ReportRefused, build_report  # loads reportlab

        try:
            pdf = build_report(
                self.check,
                self.pack,
                self.recipient,
                self.language,
                self.attachment_paths.__getitem__,
                self.issued_at,
                internal=self.records is not None,
                records=self.records or (),
            )
        except ReportRefused as refusal:
            self.signals.failed.emit(str(refusal))
        except Exception as error:  # a report that cannot be made must never end the app
            logging.getLogger(LOGGER_NAME).exception("report of check %s failed", self.check.id)
            self.signals.failed.emit(
                _("The report could not be made ({reason})").format(reason=error)
            )
        else:
            self.signals.built.emit(pdf)


@dataclass(frozen=True)
class _Making:
    """What the report being built will be logged as when its bytes arrive."""

    check: Check
    recipient: Recipient
    language: str
    target: Path
    internal: bool = False


def _attachment_paths(store: Store, check: Check) -> dict[str, Path]:
    return {
        attachment.sha256: store.attachment_path(attachment.sha256)
        for answer in check.answers.values()
        for attachment in answer.attachments
    }


class ReportDialog(QDialog):
    """Choose the recipient and language, save the PDF; ``report_issued`` carries the path of
    each report written (and logged)."""

    report_issued = Signal(str)
    record_added = Signal()  # a report record was made after saving a report

    def __init__(
        self,
        store: Store,
        check_id: str,
        preferences: Preferences,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.check_id = check_id
        self.preferences = preferences
        self.check: Check | None = None
        self.pack: Pack | None = None
        self.busy = False
        self._making: _Making | None = None  # the report being built, if any
        self.saved_file: Path | None = None
        self._saved_for = Recipient.DOSSIER
        self.recipient_buttons: dict[Recipient, QRadioButton] = {}
        self.setObjectName("reportDialog")
        self.setWindowTitle(_("Make a report"))

        layout = QVBoxLayout(self)
        problem = self._load()
        if problem is not None or self.check is None or self.pack is None:
            self._build_problem(layout, problem or "")
            return
        self._build(layout, self.check, self.pack)

    # -- building ---------------------------------------------------------------------------

    def _load(self) -> str | None:
        try:
            self.check = self.store.get(self.check_id)
            self.pack = self.store.pack_of(self.check)
        except StoreError as error:
            return str(error)
        return None

    def _build_problem(self, layout: QVBoxLayout, problem: str) -> None:
        label = QLabel(sentence(problem))
        label.setObjectName("reportProblem")
        label.setWordWrap(True)
        close = QPushButton(_("Close"))
        close.setObjectName("closeReportButton")
        close.clicked.connect(self.reject)
        layout.addWidget(label)
        layout.addWidget(close)

    def _build(self, layout: QVBoxLayout, check: Check, pack: Pack) -> None:
        draft = check.status is Status.DRAFT
        wwft = assess_check(pack, check).wwft
        self._wwft = wwft
        self._pack = pack
        fiu_offered = check.role in WWFT_ROLES and wwft

        self.recipients = QGroupBox(_("Who is the report for?"))
        self.recipients.setObjectName("reportRecipients")
        group_layout = QVBoxLayout(self.recipients)
        self.recipient_group = QButtonGroup(self)
        for recipient in Recipient:
            if recipient is Recipient.FIU and not fiu_offered:
                continue
            button = QRadioButton(_(PROFILES[recipient].title))
            button.setObjectName(f"recipient_{recipient.value}")
            if draft and PROFILES[recipient].needs_final:
                button.setEnabled(False)
                button.setToolTip(_("Finalize the check first"))
            self.recipient_buttons[recipient] = button
            self.recipient_group.addButton(button)
            group_layout.addWidget(button)
            button.toggled.connect(self._recipient_changed)
        notes = []
        if draft:
            notes.append(
                _(
                    "This check is a draft, so only the dossier report can be made. Finalize it "
                    "first for a report to an authority: such a report must show a fixed record "
                    "with its fingerprint."
                )
            )
        if not fiu_offered:
            notes.append(_(REASONS["fiu_not_open"]))
        for note in notes:
            label = QLabel(note)
            label.setObjectName("recipientNote")
            label.setWordWrap(True)
            group_layout.addWidget(label)

        self.scope_box = QGroupBox(_("About this report"))
        self.scope_box.setObjectName("reportScope")
        self.scope_label = QLabel()
        self.scope_label.setObjectName("reportScopeText")
        self.scope_label.setWordWrap(True)
        # What a report leaves out can run to many lines: it scrolls rather than being cut off.
        scope_scroll = QScrollArea()
        scope_scroll.setObjectName("reportScopeScroll")
        scope_scroll.setAccessibleName(_("About this report"))
        scope_scroll.setWidgetResizable(True)
        scope_scroll.setFrameShape(QFrame.Shape.NoFrame)
        scope_scroll.setWidget(self.scope_label)
        scope_scroll.setMinimumHeight(self.fontMetrics().lineSpacing() * SCOPE_LINES)
        QVBoxLayout(self.scope_box).addWidget(scope_scroll)

        self.warning = QFrame()
        self.warning.setObjectName("tippingOffWarning")
        self.warning.setFrameShape(QFrame.Shape.Box)
        self.warning.setLineWidth(2)
        self.warning.setStyleSheet(
            "QFrame#tippingOffWarning { border: 2px solid #8e0000; background: #fff4e5; }"
            "QFrame#tippingOffWarning QLabel { color: #1a1a1a; border: none; }"
        )
        warning_title = QLabel("⚠ " + _("Duty of confidentiality (art. 23 Wwft)"))
        font = warning_title.font()
        font.setBold(True)
        warning_title.setFont(font)
        warning_title.setWordWrap(True)
        warning_text = QLabel(_(FOLLOW_UPS["tipping_off"]))
        warning_text.setWordWrap(True)
        warning_layout = QVBoxLayout(self.warning)
        warning_layout.addWidget(warning_title)
        warning_layout.addWidget(warning_text)
        self.warning.setVisible(False)

        language_label = QLabel(_("&Language of the report"))
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("reportLanguage")
        language_label.setBuddy(self.language_combo)
        for code in LANGUAGES:
            self.language_combo.addItem(language_name(code), code)
        chosen = self.preferences.report_language or check.language
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(chosen)))
        language_row = QHBoxLayout()
        language_row.addWidget(language_label)
        language_row.addWidget(self.language_combo)
        language_row.addStretch(1)

        # The dossier's internal version carries the report records (art. 23 Wwft).
        self.internal = QCheckBox(
            _("&Internal version, with the report records (not for the client)")
        )
        self.internal.setObjectName("internalReport")
        self.record_dialog: ReportRecordDialog | None = None

        self.open_when_ready = QCheckBox(_("&Open the report when it is ready"))
        self.open_when_ready.setObjectName("openWhenReady")
        self.open_when_ready.setChecked(SESSION.open_when_ready)
        self.open_when_ready.toggled.connect(self._remember_open_choice)

        self.progress = QProgressBar()
        self.progress.setObjectName("reportProgress")
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(_("Making the report…"))
        self.progress_label = QLabel(_("Making the report…"))
        self.progress_row = QWidget()
        progress_layout = QHBoxLayout(self.progress_row)
        progress_layout.setContentsMargins(0, 0, 0, 0)
        progress_layout.addWidget(self.progress_label)
        progress_layout.addWidget(self.progress, 1)
        self.progress_row.setVisible(False)

        self.result_label = QLabel()
        self.result_label.setObjectName("reportSavedTo")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(_("Open"))
        self.open_button.setObjectName("openSavedReportButton")
        self.open_button.clicked.connect(self.open_saved)
        self.result_row = QWidget()
        result_layout = QHBoxLayout(self.result_row)
        result_layout.setContentsMargins(0, 0, 0, 0)
        result_layout.addWidget(self.result_label, 1)
        result_layout.addWidget(self.open_button)
        self.record_button = QPushButton(_("&Record that you made this report…"))
        self.record_button.setObjectName("recordMadeReportButton")
        self.record_button.clicked.connect(self.record_made_report)
        result_layout.addWidget(self.record_button)
        self.result_row.setVisible(False)

        self.save_button = QPushButton(_("&Save as…"))
        self.save_button.setObjectName("saveReportButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save_as)
        self.close_button = QPushButton(_("Close"))
        self.close_button.setObjectName("closeReportButton")
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)

        layout.addWidget(self.recipients)
        layout.addWidget(self.warning)
        layout.addWidget(self.scope_box)
        layout.addLayout(language_row)
        layout.addWidget(self.internal)
        layout.addWidget(self.open_when_ready)
        layout.addWidget(self.progress_row)
        layout.addWidget(self.result_row)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self.recipient_buttons[Recipient.DOSSIER].setChecked(True)
        self.recipient_buttons[Recipient.DOSSIER].setFocus()
        width = self.fontMetrics().averageCharWidth() * WIDTH_IN_CHARACTERS
        self.resize(max(self.sizeHint().width(), width), self.sizeHint().height())

    # -- choices ----------------------------------------------------------------------------

    def recipient(self) -> Recipient:
        for recipient, button in self.recipient_buttons.items():
            if button.isChecked():
                return recipient
        return Recipient.DOSSIER

    def language(self) -> str:
        return str(self.language_combo.currentData())

    def _recipient_changed(self) -> None:
        profile = PROFILES[self.recipient()]
        left_out = profile.left_out(self._wwft, self._pack)
        paragraphs = [
            *(_(line) for line in profile.contains),
            *([_("Left out:"), *left_out] if left_out else [_("Nothing is left out.")]),
            *(_(line) for line in profile.omits),
        ]
        self.scope_label.setText("".join(f"<p>{html.escape(text)}</p>" for text in paragraphs))
        self.warning.setVisible(profile.wwft_only)
        self.internal.setVisible(profile.recipient is Recipient.DOSSIER)
        self._fit_contents()

    def _fit_contents(self) -> None:
        """Grow (never shrink) to show the longer explanation of another recipient whole."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def _remember_open_choice(self, checked: bool) -> None:
        SESSION.open_when_ready = checked

    # -- making the report ------------------------------------------------------------------

    def save_as(self) -> None:
        """Ask where to save, then build the PDF in a worker thread."""
        if self.busy or self.check is None or self.pack is None:
            return
        recipient = self.recipient()
        folder = Path(SESSION.folder) if SESSION.folder else _documents_folder()
        suggested = folder / suggested_file_name(self.pack, recipient, dt.date.today())
        chosen, _filter = QFileDialog.getSaveFileName(
            self, _("Save the report as"), str(suggested), _("PDF files (*.pdf)")
        )
        if not chosen:
            return
        target = Path(chosen)
        if not target.suffix:
            target = target.with_suffix(".pdf")
        if not saving_there_is_fine(self, target):
            return
        try:  # the newest stored revision, as it is now
            check = self.store.get(self.check_id)
            pack = self.store.pack_of(check)
            paths = _attachment_paths(self.store, check)
        except StoreError as error:
            show_problem(self, str(error))
            return
        self.check, self.pack = check, pack
        language = self.language()
        internal = recipient is Recipient.DOSSIER and self.internal.isChecked()
        try:
            records = tuple(self.store.report_records(check.id)) if internal else None
        except StoreError as error:
            show_problem(self, str(error))
            return
        self._making = _Making(check, recipient, language, target, internal)
        job = _ReportJob(check, pack, recipient, language, paths, now(), records)
        job.signals.built.connect(self._built)
        job.signals.failed.connect(self._failed)
        self._set_busy(True)
        QThreadPool.globalInstance().start(job)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.progress_row.setVisible(busy)
        if busy:
            self.result_row.setVisible(False)
        for widget in (self.recipients, self.language_combo, self.save_button):
            widget.setEnabled(not busy)
        self.open_when_ready.setEnabled(not busy)
        self.close_button.setText(_("Cancel") if busy else _("Close"))

    def _finish(self) -> _Making | None:
        """The report that was being built, or None when the dialog was closed meanwhile."""
        making, self._making = self._making, None
        if making is not None:
            self._set_busy(False)
        return making

    def _built(self, pdf: bytes) -> None:
        """Back in the main thread: write the file and log it in the store."""
        making = self._finish()
        if making is None:
            return
        try:
            self.store.issue_file(
                making.check,
                making.target,
                pdf,
                kind="report",
                recipient=INTERNAL_DOSSIER if making.internal else making.recipient.value,
                language=making.language,
            )
        except StoreError as error:
            show_problem(self, str(error))
            return
        self.saved_file = making.target
        SESSION.folder = str(making.target.parent)
        self.result_label.setText(_("Saved to {file}").format(file=making.target))
        self.result_row.setVisible(True)
        # A report to an authority is recorded beside the check: the dialog offers it.
        self.record_button.setVisible(making.recipient in RECORD_CHANNELS)
        self._saved_for = making.recipient
        self.open_button.setFocus()
        self.report_issued.emit(str(making.target))
        if self.open_when_ready.isChecked():
            self.open_saved()

    def record_made_report(self) -> None:
        """Record the report just saved, with its channel filled in."""
        channel = RECORD_CHANNELS.get(self._saved_for)
        try:
            self.record_dialog = ReportRecordDialog(
                self.store, self.check_id, self, channel=channel
            )
        except StoreError as error:
            show_problem(self, str(error))
            return
        self.record_dialog.accepted.connect(self.record_added)
        self.record_dialog.open()

    def _failed(self, reason: str) -> None:
        if self._finish() is not None:
            show_problem(self, reason)

    def open_saved(self) -> None:
        if self.saved_file is not None:
            open_in_system(self, self.saved_file)

    def reject(self) -> None:
        """Close; a report still being made is dropped when it arrives, and nothing is written."""
        self._making = None
        self.busy = False
        super().reject()
