"""One question of a check in the editor: its label and badges, the answer input for its type,
a note and attachments. Every change is stored as it happens: choices at once, typed values
500 ms after the last keystroke and when the input is left."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from vastgoedcheck.domain.check import Answer, AnswerValue
from vastgoedcheck.domain.pack import FlagValue, Pack, Question, QuestionType
from vastgoedcheck.exchange.values import BadValue, parse_answer
from vastgoedcheck.exchange.writing import answer_json
from vastgoedcheck.i18n import _, current_language
from vastgoedcheck.i18n.formatting import format_amount, format_date, format_number
from vastgoedcheck.i18n.labels import FLAG_LABELS, kind_label, severity_label
from vastgoedcheck.identifiers import InvalidIdentifier, normalise
from vastgoedcheck.storage.errors import StoreError, StoreWriteError
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.attachment_list import AttachmentList
from vastgoedcheck.ui.feedback import attempt, sentence, show_problem

AUTOSAVE_DELAY_MS = 500
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
KEY_HINTS = {
    FlagValue.YES: "Y, J",
    FlagValue.NO: "N",
    FlagValue.UNKNOWN: "U, O, ?",
    FlagValue.NA: "A, X",
}


class InputProblem(ValueError):
    """A typed value that cannot be stored; the message is one sentence for the user."""


# -- reading what was typed ---------------------------------------------------------------

_NUMBER_NOISE = re.compile(r"[\s\u00a0\u202f€]")
_DAY_FIRST = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_GROUPING_MARK = {"nl": ".", "en": ","}


def read_number(text: str, *, amount: bool, language: str) -> Decimal | None:
    """A number typed the Dutch or the English way: "1.250,50", "1,250.50", "1250.5", "1250".

    With both marks, the last one is the decimal mark. A single mark followed by exactly three
    digits groups thousands for an amount (amounts have at most two decimals), and otherwise
    when it is the language's thousands mark. Raises ValueError when it is no number.
    """
    compact = _NUMBER_NOISE.sub("", text)
    if not compact:
        return None
    sign, body = ("-", compact[1:]) if compact.startswith("-") else ("", compact)
    if not re.fullmatch(r"[\d.,]*\d[\d.,]*", body):
        raise ValueError(text)
    marks = [mark for mark in ".," if mark in body]
    grouping = decimal_mark = ""
    if len(marks) == 2:
        decimal_mark = "." if body.rfind(".") > body.rfind(",") else ","
        grouping = "," if decimal_mark == "." else "."
    elif marks:
        mark = marks[0]
        digits_after = len(body) - body.rfind(mark) - 1
        thousands = digits_after == 3 and (amount or mark == _GROUPING_MARK.get(language, "."))
        if body.count(mark) > 1 or thousands:
            grouping = mark
        else:
            decimal_mark = mark
    whole, fraction = body.rsplit(decimal_mark, 1) if decimal_mark else (body, "")
    if grouping and grouping in whole:
        groups = whole.split(grouping)
        if not (1 <= len(groups[0]) <= 3 and all(len(group) == 3 for group in groups[1:])):
            raise ValueError(text)
        whole = "".join(groups)
    if not (whole or fraction) or not (whole + fraction).isdigit():
        raise ValueError(text)
    return Decimal(f"{sign}{whole or '0'}.{fraction}" if fraction else f"{sign}{whole}")


def read_date(text: str) -> dt.date | None:
    """A date typed as dd-mm-yyyy (also with / or .) or as yyyy-mm-dd; ValueError otherwise."""
    compact = text.strip()
    if not compact:
        return None
    day_first = _DAY_FIRST.fullmatch(compact)
    if day_first:
        day, month, year = (int(part) for part in day_first.groups())
        return dt.date(year, month, day)
    iso = _ISO_DATE.fullmatch(compact)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
        return dt.date(year, month, day)
    raise ValueError(text)


def amount_for_editing(value: Decimal) -> str:
    """An amount as the input shows it: grouped, with cents, without the euro sign."""
    return _NUMBER_NOISE.sub("", format_amount(value))


def date_for_editing(value: dt.date) -> str:
    return value.strftime("%d-%m-%Y")


# -- the inputs per question type ---------------------------------------------------------


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
        if plain and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.step_requested.emit(-1 if key == Qt.Key.Key_Up else 1)
            event.accept()
            return
        if plain and self._editable:
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
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


def _typed_reader(question: Question) -> Callable[[str], AnswerValue | None]:
    """How the text of a one-line input becomes a value of the question's type."""
    qtype = question.type

    def reader(text: str) -> AnswerValue | None:
        if qtype in (QuestionType.NUMBER, QuestionType.AMOUNT):
            amount = qtype is QuestionType.AMOUNT
            try:
                return read_number(text, amount=amount, language=current_language())
            except ValueError:
                example = (
                    amount_for_editing(Decimal("1250.50"))
                    if amount
                    else format_number(Decimal("1250.5"))
                )
                raise InputProblem(
                    _("Type an amount in euros, such as {example}").format(example=example)
                    if amount
                    else _("Type a number, such as {example}").format(example=example)
                ) from None
        if qtype is QuestionType.DATE:
            try:
                return read_date(text)
            except ValueError:
                raise InputProblem(
                    _("Type a date as dd-mm-yyyy, such as {example}").format(
                        example=date_for_editing(dt.date.today())
                    )
                ) from None
        if qtype is QuestionType.IDENTIFIER and question.validator is not None:
            if not text.strip():
                return None
            try:
                return normalise(question.validator.value, text.strip())
            except InvalidIdentifier as error:
                raise InputProblem(str(error)) from None
        return text if text.strip() else None

    return reader


def _typed_writer(question: Question) -> Callable[[AnswerValue], str]:
    def writer(value: AnswerValue) -> str:
        if isinstance(value, dt.date):
            return date_for_editing(value)
        if isinstance(value, Decimal):
            if question.type is QuestionType.AMOUNT:
                return amount_for_editing(value)
            return format_number(value)
        return str(value)

    return writer


def answer_input(question: Question, label: str) -> AnswerInput:
    """The input for the question's type."""
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
        QuestionType.DATE: _("dd-mm-yyyy"),
        QuestionType.AMOUNT: amount_for_editing(Decimal("1250.50")),
    }.get(qtype, "")
    if question.minimum is not None and question.maximum is not None:
        placeholder = _("{minimum} to {maximum}").format(
            minimum=format_number(question.minimum), maximum=format_number(question.maximum)
        )
    return LineInput(
        _typed_reader(question),
        _typed_writer(question),
        prefix="€" if qtype is QuestionType.AMOUNT else "",
        placeholder=placeholder,
        max_length=question.max_length if qtype is QuestionType.TEXT else None,
        compact=qtype is not QuestionType.TEXT,
    )


# -- the card -----------------------------------------------------------------------------


class QuestionCard(QFrame):
    """One question with its answer, note and attachments, stored as they change.

    ``stored`` carries the check after each stored change; ``focused`` the question id when
    the card or one of its inputs gets the focus; ``answered_by_key`` the id when a flag was
    answered from the keyboard (the editor moves on); ``step_requested`` (id, -1/+1) for Up and
    Down on a flag group.
    """

    stored = Signal(object)
    focused = Signal(str)
    answered_by_key = Signal(str)
    step_requested = Signal(str, int)

    def __init__(
        self,
        store: Store,
        check_id: str,
        pack: Pack,
        question: Question,
        answer: Answer | None = None,
        *,
        read_only: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.check_id = check_id
        self.pack = pack
        self.question = question
        self.read_only = read_only
        answer = answer or Answer(None)
        self._stored_value: AnswerValue | None = answer.value
        self._stored_note = answer.note
        self._answer_dirty = False
        self._note_dirty = False
        self._descriptions: dict[QWidget, str] = {}
        self.setObjectName(f"questionCard-{question.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAcceptDrops(not read_only)
        text = question.label.get(current_language())

        self.input = answer_input(question, text)
        self.input.show_value(answer.value)
        self.input.set_editable(not read_only)
        self.input.edited.connect(self._answer_edited)
        self.input.finished.connect(self._store_answer)
        if isinstance(self.input, FlagInput):
            self.input.step_requested.connect(self._step_requested)

        self.label = QLabel(f"{text} *" if question.required else text)
        self.label.setObjectName("questionLabel")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        if question.required:
            self.label.setToolTip(_("Required question"))
        target = self.input.focus_target()
        if target is not None:
            self.label.setBuddy(target)
            target.setAccessibleName(text)
            if isinstance(self.input, FlagInput):
                self.input.set_required(question.required)
            elif question.required:
                target.setAccessibleDescription(
                    " ".join(filter(None, [_("Required."), target.accessibleDescription()]))
                )
        if read_only and target is None:
            # Choices are disabled when final: the card itself is the tab stop.
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.setAccessibleName(text)

        self.problem = self._problem_label("answerProblem")
        self.read_back = QLabel()
        self.read_back.setObjectName("answerReadBack")
        self.read_back.setWordWrap(True)

        self.note_toggle = QToolButton()
        self.note_toggle.setObjectName("noteToggle")
        self.note_toggle.setText(_("Add a note"))
        self.note_toggle.setAutoRaise(True)
        self.note_toggle.clicked.connect(self.open_note)
        self.note_label = QLabel(_("Note"))
        self.note_edit = QPlainTextEdit()
        self.note_edit.setObjectName("noteEdit")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setAccessibleName(_("Note on {id}").format(id=question.id))
        self.note_edit.setMaximumHeight(self.fontMetrics().lineSpacing() * 7)
        self.note_edit.setPlainText(answer.note)
        self.note_edit.setReadOnly(read_only)
        self.note_edit.textChanged.connect(self._note_edited)
        self.note_label.setBuddy(self.note_edit)
        self.note_problem = self._problem_label("noteProblem")

        self.attachments = AttachmentList(
            store, check_id, question.id, answer.attachments, read_only=read_only
        )
        self.attachments.stored.connect(self.stored)

        self._answer_timer = self._timer(self._store_answer)
        self._note_timer = self._timer(self._store_note)
        # Every part is parented by the layout, in reading order, before any is shown: the tab
        # order follows the layout and no part ever opens as a window of its own.
        self._build_layout()
        self._show_note(bool(answer.note))
        self._update_read_back()
        for widget in self.findChildren(QWidget):
            if widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
                widget.installEventFilter(self)

    # -- building --------------------------------------------------------------------------

    def _build_layout(self) -> None:
        header = QHBoxLayout()
        identifier = QLabel(self.question.id)
        identifier.setObjectName("questionId")
        small = identifier.font()
        small.setPointSizeF(small.pointSizeF() * 0.85)
        identifier.setFont(small)
        header.addWidget(identifier)
        for name, text in self._badges():
            badge = QLabel(text)
            badge.setObjectName(name)
            badge.setFont(small)
            badge.setFrameShape(QFrame.Shape.Box)
            header.addWidget(badge)
        header.addStretch(1)

        actions = QHBoxLayout()
        actions.addWidget(self.note_toggle)
        actions.addWidget(self.attachments.attach_button)
        actions.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.label)
        layout.addWidget(self.input)
        layout.addWidget(self.problem)
        layout.addWidget(self.read_back)
        layout.addLayout(actions)
        layout.addWidget(self.note_label)
        layout.addWidget(self.note_edit)
        layout.addWidget(self.note_problem)
        layout.addWidget(self.attachments)

    def _badges(self) -> list[tuple[str, str]]:
        question = self.question
        badges = []
        if question.scored and question.severity is not None and question.kind is not None:
            badges.append(
                (
                    "questionBadge",
                    _("{severity} · {kind}").format(
                        severity=severity_label(question.severity), kind=kind_label(question.kind)
                    ),
                )
            )
        if question.knockout:
            badges.append(("knockoutBadge", _("knock-out")))
        return badges

    def _problem_label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setStyleSheet("color: #b3261e;")
        label.hide()
        return label

    def _timer(self, slot: Callable[[], object]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(AUTOSAVE_DELAY_MS)
        timer.timeout.connect(slot)
        return timer

    # -- reading ---------------------------------------------------------------------------

    @property
    def question_id(self) -> str:
        return self.question.id

    def stored_value(self) -> AnswerValue | None:
        return self._stored_value

    def has_pending(self) -> bool:
        """Whether an edit has not been stored yet (waiting, or refused)."""
        return self._answer_dirty or self._note_dirty

    def problem_text(self) -> str:
        return self.problem.text() if self.problem.isVisibleTo(self) else ""

    # -- focus -----------------------------------------------------------------------------

    def focus_input(self) -> None:
        target = self.input.focus_target()
        if target is None and self.focusPolicy() != Qt.FocusPolicy.NoFocus:
            target = self
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            self.focused.emit(self.question.id)
        elif event.type() == QEvent.Type.FocusOut:
            if watched is self.note_edit:
                self._store_note()
            elif watched is self.input.focus_target() and not self.input.immediate:
                self._store_answer()
        return False

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit(self.question.id)

    def _step_requested(self, step: int) -> None:
        self.step_requested.emit(self.question.id, step)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.focused.emit(self.question.id)
        super().mousePressEvent(event)

    # -- storing ---------------------------------------------------------------------------

    def flush(self) -> bool:
        """Store every pending edit now; False when a value is refused (it stays marked)."""
        answer_stored = self._store_answer()
        note_stored = self._store_note()
        return answer_stored and note_stored

    def _answer_edited(self) -> None:
        self._answer_dirty = True
        if self.input.immediate:
            self._store_answer()
        else:
            self._answer_timer.start()

    def _checked(self, value: AnswerValue | None) -> AnswerValue | None:
        """``value`` as the store will keep it, or InputProblem saying why it cannot be."""
        if value is None:
            return None
        try:
            return parse_answer(self.question, answer_json(self.pack, self.question.id, value))
        except BadValue as error:
            raise InputProblem(str(error)) from None

    def _store_answer(self) -> bool:
        self._answer_timer.stop()
        if not self._answer_dirty:
            return True
        try:
            value = self._checked(self.input.value())
        except InputProblem as problem:
            self._show(self.problem, str(problem))
            return False
        if value != self._stored_value:
            check = self._write(self.problem, self.store.set_answer, value)
            if check is None:
                if self.input.immediate:  # the choice on screen must be the stored one
                    self.input.show_value(self._stored_value)
                    self._answer_dirty = False
                return False
            self._stored_value = value
            self._answer_dirty = False
            self._show(self.problem, "")
            self._update_read_back()
            self.stored.emit(check)
        else:
            self._answer_dirty = False
            self._show(self.problem, "")
            self._update_read_back()
        if isinstance(self.input, FlagInput) and self.input.by_key and value is not None:
            self.input.by_key = False
            self.answered_by_key.emit(self.question.id)
        return True

    def _note_edited(self) -> None:
        if self.read_only or self.note_edit.toPlainText() == self._stored_note:
            return
        self._note_dirty = True
        self._note_timer.start()

    def _store_note(self) -> bool:
        self._note_timer.stop()
        if not self._note_dirty:
            return True
        note = self.note_edit.toPlainText()
        if note != self._stored_note:
            check = self._write(self.note_problem, self.store.set_note, note)
            if check is None:
                return False
            self._stored_note = note
            self.stored.emit(check)
        self._note_dirty = False
        self._show(self.note_problem, "")
        return True

    def _write(self, problem: QLabel, action: Callable[..., object], value: object) -> object:
        """Store through ``action``; a refused value is said under the input, a failed write
        in a message box (as ``feedback.attempt`` does for choices)."""
        if self.input.immediate and problem is self.problem:
            return attempt(self, action, self.check_id, self.question.id, value)
        try:
            return action(self.check_id, self.question.id, value)
        except StoreWriteError as error:
            show_problem(self, str(error))
        except StoreError as error:
            message = str(error).removeprefix(f"{self.question.id}: ")
            self._show(problem, message)
        return None

    def _show(self, label: QLabel, problem: str) -> None:
        label.setText(f"⚠ {sentence(problem)}" if problem else "")
        label.setVisible(bool(problem))
        target = self.note_edit if label is self.note_problem else self.input.focus_target()
        if target is not None:  # a screen reader hears the problem with the input
            base = self._descriptions.setdefault(target, target.accessibleDescription())
            target.setAccessibleDescription(
                " ".join(filter(None, [base, sentence(problem) if problem else ""]))
            )

    def _update_read_back(self) -> None:
        """Say how a typed amount, date or identifier was stored, so a misreading shows."""
        value = self._stored_value
        text = ""
        if value is not None and not isinstance(self.input, FlagInput | ChoiceInput):
            if self.question.type is QuestionType.AMOUNT and isinstance(value, Decimal):
                text = format_amount(value)
            elif self.question.type is QuestionType.DATE and isinstance(value, dt.date):
                text = format_date(value)
            elif self.question.type is QuestionType.IDENTIFIER:
                text = str(value)
        self.read_back.setText(_("Saved as {value}").format(value=text) if text else "")
        self.read_back.setVisible(bool(text))

    # -- the note --------------------------------------------------------------------------

    def open_note(self) -> None:
        self._show_note(True)
        self.note_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_note(self, shown: bool) -> None:
        self.note_toggle.setVisible(not shown and not self.read_only)
        self.note_label.setVisible(shown)
        self.note_edit.setVisible(shown)

    # -- dropped files ---------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if not self.read_only and mime.hasUrls() and any(u.isLocalFile() for u in mime.urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        if self.read_only or not mime.hasUrls():
            event.ignore()
            return
        paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
        event.acceptProposedAction()
        self.attachments.add_files(paths)
