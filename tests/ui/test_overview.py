"""The overview of all checks: what a user sees when searching, filtering and sorting, how a
check is opened, the welcome on the first run, and a store of 20,000 checks."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox

from benchmarks.big_store import write_big_store
from tests.stores import key_for, open_store
from tests.ui.accessibility import unnamed_controls
from tests.ui.conftest import complete_draft, example, new_draft
from vastgoedcheck.domain.check import Decision
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage.store import Store
from vastgoedcheck.storage.summary import search_key
from vastgoedcheck.ui.overview_filter import OverviewFilter
from vastgoedcheck.ui.overview_model import (
    CHECK_ID_ROLE,
    SORT_KEY_ROLE,
    Column,
    OverviewModel,
)
from vastgoedcheck.ui.overview_page import OverviewPage

BIG = 20_000


def imported(store: Store, name: str) -> str:
    [(check_id, _stored)] = store.import_checks([example(name)], "t")
    return check_id


@pytest.fixture
def checks(store: Store) -> dict[str, str]:
    """A few checks of several packs, statuses and outcomes, by what they are."""
    final = complete_draft(store).id
    store.finalize(final)
    return {
        "draft": new_draft(store, "Sanne de Vries").id,
        "celik": new_draft(store, "Emre Çelik").id,
        "final": final,
        "stop": imported(store, "landlord-residential-straw-man"),
        "must_report": imported(store, "broker-buyer-cash-deposit"),
        "rural": imported(store, "landlord-rural-drug-offer"),
    }


@pytest.fixture
def page(qtbot, store: Store, checks: dict[str, str]) -> OverviewPage:
    shown = OverviewPage(store)
    qtbot.addWidget(shown)
    shown.resize(1200, 700)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def column(page: OverviewPage, which: Column) -> list[str]:
    proxy = page.proxy
    return [proxy.index(row, which).data() for row in range(proxy.rowCount())]


def shown_ids(page: OverviewPage) -> set[str]:
    proxy = page.proxy
    return {proxy.index(row, 0).data(CHECK_ID_ROLE) for row in range(proxy.rowCount())}


def choose(combo: QComboBox, data: object) -> None:
    """Pick the entry with ``data`` as a keyboard user would: focus the combo, arrow to it."""
    target = combo.findData(data)
    assert target >= 0
    combo.setFocus()
    while combo.currentIndex() != target:
        key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
        QTest.keyClick(combo, key)


def search_for(qtbot, page: OverviewPage, text: str) -> None:
    """Type into the search box and wait for the filter that runs when typing pauses."""
    page.search.clear()
    qtbot.keyClicks(page.search, text)
    qtbot.waitUntil(lambda: page.proxy.search == text, timeout=2000)


# -- the model ---------------------------------------------------------------------------


def test_the_model_passes_the_qt_model_tests(
    qtmodeltester, store: Store, checks: dict[str, str], registry: PackRegistry
) -> None:
    model = OverviewModel()
    model.set_summaries(store.summaries(), registry)
    qtmodeltester.check(model, force_py=True)
    # the tester stays attached and checks again at every change
    model.sort(Column.OUTCOME, Qt.SortOrder.DescendingOrder)
    model.sort(Column.PARTIES, Qt.SortOrder.AscendingOrder)
    model.set_summaries(store.summaries(), registry)
    assert model.rowCount() == len(checks)


def test_the_filter_passes_the_qt_model_tests(
    qtmodeltester, store: Store, checks: dict[str, str], registry: PackRegistry
) -> None:
    model = OverviewModel()
    model.set_summaries(store.summaries(), registry)
    proxy = OverviewFilter()
    proxy.setSourceModel(model)
    proxy.set_outcome("stop")
    qtmodeltester.check(proxy, force_py=True)
    proxy.set_search("celik")
    proxy.set_outcome(None)
    assert proxy.rowCount() == 1
    proxy.sort(Column.OUTCOME, Qt.SortOrder.DescendingOrder)
    proxy.set_search("")
    model.set_summaries(store.summaries(), registry)
    assert proxy.rowCount() == model.rowCount() == len(checks)


def test_each_row_reads_as_the_check_it_shows(
    qapp, store: Store, checks: dict[str, str], registry: PackRegistry
) -> None:
    model = OverviewModel()
    model.set_summaries(store.summaries(), registry)
    row = model.row_of(checks["stop"])
    assert row is not None
    assert model.check_id(row) == checks["stop"]
    cells = [model.index(row, c).data() for c in Column]
    assert cells[Column.PARTIES] == "Daan Bakker"
    assert cells[Column.ADDRESS] == "Oudegracht 101, 3511 AD Utrecht"
    assert cells[Column.CHECKLIST] == "Residential letting — tenant screening"
    assert cells[Column.STATUS] == "draft"
    assert cells[Column.OUTCOME] == "STOP: do not proceed"
    assert model.index(row, Column.OUTCOME).data(Qt.ItemDataRole.DecorationRole) is not None
    assert "Report recommended" in model.index(row, Column.OUTCOME).data(
        Qt.ItemDataRole.ToolTipRole
    )
    today = dt.date.today()
    assert cells[Column.CREATED] == today.strftime("%d/%m/%Y")
    # the last change with its time of day: two changes on one day are told apart
    changed = store.get(checks["stop"]).updated_at
    assert changed is not None
    assert cells[Column.CHANGED] == changed.astimezone().strftime("%d/%m/%Y %H:%M")
    assert str(today.year) in model.index(row, Column.CHANGED).data(Qt.ItemDataRole.ToolTipRole)
    final = model.row_of(checks["final"])
    assert final is not None
    assert model.index(final, Column.STATUS).data() == "final"
    assert "Finalized" in model.index(final, Column.STATUS).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(final, Column.OUTCOME).data() == "Proceed"
    # a new draft with nothing answered has no advice yet, not a green "Proceed"
    draft = model.row_of(checks["draft"])
    assert draft is not None
    assert model.index(draft, Column.OUTCOME).data() == "Incomplete — no advice yet"
    assert model.headerData(Column.CHANGED, Qt.Orientation.Horizontal) == "Changed"
    assert model.row_of("not-a-check") is None


def test_sort_keys_order_outcomes_by_weight_and_text_without_accents(
    qapp, store: Store, checks: dict[str, str], registry: PackRegistry
) -> None:
    model = OverviewModel()
    model.set_summaries(store.summaries(), registry)

    def key(name: str, which: Column) -> object:
        row = model.row_of(checks[name])
        assert row is not None
        return model.index(row, which).data(SORT_KEY_ROLE)

    assert key("stop", Column.OUTCOME) > key("must_report", Column.OUTCOME)
    assert key("must_report", Column.OUTCOME) > key("final", Column.OUTCOME)
    assert key("celik", Column.PARTIES) == "emre celik"
    assert key("final", Column.CHANGED) < key("celik", Column.CHANGED)


# -- searching and filtering ---------------------------------------------------------------


def test_searching_ignores_accents_and_case(qtbot, page: OverviewPage) -> None:
    assert page.count_label.text() == "6 checks"
    qtbot.keyClicks(page.search, "celik")
    assert page.proxy.rowCount() == 6  # not at every key: once typing pauses
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1, timeout=2000)
    assert column(page, Column.PARTIES) == ["Emre Çelik"]
    assert page.count_label.text() == "1 of 6 checks"
    search_for(qtbot, page, "ÇELIK")
    assert column(page, Column.PARTIES) == ["Emre Çelik"]


def test_every_search_word_must_match_somewhere(
    qtbot, page: OverviewPage, checks: dict[str, str]
) -> None:
    search_for(qtbot, page, "bakker utrecht")  # a name and a town
    assert shown_ids(page) == {checks["stop"], checks["final"]}
    search_for(qtbot, page, "bakker amersfoort")
    assert page.proxy.rowCount() == 0
    search_for(qtbot, page, "3511AD")  # a postcode typed without its space
    assert checks["stop"] in shown_ids(page)
    search_for(qtbot, page, "broker")  # no: the checklist title is "… (estate agent)"
    assert page.proxy.rowCount() == 0
    search_for(qtbot, page, "buyer due diligence")  # words of a checklist title
    assert shown_ids(page) == {checks["must_report"]}


def test_the_status_checklist_and_outcome_filters(
    qtbot, page: OverviewPage, checks: dict[str, str]
) -> None:
    choose(page.status_filter, "final")
    assert shown_ids(page) == {checks["final"]}
    assert column(page, Column.STATUS) == ["final"]
    choose(page.status_filter, "draft")
    assert checks["final"] not in shown_ids(page)
    assert len(shown_ids(page)) == 5
    choose(page.checklist_filter, "broker-buyer")
    assert shown_ids(page) == {checks["must_report"]}
    choose(page.checklist_filter, None)
    choose(page.status_filter, None)
    choose(page.outcome_filter, "stop")
    assert shown_ids(page) == {checks["stop"], checks["rural"]}
    assert set(column(page, Column.OUTCOME)) == {"STOP: do not proceed"}
    choose(page.outcome_filter, "must_report")
    assert column(page, Column.OUTCOME) == ["Must report to FIU-Nederland without delay"]
    assert page.count_label.text() == "1 of 6 checks"


def test_when_nothing_matches_the_filters_can_be_cleared(qtbot, page: OverviewPage) -> None:
    search_for(qtbot, page, "nobody by this name")
    choose(page.status_filter, "final")
    assert page.no_match.isVisible()
    assert not page.table.isVisible()
    assert page.count_label.text() == "0 of 6 checks"
    qtbot.mouseClick(page.clear_button, Qt.MouseButton.LeftButton)
    assert page.table.isVisible()
    assert page.proxy.rowCount() == 6
    assert page.search.text() == ""
    assert page.status_filter.currentData() is None
    assert page.count_label.text() == "6 checks"


def test_a_cleared_search_shows_everything_at_once(qtbot, page: OverviewPage) -> None:
    search_for(qtbot, page, "celik")
    page.search.clear()  # the clear button in the box does this
    assert page.proxy.rowCount() == 6


def test_the_keyboard_moves_between_search_and_results(
    qtbot, page: OverviewPage, checks: dict[str, str]
) -> None:
    page.search.setFocus()
    qtbot.keyClicks(page.search, "celik")
    qtbot.keyClick(page.search, Qt.Key.Key_Down)  # does not wait for the pause in typing
    assert page.table.hasFocus()
    assert page.selected_check() == checks["celik"]
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    assert page.search.selectedText() == "celik"


# -- sorting -------------------------------------------------------------------------------


def click_header(qtbot, page: OverviewPage, which: Column) -> None:
    header = page.table.horizontalHeader()
    middle = header.sectionViewportPosition(which) + header.sectionSize(which) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(middle, header.height() // 2)
    )


def test_newest_change_comes_first(page: OverviewPage, checks: dict[str, str]) -> None:
    header = page.table.horizontalHeader()
    assert header.sortIndicatorSection() == Column.CHANGED
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert page.proxy.index(0, 0).data(CHECK_ID_ROLE) == checks["rural"]  # imported last


def test_sorting_by_outcome_puts_stop_and_must_report_first(
    qtbot, page: OverviewPage, checks: dict[str, str]
) -> None:
    click_header(qtbot, page, Column.OUTCOME)
    if page.table.horizontalHeader().sortIndicatorOrder() != Qt.SortOrder.DescendingOrder:
        click_header(qtbot, page, Column.OUTCOME)
    outcomes = column(page, Column.OUTCOME)
    assert outcomes[:3] == [
        "STOP: do not proceed",
        "STOP: do not proceed",
        "Must report to FIU-Nederland without delay",
    ]
    # drafts without advice yet come last, after the finalized check that may proceed
    assert outcomes[-3:] == ["Proceed", *["Incomplete — no advice yet"] * 2]
    click_header(qtbot, page, Column.OUTCOME)  # and back
    assert column(page, Column.OUTCOME)[0] == "Incomplete — no advice yet"
    assert column(page, Column.OUTCOME)[-1] == "STOP: do not proceed"


def test_sorting_by_name_ignores_accents(qtbot, page: OverviewPage) -> None:
    click_header(qtbot, page, Column.PARTIES)
    if page.table.horizontalHeader().sortIndicatorOrder() != Qt.SortOrder.AscendingOrder:
        click_header(qtbot, page, Column.PARTIES)
    assert column(page, Column.PARTIES) == [
        "Daan Bakker",
        "Daan Bakker",
        "Emre Çelik",  # after Daan and before Groen, not after every plain letter
        "Groen Stekjes B.V.",
        "Kees Verhoeven",
        "Sanne de Vries",
    ]


# -- opening -------------------------------------------------------------------------------


def test_a_double_click_opens_the_check(qtbot, page: OverviewPage) -> None:
    index = page.proxy.index(2, Column.ADDRESS)
    expected = index.data(CHECK_ID_ROLE)
    centre = page.table.visualRect(index).center()
    with qtbot.waitSignal(page.open_requested, timeout=1000) as opened:
        # a double click is a click, then a second press that Qt reports as a double click
        qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert opened.args == [expected]


def test_enter_opens_the_selected_check(qtbot, page: OverviewPage, checks: dict[str, str]) -> None:
    assert page.select_check(checks["must_report"])
    page.table.setFocus()
    with qtbot.waitSignal(page.open_requested, timeout=1000) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == [checks["must_report"]]


def test_the_new_check_button_asks_for_a_new_check(qtbot, page: OverviewPage) -> None:
    with qtbot.waitSignal(page.new_requested, timeout=1000):
        qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)


def test_selecting_a_hidden_check_clears_the_filters(
    qtbot, page: OverviewPage, checks: dict[str, str]
) -> None:
    search_for(qtbot, page, "celik")
    assert page.select_check(checks["final"])
    assert page.search.text() == ""
    assert page.selected_check() == checks["final"]
    assert not page.select_check("7b1f8d9e-0000-4000-8000-000000000000")


# -- refreshing ----------------------------------------------------------------------------


def test_refresh_keeps_the_sort_filters_and_selection(
    qtbot, page: OverviewPage, store: Store, checks: dict[str, str]
) -> None:
    click_header(qtbot, page, Column.PARTIES)
    order = page.table.horizontalHeader().sortIndicatorOrder()
    choose(page.status_filter, "draft")
    assert page.select_check(checks["celik"])
    newer = new_draft(store, "Anouk Bakker").id
    store.set_decision(checks["draft"], Decision("proceed", "Nothing unusual."))
    page.refresh()
    assert page.selected_check() == checks["celik"]
    assert page.status_filter.currentData() == "draft"
    assert newer in shown_ids(page)
    assert checks["final"] not in shown_ids(page)
    names = column(page, Column.PARTIES)
    expected = sorted(names, key=search_key, reverse=order == Qt.SortOrder.DescendingOrder)
    assert names == expected
    assert page.count_label.text() == "6 of 7 checks"


# -- the first run -------------------------------------------------------------------------


def test_the_first_run_welcomes_and_offers_a_new_check(qtbot, store: Store) -> None:
    page = OverviewPage(store)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    assert page.welcome.isVisible()
    assert not page.table.isVisible()
    words = " ".join(label.text() for label in page.welcome.findChildren(type(page.count_label)))
    for needed in ("landlords", "estate agents", "notaries", "explained outcome", "decision"):
        assert needed in words
    assert "stays on this computer" in words
    assert "FIU-Nederland" in words
    with qtbot.waitSignal(page.new_requested, timeout=1000):
        qtbot.mouseClick(page.welcome_new, Qt.MouseButton.LeftButton)
    made = new_draft(store, "Daan Bakker")
    page.refresh()
    assert not page.welcome.isVisible()
    assert page.table.isVisible()
    assert shown_ids(page) == {made.id}
    assert page.count_label.text() == "1 check"


def test_every_control_has_a_name_for_screen_readers(
    qtbot, page: OverviewPage, tmp_path: Path, registry: PackRegistry
) -> None:
    assert unnamed_controls(page) == []
    assert page.table.accessibleName() == "Checks"
    with open_store(tmp_path / "empty", registry, actor="M. Jansen") as empty_store:
        empty = OverviewPage(empty_store)
        qtbot.addWidget(empty)
        empty.show()
        qtbot.waitExposed(empty)
        assert empty.welcome.isVisible()
        assert unnamed_controls(empty) == []


# -- 20,000 checks -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def big_store(tmp_path_factory: pytest.TempPathFactory, registry: PackRegistry) -> Iterator[Store]:
    """A real store of 20,000 checks spread over three years (built once for this module)."""
    root = tmp_path_factory.mktemp("big")
    folder = write_big_store(root / "data", registry, BIG, key=key_for(root / "data"))
    store = open_store(folder, registry, actor="M. Jansen")
    yield store
    store.close()
    shutil.rmtree(root, ignore_errors=True)  # some 90 MB of check files


@pytest.fixture
def big_page(qtbot, big_store: Store) -> OverviewPage:
    shown = OverviewPage(big_store)
    qtbot.addWidget(shown)
    shown.resize(1200, 700)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def test_twenty_thousand_checks_load_and_search(qtbot, big_page: OverviewPage, big_store: Store):
    assert big_page.model.rowCount() == BIG
    assert big_page.proxy.rowCount() == BIG
    assert big_page.count_label.text() == "20,000 checks"
    for text in ("Çelik", "celik utrecht", "KOWALSKI"):
        expected = len(big_store.summaries(search=text))  # the store's own search
        assert 0 < expected < BIG
        search_for(qtbot, big_page, text)
        assert big_page.proxy.rowCount() == expected
        assert big_page.count_label.text() == f"{expected:,} of 20,000 checks"
        for row in range(0, expected, max(1, expected // 20)):
            assert search_key(text.split()[0]) in search_key(
                big_page.proxy.index(row, Column.PARTIES).data()
            )


def test_twenty_thousand_checks_filter_by_period_and_sort_by_outcome(
    qtbot, big_page: OverviewPage, big_store: Store
) -> None:
    summaries = big_store.summaries()

    def changed_since(moment: dt.datetime) -> int:
        return sum(1 for s in summaries if (s.updated_at or s.created_at) >= moment)

    for period, days in (("week", 7), ("month", 30)):
        before = dt.datetime.now(dt.UTC)
        choose(big_page.period_filter, period)
        after = dt.datetime.now(dt.UTC)
        shown = big_page.proxy.rowCount()
        assert changed_since(after - dt.timedelta(days=days)) <= shown
        assert shown <= changed_since(before - dt.timedelta(days=days))
        assert 0 < shown < BIG
    choose(big_page.period_filter, "any")
    assert big_page.proxy.rowCount() == BIG

    big_page.table.sortByColumn(Column.OUTCOME, Qt.SortOrder.DescendingOrder)
    stops = sum(1 for s in summaries if s.stop)
    outcomes = column(big_page, Column.OUTCOME)
    assert set(outcomes[:stops]) == {"STOP: do not proceed"}
    assert outcomes[stops] == "Must report to FIU-Nederland without delay"
    assert outcomes[-1] == "Proceed"
