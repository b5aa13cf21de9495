"""Making the PDF report of a check for one recipient: who it is for and what that report holds,
its language, where to save it; the PDF is built in a worker thread and logged by the store."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool, Signal
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
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from vastgoedcheck.domain.assessment import assess_check
from vastgoedcheck.domain.check import Check, Examiner, Status
from vastgoedcheck.domain.pack import Pack, Role
from vastgoedcheck.domain.report_record import ReportChannel
from vastgoedcheck.i18n import LANGUAGES, _
from vastgoedcheck.i18n.outcome_text import FOLLOW_UPS, REASONS
from vastgoedcheck.reports.choice import fitting_recipient, from_draft_allowed, reporter_warning
from vastgoedcheck.reports.file_name import report_file_name
from vastgoedcheck.reports.profiles import INTERNAL_DOSSIER, PROFILES, Recipient
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.meta import now
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.backup_actions import documents_folder
from vastgoedcheck.ui.cloud_warning import saving_there_is_fine
from vastgoedcheck.ui.feedback import sentence, show_problem
from vastgoedcheck.ui.fiu_confirmation import confirm_fiu
from vastgoedcheck.ui.issued_reports import language_name, open_in_system
from vastgoedcheck.ui.plain_file_note import plain_file_note
from vastgoedcheck.ui.preferences import Preferences, examiner_of
from vastgoedcheck.ui.report_job import Making, ReportJob
from vastgoedcheck.ui.report_record_dialog import ReportRecordDialog

WWFT_ROLES = (Role.BROKER, Role.NOTARY)
# The channel a report to each authority is recorded under.
RECORD_CHANNELS = {
    Recipient.POLICE: ReportChannel.POLICE,
    Recipient.MUNICIPALITY: ReportChannel.MUNICIPALITY,
    Recipient.FIU: ReportChannel.FIU,
}
WIDTH_IN_CHARACTERS = 90
SCOPE_LINES = 6  # lines of "About this report" shown at least; more when the screen has room


@dataclass
class _Session:
    """What the dialog remembers while the app runs."""

    open_when_ready: bool = False
    folder: str = ""  # where the last report was saved


SESSION = _Session()


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
        self._making: Making | None = None  # the report being built, if any
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
        result = assess_check(pack, check)
        self._wwft = result.wwft
        self._pack = pack
        fiu_offered = check.role in WWFT_ROLES and result.wwft

        self.recipients = QGroupBox(_("Who is the report for?"))
        self.recipients.setObjectName("reportRecipients")
        group_layout = QVBoxLayout(self.recipients)
        self.recipient_group = QButtonGroup(self)
        for recipient in Recipient:
            if recipient is Recipient.FIU and not fiu_offered:
                continue
            button = QRadioButton(_(PROFILES[recipient].title))
            button.setObjectName(f"recipient_{recipient.value}")
            if draft and not from_draft_allowed(recipient, result):
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
                    "This check is a draft. Finalize it first for a report to the police or the "
                    "municipality: such a report must show a fixed record with its fingerprint."
                )
            )
            if fiu_offered and from_draft_allowed(Recipient.FIU, result):
                notes.append(
                    _(
                        "An indicator for FIU-Nederland is recorded, so the details for that "
                        "report can be made now, marked as made from a draft: an unusual "
                        "transaction is reported without delay (Wwft art. 16). Finalize the "
                        "check afterwards."
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

        self.statement_edit = QPlainTextEdit()
        self.statement_edit.setObjectName("statementOfFacts")
        self.statement_edit.setPlaceholderText(
            _(
                "Facts, not conclusions: what you saw or heard, when and where, and how you know "
                "it. Printed on the first page of the report."
            )
        )
        self.statement_edit.setTabChangesFocus(True)
        self.statement_edit.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        statement_label = QLabel(_("Your &statement of facts for this recipient"))
        statement_label.setBuddy(self.statement_edit)
        statement_label.setWordWrap(True)

        self.reporter_label = QLabel()
        self.reporter_label.setObjectName("reporterWarning")
        self.reporter_label.setWordWrap(True)
        self.reporter_label.setVisible(False)

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
        layout.addWidget(self.scope_box, 1)  # it takes the room the screen has, then scrolls
        layout.addWidget(statement_label)
        layout.addWidget(self.statement_edit)
        layout.addWidget(self.reporter_label)
        layout.addLayout(language_row)
        layout.addWidget(self.internal)
        layout.addWidget(self.open_when_ready)
        layout.addWidget(plain_file_note())
        layout.addWidget(self.progress_row)
        layout.addWidget(self.result_row)
        layout.addStretch(1)
        layout.addLayout(buttons)

        offered = [r for r, button in self.recipient_buttons.items() if button.isEnabled()]
        fitting = self.recipient_buttons[fitting_recipient(result, offered)]
        fitting.setChecked(True)
        fitting.setFocus()
        width = self.fontMetrics().averageCharWidth() * WIDTH_IN_CHARACTERS
        hint = self.sizeHint()
        self.resize(max(hint.width(), width), min(hint.height(), self._screen_room()))

    # -- choices ----------------------------------------------------------------------------

    def recipient(self) -> Recipient:
        for recipient, button in self.recipient_buttons.items():
            if button.isChecked():
                return recipient
        return Recipient.DOSSIER

    def language(self) -> str:
        return str(self.language_combo.currentData())

    def reporter(self) -> Examiner:
        """Who makes the report: the examiner named in the settings, else the check's own."""
        if self.preferences.examiner_name.strip() or self.check is None:
            return examiner_of(self.preferences)
        return self.check.examiner

    def confirm_fiu(self) -> bool:
        return confirm_fiu(self)

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
        warning = reporter_warning(self.reporter(), self.recipient())
        if warning is not None:
            warning = sentence(warning) + " " + _("Fill them in under Settings and backups.")
        self.reporter_label.setText("⚠ " + (warning or ""))
        self.reporter_label.setVisible(warning is not None)
        self._fit_contents()

    def _fit_contents(self) -> None:
        """Grow (never shrink) to show the longer explanation of another recipient whole."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = min(layout.totalHeightForWidth(self.width()), self._screen_room())
        if needed > self.height():
            self.resize(self.width(), needed)

    def _screen_room(self) -> int:
        """The height the dialog may take: what the screen offers, less room for its frame, so
        the Save button is always on screen (1366×768 laptops)."""
        screen = self.screen()
        if screen is None:
            return 10_000
        return screen.availableGeometry().height() - 8 * self.fontMetrics().lineSpacing() // 2

    def _remember_open_choice(self, checked: bool) -> None:
        SESSION.open_when_ready = checked

    # -- making the report ------------------------------------------------------------------

    def save_as(self) -> None:
        """Ask where to save, then build the PDF in a worker thread."""
        if self.busy or self.check is None or self.pack is None:
            return
        recipient = self.recipient()
        if recipient is Recipient.FIU and not self.confirm_fiu():
            return
        folder = Path(SESSION.folder) if SESSION.folder else documents_folder()
        name = report_file_name(self.check, self.pack, recipient, self.language(), dt.date.today())
        suggested = folder / name
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
        self._making = Making(check, recipient, language, target, internal)
        statement = self.statement_edit.toPlainText()
        job = ReportJob(
            check,
            pack,
            recipient,
            language,
            self.store.attachment_content,
            now(),
            self.reporter(),
            statement,
            records,
        )
        job.signals.built.connect(self._built)
        job.signals.failed.connect(self._failed)
        self._set_busy(True)
        QThreadPool.globalInstance().start(job)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.progress_row.setVisible(busy)
        if busy:
            self.result_row.setVisible(False)
        for widget in (self.recipients, self.language_combo, self.save_button, self.statement_edit):
            widget.setEnabled(not busy)
        self.open_when_ready.setEnabled(not busy)
        self.close_button.setText(_("Cancel") if busy else _("Close"))

    def _finish(self) -> Making | None:
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
