"""The register in the desktop app: search on every key, related checks, the own reference."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from tests.register_stores import AbcChain, RepeatedTenant, abc_chain, repeated_tenant
from tests.ui.conftest import Dialogs
from tests.ui.test_new_check_wizard import (
    choose_role,
    choose_stage,
    double_click_pack,
    finish_button,
    open_wizard,
    type_line,
)
from tests.ui.test_overview import choose, column, search_for, shown_ids
from vastgoedcheck.domain.check import Decision
from vastgoedcheck.domain.pack import Role
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.editor import CheckEditor
from vastgoedcheck.ui.main_window import MainWindow
from vastgoedcheck.ui.overview_model import Column
from vastgoedcheck.ui.overview_page import OverviewPage
from vastgoedcheck.ui.preferences import Preferences
from vastgoedcheck.ui.related_panel import RelatedPanel
from vastgoedcheck.ui.review_page import ReviewPage


@pytest.fixture
def register(store: Store) -> tuple[AbcChain, RepeatedTenant]:
    chain, tenant = abc_chain(store), repeated_tenant(store)
    store.set_decision(tenant.first.id, Decision("escalate", "Income not shown; not let."))
    return chain, tenant


@pytest.fixture
def page(qtbot: QtBot, store: Store, register) -> OverviewPage:  # type: ignore[no-untyped-def]
    shown = OverviewPage(store)
    qtbot.addWidget(shown)
    shown.resize(1366, 700)
    shown.show()
    return shown


def test_the_overview_finds_what_people_type(qtbot: QtBot, page: OverviewPage, register) -> None:  # type: ignore[no-untyped-def]
    chain, tenant = register
    deeds = {chain.a_to_b.id, chain.b_to_c.id}
    for typed in ("3511AD", "3511 ad", "3511ad 101"):
        search_for(qtbot, page, typed)
        assert shown_ids(page) == deeds, typed
    search_for(qtbot, page, "kerkstraat 7")  # street and house number
    assert shown_ids(page) == {chain.elsewhere.id}
    search_for(qtbot, page, "61234567")  # a KVK number
    assert shown_ids(page) == deeds
    search_for(qtbot, page, "flipse")  # the UBO and representative of Flip Vastgoed
    assert shown_ids(page) == {chain.a_to_b.id}
    search_for(qtbot, page, "akte-1")  # the own reference
    assert shown_ids(page) == {chain.a_to_b.id}
    assert column(page, Column.REFERENCE) == ["AKTE-1"]
    search_for(qtbot, page, "celik ayse")
    assert shown_ids(page) == {tenant.first.id, tenant.again.id, tenant.namesake.id}


def test_the_overview_shows_and_filters_the_decision_and_the_report(
    qtbot: QtBot, page: OverviewPage, register
) -> None:  # type: ignore[no-untyped-def]
    _chain, tenant = register
    choose(page.decision_filter, "escalate")
    assert shown_ids(page) == {tenant.first.id}
    [decision] = column(page, Column.DECISION)
    assert decision.startswith("Escalate")
    assert column(page, Column.REPORT) == [""]  # nothing recorded about reporting yet
    tip = page.proxy.index(0, Column.REPORT).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "No report recorded yet"
    choose(page.decision_filter, "")
    assert tenant.first.id not in shown_ids(page) and len(shown_ids(page)) == 5
    choose(page.report_filter, "reported")
    assert page.proxy.rowCount() == 0 and page.no_match.isVisible()
    page.clear_filters()
    assert page.proxy.rowCount() == 6


def test_the_editor_shows_related_checks_and_enter_opens_one(
    qtbot: QtBot, store: Store, register, preferences: Preferences, dialogs: Dialogs
) -> None:  # type: ignore[no-untyped-def]
    chain, _tenant = register
    window = MainWindow(store, preferences)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.open_check(chain.b_to_c.id)
    assert window.check_page is not None
    panel = window.check_page.editor.findChild(RelatedPanel)
    assert panel is not None and panel.isVisible()
    assert panel.heading.text() == (
        "Related checks: 2 other checks have the same property or a same party. "
        "This address was in 1 other check in the last 12 months."
    )
    texts = [panel.list.item(row).text() for row in range(panel.list.count())]
    [deed] = [text for text in texts if "Anna de Wit" in text]
    assert "Same property (BAG id, or postcode, house number and addition)." in deed
    assert "Flip Vastgoed BV is the client here and was the counterparty in that check." in deed
    row = texts.index(deed)
    panel.list.setFocus()
    panel.list.setCurrentRow(row)
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.check_page is not None and window.check_page.check_id == chain.a_to_b.id
    )


def test_the_review_page_shows_the_same_applicant_not_her_namesake(
    qtbot: QtBot, store: Store, register
) -> None:  # type: ignore[no-untyped-def]
    _chain, tenant = register
    review = ReviewPage(store, tenant.again.id)
    qtbot.addWidget(review)
    review.show()
    panel = review.findChild(RelatedPanel)
    assert panel is not None
    assert panel.list.count() == 1  # the same applicant, not her namesake
    assert "Ayşe Çelik" in panel.list.item(0).text()
    assert "ÇELIK, Ayse is the tenant here and was the tenant in that check too." in (
        panel.list.item(0).text()
    )


def test_a_double_click_on_a_related_check_asks_to_open_it(
    qtbot: QtBot, store: Store, register
) -> None:  # type: ignore[no-untyped-def]
    _chain, tenant = register
    panel = RelatedPanel(store, tenant.first.id)
    qtbot.addWidget(panel)
    panel.resize(900, 200)
    panel.show()
    qtbot.waitExposed(panel)
    item = panel.list.item(0)
    centre = panel.list.visualItemRect(item).center()
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    with qtbot.waitSignal(panel.open_requested) as opened:
        qtbot.mouseDClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert opened.args == [tenant.again.id]


def test_a_check_without_relations_says_so(qtbot: QtBot, store: Store, register) -> None:  # type: ignore[no-untyped-def]
    _chain, tenant = register
    panel = RelatedPanel(store, tenant.namesake.id)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.heading.text() == (
        "Related checks: no other check has the same property or a same party."
    )
    assert not panel.list.isVisible()


def test_the_own_reference_is_typed_in_the_editor_and_saved(
    qtbot: QtBot, store: Store, register
) -> None:  # type: ignore[no-untyped-def]
    _chain, tenant = register
    editor = CheckEditor(store, tenant.again.id)
    qtbot.addWidget(editor)
    editor.show()
    line = editor.findChild(QLineEdit, "ownReference")
    assert line is not None and line.accessibleName() == "Own reference"
    with qtbot.waitSignal(editor.saved):
        qtbot.keyClicks(line, "HUUR-2026/0412")
        qtbot.keyClick(line, Qt.Key.Key_Return)
    assert store.get(tenant.again.id).reference == "HUUR-2026/0412"
    assert [e.new for e in store.events(tenant.again.id) if e.action == "reference"] == [
        "HUUR-2026/0412"
    ]


def test_the_new_check_wizard_takes_the_own_reference(
    qtbot: QtBot, store: Store, preferences: Preferences, dialogs: Dialogs
) -> None:
    wizard = open_wizard(qtbot, store, preferences)
    choose_role(qtbot, wizard, Role.LANDLORD)
    double_click_pack(qtbot, wizard, "landlord-residential")
    choose_stage(qtbot, wizard, "application")
    form = wizard.details_page.form
    assert form is not None
    type_line(qtbot, form.party_blocks[0].input("name"), "Eva de Boer")
    qtbot.keyClicks(wizard.details_page.reference.line, "  D-17 ")
    qtbot.mouseClick(finish_button(wizard), Qt.MouseButton.LeftButton)
    assert wizard.created_id is not None
    assert store.get(wizard.created_id).reference == "D-17"
