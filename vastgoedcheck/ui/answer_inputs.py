"""The answer input of each question type in the check editor: a flag group, a line, a text
box, a choice or a set of check boxes.

Every input shows a stored value, says when the user changed it (``edited``) or is done with
it (``finished``), and gives the value as the store takes it. Typed numbers, amounts, dates and
identifiers are read with typed_values, as the parties form reads them; the question card
around the input stores what it gives.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vastgoedcheck.domain.check import AnswerValue
from vastgoedcheck.domain.pack import FlagValue, Question, QuestionType
from vastgoedcheck.i18n import _, current_language
from vastgoedcheck.i18n.labels import FLAG_LABELS
from vastgoedcheck.ui.typed_values import (
    InputProblem,
    date_pattern,
    identifier_parser,
    parse_typed_amount,
    parse_typed_date,
    parse_typed_number,
    show_amount,
    show_date,
    show_number,
)

LONG_TEXT_FROM = 200  # a text question without a limit, or a limit above this, gets a text box

# Keys that answer a flag question, Dutch and English initials alike.
FLAG_KEYS = {
    "y": FlagValue.YES,
    "j": FlagValue.YES,
    "n": FlagValue.NO,
    "u": FlagValue.UNKNOWN,
    "o": FlagValue.UNKNOWN,
    "?": FlagValue.UNKNOWN,
    "a": FlagValue.NA,
    "x": FlagValue.NA,
}
# Keys that move between the questions (-1: the previous one) and that clear an answer.
STEP_KEYS = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}
CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
KEY_HINTS = {
    FlagValue.YES: "Y, J",
    FlagValue.NO: "N",
    FlagValue.UNKNOWN: "U, O, ?",
    FlagValue.NA: "A, X",
}


# -- the inputs ------------------------------------------------------------------------------


class AnswerInput(QWidget):
    """The input of one question type. ``edited`` when the user changes the value;
    ``finished`` when the user is done with it (Enter, or leaving it)."""

    edited = Signal()
    finished = Signal()
    immediate = False  # stored at once (a choice) rather than after typing stops

    def value(self) -> AnswerValue | None:
        """The value shown, as the store takes it; raises InputProblem when it cannot be."""
        raise NotImplementedError

    def show_value(self, value: AnswerValue | None) -> None:
        raise NotImplementedError

    def set_editable(self, editable: bool) -> None:
        raise NotImplementedError

    def focus_target(self) -> QWidget | None:
        """The widget that takes the keyboard focus (None: nothing to focus)."""
        raise NotImplementedError


class FlagInput(AnswerInput):
    """Yes / No / Unknown / Not applicable as one tab stop: the group takes the focus and the
    keys; the buttons answer a click. Clicking the chosen button again clears the answer."""

    immediate = True
    step_requested = Signal(int)  # -1 / +1: Up or Down, to the previous or next question

    def __init__(self, question_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("flagGroup")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(question_label)
        self.by_key = False  # the last change came from a key (the editor then moves on)
        self._value: FlagValue | None = None
        self._editable = True
        self._required = False
        self.buttons: dict[FlagValue, QPushButton] = {}
        self._captions: dict[FlagValue, str] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        for value in FlagValue:
            caption = _(FLAG_LABELS[value])
            caption = caption[:1].upper() + caption[1:]
            button = QPushButton(f"✓ {caption}")
            button.setMinimumWidth(button.sizeHint().width())  # no jump when the ✓ comes
            button.setText(caption)
            button.setAccessibleName(caption)
            button.setObjectName(f"flag_{value.value}")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolTip(
                _("{answer} (key {keys})").format(answer=caption, keys=KEY_HINTS[value])
            )
            button.clicked.connect(partial(self._clicked, value))
            layout.addWidget(button)
            self.buttons[value] = button
            self._captions[value] = caption
        layout.addStretch(1)
        self._describe()

    def value(self) -> FlagValue | None:
        return self._value

    def show_value(self, value: AnswerValue | None) -> None:
        self._value = value if isinstance(value, FlagValue) else None
        for option, button in self.buttons.items():
            chosen = option is self._value
            button.setChecked(chosen)  # and a ✓: the choice never rests on shading alone
            caption = self._captions[option]
            button.setText(f"✓ {caption}" if chosen else caption)
        self._describe()

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        for button in self.buttons.values():
            button.setEnabled(editable)
        self._describe()

    def focus_target(self) -> QWidget:
        return self

    def set_required(self, required: bool) -> None:
        self._required = required
        self._describe()

    def choose(self, value: FlagValue | None, *, by_key: bool = False) -> None:
        """Answer as the user would: show it and announce the edit."""
        self.show_value(value)
        self.by_key = by_key
        self.edited.emit()

    def _clicked(self, value: FlagValue) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        if self._editable:
            self.choose(value if self.buttons[value].isChecked() else None)

    def _describe(self) -> None:
        answer = _("(no answer)") if self._value is None else _(FLAG_LABELS[self._value])
        parts = [_("Required.") if self._required else ""]
        if self._editable:
            parts.append(
                _(
                    "Answer: {answer}. Keys: Y or J yes, N no, U, O or ? unknown, A or X not "
                    "applicable, Delete clears."
                ).format(answer=answer)
            )
        else:
            parts.append(_("Answer: {answer}.").format(answer=answer))
        self.setAccessibleDescription(" ".join(filter(None, parts)))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        modifiers = event.modifiers()
        plain = not modifiers & (
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.MetaModifier
        )
        if plain and key in STEP_KEYS:
            self.step_requested.emit(STEP_KEYS[Qt.Key(key)])
            event.accept()
            return
        if plain and self._editable:
            if key in CLEAR_KEYS:
                self.choose(None, by_key=True)
                event.accept()
                return
            value = FLAG_KEYS.get(event.text().lower())
            if value is not None:
                self.choose(value, by_key=True)
                event.accept()
                return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.hasFocus():  # the group is the tab stop, so it draws the focus itself
            painter = QPainter(self)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
            painter.drawRoundedRect(self.rect().adjusted(1, 1, -1, -1), 4, 4)
            painter.end()


class LineInput(AnswerInput):
    """A one-line input whose text is read by ``reader`` (which raises InputProblem)."""

    def __init__(
        self,
        reader: Callable[[str], AnswerValue | None],
        writer: Callable[[AnswerValue], str],
        *,
        prefix: str = "",
        placeholder: str = "",
        max_length: int | None = None,
        compact: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._reader = reader
        self._writer = writer
        self.edit = QLineEdit()
        self.edit.setObjectName("answerEdit")
        self.edit.setPlaceholderText(placeholder)
        if max_length:
            self.edit.setMaxLength(max_length)
        self.edit.textEdited.connect(self.edited)
        self.edit.editingFinished.connect(self.finished)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if prefix:
            layout.addWidget(QLabel(prefix))
        if compact:  # a number, date or code: as wide as such a value, not the whole card
            self.edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 18)
            layout.addWidget(self.edit)
            layout.addStretch(1)
        else:
            layout.addWidget(self.edit, 1)

    def value(self) -> AnswerValue | None:
        return self._reader(self.edit.text())

    def show_value(self, value: AnswerValue | None) -> None:
        self.edit.setText("" if value is None else self._writer(value))

    def set_editable(self, editable: bool) -> None:
        self.edit.setReadOnly(not editable)

    def focus_target(self) -> QWidget:
        return self.edit


class LongTextInput(AnswerInput):
    """A text box for longer answers; Tab leaves it (it never types a tab)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QPlainTextEdit()
        self.edit.setObjectName("answerEdit")
        self.edit.setTabChangesFocus(True)
        self.edit.setMaximumHeight(self.fontMetrics().lineSpacing() * 7)
        self._loading = False
        self.edit.textChanged.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit()

    def value(self) -> AnswerValue | None:
        text = self.edit.toPlainText()
        return text if text.strip() else None

    def show_value(self, value: AnswerValue | None) -> None:
        self._loading = True
        try:
            self.edit.setPlainText("" if value is None else str(value))
        finally:
            self._loading = False

    def set_editable(self, editable: bool) -> None:
        self.edit.setReadOnly(not editable)

    def focus_target(self) -> QWidget:
        return self.edit


class ChoiceInput(AnswerInput):
    """A combo box with an empty "—" first (no answer) and the pack's choices."""

    immediate = True

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        language = current_language()
        self.combo = QComboBox()
        self.combo.setObjectName("answerChoice")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.addItem("—", None)
        for choice in question.choices:
            self.combo.addItem(choice.label.get(language), choice.value)
        self.combo.activated.connect(self.edited)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addStretch(1)

    def value(self) -> AnswerValue | None:
        data = self.combo.currentData()
        return str(data) if data else None

    def show_value(self, value: AnswerValue | None) -> None:
        index = self.combo.findData(value) if isinstance(value, str) else 0
        self.combo.setCurrentIndex(max(index, 0))

    def set_editable(self, editable: bool) -> None:
        self.combo.setEnabled(editable)

    def focus_target(self) -> QWidget | None:
        return self.combo if self.combo.isEnabled() else None


class MultiChoiceInput(AnswerInput):
    """One check box per choice; none ticked is no answer."""

    immediate = True

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("answerOptions")
        language = current_language()
        self.boxes: dict[str, QCheckBox] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for choice in question.choices:
            box = QCheckBox(choice.label.get(language))
            box.setObjectName(f"option_{choice.value}")
            box.clicked.connect(self.edited)
            layout.addWidget(box)
            self.boxes[choice.value] = box

    def value(self) -> AnswerValue | None:
        chosen = tuple(value for value, box in self.boxes.items() if box.isChecked())
        return chosen or None

    def show_value(self, value: AnswerValue | None) -> None:
        chosen = value if isinstance(value, tuple) else ()
        for option, box in self.boxes.items():
            box.setChecked(option in chosen)

    def set_editable(self, editable: bool) -> None:
        for box in self.boxes.values():
            box.setEnabled(editable)

    def focus_target(self) -> QWidget | None:
        first = next(iter(self.boxes.values()), None)
        return first if first is not None and first.isEnabled() else None


# -- which input, and how its text is read ----------------------------------------------------


def typing_hint(question_type: QuestionType) -> str:
    """How to type a number, an amount or a date, with an example: what the card says when
    the typed text cannot be read as one."""
    if question_type is QuestionType.AMOUNT:
        example = show_amount(Decimal("1250.50"), euro_sign=False)
        return _("Type an amount in euros, such as {example}").format(example=example)
    if question_type is QuestionType.NUMBER:
        example = show_number(Decimal("1250.5"))
        return _("Type a number, such as {example}").format(example=example)
    example = show_date(dt.date.today())
    return _("Type a date as dd-mm-yyyy, such as {example}").format(example=example)


def typed_answer_reader(question: Question) -> Callable[[str], AnswerValue | None]:
    """How the text of a one-line input becomes a value of the question's type (None when it
    is empty); raises InputProblem saying how to type it when it cannot."""
    typed_readers: dict[QuestionType, Callable[[str], AnswerValue]] = {
        QuestionType.NUMBER: parse_typed_number,
        QuestionType.AMOUNT: parse_typed_amount,
        QuestionType.DATE: parse_typed_date,
    }
    read_typed = typed_readers.get(question.type)
    validator = question.validator if question.type is QuestionType.IDENTIFIER else None

    def reader(text: str) -> AnswerValue | None:
        compact = text.strip()
        if not compact:
            return None
        if read_typed is not None:
            try:
                return read_typed(compact)
            except InputProblem:
                raise InputProblem(typing_hint(question.type)) from None
        if validator is not None:
            return str(identifier_parser(validator.value)(compact))
        return text

    return reader


def typed_answer_writer(question: Question) -> Callable[[AnswerValue], str]:
    """How a stored value of the question's type is shown in its one-line input."""

    def writer(value: AnswerValue) -> str:
        if isinstance(value, dt.date):
            return show_date(value)
        if isinstance(value, Decimal) and question.type is QuestionType.AMOUNT:
            return show_amount(value, euro_sign=False)
        if isinstance(value, Decimal):
            return show_number(value)
        return str(value)

    return writer


def answer_input(question: Question, label: str) -> AnswerInput:
    """The input for the question's type; ``label`` names a flag group for a screen reader."""
    qtype = question.type
    if qtype is QuestionType.FLAG:
        return FlagInput(label)
    if qtype is QuestionType.CHOICE:
        return ChoiceInput(question)
    if qtype is QuestionType.MULTI_CHOICE:
        return MultiChoiceInput(question)
    if qtype is QuestionType.TEXT and (
        question.max_length is None or question.max_length > LONG_TEXT_FROM
    ):
        return LongTextInput()
    placeholder = {
        QuestionType.DATE: date_pattern(),
        QuestionType.AMOUNT: show_amount(Decimal("1250.50"), euro_sign=False),
    }.get(qtype, "")
    if question.minimum is not None and question.maximum is not None:
        placeholder = _("{minimum} to {maximum}").format(
            minimum=show_number(question.minimum), maximum=show_number(question.maximum)
        )
    return LineInput(
        typed_answer_reader(question),
        typed_answer_writer(question),
        prefix="€" if qtype is QuestionType.AMOUNT else "",
        placeholder=placeholder,
        max_length=question.max_length if qtype is QuestionType.TEXT else None,
        compact=qtype is not QuestionType.TEXT,
    )
