"""The New check wizard, driven like a person would: role, checklist, parties and property,
then Finish makes exactly one draft with those values and the examiner from the settings."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QWizard
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Dialogs
from vastgoedcheck.domain.check import Examiner, Party, PartyKind
from vastgoedcheck.domain.pack import Role
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.field_groups import IdDocumentGroup
from vastgoedcheck.ui.field_inputs import FieldInput, TextLine
from vastgoedcheck.ui.new_check_wizard import (
    DESCRIPTION_ROLE,
    DETAILS_PAGE,
    PACK_PAGE,
    ROLE_PAGE,
    STAGE_PAGE,
    NewCheckWizard,
)
from vastgoedcheck.ui.preferences import Preferences


def open_wizard(qtbot: QtBot, store: Store, preferences: Preferences) -> NewCheckWizard:
    wizard = NewCheckWizard(store, preferences)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def next_button(wizard: NewCheckWizard) -> QAbstractButton:
    return wizard.button(QWizard.WizardButton.NextButton)


def finish_button(wizard: NewCheckWizard) -> QAbstractButton:
    return wizard.button(QWizard.WizardButton.FinishButton)


def choose_role(qtbot: QtBot, wizard: NewCheckWizard, role: Role) -> None:
    assert wizard.currentId() == ROLE_PAGE
    radio = wizard.role_page.radios[role]  # clicked on its round mark, left of the text
    mark = QPoint(radio.iconSize().width() // 2 + 2, radio.height() // 2)
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=mark)
    assert radio.isChecked()
    click(qtbot, next_button(wizard))
    assert wizard.currentId() == PACK_PAGE


def pack_ids(wizard: NewCheckWizard) -> list[str]:
    return [pack.id for pack in wizard.pack_page.packs]


def double_click_pack(qtbot: QtBot, wizard: NewCheckWizard, pack_id: str) -> None:
    view = wizard.pack_page.list
    item = view.item(pack_ids(wizard).index(pack_id))
    view.scrollToItem(item)
    centre = view.visualItemRect(item).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def choose_stage(qtbot: QtBot, wizard: NewCheckWizard, stage: str) -> None:
    assert wizard.currentId() == STAGE_PAGE
    radio = wizard.stage_page.radios[stage]
    mark = QPoint(radio.iconSize().width() // 2 + 2, radio.height() // 2)
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=mark)
    click(qtbot, next_button(wizard))
    assert wizard.currentId() == DETAILS_PAGE


def type_line(qtbot: QtBot, entry: FieldInput, text: str) -> None:
    assert isinstance(entry, TextLine)
    entry.line.clear()
    qtbot.keyClicks(entry.line, text)
    qtbot.keyClick(entry.line, Qt.Key.Key_Return)


def test_a_broker_makes_a_buyer_check_from_start_to_finish(
    qtbot: QtBot, store: Store, preferences: Preferences, dialogs: Dialogs
) -> None:
    wizard = open_wizard(qtbot, store, preferences)
    assert wizard.windowTitle() == "New check"
    assert not next_button(wizard).isEnabled()  # no role chosen yet
    choose_role(qtbot, wizard, Role.BROKER)
    assert pack_ids(wizard)[:2] == ["broker-buyer", "broker-seller"]  # the agent's own first
    assert "notary-transaction" not in pack_ids(wizard)
    assert wizard.pack().id == "broker-buyer"  # the one that fits the role is chosen already
    assert next_button(wizard).isEnabled()
    first = wizard.pack_page.list.item(0)
    assert first.text() == "Sale — buyer due diligence (estate agent)"
    assert str(first.data(DESCRIPTION_ROLE)).startswith("For the estate agent")

    double_click_pack(qtbot, wizard, "broker-buyer")
    assert wizard.currentId() == DETAILS_PAGE
    page = wizard.details_page
    assert not finish_button(wizard).isEnabled()
    assert page.missing.shown() == "To create the check, enter the name of at least one party."
    assert page.form is not None
    buyer = page.form.party_blocks[0]
    assert buyer.party_role() == "buyer" and buyer.kind() is PartyKind.PERSON
    type_line(qtbot, buyer.input("name"), "Eva de Boer")
    type_line(qtbot, buyer.input("postcode"), "1234")
    assert page.form.property_rows is not None  # a buyer's IBAN: the account the price comes from
    type_line(qtbot, page.form.property_rows.inputs["payer_iban"], "NL91 ABNA 0417 1643 00")
    assert buyer.input("postcode").shown_problems() == ["Not a valid Dutch postcode (1234 AB)."]
    assert not finish_button(wizard).isEnabled()
    assert page.missing.shown() == (
        "Correct this first: Party 1 (buyer) – Postcode: not a valid Dutch postcode (1234 AB)."
    )

    type_line(qtbot, buyer.input("postcode"), "1234 ab")
    assert finish_button(wizard).isEnabled() and page.missing.shown() == ""
    click(qtbot, finish_button(wizard))

    assert wizard.created_id is not None and not wizard.isVisible()
    [summary] = store.summaries()
    check = store.get(wizard.created_id)
    assert summary.id == check.id and check.pack_id == "broker-buyer"
    assert check.role is Role.BROKER and check.language == "en"
    assert check.parties == (
        Party("buyer", PartyKind.PERSON, {"name": "Eva de Boer", "postcode": "1234 AB"}),
    )
    assert dict(check.property) == {"payer_iban": "NL91ABNA0417164300"}
    assert check.examiner == Examiner("M. Jansen", "Jansen Vastgoedbeheer")
    assert dialogs.messages == []


def test_the_report_language_from_the_settings_is_the_language_of_the_check(
    qtbot: QtBot, store: Store, preferences: Preferences
) -> None:
    preferences.report_language = "nl"
    wizard = open_wizard(qtbot, store, preferences)
    choose_role(qtbot, wizard, Role.NOTARY)
    assert pack_ids(wizard) == ["notary-transaction", "hospitality-leisure"]
    double_click_pack(qtbot, wizard, "notary-transaction")
    form = wizard.details_page.form
    assert form is not None and "bsn" in form.party_blocks[0].fields().inputs
    type_line(qtbot, form.party_blocks[0].input("name"), "Mehmet Yilmaz")
    type_line(qtbot, form.party_blocks[0].input("bsn"), "111222333")
    click(qtbot, finish_button(wizard))
    assert wizard.created_id is not None
    check = store.get(wizard.created_id)
    assert check.language == "nl" and check.parties[0].data["bsn"] == "111222333"


def test_a_landlord_gets_only_the_landlord_fields(
    qtbot: QtBot, store: Store, preferences: Preferences
) -> None:
    wizard = open_wizard(qtbot, store, preferences)
    choose_role(qtbot, wizard, Role.LANDLORD)
    assert set(pack_ids(wizard)) == {
        "landlord-commercial",
        "landlord-residential",
        "landlord-rural",
        "hospitality-leisure",
    }
    assert pack_ids(wizard)[0] == "landlord-residential"  # a landlord lets homes most often
    assert pack_ids(wizard)[-1] == "hospitality-leisure"
    assert wizard.pack().id == "landlord-residential"
    double_click_pack(qtbot, wizard, "landlord-residential")
    choose_stage(qtbot, wizard, "contract")  # the ID document is asked from the contract on
    form = wizard.details_page.form
    assert form is not None
    shown = set(form.party_blocks[0].fields().inputs)
    assert "name" in shown and not shown & {"nationality", "bsn", "birth_place"}
    document = form.party_blocks[0].input("id_document")
    assert isinstance(document, IdDocumentGroup)
    type_line(qtbot, document.part("number"), "SPR34K7L8")
    assert document.number.line.text() == "K7L8"  # the last 4 characters, never the first


def test_going_back_and_changing_the_role_resets_what_no_longer_fits(
    qtbot: QtBot, store: Store, preferences: Preferences
) -> None:
    wizard = open_wizard(qtbot, store, preferences)
    choose_role(qtbot, wizard, Role.BROKER)
    double_click_pack(qtbot, wizard, "landlord-residential")  # an agent letting a home
    choose_stage(qtbot, wizard, "contract")
    form = wizard.details_page.form
    assert form is not None
    type_line(qtbot, form.party_blocks[0].input("name"), "Daan Bakker")
    document = form.party_blocks[0].input("id_document")
    assert isinstance(document, IdDocumentGroup)
    type_line(qtbot, document.part("number"), "XR12 34K7L8")

    back = wizard.button(QWizard.WizardButton.BackButton)
    for _page in range(3):
        click(qtbot, back)
    choose_role(qtbot, wizard, Role.LANDLORD)
    assert wizard.pack().id == "landlord-residential"  # still offered: still chosen
    click(qtbot, next_button(wizard))
    assert wizard.stage_page.stage() == "contract"  # the stage stays too
    click(qtbot, next_button(wizard))
    form = wizard.details_page.form
    assert form is not None
    block = form.party_blocks[0]
    assert block.input("name").value() == "Daan Bakker"  # same checklist: the entries stay
    kept = block.input("id_document")
    assert isinstance(kept, IdDocumentGroup)
    assert kept.number.line.text() == "K7L8"

    for _page in range(3):
        click(qtbot, back)
    choose_role(qtbot, wizard, Role.NOTARY)
    assert wizard.pack().id == "notary-transaction"  # what fits a notary, chosen already
    double_click_pack(qtbot, wizard, "notary-transaction")
    form = wizard.details_page.form
    assert form is not None and form.details() == ([], {})  # another checklist: a fresh form
    assert form.party_blocks[0].party_role() == "client"


def test_cancelling_makes_nothing(qtbot: QtBot, store: Store, preferences: Preferences) -> None:
    wizard = open_wizard(qtbot, store, preferences)
    choose_role(qtbot, wizard, Role.BROKER)
    double_click_pack(qtbot, wizard, "broker-seller")
    form = wizard.details_page.form
    assert form is not None
    type_line(qtbot, form.party_blocks[0].input("name"), "Eva de Boer")
    assert wizard.isVisible()  # Enter in a field goes to the next field, it does not finish
    click(qtbot, wizard.button(QWizard.WizardButton.CancelButton))
    assert wizard.created_id is None and store.summaries() == []


def test_typing_on_the_parties_page_starts_in_the_first_name(
    qtbot: QtBot, store: Store, preferences: Preferences
) -> None:
    """By keyboard alone: typed text lands in the name, not in a property field further on."""
    from PySide6.QtWidgets import QApplication

    wizard = open_wizard(qtbot, store, preferences)
    wizard.activateWindow()
    choose_role(qtbot, wizard, Role.BROKER)
    double_click_pack(qtbot, wizard, "broker-buyer")
    form = wizard.details_page.form
    assert form is not None
    name = form.party_blocks[0].input("name")
    qtbot.waitUntil(lambda: name.isAncestorOf(QApplication.focusWidget()) or name.hasFocus())
    qtbot.keyClicks(QApplication.focusWidget(), "Karin Smit")
    [party], property_data = form.details()
    assert party.name == "Karin Smit" and property_data == {}


def test_each_role_starts_with_the_checklist_that_fits_it(
    qtbot: QtBot, store: Store, preferences: Preferences
) -> None:
    expected = {
        Role.LANDLORD: "landlord-residential",
        Role.BROKER: "broker-buyer",
        Role.NOTARY: "notary-transaction",
    }
    for role, pack_id in expected.items():
        wizard = open_wizard(qtbot, store, preferences)
        choose_role(qtbot, wizard, role)
        assert pack_ids(wizard)[0] == pack_id
        assert wizard.pack_page.list.currentRow() == 0 and next_button(wizard).isEnabled()
        wizard.close()


def test_the_stage_comes_before_the_details_that_depend_on_it(
    qtbot: QtBot, store: Store, preferences: Preferences
) -> None:
    wizard = open_wizard(qtbot, store, preferences)
    choose_role(qtbot, wizard, Role.LANDLORD)
    click(qtbot, next_button(wizard))  # the residential checklist, chosen already
    assert wizard.currentId() == STAGE_PAGE
    assert not next_button(wizard).isEnabled()  # a stage must be chosen
    assert next(r.text() for r in wizard.stage_page.radios.values()) == "Application or viewing"
    choose_stage(qtbot, wizard, "application")
    form = wizard.details_page.form
    assert form is not None
    rows = form.party_blocks[0].fields()
    asked = {name for name, entry in rows.inputs.items() if not entry.isHidden()}
    assert "name" in asked and not asked & {"net_monthly_income", "household_size", "id_document"}

    click(qtbot, wizard.button(QWizard.WizardButton.BackButton))
    choose_stage(qtbot, wizard, "contract")
    asked = {name for name, entry in rows.inputs.items() if not entry.isHidden()}
    assert {"net_monthly_income", "household_size", "id_document"} <= asked
    type_line(qtbot, form.party_blocks[0].input("name"), "Daan Bakker")
    click(qtbot, finish_button(wizard))
    check = store.get(wizard.created_id)
    assert check.answer_value("RES-00") == "contract"  # the stage is not asked twice


def test_a_checklist_without_stages_goes_straight_to_the_details(
    qtbot: QtBot, store: Store, preferences: Preferences
) -> None:
    wizard = open_wizard(qtbot, store, preferences)
    choose_role(qtbot, wizard, Role.NOTARY)
    click(qtbot, next_button(wizard))
    assert wizard.currentId() == DETAILS_PAGE
