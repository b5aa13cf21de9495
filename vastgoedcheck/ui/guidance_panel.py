"""The guidance pane of the check editor: why the focused question matters, how its answer is
read, when the question is asked, and the sources behind it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from vastgoedcheck.domain.pack import DutyType, FlagValue, Kind, Pack, Question
from vastgoedcheck.i18n import N_, _, current_language
from vastgoedcheck.i18n.labels import flag_label, kind_label, severity_label
from vastgoedcheck.i18n.pack_text import condition_text
from vastgoedcheck.ui.feedback import sentence

DUTY_READINGS = {
    DutyType.CDD: N_("Client due diligence: no service until this step is complete."),
    DutyType.EDD: N_("Enhanced due diligence is required before you continue."),
    DutyType.SANCTIONS: N_(
        "A sanctions hit stops the matter: make no funds or property available, freeze what you "
        "hold and report the hit."
    ),
    DutyType.UBO_DISCREPANCY: N_(
        "The UBO register differs from your findings: report the difference to the KVK "
        "(art. 10c Wwft) and record your own findings; this alone is no reason to stop or report."
    ),
}


def signal_readings(question: Question) -> list[str]:
    """How the signal answer to a scored question ("yes", or "no" where a question says so) is
    read, one sentence each."""
    if not question.scored or question.severity is None or question.kind is None:
        return []
    answer = flag_label(question.signal_answer)
    lines = [
        _("Severity: {severity} · {kind}").format(
            severity=severity_label(question.severity), kind=kind_label(question.kind)
        )
    ]
    if question.signal_answer is not FlagValue.YES:
        lines.append(_("Here the answer '{answer}' is the signal.").format(answer=answer))
    if question.knockout:
        lines.append(_("Knock-out: the answer '{answer}' stops the matter.").format(answer=answer))
        if not question.unknown_stops:
            lines.append(_("'Unknown' does not stop the matter here; find out and record it."))
    if question.kind is Kind.OBJECTIVE:
        lines.append(
            _(
                "Objective indicator: for a Wwft institution (an estate agent or a notary) the "
                "answer '{answer}' means a duty to report to FIU-Nederland, without any suspicion "
                "needed."
            ).format(answer=answer)
        )
    elif question.kind is Kind.DUTY and question.duty_type is not None:
        lines.append(_(DUTY_READINGS[question.duty_type]))
    lines.append(
        _("The answer '{answer}' adds {points} points to the risk score.").format(
            answer=answer, points=question.severity.weight
        )
    )
    for escalation in question.escalations:
        if escalation.reason is not None:
            lines.append(escalation.reason.get(current_language()))
    if question.safety:
        lines.append(
            _(
                "Acute danger: do not confront anyone, go in or touch anything, keep your "
                "distance and call 112."
            )
        )
    return lines


class GuidancePanel(QScrollArea):
    """Shows the guidance for one question (``show_question``) or for the parties page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guidancePanel")
        self.setAccessibleName(_("Guidance"))
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.question_id: str | None = None
        self.show_hint()

    # -- what is shown ---------------------------------------------------------------------

    def show_hint(self) -> None:
        """Nothing chosen yet: say how to get guidance."""
        self.question_id = None
        content, layout = self._new_content()
        layout.addWidget(self._heading(_("Guidance")))
        layout.addWidget(self._text(_("Select a question to see why it matters.")))
        self._finish(content, layout)

    def show_details(self) -> None:
        """Guidance for the page with the parties and the property."""
        self.question_id = None
        content, layout = self._new_content()
        layout.addWidget(self._heading(_("Parties and property")))
        layout.addWidget(
            self._text(
                _(
                    "Name the people and organisations in this matter and describe the property. "
                    "The checklist asks only for data you may lawfully record."
                )
            )
        )
        self._finish(content, layout)

    def show_question(self, pack: Pack, question: Question) -> None:
        if question.id == self.question_id:
            return
        self.question_id = question.id
        language = current_language()
        content, layout = self._new_content()
        identifier = self._text(question.id)
        identifier.setObjectName("guidanceId")
        layout.addWidget(identifier)
        title = self._heading(question.label.get(language))
        title.setObjectName("guidanceQuestion")
        layout.addWidget(title)

        layout.addWidget(self._heading(_("Why this matters")))
        why = self._text(question.guidance.get(language))
        why.setObjectName("guidanceWhy")
        layout.addWidget(why)

        readings = signal_readings(question)
        if readings:
            layout.addWidget(self._heading(_("How the answer counts")))
            for line in readings:
                reading = self._text(line)
                reading.setObjectName("guidanceReading")
                layout.addWidget(reading)

        if question.enable_when is not None:
            layout.addWidget(self._heading(_("When it is asked")))
            when = self._text(sentence(condition_text(pack, question.enable_when, language)))
            when.setObjectName("guidanceWhen")
            layout.addWidget(when)

        if question.sources:
            layout.addWidget(self._heading(_("Sources")))
            for url in question.sources:
                layout.addWidget(self._text(pack.references.get(url, url)))
                address = self._text(url)
                address.setObjectName("guidanceSource")
                address.setAccessibleName(url)
                address.setTextInteractionFlags(
                    Qt.TextInteractionFlag.TextSelectableByMouse
                    | Qt.TextInteractionFlag.TextSelectableByKeyboard
                )
                small = address.font()
                small.setPointSizeF(small.pointSizeF() * 0.9)
                address.setFont(small)
                layout.addWidget(address)
        self._finish(content, layout)

    def texts(self) -> list[str]:
        """Every text shown now, top to bottom."""
        content = self.widget()
        return [label.text() for label in content.findChildren(QLabel)] if content else []

    # -- building --------------------------------------------------------------------------

    def _new_content(self) -> tuple[QWidget, QVBoxLayout]:
        content = QWidget()
        layout = QVBoxLayout(content)
        return content, layout

    def _finish(self, content: QWidget, layout: QVBoxLayout) -> None:
        layout.addStretch(1)
        self.setWidget(content)  # the previous content is deleted by the scroll area

    def _heading(self, text: str) -> QLabel:
        label = self._text(text)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    def _text(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label
