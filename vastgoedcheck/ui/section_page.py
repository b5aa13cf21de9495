"""One section of a check in the editor: its title and introduction, its question cards, a note
when none of them applies, and at its foot the way on to the next section."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from vastgoedcheck.domain.pack import FlagValue, Section
from vastgoedcheck.i18n import _, current_language
from vastgoedcheck.ui.answer_inputs import FLAG_KEYS
from vastgoedcheck.ui.question_card import QuestionCard


class MarkedButton(QPushButton):
    """A button that draws its keyboard focus itself: after a click elsewhere the focus moves
    to it, and the style would show that only after a Tab."""

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.hasFocus():
            painter = QPainter(self)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
            painter.drawRoundedRect(self.rect().adjusted(1, 1, -1, -1), 3, 3)
            painter.end()


class NextSectionButton(MarkedButton):
    """On to the next section that has questions. An answer key pressed on it is meant for that
    section's first question (``answer_key``)."""

    answer_key = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("nextSectionButton")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        value = FLAG_KEYS.get(event.text().lower())
        if value is not None and not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier:
            event.accept()
            self.answer_key.emit(value)
            return
        super().keyPressEvent(event)


class SectionPage(QScrollArea):
    """The cards of one section, scrolling. ``next_requested`` when the user goes on to the
    next section; ``next_answer`` (flag value) when an answer key was pressed for it."""

    next_requested = Signal(int)  # the row of the next section in the section list
    next_answer = Signal(int, object)  # that row, and the flag value

    def __init__(self, section: Section, cards: list[QuestionCard], *, final: bool = False) -> None:
        super().__init__()
        self.section = section
        self.cards = cards
        self.next_row = -1
        language = current_language()
        self.setObjectName(f"sectionPage-{section.id}")
        self.setAccessibleName(section.title.get(language))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes through the questions
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content = QWidget()
        layout = QVBoxLayout(content)
        title = QLabel(section.title.get(language))
        title.setWordWrap(True)
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        title.setFont(font)
        layout.addWidget(title)
        if section.intro is not None:
            intro = QLabel(section.intro.get(language))
            intro.setWordWrap(True)
            layout.addWidget(intro)
        for card in cards:
            layout.addWidget(card)  # parented before it is shown or hidden: never a window
        self.empty = QLabel(
            _("None of these questions apply to the answers.")
            if final
            else _("None of these questions apply to the answers so far.")
        )
        self.empty.setObjectName("sectionEmpty")
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        layout.addStretch(1)
        # At the foot, below the stretch: it never moves the questions when it comes or goes.
        self.next_button = NextSectionButton()
        self.next_button.clicked.connect(lambda: self.next_requested.emit(self.next_row))
        self.next_button.answer_key.connect(self._answer_key)
        layout.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignRight)
        self.setWidget(content)

    def show_questions(self, visible: set[str]) -> None:
        """Show the cards of the questions in ``visible``, or the note that none applies."""
        for card in self.cards:
            if card.isHidden() == (card.question_id in visible):
                card.setVisible(card.question_id in visible)
        self.empty.setVisible(not any(card.question_id in visible for card in self.cards))

    def shown_ids(self, visible: set[str]) -> list[str]:
        return [card.question_id for card in self.cards if card.question_id in visible]

    def set_next(self, row: int, title: str) -> None:
        """The next section with questions (its row and title), or none (row -1)."""
        self.next_row = row
        if row > 0:
            self.next_button.setText(_("Next: {section} →").format(section=title))
            self.next_button.setAccessibleName(_("Next: {section}").format(section=title))
        self.next_button.setVisible(row > 0)

    def _answer_key(self, value: FlagValue) -> None:
        self.next_answer.emit(self.next_row, value)
