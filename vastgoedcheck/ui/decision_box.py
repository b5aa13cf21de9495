"""The person's decision on the review page: the decisions this role can make, the reasoning,
and storing them a moment after each change."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from vastgoedcheck.domain.assessment import Assessment
from vastgoedcheck.domain.check import Check, Decision, Status
from vastgoedcheck.domain.decisions import advised, current_code, decisions_for, duty_to_report
from vastgoedcheck.i18n import _
from vastgoedcheck.i18n.formatting import format_datetime
from vastgoedcheck.i18n.outcome_text import decision_label
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.feedback import sentence, show_problem
from vastgoedcheck.ui.text_label import text_label

AUTOSAVE_DELAY_MS = 400  # the decision is stored this long after the last change


class _FocusedWheelCombo(QComboBox):
    """A combo box that turns with the wheel only when it has the focus; otherwise the wheel
    scrolls the page it is on."""

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


def decision_stored(check: Check) -> bool:
    return check.decision is not None and bool(check.decision.reasoning.strip())


class DecisionBox(QGroupBox):
    """ "Your decision": ``show()`` fills it for a check; ``flush()`` stores a waiting change."""

    stored = Signal(object)  # the check as stored with the new decision
    edited = Signal()

    def __init__(self, store: Store, check_id: str, parent: QWidget | None = None) -> None:
        super().__init__(_("Your decision"), parent)
        self.store, self.check_id = store, check_id
        self.check: Check | None = None
        self._pending = False
        self.setObjectName("decisionBox")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(lambda: self.store_now(tell_in_dialog=False))

        self.explanation = text_label(object_name="decisionExplanation")
        combo_label = QLabel(_("&Decision"))
        self.combo = _FocusedWheelCombo()
        self.combo.setObjectName("decisionCombo")
        combo_label.setBuddy(self.combo)
        self.combo.currentIndexChanged.connect(self._edited)
        # A wheel turned while scrolling the page must not change the decision by accident.
        self.combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        combo_row = QHBoxLayout()
        combo_row.addWidget(combo_label)
        combo_row.addWidget(self.combo, 1)

        self.reasoning_label = text_label(
            _("&Why? (required, also when you decide not to report)"), "reasoningLabel"
        )
        self.reasoning_edit = QPlainTextEdit()
        self.reasoning_edit.setObjectName("decisionReasoning")
        self.reasoning_edit.setTabChangesFocus(True)
        self.reasoning_label.setBuddy(self.reasoning_edit)
        self.reasoning_edit.textChanged.connect(self._edited)
        self.reasoning_edit.installEventFilter(self)
        self.problem = text_label(object_name="decisionProblem")
        self.problem.setVisible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(combo_row)
        layout.addWidget(self.reasoning_label)
        layout.addWidget(self.reasoning_edit)
        layout.addWidget(self.problem)

    def reasoning(self) -> str:
        return self.reasoning_edit.toPlainText().strip()

    def show_check(self, check: Check, assessment: Assessment) -> None:
        """Offer the decisions this role can make here, and show the one recorded."""
        self.check = check
        recorded = check.decision.outcome if check.decision is not None else None
        suggested = advised(assessment)
        offered: list[str] = [code.value for code in decisions_for(assessment.wwft)]
        chosen = suggested[0].value if suggested else offered[0]
        if recorded is not None:
            chosen = current_code(recorded, assessment.wwft)
            if chosen not in offered:  # an old decision that no longer fits: shown as recorded
                chosen = recorded
                offered.append(recorded)
        self.combo.blockSignals(True)
        self.reasoning_edit.blockSignals(True)
        self.combo.clear()
        for code in offered:
            text = decision_label(code, assessment.wwft)
            if code in suggested:
                text = _("{decision} (advised)").format(decision=text)
            self.combo.addItem(text, code)
        self.combo.setCurrentIndex(max(0, self.combo.findData(chosen)))
        reasoning = check.decision.reasoning if check.decision is not None else ""
        if self.reasoning_edit.toPlainText() != reasoning:
            self.reasoning_edit.setPlainText(reasoning)
        self.combo.blockSignals(False)
        self.reasoning_edit.blockSignals(False)

        final = check.status is Status.FINAL
        decided_at = check.decision.decided_at if check.decision is not None else None
        # Under a duty to report (an objective indicator), not reporting is no lawful choice:
        # no "also when you decide not to report" there (art. 16 Wwft).
        duty = duty_to_report(assessment)
        if final and decided_at is not None:
            explanation = _("Decision recorded on {date}.").format(date=format_datetime(decided_at))
        elif duty:
            explanation = _(
                "The app advises; you decide. Record what you decided and why. A report to "
                "FIU-Nederland is a duty here, not a choice (art. 16 Wwft); record it under "
                "Report records once it is made."
            )
        else:
            explanation = _(
                "The app advises; you decide. Record what you decided and why, also when you "
                "decide not to report."
            )
        self.explanation.setText(explanation)
        self.reasoning_label.setText(
            _("&Why? (required)")
            if duty
            else _("&Why? (required, also when you decide not to report)")
        )
        self.combo.setEnabled(not final)
        self.reasoning_edit.setReadOnly(final)
        self.problem.setVisible(False)

    def focus_reasoning(self) -> None:
        self.reasoning_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _edited(self) -> None:
        if self.check is None or self.check.status is Status.FINAL:
            return
        self._pending = True
        self._timer.start()
        self.edited.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.reasoning_edit and event.type() == QEvent.Type.FocusOut:
            self.flush()

        return super().eventFilter(watched, event)

    def flush(self) -> None:
        """Store the decision now if a change is still waiting for its autosave."""
        self._timer.stop()
        if self._pending:
            self.store_now(tell_in_dialog=True)

    def store_now(self, tell_in_dialog: bool) -> bool:
        """Store the chosen decision with its reasoning; an empty reasoning is not stored.
        Returns whether the stored decision is now the one shown."""
        self._timer.stop()
        self._pending = False
        check = self.check
        reasoning = self.reasoning()
        if check is None or check.status is Status.FINAL or not reasoning:
            self.edited.emit()
            return False
        decision = Decision(str(self.combo.currentData()), reasoning)
        recorded = check.decision
        if recorded is not None and (recorded.outcome, recorded.reasoning) == (
            decision.outcome,
            decision.reasoning,
        ):
            self.edited.emit()
            return True
        try:
            updated = self.store.set_decision(self.check_id, decision)
        except StoreError as error:
            self.problem.setText("⚠ " + sentence(str(error)))
            self.problem.setVisible(True)
            if tell_in_dialog:
                show_problem(self, str(error))
            return False
        self.check = updated
        self.problem.setVisible(False)
        self.stored.emit(updated)
        return True
