"""The answer input of each question type in the check editor: a flag group, a line, a text
box, a choice or a set of check boxes.

Every input shows a stored value, says when the user changed it (``edited``) or is done with
it (``finished``), and gives the value as the store takes it; the question card around the input
stores what it gives. Which input a question gets, and how typed text is read:
answer_input_factory.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
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
from vastgoedcheck.domain.pack import FlagValue, Question
from vastgoedcheck.i18n import _, current_language
from vastgoedcheck.i18n.labels import FLAG_LABELS

LONG_TEXT_FROM = 200  # a text question without a limit, or a limit above this, gets a text box

# How an answer was given, so the editor moves on the way the user works: by a key it goes to the
# next question wherever that is; by the mouse it moves the keyboard focus on without scrolling.
BY_KEY, BY_MOUSE = "key", "mouse"

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
NEXT_KEYS = (Qt.Key.Key_Return,)  # in any answer: store it and go on (Enter on the keypad too)
KEY_HINTS = {
    FlagValue.YES: "Y, J",
    FlagValue.NO: "N",
    FlagValue.UNKNOWN: "U, O, ?",
    FlagValue.NA: "A, X",
}


# -- the inputs ------------------------------------------------------------------------------


class AnswerInput(QWidget):
    """The input of one question type. ``edited`` when the user changes the value;
    ``finished`` when the user is done with it (Enter, or leaving it). ``how`` says whether the
    last edit was a whole answer given by a key or by the mouse (BY_KEY, BY_MOUSE; None while
    typing or stepping through choices): the editor then moves on."""

    edited = Signal()
    finished = Signal()
    immediate = False  # stored at once (a choice) rather than after typing stops
    how: str | None = None

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
    keys; the buttons answer a click. Clicking the chosen button again clears the answer.

    A key never changes an answer given before while the group is not wholly in sight: it then
    asks to be shown (``reveal_requested``) and the next key counts.
    """

    immediate = True
    step_requested = Signal(int)  # -1 / +1: Up or Down, to the previous or next question
    reveal_requested = Signal()

    def __init__(self, question_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("flagGroup")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(question_label)
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
        self.how = BY_KEY if by_key else BY_MOUSE
        self.edited.emit()

    def in_sight(self) -> bool:
        """Whether the whole group is on screen (not scrolled partly or wholly out of view)."""
        return self.isVisible() and self.visibleRegion().boundingRect() == self.rect()

    def _clicked(self, value: FlagValue) -> None:
        # The focus is not taken here: the editor moves it on to the next question, so that the
        # next key answers that one and not this one again.
        if self._editable:
            self.choose(value if self.buttons[value].isChecked() else None)

    def _by_key(self, value: FlagValue | None) -> None:
        """A key's answer, unless it would change an answer given before out of sight."""
        if not self.in_sight():
            self.reveal_requested.emit()
            if self._value is not None and value is not self._value:
                return  # seen first, changed by the next key
        self.choose(value, by_key=True)

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
                self._by_key(None)
                event.accept()
                return
            value = FLAG_KEYS.get(event.text().lower())
            if value is not None:
                self._by_key(value)
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


class _PickingCombo(QComboBox):
    """A combo box that knows whether its last choice was picked from the open list (a whole
    answer) rather than stepped to with the arrow keys on the closed box."""

    def __init__(self) -> None:
        super().__init__()
        self.picking = False

    def showPopup(self) -> None:
        self.picking = True
        super().showPopup()

    def hidePopup(self) -> None:
        super().hidePopup()
        # ``activated`` follows the closing of the list within this call; then it is over.
        QTimer.singleShot(0, self, self._picked)

    def _picked(self) -> None:
        self.picking = False


class ChoiceInput(AnswerInput):
    """A combo box with an empty "—" first (no answer) and the pack's choices. A choice picked
    from the open list is a whole answer (the editor moves on); stepping through the closed box
    with the arrow keys is not, until Enter."""

    immediate = True

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        language = current_language()
        self.combo = _PickingCombo()
        self.combo.setObjectName("answerChoice")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.addItem("—", None)
        for choice in question.choices:
            self.combo.addItem(choice.label.get(language), choice.value)
        self.combo.activated.connect(self._activated)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addStretch(1)

    def _activated(self) -> None:
        self.how = BY_MOUSE if self.combo.picking and self.combo.currentData() else None
        self.edited.emit()

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
