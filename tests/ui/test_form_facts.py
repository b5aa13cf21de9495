"""What the parties and property form says answers the questions in the editor: visibly taken
from the form, changeable, seen by the advice; an answer against the form is said in the
editor's advice and on the review page."""

from __future__ import annotations

import html
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from tests.ui.conftest import new_draft
from tests.ui.test_editor import card, open_editor
from vastgoedcheck.domain.check import Party, PartyKind
from vastgoedcheck.domain.pack import FlagValue, Role
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.details_editor import DetailsEditor
from vastgoedcheck.ui.field_inputs import Choice
from vastgoedcheck.ui.review_page import ReviewPage

CONTRADICTION = (
    "RES-03 is answered 'no', but the parties and property form gives Payment method "
    "'partly cash, partly by bank': correct the answer or the form."
)


def test_partly_cash_in_the_form_answers_the_cash_question_visibly(
    qtbot: QtBot, store: Store
) -> None:
    draft = new_draft(store)
    editor = open_editor(qtbot, store, draft)
    assert editor.outcome.headline.text() == "Incomplete — no advice yet"  # nothing answered
    editor.show_details()
    details = editor.pages.currentWidget().findChild(DetailsEditor, "detailsEditor")
    rows = details.form.property_rows
    assert rows is not None
    method = rows.inputs["payment_method"]
    assert isinstance(method, Choice)
    method.combo.setFocus()
    method.combo.setCurrentIndex(method.index_of("mixed"))
    with qtbot.waitSignal(editor.saved, timeout=1000):
        details.flush()

    cash = card(editor, "RES-03")
    assert cash.input.value() is FlagValue.YES
    mark = cash.findChild(QLabel, "fromFormMark")
    assert mark.isVisibleTo(cash)
    assert "Taken from 'Payment method' in the parties and property form" in mark.text()
    assert editor.outcome.headline.text() != "Proceed"  # the advice sees the answer

    editor.show_question("RES-03")
    no = cash.findChild(QPushButton, "flag_no")
    qtbot.mouseClick(no, Qt.MouseButton.LeftButton)
    assert store.get(draft.id).answers["RES-03"].from_form is None  # the person's answer now
    assert not mark.isVisibleTo(cash)
    editor.outcome._expanded = True
    editor.outcome._show_reasons()
    assert CONTRADICTION in editor.outcome.reason_texts()

    review = ReviewPage(store, draft.id)
    qtbot.addWidget(review)
    review.show()
    review.refresh()
    texts = [label.text() for label in review.advice_box.findChildren(QLabel)]
    assert any(html.escape(CONTRADICTION) in text for text in texts)


def test_a_form_changed_back_takes_its_answer_back(qtbot: QtBot, store: Store) -> None:
    draft = new_draft(store)
    store.set_property(draft.id, {**draft.property, "payment_method": "cash"})
    editor = open_editor(qtbot, store, draft)
    cash = card(editor, "RES-03")
    assert cash.input.value() is FlagValue.YES
    editor.show_details()
    details = editor.pages.currentWidget().findChild(DetailsEditor, "detailsEditor")
    method = details.form.property_rows.inputs["payment_method"]
    method.combo.setCurrentIndex(method.index_of("bank_transfer"))
    with qtbot.waitSignal(editor.saved, timeout=1000):
        details.flush()
    assert cash.input.value() is None
    assert not cash.findChild(QLabel, "fromFormMark").isVisibleTo(cash)


def test_an_estate_agent_is_asked_to_find_out_what_the_form_does_not_say(
    qtbot: QtBot, store: Store
) -> None:
    pack = store.registry.get("broker-buyer")
    assert pack is not None
    draft = store.create(
        pack,
        Role.BROKER,
        parties=[Party("buyer", PartyKind.PERSON, {"name": "Eva de Boer"})],
        property_data={"payment_method": "mixed", "price": Decimal("425000")},
    )
    editor = open_editor(qtbot, store, draft)
    cash = card(editor, "BUY-07")
    assert cash.input.value() is FlagValue.UNKNOWN
    mark = cash.findChild(QLabel, "fromFormMark")
    assert mark.text().startswith("Set to 'unknown' from 'Payment method'")
    assert editor.outcome.headline.text() == "Proceed only after extra checks"
