"""The advice panel of the check editor: the advice as a shaped mark and a headline, which of the
questions that decide it are still open, and the strongest reasons, updated after every stored
answer. It scrolls within a fixed place beside the questions, so a longer advice never moves
them."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from vastgoedcheck.domain.assessment import Assessment
from vastgoedcheck.domain.pack import Pack
from vastgoedcheck.i18n import _, ngettext
from vastgoedcheck.i18n.completeness_text import advice_headline, open_text
from vastgoedcheck.i18n.outcome_text import reason_text
from vastgoedcheck.ui.icons import incomplete_icon, outcome_icon

TOP_REASONS = 3


def _link(target: str, text: str) -> str:
    return f'<a href="{html.escape(target)}">{html.escape(text)}</a>'


class AdvicePanel(QScrollArea):
    """The outcome mark and headline (the stop for a knock-out, "incomplete" while nothing
    decides the outcome yet), the questions still open, the top reasons and a "more…" toggle
    for the rest. A reason about a question and the first open question are links:
    ``question_requested`` carries the question id.

    ``final``: the check is finalized, so the advice is no longer "so far".
    """

    question_requested = Signal(str)

    def __init__(self, *, final: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("advicePanel")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to its links, not the frame
        self.final = final
        title = _("Advice") if final else _("Advice so far")
        self.setAccessibleName(title)
        self._expanded = False
        self._reason_labels: list[QLabel] = []

        self.icon = QLabel()
        self.icon.setObjectName("outcomeIcon")
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.caption = QLabel(title)
        self.caption.setObjectName("outcomeCaption")
        small = self.caption.font()
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.caption.setFont(small)
        self.headline = QLabel()
        self.headline.setObjectName("outcomeHeadline")
        self.headline.setWordWrap(True)
        bold = self.headline.font()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.1)
        self.headline.setFont(bold)

        self.open_label = QLabel()
        self.open_label.setObjectName("adviceOpen")
        self.open_label.setWordWrap(True)
        self.open_label.setTextFormat(Qt.TextFormat.PlainText)
        self.first_open = QLabel()
        self.first_open.setObjectName("adviceFirstOpen")
        self.first_open.setTextFormat(Qt.TextFormat.RichText)
        self.first_open.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.first_open.linkActivated.connect(self.question_requested)

        self.reasons = QVBoxLayout()
        self.reasons.setSpacing(2)
        self.more = QToolButton()
        self.more.setObjectName("outcomeMore")
        self.more.setAutoRaise(True)
        self.more.clicked.connect(self._toggle_more)

        heading = QVBoxLayout()
        heading.setSpacing(2)
        heading.addWidget(self.caption)
        heading.addWidget(self.headline)
        top = QHBoxLayout()
        top.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(heading, 1)
        content = QWidget()
        content.setObjectName("adviceContent")
        layout = QVBoxLayout(content)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.open_label)
        layout.addWidget(self.first_open)
        layout.addLayout(self.reasons)
        layout.addWidget(self.more, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.setWidget(content)

    def show_assessment(self, assessment: Assessment, pack: Pack) -> None:
        """Show the advice for these answers."""
        headline = advice_headline(assessment)
        self.headline.setText(headline)
        size = self.fontMetrics().height() * 2
        icon = (
            incomplete_icon()
            if assessment.undecided
            else outcome_icon(assessment.outcome, assessment.stop)
        )
        self.icon.setPixmap(icon.pixmap(size, size))
        self.icon.setAccessibleName(headline)
        self.icon.setToolTip(headline)

        still_open = open_text(assessment)
        self.open_label.setText(still_open)
        self.open_label.setAccessibleName(still_open)
        self.open_label.setVisible(bool(still_open))
        if assessment.open_questions:
            first = assessment.open_questions[0]
            text = _("Go to the first open question ({id})").format(id=first)
            self.first_open.setText(_link(first, text))
            self.first_open.setAccessibleName(text)
        self.first_open.setVisible(bool(assessment.open_questions))

        for label in self._reason_labels:
            self.reasons.removeWidget(label)
            label.deleteLater()
        self._reason_labels = []
        reasons = [(reason_text(r, pack, assessment), r.question_id) for r in assessment.reasons]
        if not reasons:
            none = (
                _("No warning signs in the answers.")
                if self.final
                else _("No warning signs in the answers so far.")
            )
            reasons = [(none, None)]
        for text, question_id in reasons:
            label = QLabel()
            label.setObjectName("outcomeReason")
            label.setWordWrap(True)
            if question_id:
                label.setTextFormat(Qt.TextFormat.RichText)
                label.setText(html.escape("• ") + _link(question_id, text))
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
