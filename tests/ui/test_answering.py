"""Answering a whole checklist as a professional would, by keyboard only and by mouse only: every
stored answer is the one intended, a key never lands on a question the user did not see as the
current one, and nothing moves under the pointer after an answer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.conftest import new_draft
from vastgoedcheck.domain.check import AnswerValue, Check, Party, PartyKind
from vastgoedcheck.domain.pack import FlagValue, Pack, QuestionType, Role
from vastgoedcheck.i18n import set_language
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.answer_inputs import ChoiceInput, FlagInput
from vastgoedcheck.ui.editor import CheckEditor
from vastgoedcheck.ui.question_card import QuestionCard

SCREENS = [(1366, 768), (1920, 1080)]
KEYS = {FlagValue.YES: "j", FlagValue.NO: "n", FlagValue.UNKNOWN: "o", FlagValue.NA: "a"}
PATTERN = [FlagValue.NO, FlagValue.NO, FlagValue.YES, FlagValue.UNKNOWN, FlagValue.NO, FlagValue.NA]

Intended = Callable[[str], AnswerValue]


def buyer_draft(store: Store) -> Check:
    pack = store.registry.get("broker-buyer")
    assert pack is not None
    return store.create(
        pack,
        Role.BROKER,
        parties=[Party("buyer", PartyKind.PERSON, {"name": "Kees Verhoeven"})],
        property_data={"address": "Lindenlaan 4", "city": "Amersfoort"},
    )


def plan(pack: Pack, chosen: dict[str, AnswerValue]) -> Intended:
    """What the user means to answer: ``chosen`` where given, else a mix of every flag answer
    (by the question's place in the pack), and a plausible amount or date."""
    place = {question.id: index for index, question in enumerate(pack.questions)}

    def intended(question_id: str) -> AnswerValue:
        if question_id in chosen:
            return chosen[question_id]
        question = pack.question(question_id)
        assert question is not None
        if question.type is QuestionType.FLAG:
            return PATTERN[place[question_id] % len(PATTERN)]
        if question.type is QuestionType.AMOUNT:
            return Decimal(4000)
        if question.type is QuestionType.DATE:
            return dt.date(2026, 3, 1)
        return question.choice_values()[0]

    return intended


RESIDENTIAL: dict[str, AnswerValue] = {
    "RES-00": "tenancy",  # every section is asked during a tenancy
    "RES-03": FlagValue.YES,  # cash: the amount is asked next
    "RES-03a": Decimal(2500),
    "RES-06": FlagValue.NO,
}
BUYER: dict[str, AnswerValue] = {
    "BUY-30": "counterparty",
    "BUY-02": FlagValue.YES,  # the UBO was established: the UBO-register question follows
    "BUY-07": FlagValue.YES,
    "BUY-07a": Decimal(12000),
    "BUY-09": FlagValue.YES,
    "BUY-09a": Decimal(4000),
}
CASES = {
    "landlord-residential": (new_draft, RESIDENTIAL),
    "broker-buyer": (buyer_draft, BUYER),
}


def open_editor(qtbot: QtBot, store: Store, check: Check, size: tuple[int, int]) -> CheckEditor:
    editor = CheckEditor(store, check.id)
    qtbot.addWidget(editor)
    editor.resize(*size)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    return editor


def card_of(widget: QWidget | None) -> QuestionCard | None:
    while widget is not None and not isinstance(widget, QuestionCard):
        widget = widget.parentWidget()
    return widget


def focused_question() -> str | None:
    card = card_of(QApplication.focusWidget())
    return card.question_id if card is not None else None


def stored_answers(store: Store, check: Check) -> dict[str, AnswerValue]:
    values = store.get(check.id).answer_values()
    return {qid: value for qid, value in values.items() if value is not None}


def typed(value: AnswerValue) -> str:
    """How a Dutch user types an amount or a date."""
    if isinstance(value, Decimal):
        return f"{int(value):,}".replace(",", ".")
    assert isinstance(value, dt.date)
    return value.strftime("%d-%m-%Y")


def choose_by_keys(qtbot: QtBot, combo: QComboBox, value: AnswerValue) -> None:
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    while combo.currentData() != value:
        qtbot.keyClick(combo, Qt.Key.Key_Down)


# -- keyboard only ---------------------------------------------------------------------------


@pytest.mark.parametrize("pack_id", CASES)
def test_a_whole_checklist_by_keyboard_stores_every_answer_as_intended(
    qtbot: QtBot, store: Store, pack_id: str
) -> None:
    make, chosen = CASES[pack_id]
    check = make(store)
    editor = open_editor(qtbot, store, check, SCREENS[0])
    intended = plan(editor.pack, chosen)
    qtbot.waitUntil(lambda: focused_question() == editor.visible_questions()[0])
    given: dict[str, AnswerValue] = {}
    for _step in range(200):
        focus = QApplication.focusWidget()
        if focus is editor.review_button:
            break
        question_id = focused_question()
        assert question_id is not None, focus
        assert question_id not in given, f"{question_id} came round again"
        card = editor.card(question_id)
        assert card is not None and card.current  # the user sees which question a key answers
        want = given[question_id] = intended(question_id)
        if isinstance(card.input, FlagInput):
            assert isinstance(want, FlagValue)
            qtbot.keyClick(focus, KEYS[want])
        elif isinstance(card.input, ChoiceInput):
            assert isinstance(focus, QComboBox)
            choose_by_keys(qtbot, focus, want)
            qtbot.keyClick(focus, Qt.Key.Key_Return)
        else:
            qtbot.keyClicks(focus, typed(want))
            qtbot.keyClick(focus, Qt.Key.Key_Return)
        assert stored_answers(store, check) == given  # this one, and no other changed
    else:
        pytest.fail("the keyboard never reached the end of the checklist")
    assert set(given) == set(editor.visible_questions())
    assert editor.resume_question() is None


# -- mouse only ------------------------------------------------------------------------------


def positions(editor: CheckEditor) -> dict[str, QPoint]:
    """Where each question, the section rows and the pages are in the window now."""
    found = {
        qid: card.mapTo(editor, QPoint(0, 0))
        for qid in editor.visible_questions()
        if (card := editor.card(qid)) is not None and card.isVisible()
    }
    for row in range(editor.sections.count()):
        rect = editor.sections.visualItemRect(editor.sections.item(row))
        found[f"row {row}"] = rect.topLeft()
        found[f"row {row} bottom"] = rect.bottomLeft()
    found["pages"] = editor.pages.mapTo(editor, QPoint(0, 0))
    return found


def page_of(editor: CheckEditor) -> QScrollArea:
    page = editor.pages.currentWidget()
    assert isinstance(page, QScrollArea)
    return page


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def pick(qtbot: QtBot, combo: QComboBox, value: AnswerValue) -> None:
    """Open the list with a click and click the choice."""
    click(qtbot, combo)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    index = combo.model().index(combo.findData(value), 0)
    view.scrollTo(index)
    where = view.visualRect(index).center()
    qtbot.wait(QApplication.doubleClickInterval() + 50)  # a hand takes longer than that
    qtbot.mouseMove(view.viewport(), where)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.waitUntil(lambda: not view.isVisible())


def answer_by_mouse(qtbot: QtBot, editor: CheckEditor, question_id: str, want: AnswerValue) -> None:
    card = editor.card(question_id)
    assert card is not None
    page_of(editor).ensureWidgetVisible(card)  # the user scrolls to it with the wheel
    page = page_of(editor)
    before, scrolled = positions(editor), page.verticalScrollBar().value()
    shown = set(editor.visible_questions())
    if isinstance(card.input, FlagInput):
        click(qtbot, card.input.buttons[FlagValue(want)])
    elif isinstance(card.input, ChoiceInput):
        pick(qtbot, card.input.combo, want)
    else:
        edit = card.findChild(QLineEdit, "answerEdit")
        click(qtbot, edit)
        qtbot.keyClicks(edit, typed(want))
        edit.clearFocus()  # the user clicks elsewhere: the typed answer is stored
    QApplication.processEvents()
    assert page_of(editor) is page, "the section changed under the pointer"
    assert page.verticalScrollBar().value() == scrolled, "the page scrolled under the pointer"
    after = positions(editor)
    if set(editor.visible_questions()) == shown:  # nothing came or went: nothing moved
        assert after == before
    else:  # a question came or went below: nothing above it moved
        order = editor.visible_questions()
        above = order[: order.index(question_id) + 1]
        assert {q: after[q] for q in above if q in before} == {
            q: before[q] for q in above if q in before
        }


@pytest.mark.parametrize("size", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("pack_id", CASES)
def test_a_whole_checklist_by_mouse_stores_every_answer_and_moves_nothing(
    qtbot: QtBot, store: Store, pack_id: str, size: tuple[int, int]
) -> None:
    make, chosen = CASES[pack_id]
    check = make(store)
    editor = open_editor(qtbot, store, check, size)
    intended = plan(editor.pack, chosen)
    given: dict[str, AnswerValue] = {}
    for row in range(1, editor.sections.count()):
        item_rect = editor.sections.visualItemRect(editor.sections.item(row))
        qtbot.mouseClick(
            editor.sections.viewport(), Qt.MouseButton.LeftButton, pos=item_rect.center()
        )
        assert editor.sections.currentRow() == row
        while True:  # in order, also a question that came with an answer just given
            here = [qid for qid in editor.visible_questions() if editor._row_of[qid] == row]
            question_id = next((qid for qid in here if qid not in given), None)
            if question_id is None:
                break
            given[question_id] = intended(question_id)
            answer_by_mouse(qtbot, editor, question_id, given[question_id])
            assert stored_answers(store, check) == given
    assert set(given) == set(editor.visible_questions())


# -- the keys after a click, an amount, or out of sight --------------------------------------


@pytest.fixture
def editor(qtbot: QtBot, store: Store) -> CheckEditor:
    draft = new_draft(store)
    store.set_answer(draft.id, "RES-00", "application")
    return open_editor(qtbot, store, draft, SCREENS[0])


def answer(editor: CheckEditor, question_id: str) -> AnswerValue | None:
    return editor.store.get(editor.check_id).answer_value(question_id)


def test_a_key_after_a_click_answers_the_next_question_not_the_clicked_one(
    qtbot: QtBot, editor: CheckEditor
) -> None:
    editor.show_question("RES-06")
    card = editor.card("RES-06")
    assert card is not None and isinstance(card.input, FlagInput)
    click(qtbot, card.input.buttons[FlagValue.NO])
    assert focused_question() == "RES-12"
    qtbot.keyClick(QApplication.focusWidget(), "j")
    assert answer(editor, "RES-06") is FlagValue.NO
    assert answer(editor, "RES-12") is FlagValue.YES
    assert focused_question() == "RES-13"


def test_clearing_an_answer_by_click_leaves_the_keys_on_that_question(
    qtbot: QtBot, editor: CheckEditor
) -> None:
    editor.show_question("RES-04")
    card = editor.card("RES-04")
    assert card is not None and isinstance(card.input, FlagInput)
    click(qtbot, card.input.buttons[FlagValue.YES])
    click(qtbot, card.input.buttons[FlagValue.YES])  # clicked again: no answer
    assert answer(editor, "RES-04") is None
    assert focused_question() == "RES-04" and card.current
    qtbot.keyClick(QApplication.focusWidget(), "n")
    assert answer(editor, "RES-04") is FlagValue.NO


def test_enter_after_an_amount_stores_it_and_goes_to_the_next_question(
    qtbot: QtBot, editor: CheckEditor
) -> None:
    editor.show_question("RES-03")
    qtbot.keyClick(QApplication.focusWidget(), "j")
    assert focused_question() == "RES-03a"
    qtbot.keyClicks(QApplication.focusWidget(), "2.500")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert answer(editor, "RES-03a") == Decimal(2500)
    assert focused_question() == "RES-04"
    qtbot.keyClick(QApplication.focusWidget(), "n")
    assert answer(editor, "RES-04") is FlagValue.NO


def test_an_answer_key_after_tab_past_an_amount_answers_the_next_question(
    qtbot: QtBot, editor: CheckEditor
) -> None:
    editor.show_question("RES-03")
    qtbot.keyClick(QApplication.focusWidget(), "j")
    assert focused_question() == "RES-03a"
    qtbot.keyClicks(QApplication.focusWidget(), "900")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    card = editor.card("RES-03a")
    assert card is not None and QApplication.focusWidget() is card.note_toggle
    qtbot.keyClick(QApplication.focusWidget(), "n")
    assert answer(editor, "RES-03a") == Decimal(900)
    assert answer(editor, "RES-04") is FlagValue.NO
    assert focused_question() == "RES-06"


def test_a_key_meant_for_the_next_question_never_changes_its_answer(
    qtbot: QtBot, editor: CheckEditor
) -> None:
    earlier = editor.card("RES-04")
    assert earlier is not None and isinstance(earlier.input, FlagInput)
    click(qtbot, earlier.input.buttons[FlagValue.NO])
    card = editor.card("RES-03")
    assert card is not None
    card.note_toggle.setFocus()
    qtbot.keyClick(card.note_toggle, "j")
    assert answer(editor, "RES-04") is FlagValue.NO  # shown, not changed
    assert focused_question() == "RES-04"


def test_a_key_never_changes_an_answer_out_of_sight(qtbot: QtBot, editor: CheckEditor) -> None:
    editor.show_question("RES-14")
    card = editor.card("RES-14")
    assert card is not None and isinstance(card.input, FlagInput)
    click(qtbot, card.input.buttons[FlagValue.NO])
    editor.show_question("RES-14")  # back to it, e.g. from the review page
    page = page_of(editor)
    QApplication.processEvents()  # scrolled to it
    page.verticalScrollBar().setValue(0)  # scrolled away with the wheel; the focus stayed
    QApplication.processEvents()
    assert card.input.hasFocus() and not card.input.in_sight()
    qtbot.keyClick(card.input, "j")
    assert answer(editor, "RES-14") is FlagValue.NO  # not changed unseen …
    assert card.input.in_sight()  # … but shown, with its focus
    qtbot.keyClick(card.input, "j")
    assert answer(editor, "RES-14") is FlagValue.YES


def test_the_last_click_of_a_section_leads_to_the_next_section_button(
    qtbot: QtBot, editor: CheckEditor
) -> None:
    editor.show_question("RES-14")
    card = editor.card("RES-14")
    assert card is not None and isinstance(card.input, FlagInput)
    page_of(editor).ensureWidgetVisible(card)
    click(qtbot, card.input.buttons[FlagValue.NO])
    following = QApplication.focusWidget()
    assert isinstance(following, QPushButton)
    pressure = editor.pack.sections[4].title.en
    assert following.text() == f"Next: {pressure} →"  # B and C are not asked at this stage
    qtbot.keyClick(following, "n")  # a key here is for the next section's first question
    assert answer(editor, "RES-27") is FlagValue.NO
    assert editor.sections.currentRow() == 5


def test_the_advice_grows_beside_the_questions_not_above_them(
    qtbot: QtBot, editor: CheckEditor
) -> None:
    editor.show_question("RES-03")
    before = positions(editor)
    for question_id in ("RES-04", "RES-06", "RES-12", "RES-13"):
        card = editor.card(question_id)
        assert card is not None and isinstance(card.input, FlagInput)
        click(qtbot, card.input.buttons[FlagValue.YES])
    assert len(editor.outcome.reason_texts()) >= 3  # the advice is longer now
    assert positions(editor) == before
    assert (
        editor.outcome.mapTo(editor, QPoint(0, 0)).x()
        > editor.pages.mapTo(editor, QPoint(0, 0)).x()
    )


@pytest.mark.parametrize("size", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_section_row_shows_its_title_and_progress_whole(
    qtbot: QtBot, store: Store, size: tuple[int, int], language: str
) -> None:
    set_language(language)
    editor = open_editor(qtbot, store, buyer_draft(store), size)
    sections = editor.sections
    splitter = editor.findChild(QSplitter, "editorSplitter")
    total = sum(splitter.sizes())
    for width in range(150, 320, 2):  # the user drags the divider: titles wrap at some widths
        splitter.setSizes([width, total - width - 400, 400])
        QApplication.processEvents()
        for row in range(sections.count() - 1):
            this = sections.visualItemRect(sections.item(row))
            below = sections.visualItemRect(sections.item(row + 1))
            # A row is drawn as high as the room it takes: a wrapped title is never cut off.
            assert below.top() - this.bottom() - 1 == 2 * sections.spacing(), (width, row)
