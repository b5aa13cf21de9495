"""The review page of a check: what is still missing, the advice, the person's decision, and
finalizing; for a finalized check its fingerprint and the way to amend it; always its reports."""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from vastgoedcheck.domain.assessment import Assessment, assess_check
from vastgoedcheck.domain.check import Check, Status
from vastgoedcheck.domain.completeness import gaps
from vastgoedcheck.domain.pack import Pack
from vastgoedcheck.i18n import _, current_language
from vastgoedcheck.i18n.completeness_text import advice_headline, open_text
from vastgoedcheck.i18n.formatting import format_datetime, format_number
from vastgoedcheck.i18n.outcome_text import advice_parts
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.amend_dialog import AmendDialog
from vastgoedcheck.ui.decision_box import DecisionBox, decision_stored
from vastgoedcheck.ui.feedback import attempt, sentence, show_problem
from vastgoedcheck.ui.icons import outcome_icon
from vastgoedcheck.ui.issued_reports import IssuedReportsList
from vastgoedcheck.ui.preferences import Preferences
from vastgoedcheck.ui.related_panel import RelatedPanel
from vastgoedcheck.ui.report_dialog import ReportDialog
from vastgoedcheck.ui.report_records_box import ReportRecordsBox
from vastgoedcheck.ui.text_label import text_label

DETAILS = "details"  # jump target: the parties and property page
ICON_SIZE = 32


def _bold(label: QLabel, scale: float = 1.0) -> QLabel:
    font = label.font()
    font.setBold(True)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


def _clear(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()
            widget.setParent(None)  # gone from the page now, not only after the next event
            widget.deleteLater()


class ReviewPage(QWidget):
    """Review and finalize one check. ``refresh()`` re-reads it (each time the page is shown);
    ``flush()`` stores a decision that is still waiting for its autosave. The decision itself
    is a ``DecisionBox``; the reports made are a ``ReportRecordsBox``."""

    jump_requested = Signal(str)  # a question id, or "details" for the parties and property
    finalized = Signal()
    amended = Signal()
    saved = Signal()

    def __init__(
        self,
        store: Store,
        check_id: str,
        parent: QWidget | None = None,
        preferences: Preferences | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.check_id = check_id
        self.preferences = preferences
        self.check: Check | None = None
        self.pack: Pack | None = None
        self.report_dialog: ReportDialog | None = None
        self.amend_dialog: AmendDialog | None = None
        self.setObjectName("reviewPage")

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self._build_heading())
        layout.addWidget(self._build_missing())
        layout.addWidget(self._build_advice())
        layout.addWidget(self._build_decision())
        layout.addLayout(self._build_actions())
        layout.addWidget(self._build_reports())
        self.records = ReportRecordsBox(store, check_id, self)
        self.records.changed.connect(self.saved)
        layout.addWidget(self.records)
        layout.addWidget(RelatedPanel(store, check_id))
        layout.addStretch(1)

        scroll = QScrollArea()
        scroll.setObjectName("reviewScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.refresh()

    # -- building ---------------------------------------------------------------------------

    def _build_heading(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = _bold(text_label(object_name="reviewHeading"), 1.2)
        self.intro_label = text_label(object_name="reviewIntro")
        self.final_label = text_label(object_name="finalizedInfo")
        self.amends_label = text_label(object_name="amendsInfo")
        self.problem_label = text_label(object_name="reviewProblem")
        for label in (
            self.heading,
            self.intro_label,
            self.final_label,
            self.amends_label,
            self.problem_label,
        ):
            layout.addWidget(label)
        return box

    def _build_missing(self) -> QWidget:
        self.missing_box = QGroupBox(_("Still missing"))
        self.missing_box.setObjectName("missingBox")
        self.missing_layout = QVBoxLayout(self.missing_box)
        return self.missing_box

    def _build_advice(self) -> QWidget:
        self.advice_box = QGroupBox(_("The advice"))
        self.advice_box.setObjectName("adviceBox")
        self.advice_icon = QLabel()
        self.advice_icon.setObjectName("adviceIcon")
        self.advice_headline = _bold(text_label(object_name="adviceHeadline"), 1.1)
        self.advice_detail = text_label(object_name="adviceDetail")
        titles = QVBoxLayout()
        titles.addWidget(self.advice_headline)
        titles.addWidget(self.advice_detail)
        top = QHBoxLayout()
        top.addWidget(self.advice_icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(titles, 1)
        self.advice_parts = QVBoxLayout()
        layout = QVBoxLayout(self.advice_box)
        layout.addLayout(top)
        layout.addLayout(self.advice_parts)
        return self.advice_box

    def _build_decision(self) -> QWidget:
        self.decision_box = DecisionBox(self.store, self.check_id, self)
        self.decision_box.stored.connect(self._decision_stored_now)
        self.decision_box.edited.connect(self._update_actions)
        # The box's parts, as tests and the rest of the page know them.
        self.decision_combo = self.decision_box.combo
        self.reasoning_edit = self.decision_box.reasoning_edit
        self.reasoning_label = self.decision_box.reasoning_label
        self.decision_explanation = self.decision_box.explanation
        return self.decision_box

    def _build_actions(self) -> QHBoxLayout:
        self.finalize_button = QPushButton(_("Finali&ze…"))
        self.finalize_button.setObjectName("finalizeButton")
        self.finalize_button.clicked.connect(self.finalize)
        self.finalize_hint = text_label(object_name="finalizeHint")
        self.amend_button = QPushButton(_("A&mend…"))
        self.amend_button.setObjectName("amendButton")
        self.amend_button.setToolTip(_("Correct the finalized check in a new revision"))
        self.amend_button.clicked.connect(self.amend)
        row = QHBoxLayout()
        row.addWidget(self.finalize_button)
        row.addWidget(self.amend_button)
        row.addWidget(self.finalize_hint, 1)
        return row

    def _build_reports(self) -> QWidget:
        box = QGroupBox(_("Reports"))
        box.setObjectName("reportsBox")
        self.report_button = QPushButton(_("Make a re&port…"))
        self.report_button.setObjectName("reviewReportButton")
        self.report_button.clicked.connect(self.make_report)
        self.issued = IssuedReportsList(self.store, self.check_id)
        row = QHBoxLayout()
        row.addWidget(self.report_button)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        layout.addWidget(self.issued)
        return box

    # -- showing the check ------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the check and show it as it is stored now."""
        self.flush()
        try:
            check = self.store.get(self.check_id)
            pack = self.store.pack_of(check)
            events = self.store.events(self.check_id) if check.status is Status.FINAL else []
        except StoreError as error:
            self._show_unavailable(str(error))
            return
        self.check, self.pack = check, pack
        self.problem_label.setVisible(False)
        for box in (self.missing_box, self.advice_box, self.decision_box):
            box.setEnabled(True)
        assessment = assess_check(pack, check)
        final = check.status is Status.FINAL
        finalizer = next(
            (e.actor for e in reversed(events) if e.action == "finalized"),
            check.examiner.name,
        )
        self._show_heading(check, finalizer)
        self.missing_box.setVisible(not final)
        if not final:
            self._show_missing(check, pack)
        self._show_advice(assessment, pack)
        self.decision_box.show_check(check, assessment)
        self.issued.refresh()
        self.records.refresh()
        self._update_actions()

    def _show_unavailable(self, problem: str) -> None:
        self.check = self.pack = None
        self.problem_label.setText(sentence(problem))
        self.problem_label.setVisible(True)
        for box in (self.missing_box, self.advice_box, self.decision_box):
            box.setEnabled(False)
        self._update_actions()

    def _show_heading(self, check: Check, finalizer: str) -> None:
        final = check.status is Status.FINAL
        if final:
            self.heading.setText(_("Finalized check"))
            self.intro_label.setText(
                _(
                    "This revision is fixed and cannot be changed. To correct it, amend it: that "
                    "starts a new revision, and this one stays readable as it is."
                )
            )
            self.final_label.setText(
                _(
                    "Finalized on {date} by {name}, revision {revision}, digital fingerprint "
                    "{fingerprint}"
                ).format(
                    date=format_datetime(check.finalized_at) if check.finalized_at else "–",
                    name=finalizer or "–",
                    revision=check.revision,
                    fingerprint=check.fingerprint or "–",
                )
            )
        else:
            self.heading.setText(_("Review and finalize"))
            self.intro_label.setText(
                _(
                    "Complete what is still missing, read the advice, and record your decision "
                    "and why. Then finalize the check: after that it cannot be changed."
                )
            )
        self.final_label.setVisible(final)
        if check.amends is not None:
            self.amends_label.setText(
                _("Revision {revision} corrects revision {earlier}, because: {reason}").format(
                    revision=check.revision,
                    earlier=check.amends.revision,
                    reason=check.amends.reason,
                )
            )
        self.amends_label.setVisible(check.amends is not None)

    def _show_missing(self, check: Check, pack: Pack) -> None:
        _clear(self.missing_layout)
        language = current_language()
        found = gaps(check, pack)
        section_of = {q.id: s for s in pack.sections for q in s.questions}
        for question_id in found.unanswered:
            question = pack.question(question_id)
            if question is None:
                continue
            section = section_of[question_id].title.get(language)
            label = question.label.get(language)
            row = QCommandLinkButton(section, f"{question_id} · {label}")
            row.setObjectName(f"missing_{question_id}")
            row.setAccessibleName(
                _("{section} — {question}").format(section=section, question=label)
            )
            row.clicked.connect(lambda _on=False, qid=question_id: self.jump_requested.emit(qid))
            self.missing_layout.addWidget(row)
        if found.no_party:
            row = QCommandLinkButton(_("Parties and property"), _("Nobody is named yet"))
            row.setObjectName("missing_details")
            row.clicked.connect(lambda: self.jump_requested.emit(DETAILS))
            self.missing_layout.addWidget(row)
        if not self._decision_stored(check):
            row = QCommandLinkButton(_("Your decision"), _("No decision has been recorded yet."))
            row.setObjectName("missing_decision")
            row.clicked.connect(self._focus_reasoning)
            self.missing_layout.addWidget(row)
        elif not found.unanswered and not found.no_party:
            self.missing_layout.addWidget(text_label(_("Nothing is missing."), "nothingMissing"))

    def _show_advice(self, assessment: Assessment, pack: Pack) -> None:
        icon = outcome_icon(assessment.outcome, assessment.stop)
        self.advice_icon.setPixmap(
            icon.pixmap(QSize(ICON_SIZE, ICON_SIZE), self.devicePixelRatioF())
        )
        # One sentence for a stop with a report advice; a stop below that is said alone.
        self.advice_headline.setText(advice_headline(assessment))
        lines = [open_text(assessment)] if not assessment.complete else []
        lines.append(_("Score: {score}").format(score=format_number(assessment.score)))
        self.advice_detail.setText("\n".join(lines))
        _clear(self.advice_parts)
        for title, items in advice_parts(assessment, pack):
            self.advice_parts.addWidget(_bold(text_label(title)))
            bullets = "".join(f"<li>{html.escape(item)}</li>" for item in items)
            text = text_label(f"<ul>{bullets}</ul>")
            text.setTextFormat(Qt.TextFormat.RichText)
            self.advice_parts.addWidget(text)

    @staticmethod
    def _decision_stored(check: Check) -> bool:
        return decision_stored(check)

    def _update_actions(self) -> None:
        check, pack = self.check, self.pack
        final = check is not None and check.status is Status.FINAL
        self.finalize_button.setVisible(not final)
        self.amend_button.setVisible(final)
        self.report_button.setEnabled(check is not None)
        if check is None or pack is None:
            self.finalize_button.setEnabled(False)
            self.finalize_hint.setText("")
            return
        if final:
            self.finalize_hint.setText("")
            return
        found = gaps(check, pack)
        ready = (
            not found.unanswered
            and not found.no_party
            and self._decision_stored(check)
            and bool(self.decision_box.reasoning())
        )
        self.finalize_button.setEnabled(ready)
        self.finalize_hint.setText(
            ""
            if ready
            else _("To finalize, complete what is missing and record your decision and why.")
        )

    def _focus_reasoning(self) -> None:
        self.decision_box.focus_reasoning()

    def _decision_stored_now(self, updated: Check) -> None:
        self.check = updated
        if self.pack is not None and updated.status is not Status.FINAL:
            self._show_missing(updated, self.pack)
        self._update_actions()
        self.saved.emit()

    def flush(self) -> None:
        """Store the decision now if a change is still waiting for its autosave."""
        self.decision_box.flush()

    # -- finalizing, amending, reports ------------------------------------------------------

    def finalize(self) -> None:
        """Ask, then freeze the check; it can only be corrected by amending it after this."""
        # Store what is shown, whatever the timer's state.
        if not self.decision_box.store_now(tell_in_dialog=True):
            if not self.decision_box.reasoning():
                show_problem(self, _("Write why you decided this before you finalize"))
            return
        answer = QMessageBox.question(
            self,
            _("Finalize the check"),
            _(
                "Once finalized, the check cannot be changed; a correction is a new revision "
                "via Amend. Finalize now?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if attempt(self, self.store.finalize, self.check_id) is None:
            return
        self.refresh()
        self.finalized.emit()

    def amend(self) -> None:
        if self.check is None or self.check.status is not Status.FINAL:
            return
        self.amend_dialog = AmendDialog(self.store, self.check, self)
        self.amend_dialog.accepted.connect(self._amended)
        self.amend_dialog.open()

    def _amended(self) -> None:
        self.refresh()
        self.amended.emit()

    def make_report(self) -> None:
        self.flush()
        if self.report_dialog is not None:
            self.report_dialog.deleteLater()
        preferences = self.preferences if self.preferences is not None else Preferences.load()
        self.report_dialog = ReportDialog(self.store, self.check_id, preferences, self)
        self.report_dialog.report_issued.connect(self._report_issued)
        self.report_dialog.record_added.connect(self.records.refresh)
        self.report_dialog.record_added.connect(self.saved)
        self.report_dialog.open()

    def _report_issued(self, _file: str) -> None:
        self.issued.refresh()
