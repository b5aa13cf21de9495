"""The input for each party or property field: typed values in, the stored types out.

Every input says what it holds (``value()``, in the type the store keeps, None when empty),
why it cannot hold what was typed (``problems()``), and shows the first problem under itself
once the person has left it (``reveal_problems()``): a warning icon and a sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)
from stdnum import iban as std_iban

from vastgoedcheck.domain.pack import Role
from vastgoedcheck.exchange.reading import DUTCH_ID_TYPES, LANDLORD_ID_NUMBER_CHARS, text_problems
from vastgoedcheck.i18n import _
from vastgoedcheck.i18n.field_labels import AMOUNT_FIELDS, FIELD_LABELS, PART_LABELS, VALUE_LABELS
from vastgoedcheck.i18n.formatting import format_amount
from vastgoedcheck.identifiers import InvalidIdentifier, normalise
from vastgoedcheck.ui.feedback import sentence

# (part, reason): ``part`` names the part of a composite field ("" for the field itself).
Problem = tuple[str, str]

DEFAULT_COUNTRY = "NL"
NAME_LIMIT, LINE_LIMIT, TEXT_LIMIT, IDENTIFIER_LIMIT, LIST_LIMIT = 300, 1000, 20_000, 40, 50
IDENTIFIER_FIELDS = {
    "postcode": "postcode",
    "iban": "iban",
    "payer_iban": "iban",
    "kvk": "kvk",
    "establishment_number": "establishment_number",
    "rsin": "rsin",
    "btw": "btw",
    "bsn": "bsn",
    "bag_id": "bag_id",
}
DATE_FIELDS = frozenset({"birth_date", "registration_date"})
TEXT_FIELDS = frozenset({"source_of_funds", "prior_enforcement"})
LIST_FIELDS = frozenset({"trade_names", "representatives", "parent_entities"})
NAME_FIELDS = frozenset({"name", "payer_name"})
_PHONE = re.compile(r"[0-9+() .-]*")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+")
_TYPED_DATE = re.compile(r"(\d{1,2})[-./ ](\d{1,2})[-./ ](\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_GROUPED = re.compile(r"[1-9]\d{0,2}(?:[.,]\d{3})+")
_MAX_AMOUNT = Decimal(10) ** 12


class FieldProblem(ValueError):
    """Why a typed text is not a value of its field: one translated reason."""


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def date_pattern() -> str:
    """How a date is typed, in the words of the active language."""
    return _("dd-mm-yyyy")


# -- reading typed text ------------------------------------------------------------------------


def parse_typed_date(text: str) -> dt.date:
    """A date typed as 1-2-1980, 01-02-1980, 01/02/1980, 01.02.1980 or 1980-02-01."""
    match = _TYPED_DATE.fullmatch(text)
    if match:
        day, month, year = (int(part) for part in match.groups())
    elif match := _ISO_DATE.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
    else:
        raise FieldProblem(
            _("{text} is not a date; type it as {pattern}").format(
                text=text, pattern=date_pattern()
            )
        )
    try:
        value = dt.date(year, month, day)
    except ValueError:
        raise FieldProblem(_("{text} is not an existing date").format(text=text)) from None
    if not 1900 <= year <= 2100:
        raise FieldProblem(_("{year} is not a likely year").format(year=year))
    return value


def parse_birth_date(text: str) -> dt.date:
    value = parse_typed_date(text)
    if value > dt.date.today():
        raise FieldProblem(_("a date of birth cannot lie in the future"))
    return value


def show_date(value: object) -> str:
    if isinstance(value, dt.date):
        return f"{value.day:02d}-{value.month:02d}-{value.year:04d}"
    return str(value)


def parse_typed_amount(text: str) -> Decimal:
    """An amount in euros typed the Dutch or the English way: "1.250,50", "1250.50", "€ 1.250"."""
    cleaned = re.sub(r"\s|€|eur(o)?", "", text, flags=re.IGNORECASE)
    not_amount = FieldProblem(
        _("{text} is not an amount such as {example}").format(
            text=text, example=format_amount(Decimal("1250.50"))
        )
    )
    if not re.fullmatch(r"\d[\d.,]*", cleaned):
        raise not_amount
    marks = [mark for mark in ".," if mark in cleaned]
    decimal_mark: str | None = None  # a mark before three digits, or used twice, groups thousands
    if len(marks) == 2:  # both: the last one separates the cents
        decimal_mark = "." if cleaned.rfind(".") > cleaned.rfind(",") else ","
    elif marks and cleaned.count(marks[0]) == 1 and len(cleaned.rsplit(marks[0], 1)[1]) != 3:
        decimal_mark = marks[0]
    whole, cents = cleaned.rsplit(decimal_mark, 1) if decimal_mark else (cleaned, "0")
    if not re.fullmatch(r"\d{1,2}", cents):
        raise FieldProblem(_("an amount has at most two decimals"))
    if not whole.isdigit():
        separators = set(whole) - set("0123456789")
        if len(separators) != 1 or decimal_mark in separators or not _GROUPED.fullmatch(whole):
            raise not_amount
        whole = whole.replace(separators.pop(), "")
    amount = Decimal(f"{whole}.{cents}")
    if amount >= _MAX_AMOUNT:
        raise FieldProblem(_("{text} is too large for an amount").format(text=text))
    return amount.quantize(Decimal("0.01"))


def show_amount(value: object) -> str:
    return format_amount(value) if isinstance(value, Decimal) else str(value)


def identifier_parser(kind: str) -> Callable[[str], object]:
    def parse(text: str) -> object:
        try:
            return normalise(kind, text)
        except InvalidIdentifier as error:
            raise FieldProblem(str(error)) from None

    return parse


def show_iban(value: object) -> str:
    return str(std_iban.format(str(value)))


def free_text_parser(limit: int) -> Callable[[str], object]:
    """A text without control characters or BSN-like numbers, at most ``limit`` characters."""

    def parse(text: str) -> object:
        if len(text) > limit:
            raise FieldProblem(
                _("the text is {length} characters long; at most {limit} are allowed").format(
                    length=len(text), limit=limit
                )
            )
        problems = text_problems(text)
        if problems:
            raise FieldProblem(problems[0])
        return text

    return parse


def parse_phone(text: str) -> object:
    if not _PHONE.fullmatch(text):
        raise FieldProblem(_("a phone number holds only digits, spaces and + ( ) . -"))
    return text


def parse_email(text: str) -> object:
    if not _EMAIL.fullmatch(text):
        raise FieldProblem(_("not an e-mail address like name@example.nl"))
    return text


# -- simple inputs -----------------------------------------------------------------------------


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
        self.setVisible(False)

    def show_problem(self, text: str) -> None:
        self.label.setText(sentence(text) if text else "")
        self.setVisible(bool(text))

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
        self.hint.setVisible(bool(hint))
        layout.addWidget(self.hint)
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
    """One line of text read by ``parse`` (raising FieldProblem) and written back by ``write``."""

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
        except FieldProblem:
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
        except FieldProblem as error:
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
                return [("", _too_long(len(text), TEXT_LIMIT))]
            return [("", reason) for reason in text_problems(text)]
        lines = self._lines()
        if len(lines) > LIST_LIMIT:
            return [("", _("at most {limit} lines are allowed").format(limit=LIST_LIMIT))]
        parse = free_text_parser(LINE_LIMIT)
        found = []
        for line in lines:
            try:
                parse(line)
            except FieldProblem as error:
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


def _too_long(length: int, limit: int) -> str:
    return _("the text is {length} characters long; at most {limit} are allowed").format(
        length=length, limit=limit
    )


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


# -- composite inputs --------------------------------------------------------------------------


class PartsGroup(FieldInput):
    """A field made of parts (an ID document, a screening …), each with its own input."""

    def __init__(
        self, parts: Sequence[tuple[str, str, FieldInput]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.parts = {key: (label, part) for key, label, part in parts}
        self.frame = QFrame()
        self.frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.form = QFormLayout(self.frame)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for _key, label, part in parts:
            shown = capitalised(label)
            name = QLabel(shown)
            name.setBuddy(part)
            part.set_label(shown)
            self.form.addRow(name, part)
            part.changed.connect(self._part_changed)
            part.finished.connect(self._part_finished)
        self.problem_line = ProblemLine()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.frame)
        layout.addWidget(self.problem_line)
        self.setFocusProxy(parts[0][2])

    def part(self, key: str) -> FieldInput:
        return self.parts[key][1]

    def values(self) -> dict[str, object]:
        found = {}
        for key, (_label, part) in self.parts.items():
            value = part.value()
            if value is not None:
                found[key] = value
        return found

    def value(self) -> object | None:
        return self.values() or None

    def set_value(self, value: object | None) -> None:
        given = value if isinstance(value, Mapping) else {}
        for key, (_label, part) in self.parts.items():
            part.set_value(given.get(key))
        self._show_whole(reveal=False)

    def whole_problems(self) -> list[str]:
        """Problems of the parts together (a screening without a result …)."""
        return []

    def problems(self) -> list[Problem]:
        found = [
            (f"{label}, {part_name}" if part_name else label, reason)
            for label, part in self.parts.values()
            for part_name, reason in part.problems()
        ]
        return found + [("", reason) for reason in self.whole_problems()]

    def shown_problems(self) -> list[str]:
        found = [text for _label, part in self.parts.values() for text in part.shown_problems()]
        whole = self.problem_line.shown()
        return found + ([whole] if whole else [])

    def reveal_problems(self) -> None:
        for _label, part in self.parts.values():
            part.reveal_problems()
        self._show_whole(reveal=True)

    def set_read_only(self, read_only: bool) -> None:
        for _label, part in self.parts.values():
            part.set_read_only(read_only)

    def describe(self, problem: str) -> None:
        """Each part is named with its group ("Sanctions screening, date")."""
        self.frame.setAccessibleName(self.label_text)
        self.frame.setAccessibleDescription(_("required") if self.required else "")
        for label, part in self.parts.values():
            part.set_label(f"{self.label_text}, {label}" if self.label_text else capitalised(label))

    def _show_whole(self, reveal: bool) -> None:
        if reveal or not self.problem_line.isHidden():
            problems = self.whole_problems()
            self.problem_line.show_problem(problems[0] if problems else "")

    def _part_changed(self) -> None:
        self.changed.emit()
        self._show_whole(reveal=False)

    def _part_finished(self) -> None:
        focused = QApplication.focusWidget()
        if focused is None or not self.isAncestorOf(focused):  # the person left the group
            self._show_whole(reveal=True)
            self.finished.emit()


class IdDocumentGroup(PartsGroup):
    """The identity document; a landlord keeps only the last characters of its number."""

    def __init__(self, landlord: bool, parent: QWidget | None = None) -> None:
        self.landlord = landlord
        limit = LANDLORD_ID_NUMBER_CHARS if landlord else IDENTIFIER_LIMIT
        hint = (
            _("A landlord keeps only the last {count} characters of the number.").format(
                count=LANDLORD_ID_NUMBER_CHARS
            )
            if landlord
            else ""
        )
        self.number = TextLine(self._parse_number, max_length=limit, hint=hint)
        self.number.editor.setObjectName("idNumber")
        self.country = TextLine(_parse_country, max_length=2)
        self.kind = value_choice("type")
        super().__init__(
            [
                ("type", _(PART_LABELS["type"]), self.kind),
                ("number", _(PART_LABELS["number"]), self.number),
                ("issuing_country", _(PART_LABELS["issuing_country"]), self.country),
                ("issue_date", _(PART_LABELS["issue_date"]), date_line()),
                ("issue_place", _(PART_LABELS["issue_place"]), text_line()),
                ("expiry", _(PART_LABELS["expiry"]), date_line()),
                ("verified_on", _(PART_LABELS["verified_on"]), date_line()),
                ("verified_by", _(PART_LABELS["verified_by"]), text_line()),
            ],
            parent,
        )
        self.country.set_value(DEFAULT_COUNTRY)
        self.kind.changed.connect(self.number.refresh)
        self.country.changed.connect(self.number.refresh)

    def _parse_number(self, text: str) -> object:
        compact = text.replace(" ", "").upper()
        if self.landlord:
            return compact
        if self.kind.value() in DUTCH_ID_TYPES and self.country.value() == DEFAULT_COUNTRY:
            return identifier_parser("id-document")(text)
        return compact

    def value(self) -> object | None:
        values = self.values()
        if set(values) <= {"issuing_country"} and values.get("issuing_country") in (
            None,
            DEFAULT_COUNTRY,
        ):
            return None  # nothing but the preset country: no document recorded
        return values

    def set_value(self, value: object | None) -> None:
        given = dict(value) if isinstance(value, Mapping) else {}
        number = given.get("number")
        if self.landlord and isinstance(number, str):  # what a landlord may keep, nothing more
            given["number"] = number.replace(" ", "")[-LANDLORD_ID_NUMBER_CHARS:]
        if value is None:
            given["issuing_country"] = DEFAULT_COUNTRY
        super().set_value(given)


class ScreeningGroup(PartsGroup):
    """A sanctions screening: its date, the list consulted and the result."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                ("date", _(PART_LABELS["date"]), date_line()),
                ("list", _(PART_LABELS["list"]), text_line()),
                ("result", _(PART_LABELS["result"]), value_choice("result")),
            ],
            parent,
        )

    def whole_problems(self) -> list[str]:
        values = self.values()
        if values and not ("date" in values and "result" in values):
            return [_("enter both the date and the result of the screening")]
        return []


class VogGroup(PartsGroup):
    """A certificate of conduct: whether it was presented, and its date."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                ("presented", _(PART_LABELS["presented"]), yes_no()),
                ("date", _(PART_LABELS["date"]), date_line()),
            ],
            parent,
        )

    def whole_problems(self) -> list[str]:
        values = self.values()
        if values and "presented" not in values:
            return [_("say whether the certificate was presented")]
        return []


class UboEntry(PartsGroup):
    """One ultimate beneficial owner, with a button to remove it."""

    remove_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                ("name", _(FIELD_LABELS["name"]), text_line(NAME_LIMIT)),
                ("birth_date", _(PART_LABELS["birth_date"]), date_line(birth=True)),
                ("residence", _(PART_LABELS["residence"]), text_line()),
                ("interest", _(PART_LABELS["interest"]), text_line()),
            ],
            parent,
        )
        self.remove_button = QPushButton(_("Remove this UBO"))
        self.remove_button.setObjectName("removeUboButton")
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        self.form.addRow(self.remove_button)

    def whole_problems(self) -> list[str]:
        values = self.values()
        if values and "name" not in values:
            return [_("enter the name of the UBO")]
        return []

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.remove_button.setVisible(not read_only)


class UboList(FieldInput):
    """The ultimate beneficial owners of an organisation: a list to add to and remove from."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[UboEntry] = []
        self.entry_box = QVBoxLayout()
        self.entry_box.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(_("Add a UBO"))
        self.add_button.setObjectName("addUboButton")
        self.add_button.clicked.connect(self._add_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.entry_box)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.setFocusProxy(self.add_button)

    def add_entry(self) -> UboEntry:
        entry = UboEntry()
        entry.set_label(_("UBO {number}").format(number=len(self.entries) + 1))
        entry.changed.connect(self.changed)
        entry.finished.connect(self.finished)
        entry.remove_requested.connect(self._remove)
        self.entries.append(entry)
        self.entry_box.addWidget(entry)
        self.add_button.setEnabled(len(self.entries) < LIST_LIMIT)
        self.reshaped.emit()
        return entry

    def _add_clicked(self) -> None:
        self.add_entry().setFocus()
        self.changed.emit()

    def _remove(self, entry: UboEntry) -> None:
        name = entry.part("name").value()
        if name:
            answer = QMessageBox.question(
                self,
                _("Remove UBO"),
                _("Remove the UBO {name}?").format(name=name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.entries.remove(entry)
        entry.setParent(None)
        entry.deleteLater()
        for number, kept in enumerate(self.entries, start=1):
            kept.set_label(_("UBO {number}").format(number=number))
        self.add_button.setEnabled(True)
        self.reshaped.emit()
        self.changed.emit()

    def value(self) -> object | None:
        found = [entry.value() for entry in self.entries]
        return [ubo for ubo in found if ubo is not None] or None

    def set_value(self, value: object | None) -> None:
        for entry in self.entries:
            entry.setParent(None)
            entry.deleteLater()
        self.entries = []
        for ubo in value if isinstance(value, list | tuple) else []:
            self.add_entry().set_value(ubo)
        self.add_button.setEnabled(len(self.entries) < LIST_LIMIT)

    def problems(self) -> list[Problem]:
        found = []
        for number, entry in enumerate(self.entries, start=1):
            ubo = _("UBO {number}").format(number=number)
            for part, reason in entry.problems():
                found.append((f"{ubo}, {part}" if part else ubo, reason))
        return found

    def shown_problems(self) -> list[str]:
        return [text for entry in self.entries for text in entry.shown_problems()]

    def reveal_problems(self) -> None:
        for entry in self.entries:
            entry.reveal_problems()

    def set_read_only(self, read_only: bool) -> None:
        for entry in self.entries:
            entry.set_read_only(read_only)
        self.add_button.setVisible(not read_only)


def _parse_country(text: str) -> object:
    if not re.fullmatch(r"[A-Za-z]{2}", text):
        raise FieldProblem(_("type the two-letter country code, such as NL or BE"))
    return text.upper()


# -- choosing the input for a field ------------------------------------------------------------


def field_input(
    name: str, role: Role, empty_problem: Callable[[], str] | None = None
) -> FieldInput:
    """The input for the party or property field ``name`` in a check of ``role``;
    ``empty_problem`` says why a name may not stay empty (a party needs one)."""
    if name in IDENTIFIER_FIELDS:
        kind = IDENTIFIER_FIELDS[name]
        write = show_iban if kind == "iban" else str
        return TextLine(identifier_parser(kind), write, max_length=IDENTIFIER_LIMIT + 10)
    if name in DATE_FIELDS:
        return date_line(birth=name == "birth_date")
    if name in AMOUNT_FIELDS:
        return TextLine(parse_typed_amount, show_amount, max_length=40)
    if name in TEXT_FIELDS or name in LIST_FIELDS:
        return TextBlock(as_list=name in LIST_FIELDS)
    if name in VALUE_LABELS:
        return value_choice(name)
    if name in NAME_FIELDS:
        return text_line(NAME_LIMIT, empty_problem)
    if name == "phone":
        return TextLine(parse_phone, max_length=40)
    if name == "email":
        return TextLine(parse_email, max_length=254)
    if name == "pep":
        return yes_no(_("not recorded"))
    if name == "household_size":
        return Count(50)
    if name == "id_document":
        return IdDocumentGroup(landlord=role is Role.LANDLORD)
    if name == "sanctions_screening":
        return ScreeningGroup()
    if name == "vog":
        return VogGroup()
    if name == "ubos":
        return UboList()
    return text_line()
