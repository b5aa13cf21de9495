"""The parties and the property of a check: a form showing only the fields its pack asks for,
and the editor that binds that form to a stored draft and saves it as the person types."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from itertools import pairwise

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QHideEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from vastgoedcheck.domain.check import Party, PartyKind, Status
from vastgoedcheck.domain.pack import FieldNeed, Pack, Role
from vastgoedcheck.domain.scope import Scope, field_allowed
from vastgoedcheck.i18n import _
from vastgoedcheck.i18n.field_labels import field_label, party_kind_label, party_role_label
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.field_input_factory import field_input
from vastgoedcheck.ui.field_inputs import FieldInput, ProblemLine, SteadyComboBox, capitalised

AUTOSAVE_DELAY_MS = 400
MAX_PARTIES = 50


def _place(where: str, field: str, reason: str) -> str:
    return _("{where} – {field}: {reason}").format(where=where, field=field, reason=reason)


def focus_chain(root: QWidget) -> list[QWidget]:
    """The focusable widgets under ``root`` in the order their layouts show them."""
    found: list[QWidget] = []

    def walk_layout(layout: QLayout) -> None:
        for index in range(layout.count()):
            item = layout.itemAt(index)
            if item is None:
                continue
            if (child := item.widget()) is not None:
                walk_widget(child)
            elif (inner := item.layout()) is not None:
                walk_layout(inner)

    def walk_widget(widget: QWidget) -> None:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.focusProxy() is None:
            found.append(widget)
        if (layout := widget.layout()) is not None:
            walk_layout(layout)

    walk_widget(root)
    return found


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
        return [_place(where, field, reason) for field, reason in self.fields().problems()]

    def set_read_only(self, read_only: bool) -> None:
        self.role_combo.setEnabled(not read_only)
        self.kind_combo.setEnabled(not read_only)
        self.remove_button.setVisible(not read_only)
        for rows in self.rows.values():
            rows.set_read_only(read_only)


class DetailsForm(QWidget):
    """The parties and the property of a check of ``pack`` made by ``role``.

    ``details()`` gives them in the types the store keeps, leaving empty fields (and parties
    without any data) out; ``problems()`` names every value that cannot be kept as typed.
    """

    changed = Signal()

    def __init__(
        self,
        pack: Pack,
        role: Role,
        parent: QWidget | None = None,
        stage: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("detailsForm")
        self.pack, self.role = pack, role
        self.stage = stage
        self.read_only = False
        self._loading = False
        self.party_blocks: list[PartyBlock] = []

        intro = QLabel(
            _(
                "Fields marked * are asked for by this checklist. Fill in what you know now; "
                "you can add the rest later."
            )
        )
        intro.setObjectName("requiredExplanation")
        intro.setWordWrap(True)
        parties_heading = QLabel(_("Parties"))
        font = QFont(parties_heading.font())
        font.setBold(True)
        parties_heading.setFont(font)
        self.parties_box = QVBoxLayout()
        self.add_button = QPushButton(_("Add a party"))
        self.add_button.setObjectName("addPartyButton")
        self.add_button.clicked.connect(self._add_clicked)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(parties_heading)
        layout.addLayout(self.parties_box)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.property_rows: FieldRows | None = None
        property_needs = pack.fields.get("property", {})
        if property_needs:
            box = QGroupBox(_("The property and the transaction"))
            box.setObjectName("propertyBox")
            self.property_rows = FieldRows(property_needs, role)
            self.property_rows.show_only(partial(pack.field_asked_at, "property", stage=stage))
            self.property_rows.changed.connect(self._changed)
            self.property_rows.reshaped.connect(self._set_tab_order)
            QVBoxLayout(box).addWidget(self.property_rows)
            layout.addWidget(box)
        layout.addStretch(1)
        self.add_party()

    # -- parties --------------------------------------------------------------------------------

    def add_party(
        self, party_role: str | None = None, kind: PartyKind = PartyKind.PERSON
    ) -> PartyBlock:
        """A new, empty party block at the end (of the pack's first party role by default)."""
        block = PartyBlock(self.pack, self.role)
        block.set_stage(self.stage)
        block.set_party_role(party_role or self.pack.party_roles[0])
        block.set_kind(kind)
        block.changed.connect(self._changed)
        block.reshaped.connect(self._set_tab_order)
        block.remove_requested.connect(self._remove_clicked)
        self.party_blocks.append(block)
        self.parties_box.addWidget(block)  # in the form before any part of it is shown or hidden
        block.set_read_only(self.read_only)
        self._renumber()
        return block

    def remove_party(self, block: PartyBlock) -> None:
        self.party_blocks.remove(block)
        block.setParent(None)
        block.deleteLater()
        self._renumber()
        self._changed()

    def _add_clicked(self) -> None:
        block = self.add_party()
        block.role_combo.setFocus()
        self._changed()

    def _remove_clicked(self, block: PartyBlock) -> None:
        if block.has_data():
            name = block.fields().inputs["name"].value() if "name" in block.fields().inputs else ""
            question = (
                _("Remove party {number} ({name}) and everything entered for it?")
                if name
                else _("Remove party {number} and everything entered for it?")
            ).format(number=block.number, name=name)
            answer = QMessageBox.question(self, _("Remove party"), question)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.remove_party(block)

    def _renumber(self) -> None:
        for number, block in enumerate(self.party_blocks, start=1):
            block.set_number(number)
            block.remove_button.setEnabled(len(self.party_blocks) > 1)
        self.add_button.setEnabled(len(self.party_blocks) < MAX_PARTIES)
        self._set_tab_order()

    def _set_tab_order(self) -> None:
        """Tab goes through the party blocks in order, the "Add a party" button, then the
        property fields.

        Qt leaves a pair alone when only unfocusable widgets lie between them, counting round
        the window: where the form is all a window can focus (a form of its own, or in the
        details editor while it is being made), the button and the property fields, made
        before the parties, would stay in front of the first party, and the page would start
        there once it is placed in the editor. While the order is set, the form itself counts
        as a stop, so the chain starts at the first party.
        """
        chain = focus_chain(self)
        policy = self.focusPolicy()
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        try:
            for before, after in pairwise(chain):
                QWidget.setTabOrder(before, after)
        finally:
            self.setFocusPolicy(policy)

    def _changed(self) -> None:
        if not self._loading:
            self.changed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in a line goes on to the next field; it never finishes the dialog around it."""
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            super().keyPressEvent(event)
            return
        if isinstance(QApplication.focusWidget(), QLineEdit):
            self.focusNextChild()
        event.accept()

    # -- values ---------------------------------------------------------------------------------

    def set_details(self, parties: Sequence[Party], property_data: Mapping[str, object]) -> None:
        """Show these parties and this property (``changed`` is not emitted)."""
        self._loading = True
        try:
            for block in list(self.party_blocks):
                self.party_blocks.remove(block)
                block.setParent(None)
                block.deleteLater()
            for party in parties:
                self.add_party().set_party(party)
            if not parties:
                self.add_party()
            if self.property_rows is not None:
                self.property_rows.set_values(property_data)
        finally:
            self._loading = False
        self._set_tab_order()

    def details(self) -> tuple[list[Party], dict[str, object]]:
        """The parties and the property, valid values only, empty fields left out."""
        parties = [party for block in self.party_blocks if (party := block.party()) is not None]
        property_data = self.property_rows.values() if self.property_rows is not None else {}
        return parties, property_data

    def has_named_party(self) -> bool:
        return any(party.name.strip() for party in self.details()[0])

    def party_problems(self) -> list[str]:
        return [problem for block in self.party_blocks for problem in block.problems()]

    def property_problems(self) -> list[str]:
        if self.property_rows is None:
            return []
        where = _("Property")
        return [_place(where, field, reason) for field, reason in self.property_rows.problems()]

    def problems(self) -> list[str]:
        """Every value that cannot be kept as typed: "Where – Field: reason"."""
        return self.party_problems() + self.property_problems()

    def reveal_problems(self, skip_focused: bool = False) -> None:
        """Mark every problem under its field; ``skip_focused`` spares the field being typed in."""
        skip = QApplication.focusWidget() if skip_focused else None
        for block in self.party_blocks:
            block.fields().reveal_problems(skip)
        if self.property_rows is not None:
            self.property_rows.reveal_problems(skip)

    def set_stage(self, stage: str | None) -> None:
        """Show the fields asked at this stage of the check (income only from the contract
        stage on, for example)."""
        self.stage = stage
        for block in self.party_blocks:
            block.set_stage(stage)
        if self.property_rows is not None:
            self.property_rows.show_only(partial(self.pack.field_asked_at, "property", stage=stage))

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for block in self.party_blocks:
            block.set_read_only(read_only)
        self.add_button.setVisible(not read_only)
        if self.property_rows is not None:
            self.property_rows.set_read_only(read_only)


class DetailsEditor(QWidget):
    """The details form of one stored draft, saved a moment after each change.

    Saves through ``store.set_parties``/``set_property`` once the parties (or the property)
    have no problems; until then a line says what is not saved. ``flush()`` saves at once.
    A final check is shown read-only.
    """

    saved = Signal()

    def __init__(self, store: Store, check_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailsEditor")
        self.store, self.check_id = store, check_id
        check = store.get(check_id)
        pack = store.pack_of(check)
        self.form = DetailsForm(pack, check.role, stage=pack.stage(check.answer_values()))
        self.form.set_details(check.parties, check.property)
        self._stored_parties = list(check.parties)
        self._stored_property = dict(check.property)
        self.read_only = check.status is Status.FINAL

        self.notice = QLabel(
            _(
                "This check is final: its details can no longer be changed. "
                "To correct them, amend the check."
            )
        )
        self.notice.setObjectName("readOnlyNotice")
        self.notice.setWordWrap(True)
        self.status = ProblemLine()
        self.status.setObjectName("saveStatus")
        scroll = QScrollArea()
        scroll.setObjectName("detailsScroll")
        scroll.setWidgetResizable(True)
        # Not a Tab stop of its own: Tab goes straight to the fields, which scroll into view.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(self.form)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        self.notice.setHidden(not self.read_only)  # in the layout first: never a window

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_DELAY_MS)
        self.timer.timeout.connect(self._autosave)
        self.form.changed.connect(self.timer.start)
        self.form.set_read_only(self.read_only)

    def _autosave(self) -> None:  # a slot returns nothing: PySide mishandles a returned bool
        self.flush()

    def pending(self) -> bool:
        """Whether a change is waiting to be saved."""
        return self.timer.isActive()

    def flush(self) -> bool:
        """Save what can be saved now; True when everything shown is stored."""
        self.timer.stop()
        if self.read_only:
            return True
        parties, property_data = self.form.details()
        parties_clean = not self.form.party_problems()
        property_clean = not self.form.property_problems()
        wrote = False
        try:
            if parties_clean and parties != self._stored_parties:
                check = self.store.set_parties(self.check_id, parties)
                self._stored_parties, wrote = list(check.parties), True
            if property_clean and property_data != self._stored_property:
                check = self.store.set_property(self.check_id, property_data)
                self._stored_property, wrote = dict(check.property), True
        except StoreError as error:
            self.status.show_problem(_("Not saved: {reason}").format(reason=error))
            return False
        finally:
            if wrote:
                self.saved.emit()
        if not (parties_clean and property_clean):
            self.form.reveal_problems(skip_focused=True)
            self.status.show_problem(_("Not saved yet: correct the marked fields."))
            return False
        self.status.show_problem("")
        return True

    def hideEvent(self, event: QHideEvent) -> None:
        if self.pending():  # leaving the page: keep what was typed
            self.flush()
        super().hideEvent(event)
