"""The simple inputs of the party and property fields: a line, a block of text, a choice, a count.

Every input says what it holds (``value()``, in the type the store keeps, None when empty),
why it cannot hold what was typed (``problems()``), and shows the first problem under itself
once the person has left it (``reveal_problems()``): a warning icon and a sentence. The fields
made of several parts are in field_groups; which input a field gets is in field_input_factory.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from vastgoedcheck.exchange.reading import text_problems
from vastgoedcheck.i18n import _
from vastgoedcheck.i18n.field_labels import VALUE_LABELS
from vastgoedcheck.ui.feedback import sentence
from vastgoedcheck.ui.typed_values import (
    InputProblem,
    date_pattern,
    free_text_parser,
    parse_birth_date,
    parse_typed_date,
    show_date,
    text_too_long,
)

# (part, reason): ``part`` names the part of a composite field ("" for the field itself).
Problem = tuple[str, str]

NAME_LIMIT, LINE_LIMIT, TEXT_LIMIT, IDENTIFIER_LIMIT, LIST_LIMIT = 300, 1000, 20_000, 40, 50


def capitalised(text: str) -> str:
    """``text`` with a capital first letter; the rest is left as it is."""
    return text[:1].upper() + text[1:]


class ProblemLine(QWidget):
    """One problem under an input: a warning icon and a sentence (never colour alone)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemLine")
        size = self.fontMetrics().height()
        icon = QLabel()
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.label = QLabel()
        self.label.setObjectName("problemText")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(icon)
        layout.addWidget(self.label, 1)
        self.setHidden(True)

    def show_problem(self, text: str) -> None:
        """Show ``text`` (hide the line when it is ""); only once the line is in a layout."""
        self.label.setText(sentence(text) if text else "")
        self.setHidden(not text)

    def shown(self) -> str:
        """The sentence shown now ("" when hidden)."""
        return self.label.text() if not self.isHidden() else ""


class SteadyComboBox(QComboBox):
    """A combo box that lets the page scroll past it instead of changing on a stray wheel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class SteadySpinBox(QSpinBox):
    """A spin box that lets the page scroll past it instead of changing on a stray wheel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class FieldInput(QWidget):
    """What every input offers. ``changed``: on every edit; ``finished``: the person left it."""

    changed = Signal()
    finished = Signal()
    reshaped = Signal()  # inputs were added or removed: the tab order needs setting again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.required = False
        self.label_text = ""

    def value(self) -> object | None:
        """The value in the type the store keeps; None when empty or not valid."""
        raise NotImplementedError

    def set_value(self, value: object | None) -> None:
        raise NotImplementedError

    def problems(self) -> list[Problem]:
        return []

    def shown_problems(self) -> list[str]:
        """The sentences shown under the input now."""
        return []

    def reveal_problems(self) -> None:
        """Show the current problems under the input (as after leaving it)."""

    def set_read_only(self, read_only: bool) -> None:
        raise NotImplementedError

    def set_label(self, text: str, required: bool = False) -> None:
        """The field's name for assistive technology, and whether the pack requires it."""
        self.label_text, self.required = text, required
        self.describe("")

    def describe(self, problem: str) -> None:
        """Say the label, "required" and the shown problem to assistive technology."""


class _SingleInput(FieldInput):
    """An input with one editor, an optional hint and a problem line under it."""

    def __init__(self, editor: QWidget, hint: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.problem_line = ProblemLine()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(editor)
        self.hint = QLabel(hint)
        self.hint.setObjectName("fieldHint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)  # parented first: shown without a parent, it is a window
        self.hint.setHidden(not hint)
        layout.addWidget(self.problem_line)
        self.setFocusProxy(editor)

    def describe(self, problem: str) -> None:
        parts = [_("required")] if self.required else []
        if self.hint.text():
            parts.append(self.hint.text())
        if problem:
            parts.append(sentence(problem))
        self.editor.setAccessibleName(self.label_text)
        self.editor.setAccessibleDescription(" ".join(parts))

    def refresh(self, reveal: bool = False) -> None:
        """Update the shown problem; a new one only appears when ``reveal`` is set."""
        if not reveal and self.problem_line.isHidden():
            return
        problems = self.problems()
        shown = problems[0][1] if problems else ""
        self.problem_line.show_problem(shown)
        self.describe(shown)

    def reveal_problems(self) -> None:
        self.refresh(reveal=True)

    def shown_problems(self) -> list[str]:
        shown = self.problem_line.shown()
        return [shown] if shown else []

    def _edited(self) -> None:
        self.changed.emit()
        self.refresh()

    def _left(self) -> None:
        self.refresh(reveal=True)
        self.finished.emit()


class TextLine(_SingleInput):
    """One line of text read by ``parse`` (raising InputProblem) and written back by ``write``."""

    def __init__(
        self,
        parse: Callable[[str], object],
        write: Callable[[object], str] = str,
        *,
        max_length: int = LINE_LIMIT,
        placeholder: str = "",
        hint: str = "",
        empty_problem: Callable[[], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self.line = QLineEdit()
        super().__init__(self.line, hint, parent)
        self.parse, self.write = parse, write
        self.empty_problem = empty_problem
        self.line.setMaxLength(max_length)
        self.line.setPlaceholderText(placeholder)
        self.line.textChanged.connect(self._edited)
        self.line.editingFinished.connect(self._finished)

    def text(self) -> str:
        return self.line.text().strip()

    def value(self) -> object | None:
        text = self.text()
        if not text:
            return None
        try:
            return self.parse(text)
        except InputProblem:
            return None

    def set_value(self, value: object | None) -> None:
        self.line.setText("" if value is None else self.write(value))
        self.refresh()

    def problems(self) -> list[Problem]:
        text = self.text()
        if not text:
            reason = self.empty_problem() if self.empty_problem else ""
            return [("", reason)] if reason else []
        try:
            self.parse(text)
        except InputProblem as error:
            return [("", str(error))]
        return []

    def set_read_only(self, read_only: bool) -> None:
        self.line.setReadOnly(read_only)

    def _finished(self) -> None:
        value = self.value()
        if value is not None and not self.line.isReadOnly():
            shown = self.write(value)
            if shown != self.line.text():  # the value as it will be kept: "1234 AB", "€ 1.250,00"
                self.line.setText(shown)
        self._left()


class TextBlock(_SingleInput):
    """Several lines of text; with ``as_list`` each line is one item (trade names, …)."""

    def __init__(self, *, as_list: bool = False, parent: QWidget | None = None) -> None:
        self.block = QPlainTextEdit()
        super().__init__(self.block, _("One per line.") if as_list else "", parent)
        self.as_list = as_list
        self.block.setTabChangesFocus(True)
        self.block.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        self.block.textChanged.connect(self._edited)
        self.block.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.block and event.type() == QEvent.Type.FocusOut:
            self._left()
        return False

    def _lines(self) -> list[str]:
        return [line.strip() for line in self.block.toPlainText().splitlines() if line.strip()]

    def value(self) -> object | None:
        if self.problems():
            return None
        if self.as_list:
            return self._lines() or None
        return self.block.toPlainText().strip() or None

    def set_value(self, value: object | None) -> None:
        if isinstance(value, list | tuple):
            text = "\n".join(str(item) for item in value)
        else:
            text = "" if value is None else str(value)
        self.block.setPlainText(text)
        self.refresh()

    def problems(self) -> list[Problem]:
        if not self.as_list:
            text = self.block.toPlainText().strip()
            if len(text) > TEXT_LIMIT:
                return [("", text_too_long(len(text), TEXT_LIMIT))]
            return [("", reason) for reason in text_problems(text)]
        lines = self._lines()
        if len(lines) > LIST_LIMIT:
            return [("", _("at most {limit} lines are allowed").format(limit=LIST_LIMIT))]
        parse = free_text_parser(LINE_LIMIT)
        found = []
        for line in lines:
            try:
                parse(line)
            except InputProblem as error:
                found.append(("", str(error)))
        return found

    def set_read_only(self, read_only: bool) -> None:
        self.block.setReadOnly(read_only)


class Choice(_SingleInput):
    """A fixed list of values (with an empty entry); ``options`` are (value, label) pairs."""

    def __init__(
        self,
        options: Sequence[tuple[object, str]],
        empty_label: str = "—",
        parent: QWidget | None = None,
    ) -> None:
        self.combo = SteadyComboBox()
        super().__init__(self.combo, "", parent)
        self.options: list[object] = [None]  # kept here: Qt's item data would copy the values
        self.combo.addItem(empty_label)
        for value, label in options:
            self.add_option(value, label)
        self.combo.currentIndexChanged.connect(self._edited)
        self.combo.activated.connect(self._left)

    def add_option(self, value: object, label: str) -> None:
        self.options.append(value)
        self.combo.addItem(label)

    def index_of(self, value: object) -> int:
        """The position of ``value`` in the list, or -1 (True is not 1 here)."""
        return next(
            (
                index
                for index, option in enumerate(self.options)
                if option == value and type(option) is type(value)
            ),
            -1,
        )

    def value(self) -> object | None:
        return self.options[max(self.combo.currentIndex(), 0)]

    def set_value(self, value: object | None) -> None:
        index = self.index_of(value)
        if index < 0:  # a value this list does not know is kept, not dropped
            self.add_option(value, str(value))
            index = len(self.options) - 1
        self.combo.setCurrentIndex(index)

    def set_read_only(self, read_only: bool) -> None:
        self.combo.setEnabled(not read_only)


class Count(_SingleInput):
    """A whole number from 1 to ``maximum``, or "not recorded"."""

    def __init__(self, maximum: int, parent: QWidget | None = None) -> None:
        self.spin = SteadySpinBox()
        super().__init__(self.spin, "", parent)
        self.spin.setRange(0, maximum)
        self.spin.setSpecialValueText(_("not recorded"))
        self.spin.valueChanged.connect(self._edited)
        self.spin.editingFinished.connect(self._left)

    def value(self) -> object | None:
        return self.spin.value() or None

    def set_value(self, value: object | None) -> None:
        self.spin.setValue(value if isinstance(value, int) else 0)

    def set_read_only(self, read_only: bool) -> None:
        self.spin.setReadOnly(read_only)


def yes_no(empty_label: str = "—") -> Choice:
    return Choice([(True, _("yes")), (False, _("no"))], empty_label)


def value_choice(name: str) -> Choice:
    return Choice([(value, _(label)) for value, label in VALUE_LABELS[name].items()])


def date_line(*, birth: bool = False) -> TextLine:
    return TextLine(
        parse_birth_date if birth else parse_typed_date,
        show_date,
        max_length=20,
        placeholder=date_pattern(),
    )


def text_line(limit: int = LINE_LIMIT, empty_problem: Callable[[], str] | None = None) -> TextLine:
    return TextLine(free_text_parser(limit), max_length=limit, empty_problem=empty_problem)
