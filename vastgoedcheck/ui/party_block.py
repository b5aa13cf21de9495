"""One party of a check in the parties form: its role in the matter, person or organisation,
and the rows of fields its pack asks for."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from vastgoedcheck.domain.check import Party, PartyKind
from vastgoedcheck.domain.pack import FieldNeed, Pack, Role
from vastgoedcheck.domain.scope import Scope, field_allowed
from vastgoedcheck.i18n import _
from vastgoedcheck.i18n.field_labels import field_label, party_kind_label, party_role_label
from vastgoedcheck.ui.field_input_factory import field_input
from vastgoedcheck.ui.field_inputs import FieldInput, SteadyComboBox, capitalised


def place(where: str, field: str, reason: str) -> str:
    """A problem with where it is: "Party 1 (tenant) – Postcode: reason"."""
    return _("{where} – {field}: {reason}").format(where=where, field=field, reason=reason)


class FieldRows(QWidget):
    """The fields of one category (a person, an organisation, the property), one row each;
    a required field's label ends in "*"."""

    changed = Signal()
    reshaped = Signal()

    def __init__(
        self,
        needs: Mapping[str, FieldNeed],
        role: Role,
        empty_name_problem: Callable[[], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.inputs: dict[str, FieldInput] = {}
        self.labels: list[QLabel] = []
        for name, need in needs.items():
            if role is Role.LANDLORD and not field_allowed(Scope(role, wwft=False), name):
                continue  # data a landlord has no lawful reason to keep is not even asked
            entry = field_input(name, role, empty_name_problem if name == "name" else None)
            entry.setObjectName(name)
            required = need is FieldNeed.REQUIRED
            text = field_label(name)
            label = QLabel(f"{text} *" if required else text)
            label.setBuddy(entry)
            entry.set_label(text, required)
            entry.changed.connect(self.changed)
            entry.reshaped.connect(self.reshaped)
            form.addRow(label, entry)
            self.inputs[name] = entry
            self.labels.append(label)
        self._form = form

    def show_only(self, asked: Callable[[str], bool]) -> None:
        """Show only the fields asked now (some wait for the contract stage); a hidden field
        keeps what was entered in it."""
        for name, entry in self.inputs.items():
            self._form.setRowVisible(entry, asked(name))

    def values(self) -> dict[str, object]:
        found = {}
        for name, entry in self.inputs.items():
            value = entry.value()
            if value is not None:
                found[name] = value
        return found

    def set_values(self, data: Mapping[str, object]) -> None:
        for name, entry in self.inputs.items():
            entry.set_value(data.get(name))

    def problems(self) -> list[tuple[str, str]]:
        """(field label, reason) for every current problem."""
        return [
            (f"{field_label(name)}, {part}" if part else field_label(name), reason)
            for name, entry in self.inputs.items()
            for part, reason in entry.problems()
        ]

    def reveal_problems(self, skip: QWidget | None = None) -> None:
        for entry in self.inputs.values():
            if skip is None or not (entry is skip or entry.isAncestorOf(skip)):
                entry.reveal_problems()

    def set_read_only(self, read_only: bool) -> None:
        for entry in self.inputs.values():
            entry.set_read_only(read_only)


class PartyBlock(QGroupBox):
    """One party: its role in the matter, person or organisation, and its fields."""

    changed = Signal()
    reshaped = Signal()
    remove_requested = Signal(object)

    def __init__(self, pack: Pack, role: Role, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("partyBlock")
        self.pack, self.check_role = pack, role
        self.stage: str | None = None
        self.number = 1
        self.rows: dict[PartyKind, FieldRows] = {}
        self.party_roles = list(pack.party_roles)
        self.role_combo = SteadyComboBox()
        self.role_combo.setObjectName("partyRole")
        self.role_combo.addItems([capitalised(party_role_label(r)) for r in self.party_roles])
        self.kinds = [kind for kind in PartyKind if pack.fields.get(kind.value)]
        self.kind_combo = SteadyComboBox()
        self.kind_combo.setObjectName("partyKind")
        self.kind_combo.addItems([capitalised(party_kind_label(k.value)) for k in self.kinds])
        self.remove_button = QPushButton(_("Remove this party"))
        self.remove_button.setObjectName("removePartyButton")
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))

        head = QFormLayout()
        head.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.head_labels: list[QLabel] = []
        for text, combo in (
            (_("Role"), self.role_combo),
            (_("Person or organisation"), self.kind_combo),
        ):
            label = QLabel(text)
            label.setBuddy(combo)
            combo.setAccessibleName(text)
            head.addRow(label, combo)
            self.head_labels.append(label)
        self.body = QVBoxLayout(self)
        self.body.addLayout(head)
        self.body.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)
        self._show_kind(self.kind())
        self.role_combo.currentIndexChanged.connect(self._role_changed)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)

    def set_number(self, number: int) -> None:
        self.number = number
        self.setTitle(_("Party {number}").format(number=number))

    def where(self) -> str:
        return _("Party {number} ({role})").format(
            number=self.number, role=party_role_label(self.party_role())
        )

    def party_role(self) -> str:
        return self.party_roles[max(self.role_combo.currentIndex(), 0)]

    def set_party_role(self, party_role: str) -> None:
        if party_role not in self.party_roles:  # a role this pack does not list: shown, kept
            self.party_roles.append(party_role)
            self.role_combo.addItem(capitalised(party_role_label(party_role)))
        self.role_combo.setCurrentIndex(self.party_roles.index(party_role))

    def kind(self) -> PartyKind:
        return self.kinds[max(self.kind_combo.currentIndex(), 0)]

    def set_kind(self, kind: PartyKind) -> None:
        if kind in self.kinds:
            self.kind_combo.setCurrentIndex(self.kinds.index(kind))

    def fields(self) -> FieldRows:
        """The rows of the current kind."""
        return self.rows[self.kind()]

    def input(self, name: str) -> FieldInput:
        return self.fields().inputs[name]

    def _show_kind(self, kind: PartyKind) -> None:
        if kind not in self.rows:
            rows = FieldRows(self.pack.fields.get(kind.value, {}), self.check_role, self._no_name)
            rows.show_only(partial(self.pack.field_asked_at, kind.value, stage=self.stage))
            rows.changed.connect(self._fields_changed)
            rows.reshaped.connect(self.reshaped)
            self.body.insertWidget(self.body.count() - 1, rows)
            self.rows[kind] = rows
        for shown_kind, rows in self.rows.items():
            rows.setVisible(shown_kind is kind)
        self._align_labels()

    def _align_labels(self) -> None:
        """One label column for the role, the kind and the fields, so the inputs line up."""
        labels = [
            *self.head_labels,
            *(label for rows in self.rows.values() for label in rows.labels),
        ]
        width = max(label.sizeHint().width() for label in labels)
        for label in labels:
            label.setMinimumWidth(width)

    def _no_name(self) -> str:
        values = self.fields().values()
        values.pop("name", None)
        return _("enter the name of this party") if values else ""

    def _fields_changed(self) -> None:
        name = self.fields().inputs.get("name")
        if name is not None and name.shown_problems():  # "enter the name" may no longer apply
            name.reveal_problems()
        self.changed.emit()

    def _role_changed(self) -> None:
        self.changed.emit()

    def _kind_changed(self) -> None:
        before = next((rows for rows in self.rows.values() if not rows.isHidden()), None)
        self._show_kind(self.kind())
        if before is not None:  # what both kinds have (name, address …) comes along
            carried = {
                name: value
                for name, value in before.values().items()
                if name in self.fields().inputs
            }
            for name, value in carried.items():
                self.fields().inputs[name].set_value(value)
        self.reshaped.emit()
        self.changed.emit()

    def set_stage(self, stage: str | None) -> None:
        self.stage = stage
        for kind, rows in self.rows.items():
            rows.show_only(partial(self.pack.field_asked_at, kind.value, stage=stage))

    def party(self) -> Party | None:
        """The party as the store keeps it; None when nothing was entered."""
        data = self.fields().values()
        return Party(self.party_role(), self.kind(), data) if data else None

    def set_party(self, party: Party) -> None:
        self.set_party_role(party.role)
        self.set_kind(party.kind)
        self.fields().set_values(party.data)

    def has_data(self) -> bool:
        return bool(self.fields().values())

    def problems(self) -> list[str]:
        where = self.where()
        return [place(where, field, reason) for field, reason in self.fields().problems()]

    def set_read_only(self, read_only: bool) -> None:
        self.role_combo.setEnabled(not read_only)
        self.kind_combo.setEnabled(not read_only)
        self.remove_button.setVisible(not read_only)
        for rows in self.rows.values():
            rows.set_read_only(read_only)
