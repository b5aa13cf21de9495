"""The party fields made of several parts: an ID document, a sanctions screening, a certificate
of conduct (VOG) and the list of ultimate beneficial owners (UBOs).

Each group is one FieldInput built from the simple inputs: it keeps its parts' values together
in a dict, names each part with the group for assistive technology, and adds the problems of
the parts together ("enter both the date and the result …").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QFrame,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vastgoedcheck.domain.pack import (
    LANDLORD_ID_NUMBER_CHARS,
    NUMBER_UNUSABLE,
    WWFT_ONLY_ID_DOCUMENT_PARTS,
    id_number_end,
)
from vastgoedcheck.exchange.reading import DUTCH_ID_TYPES
from vastgoedcheck.i18n import _
from vastgoedcheck.i18n.field_labels import FIELD_LABELS, PART_LABELS
from vastgoedcheck.ui.field_inputs import (
    IDENTIFIER_LIMIT,
    LIST_LIMIT,
    NAME_LIMIT,
    FieldInput,
    Problem,
    ProblemLine,
    TextLine,
    capitalised,
    date_line,
    text_line,
    value_choice,
    yes_no,
)
from vastgoedcheck.ui.typed_values import identifier_parser, parse_country_code

DEFAULT_COUNTRY = "NL"


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
    """The identity document; a landlord keeps only its type, expiry, verification and the last
    characters of its number: not where or in which country it was issued (a proxy for
    nationality)."""

    def __init__(self, landlord: bool, parent: QWidget | None = None) -> None:
        self.landlord = landlord
        self.unusable = False  # the stored number was cut at the wrong end by an earlier version
        limit = IDENTIFIER_LIMIT  # a landlord may type the whole number; only its end is kept
        hint = (
            _("A landlord keeps only the last {count} characters of the number.").format(
                count=LANDLORD_ID_NUMBER_CHARS
            )
            if landlord
            else ""
        )
        self._hint = hint
        self.number = TextLine(self._parse_number, max_length=limit, hint=hint)
        self.number.editor.setObjectName("idNumber")
        self.country = TextLine(parse_country_code, max_length=2)
        self.kind = value_choice("type")
        parts: list[tuple[str, str, FieldInput]] = [
            ("type", _(PART_LABELS["type"]), self.kind),
            ("number", _(PART_LABELS["number"]), self.number),
            ("issuing_country", _(PART_LABELS["issuing_country"]), self.country),
            ("issue_date", _(PART_LABELS["issue_date"]), date_line()),
            ("issue_place", _(PART_LABELS["issue_place"]), text_line()),
            ("expiry", _(PART_LABELS["expiry"]), date_line()),
            ("verified_on", _(PART_LABELS["verified_on"]), date_line()),
            ("verified_by", _(PART_LABELS["verified_by"]), text_line()),
        ]
        if landlord:
            parts = [p for p in parts if p[0] not in WWFT_ONLY_ID_DOCUMENT_PARTS]
        super().__init__(parts, parent)
        self.country.set_value(DEFAULT_COUNTRY)
        self.kind.changed.connect(self.number.refresh)
        self.country.changed.connect(self.number.refresh)

    def _parse_number(self, text: str) -> object:
        compact = text.replace(" ", "").upper()
        if self.landlord:
            return id_number_end(compact)
        if self.kind.value() in DUTCH_ID_TYPES and self.country.value() == DEFAULT_COUNTRY:
            return identifier_parser("id-document")(text)
        return compact

    def values(self) -> dict[str, object]:
        values = super().values()
        if self.unusable and "number" not in values:  # kept until a number is typed again
            values[NUMBER_UNUSABLE] = True
        return values

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
            given["number"] = id_number_end(number)
        if value is None and not self.landlord:
            given["issuing_country"] = DEFAULT_COUNTRY
        self.unusable = bool(given.pop(NUMBER_UNUSABLE, False))
        super().set_value(given)
        self._show_unusable()

    def _show_unusable(self) -> None:
        """Say that the number kept earlier cannot be used, until a new one is typed."""
        if self.unusable and self.number.value() is None:
            self.number.hint.setText(
                _(
                    "The number kept earlier was shortened at the wrong end and cannot be used: "
                    "type the last {count} characters again from the document."
                ).format(count=LANDLORD_ID_NUMBER_CHARS)
            )
            self.number.hint.setHidden(False)
        else:
            self.number.hint.setText(self._hint)
            self.number.hint.setHidden(not self._hint)
        self.number.describe(self.number.problem_line.shown())

    def _part_changed(self) -> None:
        if self.unusable and self.number.value() is not None:
            self.unusable = False  # a number typed again replaces the unusable one
            self._show_unusable()
        super()._part_changed()


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
