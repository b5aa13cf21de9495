"""The outcome strip of the check editor: the advice so far, as a shaped mark, a headline and
the strongest reasons, updated after every stored answer."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from vastgoedcheck.domain.assessment import Assessment
from vastgoedcheck.domain.pack import Pack
from vastgoedcheck.i18n import _, ngettext
from vastgoedcheck.i18n.outcome_text import headline as outcome_headline
from vastgoedcheck.i18n.outcome_text import reason_text
from vastgoedcheck.ui.icons import outcome_icon

TOP_REASONS = 3


class OutcomeStrip(QFrame):
    """The outcome icon and label (the stop label for a knock-out), the top reasons and a
    "more…" toggle for the rest. A reason about a question is a link: ``question_requested``
    carries its id."""

    question_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outcomeStrip")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(_("Advice so far"))
        self._expanded = False
        self._reason_labels: list[QLabel] = []

        self.icon = QLabel()
        self.icon.setObjectName("outcomeIcon")
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        caption = QLabel(_("Advice so far"))
        caption.setObjectName("outcomeCaption")
        small = caption.font()
        small.setPointSizeF(small.pointSizeF() * 0.9)
        caption.setFont(small)
        self.headline = QLabel()
        self.headline.setObjectName("outcomeHeadline")
        self.headline.setWordWrap(True)
        bold = self.headline.font()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.1)
        self.headline.setFont(bold)

        self.reasons = QVBoxLayout()
        self.reasons.setSpacing(2)
        self.more = QToolButton()
        self.more.setObjectName("outcomeMore")
        self.more.setAutoRaise(True)
        self.more.clicked.connect(self._toggle_more)

        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(caption)
        text.addWidget(self.headline)
        text.addLayout(self.reasons)
        text.addWidget(self.more, 0, Qt.AlignmentFlag.AlignLeft)
        layout = QHBoxLayout(self)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(text, 1)

    def show_assessment(self, assessment: Assessment, pack: Pack) -> None:
        """Show the advice for these answers."""
        headline = outcome_headline(assessment)
        self.headline.setText(headline)
        size = self.fontMetrics().height() * 2
        self.icon.setPixmap(outcome_icon(assessment.outcome, assessment.stop).pixmap(size, size))
        self.icon.setAccessibleName(headline)
        self.icon.setToolTip(headline)

        for label in self._reason_labels:
            self.reasons.removeWidget(label)
            label.deleteLater()
        self._reason_labels = []
        reasons = [(reason_text(r, pack, assessment), r.question_id) for r in assessment.reasons]
        if not reasons:
            reasons = [(_("No warning signs in the answers so far."), None)]
        for text, question_id in reasons:
            label = QLabel()
            label.setObjectName("outcomeReason")
            label.setWordWrap(True)
            bullet = html.escape("• ")
            if question_id:
                label.setTextFormat(Qt.TextFormat.RichText)
                label.setText(
                    f'{bullet}<a href="{html.escape(question_id)}">{html.escape(text)}</a>'
                )
                label.setToolTip(_("Go to question {id}").format(id=question_id))
                label.setTextInteractionFlags(
                    Qt.TextInteractionFlag.LinksAccessibleByMouse
                    | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
                )
                label.linkActivated.connect(self.question_requested)
            else:
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setText("• " + text)
            label.setAccessibleName(text)
            self.reasons.addWidget(label)
            self._reason_labels.append(label)
        self._show_reasons()

    def reason_texts(self) -> list[str]:
        """The reasons shown now, as sentences (what a screen reader reads)."""
        return [label.accessibleName() for label in self._reason_labels if label.isVisibleTo(self)]

    def _toggle_more(self) -> None:
        self._expanded = not self._expanded
        self._show_reasons()

    def _show_reasons(self) -> None:
        hidden = max(0, len(self._reason_labels) - TOP_REASONS)
        for index, label in enumerate(self._reason_labels):
            label.setVisible(self._expanded or index < TOP_REASONS)
        self.more.setVisible(hidden > 0)
        if self._expanded:
            self.more.setText(_("Show fewer"))
        else:
            self.more.setText(
                ngettext("{count} more reason…", "{count} more reasons…", hidden).format(
                    count=hidden
                )
            )
