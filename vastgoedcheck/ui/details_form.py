"""The parties and the property of a check: a form showing only the fields its pack asks for
(the parties' blocks are in party_block; saving a stored draft's form is in details_editor)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial
from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QGroupBox,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vastgoedcheck.domain.check import Party, PartyKind
from vastgoedcheck.domain.pack import Pack, Role
from vastgoedcheck.i18n import _
from vastgoedcheck.ui.party_block import FieldRows, PartyBlock, place

MAX_PARTIES = 50


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
        return [place(where, field, reason) for field, reason in self.property_rows.problems()]

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
