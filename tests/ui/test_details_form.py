"""The parties-and-property form and its editor: only the pack's fields, inline problems in
words, values in the types the store keeps, autosave of a draft, read-only for a final check."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from tests.domain.packs_for_tests import stage_pack
from tests.ui.accessibility import unnamed_controls
from tests.ui.conftest import Dialogs, complete_draft, new_draft
from vastgoedcheck.domain.check import Party, PartyKind
from vastgoedcheck.domain.pack import WWFT_ONLY_FIELDS, Pack, Role
from vastgoedcheck.packs.loading import pack_from_dict
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.details_editor import DetailsEditor
from vastgoedcheck.ui.details_form import DetailsForm
from vastgoedcheck.ui.field_groups import IdDocumentGroup, PartsGroup, UboList
from vastgoedcheck.ui.field_inputs import Choice, Count, FieldInput, TextBlock, TextLine
from vastgoedcheck.ui.party_block import PartyBlock

NOTARY_PERSON = {
    "name": "Mehmet Yılmaz",
    "birth_date": dt.date(1985, 1, 30),
    "birth_place": "Rotterdam",
    "nationality": "Dutch",
    "country_of_residence": "Netherlands",
    "address": "Lindenlaan 4",
    "postcode": "1234 AB",
    "city": "Amersfoort",
    "phone": "+31 6 1234 5678",
    "email": "m.yilmaz@example.nl",
    "id_document": {
        "type": "passport",
        "number": "SPR34K7L8",
        "issuing_country": "NL",
        "issue_date": dt.date(2020, 5, 1),
        "issue_place": "Amersfoort",
        "expiry": dt.date(2030, 5, 1),
        "verified_on": dt.date(2026, 1, 12),
        "verified_by": "P. Visser",
    },
    "source_of_funds": "Savings from salary.\nSale of the previous home.",
    "pep": False,
    "sanctions_screening": {"date": dt.date(2026, 1, 12), "list": "EU", "result": "no_hit"},
    "bsn": "111222333",
}
NOTARY_ORGANISATION = {
    "name": "Lindenlaan Beheer B.V.",
    "trade_names": ["Lindenlaan Beheer", "LB Vastgoed"],
    "legal_form": "besloten vennootschap",
    "kvk": "12345678",
    "establishment_number": "000012345678",
    "rsin": "002399167",
    "address": "Stationsplein 1",
    "postcode": "3511 AD",
    "city": "Utrecht",
    "registration_date": dt.date(2012, 3, 4),
    "sbi_activity": "6810 Buying and selling of own real estate",
    "representatives": ["J. de Vries"],
    "ubos": [
        {
            "name": "J. de Vries",
            "birth_date": dt.date(1970, 7, 7),
            "residence": "Utrecht",
            "interest": "100% of the shares",
        }
    ],
    "parent_entities": ["De Vries Holding B.V."],
    "ubo_register_reference": "UBO-2026-0042",
    "sanctions_screening": {"date": dt.date(2026, 1, 12), "result": "no_hit"},
}
NOTARY_PROPERTY = {
    "address": "Lindenlaan 4",
    "postcode": "1234 AB",
    "city": "Amersfoort",
    "bag_id": "0307010000123456",
    "cadastral_designation": "AMF01 K 1234",
    "object_type": "house",
    "intended_use": "own residence",
    "transaction": "sale",
    "price": Decimal("425000.00"),
    "woz_value": Decimal("398000.00"),
    "valuation": Decimal("430000.50"),
    "payment_method": "bank_transfer",
    "payer_iban": "NL91ABNA0417164300",
    "payer_name": "Mehmet Yılmaz",
    "financing_type": "bank_mortgage",
    "lender": "ABN AMRO",
    "prior_enforcement": "None known.",
}


def pack(registry: PackRegistry, pack_id: str) -> Pack:
    found = registry.get(pack_id)
    assert found is not None
    return found


def make_form(qtbot: QtBot, registry: PackRegistry, pack_id: str, role: Role) -> DetailsForm:
    form = DetailsForm(pack(registry, pack_id), role)
    qtbot.addWidget(form)
    form.show()
    return form


def type_line(qtbot: QtBot, entry: FieldInput, text: str) -> QLineEdit:
    """Clear the line of a text input, type ``text`` and press Enter (editing finished)."""
    assert isinstance(entry, TextLine)
    entry.line.clear()
    if text.isascii():
        qtbot.keyClicks(entry.line, text)
    else:  # QTest cannot type "€" or "ı": pasted instead
        entry.line.insert(text)
    qtbot.keyClick(entry.line, Qt.Key.Key_Return)
    return entry.line


def type_block(qtbot: QtBot, entry: FieldInput, lines: list[str]) -> QPlainTextEdit:
    assert isinstance(entry, TextBlock)
    for index, line in enumerate(lines):
        if index:
            qtbot.keyClick(entry.block, Qt.Key.Key_Return)
        if line.isascii():
            qtbot.keyClicks(entry.block, line)
        else:
            entry.block.insertPlainText(line)
    return entry.block


def choose(entry: FieldInput, value: object) -> None:
    assert isinstance(entry, Choice)
    entry.combo.setCurrentIndex(entry.index_of(value))


def shown_label(form: DetailsForm, entry: FieldInput) -> str:
    """The text of the label that names ``entry`` (its buddy)."""
    return next(label.text() for label in form.findChildren(QLabel) if label.buddy() is entry)


def fill(qtbot: QtBot, entry: FieldInput, value: object) -> None:
    """Type or choose ``value`` into ``entry`` the way a person would write it."""
    if isinstance(entry, TextLine):
        if isinstance(value, dt.date):
            text = f"{value.day}-{value.month}-{value.year}"
        elif isinstance(value, Decimal):
            text = f"{value:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
        else:
            text = str(value)
        type_line(qtbot, entry, text)
    elif isinstance(entry, TextBlock):
        type_block(qtbot, entry, value if isinstance(value, list) else str(value).split("\n"))
    elif isinstance(entry, Choice):
        choose(entry, value)
    elif isinstance(entry, Count):
        entry.spin.setValue(int(str(value)))
    elif isinstance(entry, UboList):
        assert isinstance(value, list)
        for ubo in value:
            qtbot.mouseClick(entry.add_button, Qt.MouseButton.LeftButton)
            for key, part in ubo.items():
                fill(qtbot, entry.entries[-1].part(key), part)
    else:
        assert isinstance(entry, PartsGroup) and isinstance(value, dict)
        for key, part in value.items():
            fill(qtbot, entry.part(key), part)


def fill_party(qtbot: QtBot, block: PartyBlock, data: dict[str, object]) -> None:
    for name, value in data.items():
        fill(qtbot, block.input(name), value)


# -- which fields ------------------------------------------------------------------------------


def test_a_landlord_sees_only_the_fields_the_residential_pack_asks_for(
    qtbot: QtBot, registry: PackRegistry
) -> None:
    form = make_form(qtbot, registry, "landlord-residential", Role.LANDLORD)
    [block] = form.party_blocks
    shown = set(block.fields().inputs)
    asked = set(pack(registry, "landlord-residential").fields["person"])
    assert shown == asked - WWFT_ONLY_FIELDS  # the pack asks them of an agent under the Wwft
    assert {"source_of_funds", "pep"} <= asked
    assert not shown & {"nationality", "bsn", "birth_place", "source_of_funds", "pep"}
    assert block.party_role() == "tenant" and block.kind() is PartyKind.PERSON
    assert {"household_size", "net_monthly_income"} <= shown


def test_a_notary_records_a_bsn_and_required_fields_are_marked(
    qtbot: QtBot, registry: PackRegistry
) -> None:
    form = make_form(qtbot, registry, "notary-transaction", Role.NOTARY)
    block = form.party_blocks[0]
    assert {"bsn", "nationality", "birth_place"} <= set(block.fields().inputs)
    name = block.input("name")
    assert isinstance(name, TextLine)
    assert shown_label(form, name) == "Name *"
    assert name.line.accessibleName() == "Name"
    assert "required" in name.line.accessibleDescription()
    bsn = block.input("bsn")  # conditional: not marked as required
    assert shown_label(form, bsn) == "BSN"
    explanation = form.findChild(QLabel, "requiredExplanation")
    assert explanation is not None and "*" in explanation.text()


def test_an_organisation_shows_the_organisation_fields_and_keeps_the_name(
    qtbot: QtBot, registry: PackRegistry
) -> None:
    form = make_form(qtbot, registry, "broker-buyer", Role.BROKER)
    block = form.party_blocks[0]
    type_line(qtbot, block.input("name"), "Bakker Vastgoed B.V.")
    type_line(qtbot, block.input("postcode"), "3511ad")
    block.kind_combo.setCurrentIndex(block.kinds.index(PartyKind.ORGANISATION))
    assert "kvk" in block.fields().inputs and "birth_date" not in block.fields().inputs
    [party], _property = form.details()
    assert party.kind is PartyKind.ORGANISATION
    assert party.data == {"name": "Bakker Vastgoed B.V.", "postcode": "3511 AD"}


# -- typed values ------------------------------------------------------------------------------


def test_a_bad_postcode_is_explained_under_the_field_until_it_is_corrected(
    qtbot: QtBot, registry: PackRegistry
) -> None:
    form = make_form(qtbot, registry, "broker-buyer", Role.BROKER)
    block = form.party_blocks[0]
    type_line(qtbot, block.input("name"), "Eva de Boer")
    postcode = block.input("postcode")
    qtbot.keyClicks(postcode.focusProxy(), "1234")
    assert postcode.shown_problems() == []  # nothing is marked while typing
    line = type_line(qtbot, postcode, "12345 A")
    assert postcode.shown_problems() == ["Not a valid Dutch postcode (1234 AB)."]
    assert "Not a valid Dutch postcode" in line.accessibleDescription()
    assert form.problems() == ["Party 1 (buyer) – Postcode: not a valid Dutch postcode (1234 AB)"]
    assert form.details()[0][0].data == {"name": "Eva de Boer"}
    line = type_line(qtbot, postcode, "1234ab")
    assert postcode.shown_problems() == [] and form.problems() == []
    assert line.text() == "1234 AB"


def test_dates_amounts_and_ibans_are_read_the_dutch_and_the_english_way(
    qtbot: QtBot, registry: PackRegistry
) -> None:
    form = make_form(qtbot, registry, "landlord-residential", Role.LANDLORD)
    block = form.party_blocks[0]
    type_line(qtbot, block.input("name"), "Daan Bakker")
    birth = type_line(qtbot, block.input("birth_date"), "1-2-1980")
    assert birth.text() == "01-02-1980" and birth.placeholderText() == "dd-mm-yyyy"
    income = type_line(qtbot, block.input("net_monthly_income"), "3.250,50")
    assert income.text() == "€3,250.50"
    rent = form.property_rows.inputs["rent_monthly"] if form.property_rows else None
    assert rent is not None
    type_line(qtbot, rent, "€ 1.250")
    payer = type_line(qtbot, form.property_rows.inputs["payer_iban"], "nl91abna0417164300")
    assert payer.text() == "NL91 ABNA 0417 1643 00"
    [party], property_data = form.details()
    assert party.data["birth_date"] == dt.date(1980, 2, 1)
    assert party.data["net_monthly_income"] == Decimal("3250.50")
    assert property_data == {"rent_monthly": Decimal("1250.00"), "payer_iban": "NL91ABNA0417164300"}
    type_line(qtbot, block.input("birth_date"), "31-02-1980")
    assert block.input("birth_date").shown_problems() == ["31-02-1980 is not an existing date."]
    type_line(qtbot, block.input("birth_date"), "")
    assert form.problems() == [] and "birth_date" not in form.details()[0][0].data


def test_a_phone_an_email_and_a_bsn_in_free_text_are_checked(
    qtbot: QtBot, registry: PackRegistry
) -> None:
    form = make_form(qtbot, registry, "broker-buyer", Role.BROKER)
    block = form.party_blocks[0]
    type_line(qtbot, block.input("name"), "Eva de Boer")
    type_line(qtbot, block.input("phone"), "06-12345678 (mobile)")
    type_line(qtbot, block.input("email"), "eva.deboer example.nl")
    type_block(qtbot, block.input("source_of_funds"), ["Inheritance, see 111222333"])
    block.input("source_of_funds").reveal_problems()
    problems = form.problems()
    assert len(problems) == 3
    assert problems[0].startswith("Party 1 (buyer) – Phone: a phone number holds only digits")
    assert problems[1].startswith("Party 1 (buyer) – E-mail: not an e-mail address")
    assert "looks like a BSN" in problems[2]
    assert "looks like a BSN" in block.input("source_of_funds").shown_problems()[0]


def test_a_landlord_keeps_only_four_characters_of_an_id_number(
    qtbot: QtBot, registry: PackRegistry
) -> None:
    form = make_form(qtbot, registry, "landlord-residential", Role.LANDLORD)
    document = form.party_blocks[0].input("id_document")
    assert isinstance(document, IdDocumentGroup)
    choose(document.part("type"), "id_card")
    number = type_line(qtbot, document.part("number"), "SPR34K7L8")
    assert "last 4 characters" in document.number.hint.text()
    assert "last 4 characters" in number.accessibleDescription()
    type_line(qtbot, form.party_blocks[0].input("name"), "Daan Bakker")
    [party], _property = form.details()
    # The end of the number is kept, never its start: typing it whole cannot store "SPR3".
    assert party.data["id_document"] == {"type": "id_card", "number": "K7L8"}


def test_a_dutch_passport_number_is_checked_for_an_estate_agent(
    qtbot: QtBot, registry: PackRegistry
) -> None:
    form = make_form(qtbot, registry, "broker-buyer", Role.BROKER)
    type_line(qtbot, form.party_blocks[0].input("name"), "Eva de Boer")
    document = form.party_blocks[0].input("id_document")
    assert isinstance(document, IdDocumentGroup)
    choose(document.part("type"), "passport")
    type_line(qtbot, document.part("number"), "SPR34K7L")
    assert form.problems() == [
        "Party 1 (buyer) – ID document, document number: not a valid Dutch passport or "
        "identity card number"
    ]
    assert document.part("number").shown_problems()
    type_line(qtbot, document.part("issuing_country"), "be")  # a Belgian one: kept as written
    assert form.problems() == [] and document.value() == {
        "type": "passport",
        "number": "SPR34K7L",
        "issuing_country": "BE",
    }


def test_a_screening_needs_a_date_and_a_result(qtbot: QtBot, registry: PackRegistry) -> None:
    form = make_form(qtbot, registry, "broker-buyer", Role.BROKER)
    type_line(qtbot, form.party_blocks[0].input("name"), "Eva de Boer")
    screening = form.party_blocks[0].input("sanctions_screening")
    type_line(qtbot, screening.part("list"), "EU sanctions map")
    screening.reveal_problems()
    assert screening.shown_problems() == ["Enter both the date and the result of the screening."]
    type_line(qtbot, screening.part("date"), "12-1-2026")
    choose(screening.part("result"), "no_hit")
    assert screening.shown_problems() == [] and form.problems() == []


# -- several parties ---------------------------------------------------------------------------


def test_several_parties_with_an_organisation_and_its_kvk_number(
    qtbot: QtBot, registry: PackRegistry, dialogs: Dialogs
) -> None:
    form = make_form(qtbot, registry, "landlord-commercial", Role.LANDLORD)
    type_line(qtbot, form.party_blocks[0].input("name"), "Ilse Smit")
    qtbot.mouseClick(form.add_button, Qt.MouseButton.LeftButton)
    second = form.party_blocks[1]
    assert second.title() == "Party 2"
    second.role_combo.setCurrentIndex(second.party_roles.index("guarantor"))
    second.kind_combo.setCurrentIndex(second.kinds.index(PartyKind.ORGANISATION))
    type_line(qtbot, second.input("name"), "Smit Holding B.V.")
    type_line(qtbot, second.input("kvk"), "1234567")
    assert second.input("kvk").shown_problems() == ["A KVK number has 8 digits."]
    assert form.problems() == ["Party 2 (guarantor) – KVK number: a KVK number has 8 digits"]
    type_line(qtbot, second.input("kvk"), "1234 5678")
    parties, _property = form.details()
    assert parties == [
        Party("tenant", PartyKind.PERSON, {"name": "Ilse Smit"}),
        Party(
            "guarantor", PartyKind.ORGANISATION, {"name": "Smit Holding B.V.", "kvk": "12345678"}
        ),
    ]
    dialogs.answer = QMessageBox.StandardButton.No
    qtbot.mouseClick(second.remove_button, Qt.MouseButton.LeftButton)
    assert dialogs.said("Remove party 2 (Smit Holding B.V.)") and len(form.party_blocks) == 2
    dialogs.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(second.remove_button, Qt.MouseButton.LeftButton)
    assert [party.name for party in form.details()[0]] == ["Ilse Smit"]
    assert not form.party_blocks[0].remove_button.isEnabled()  # one party always stays


def test_a_party_with_details_but_no_name_is_a_problem(
    qtbot: QtBot, registry: PackRegistry
) -> None:
    form = make_form(qtbot, registry, "landlord-residential", Role.LANDLORD)
    assert form.problems() == [] and form.details() == ([], {})  # an empty party is left out
    type_line(qtbot, form.party_blocks[0].input("city"), "Utrecht")
    assert form.problems() == ["Party 1 (tenant) – Name: enter the name of this party"]
    assert not form.has_named_party()
    type_line(qtbot, form.party_blocks[0].input("name"), "Daan Bakker")
    assert form.problems() == [] and form.has_named_party()


# -- the editor of a stored draft --------------------------------------------------------------


def open_editor(qtbot: QtBot, store: Store, check_id: str) -> DetailsEditor:
    editor = DetailsEditor(store, check_id)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def test_every_kind_of_field_goes_through_the_store_and_back(
    qtbot: QtBot, store: Store, registry: PackRegistry
) -> None:
    check = store.create(pack(registry, "notary-transaction"), Role.NOTARY)
    editor = open_editor(qtbot, store, check.id)
    form = editor.form
    fill_party(qtbot, form.party_blocks[0], NOTARY_PERSON)
    qtbot.mouseClick(form.add_button, Qt.MouseButton.LeftButton)
    second = form.party_blocks[1]
    second.role_combo.setCurrentIndex(second.party_roles.index("counterparty"))
    second.kind_combo.setCurrentIndex(second.kinds.index(PartyKind.ORGANISATION))
    fill_party(qtbot, second, NOTARY_ORGANISATION)
    assert form.property_rows is not None
    for name, value in NOTARY_PROPERTY.items():
        fill(qtbot, form.property_rows.inputs[name], value)
    assert form.problems() == []
    with qtbot.waitSignal(editor.saved, timeout=3000):
        pass
    assert editor.flush()

    stored = store.get(check.id)
    assert list(stored.parties) == [
        Party("client", PartyKind.PERSON, NOTARY_PERSON),
        Party("counterparty", PartyKind.ORGANISATION, NOTARY_ORGANISATION),
    ]
    assert dict(stored.property) == NOTARY_PROPERTY
    reopened = open_editor(qtbot, store, check.id)
    assert reopened.form.details() == (list(stored.parties), dict(stored.property))


def test_household_size_income_and_a_vog_go_through_the_store_and_back(
    qtbot: QtBot, store: Store, registry: PackRegistry
) -> None:
    residential = store.create(pack(registry, "landlord-residential"), Role.LANDLORD)
    editor = open_editor(qtbot, store, residential.id)
    person = {
        "name": "Daan Bakker",
        "household_size": 3,
        "net_monthly_income": Decimal("3250.50"),
        "id_document": {"type": "id_card", "number": "K7L8", "expiry": dt.date(2031, 5, 14)},
        "sanctions_screening": {"date": dt.date(2026, 1, 12), "result": "possible_hit"},
    }
    fill_party(qtbot, editor.form.party_blocks[0], person)
    assert "issuing_country" not in editor.form.party_blocks[0].input("id_document").parts
    assert editor.flush()
    assert store.get(residential.id).parties == (Party("tenant", PartyKind.PERSON, person),)

    commercial = store.create(pack(registry, "landlord-commercial"), Role.LANDLORD)
    editor = open_editor(qtbot, store, commercial.id)
    tenant = {"name": "Smit Logistiek", "vog": {"presented": True}}
    editor.form.party_blocks[0].kind_combo.setCurrentIndex(1)
    fill_party(qtbot, editor.form.party_blocks[0], tenant)
    assert editor.flush()
    assert store.get(commercial.id).parties == (Party("tenant", PartyKind.ORGANISATION, tenant),)
    reopened = open_editor(qtbot, store, commercial.id)
    assert reopened.form.details()[0][0].data == tenant


def test_the_editor_saves_a_moment_after_a_change_and_waits_for_a_correction(
    qtbot: QtBot, store: Store
) -> None:
    check = new_draft(store)
    editor = open_editor(qtbot, store, check.id)
    block = editor.form.party_blocks[0]
    assert block.input("name").value() == "Daan Bakker"
    with qtbot.waitSignal(editor.saved, timeout=3000):
        type_line(qtbot, block.input("phone"), "030 123 4567")
    assert store.get(check.id).parties[0].data["phone"] == "030 123 4567"

    type_line(qtbot, block.input("postcode"), "35 11")
    qtbot.waitUntil(lambda: not editor.pending(), timeout=3000)
    assert editor.status.shown() == "Not saved yet: correct the marked fields."
    assert "postcode" not in store.get(check.id).parties[0].data
    property_rows = editor.form.property_rows
    assert property_rows is not None
    with qtbot.waitSignal(editor.saved, timeout=3000):  # the property has no problem: it is kept
        type_line(qtbot, property_rows.inputs["city"], "Utrecht-Oost")
    assert store.get(check.id).property["city"] == "Utrecht-Oost"

    with qtbot.waitSignal(editor.saved, timeout=3000):
        type_line(qtbot, block.input("postcode"), "3511 AD")
    assert store.get(check.id).parties[0].data["postcode"] == "3511 AD"
    assert editor.status.shown() == ""


def test_flush_saves_at_once(qtbot: QtBot, store: Store) -> None:
    check = new_draft(store)
    editor = open_editor(qtbot, store, check.id)
    type_line(qtbot, editor.form.party_blocks[0].input("email"), "daan@example.nl")
    assert editor.pending()
    assert editor.flush() and not editor.pending()
    assert store.get(check.id).parties[0].data["email"] == "daan@example.nl"


def test_a_final_check_is_shown_read_only(qtbot: QtBot, store: Store) -> None:
    check = complete_draft(store)
    store.finalize(check.id)
    editor = open_editor(qtbot, store, check.id)
    assert editor.notice.isVisible() and "final" in editor.notice.text()
    name = editor.form.party_blocks[0].input("name")
    assert isinstance(name, TextLine) and name.line.isReadOnly() and name.value()
    assert not editor.form.add_button.isVisible()
    assert not editor.form.party_blocks[0].role_combo.isEnabled()
    before = store.events(check.id)
    qtbot.keyClicks(name.line, "x")
    assert editor.flush() and store.events(check.id) == before


@pytest.mark.parametrize("text", ["1.250,50", "1250.50", "1,250.50", "€ 1.250,50", "EUR 1250,5"])
def test_an_amount_is_read_in_either_style(qtbot: QtBot, registry: PackRegistry, text: str) -> None:
    form = make_form(qtbot, registry, "broker-buyer", Role.BROKER)
    assert form.property_rows is not None
    price = form.property_rows.inputs["price"]
    type_line(qtbot, price, text)
    assert price.value() == Decimal("1250.50")


def focus_order(form: DetailsForm) -> list[QWidget]:
    """The widgets Tab visits, from the first party's role to the end of the form."""
    QApplication.processEvents()  # widgets added to a shown form are shown by a queued call
    start = widget = form.party_blocks[0].role_combo
    visited = []
    while True:
        visited.append(widget)
        widget = widget.nextInFocusChain()
        while not (
            widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.isVisible()
            and widget.isEnabled()
        ):
            widget = widget.nextInFocusChain()
        if widget is start or not form.isAncestorOf(widget):
            return visited


def test_tab_goes_through_added_parties_and_ubos_in_the_order_shown(
    qtbot: QtBot, registry: PackRegistry
) -> None:
    form = make_form(qtbot, registry, "notary-transaction", Role.NOTARY)
    qtbot.mouseClick(form.add_button, Qt.MouseButton.LeftButton)
    second = form.party_blocks[1]
    second.kind_combo.setCurrentIndex(second.kinds.index(PartyKind.ORGANISATION))
    ubos = second.input("ubos")
    assert isinstance(ubos, UboList)
    qtbot.mouseClick(ubos.add_button, Qt.MouseButton.LeftButton)
    order = focus_order(form)
    first_remove = order.index(form.party_blocks[0].remove_button)
    assert order[first_remove + 1] is second.role_combo
    ubo_name = ubos.entries[0].part("name").focusProxy()
    assert order.index(ubo_name) < order.index(ubos.add_button)
    assert order.index(ubos.add_button) < order.index(second.input("parent_entities").focusProxy())
    assert order.index(second.remove_button) < order.index(form.add_button)
    assert form.property_rows is not None
    assert order[-1] is form.property_rows.inputs["prior_enforcement"].focusProxy()


def test_the_parts_of_a_group_are_named_with_the_group(
    qtbot: QtBot, registry: PackRegistry
) -> None:
    form = make_form(qtbot, registry, "broker-buyer", Role.BROKER)
    screening = form.party_blocks[0].input("sanctions_screening")
    assert isinstance(screening, PartsGroup)
    date = screening.part("date").focusProxy()
    assert date.accessibleName() == "Sanctions screening, date"
    assert shown_label(form, screening) == "Sanctions screening *"


def test_the_editor_starts_tab_at_the_first_party_and_names_every_control(
    qtbot: QtBot, store: Store
) -> None:
    check = new_draft(store)
    editor = open_editor(qtbot, store, check.id)
    qtbot.waitExposed(editor)
    form = editor.form
    qtbot.mouseClick(form.add_button, Qt.MouseButton.LeftButton)
    first, second = form.party_blocks
    assert form.property_rows is not None
    QApplication.processEvents()
    stop = editor.nextInFocusChain()  # where Tab starts when the window opens
    while not (stop.focusPolicy() & Qt.FocusPolicy.TabFocus and stop.isVisible()):
        stop = stop.nextInFocusChain()
    assert stop is first.role_combo  # not the scroll area, the add button or the property
    name = first.input("name").focusProxy()
    name.setFocus()
    qtbot.waitUntil(name.hasFocus)
    qtbot.keyClick(name, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is list(first.fields().inputs.values())[1].focusProxy()
    order = focus_order(form)
    assert order.index(first.remove_button) + 1 == order.index(second.role_combo)
    assert order.index(form.add_button) + 1 == order.index(
        next(iter(form.property_rows.inputs.values())).focusProxy()
    )
    assert unnamed_controls(editor) == []


def test_contract_stage_fields_are_not_asked_before_the_contract_stage(qtbot: QtBot) -> None:
    """Wgv and the AP line: household and income only when the candidate is about to sign."""
    form = DetailsForm(pack_from_dict(stage_pack()), Role.LANDLORD)
    qtbot.addWidget(form)
    form.show()
    household = form.party_blocks[0].input("household_size")
    assert not household.isVisible()
    form.set_stage("contract")
    assert household.isVisible()
    form.set_stage("application")
    assert not household.isVisible()
    assert form.party_blocks[0].input("name").isVisible()


def test_a_number_cut_at_the_wrong_end_earlier_is_shown_unusable_until_typed_again(
    qtbot: QtBot, registry: PackRegistry
) -> None:
    form = make_form(qtbot, registry, "landlord-residential", Role.LANDLORD)
    unusable = {"type": "passport", "number_unusable": True}
    form.set_details(
        [Party("tenant", PartyKind.PERSON, {"name": "Daan Bakker", "id_document": unusable})], {}
    )
    document = form.party_blocks[0].input("id_document")
    assert isinstance(document, IdDocumentGroup)
    assert "shortened at the wrong end" in document.number.hint.text()
    assert not document.number.hint.isHidden()
    assert form.details()[0][0].data["id_document"] == unusable  # kept until a number is typed
    type_line(qtbot, document.part("number"), "NW1K2L3M4")
    assert document.number.line.text() == "L3M4"
    assert "last 4 characters" in document.number.hint.text()
    assert form.details()[0][0].data["id_document"] == {"type": "passport", "number": "L3M4"}
