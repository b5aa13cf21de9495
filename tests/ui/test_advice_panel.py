"""The advice beside the questions is honest about what it rests on: a new check is no advice to
proceed, a stop answered first is shown with the questions still open, and a finalized check no
longer speaks of the advice "so far". Amend is in the Check menu."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.stores import open_store
from tests.ui.conftest import Dialogs, complete_draft, new_draft
from vastgoedcheck.domain.check import Check, Status
from vastgoedcheck.domain.pack import FlagValue
from vastgoedcheck.i18n import set_language
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.amend_dialog import AmendDialog
from vastgoedcheck.ui.answer_inputs import FlagInput
from vastgoedcheck.ui.editor import CheckEditor
from vastgoedcheck.ui.main_window import MainWindow
from vastgoedcheck.ui.preferences import Preferences, actor_of
from vastgoedcheck.ui.review_page import ReviewPage


def open_editor(qtbot: QtBot, store: Store, check: Check) -> CheckEditor:
    editor = CheckEditor(store, check.id)
    qtbot.addWidget(editor)
    editor.resize(1366, 768)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def words(widget: QWidget) -> list[str]:
    """Every text a reader sees or hears in ``widget``: labels, and the names read aloud."""
    found = [label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)]
    found += [w.accessibleName() for w in widget.findChildren(QWidget) if w.accessibleName()]
    return found


def test_a_new_check_says_the_advice_is_incomplete_and_what_is_open(
    qtbot: QtBot, store: Store
) -> None:
    editor = open_editor(qtbot, store, new_draft(store))
    advice = editor.outcome
    assert advice.headline.text() == "Incomplete — no advice yet"
    assert advice.icon.accessibleName() == "Incomplete — no advice yet"
    assert "Proceed" not in " ".join(words(advice))
    shown_required = [
        qid for qid in editor.visible_questions() if editor.pack.question(qid).required
    ]
    assert advice.open_label.text().startswith(
        f"Incomplete: {len(shown_required)} of the {len(shown_required)} questions that decide "
        "the outcome are not answered yet (RES-00, RES-03, "
    )
    assert advice.first_open.accessibleName() == "Go to the first open question (RES-00)"
    advice.first_open.linkActivated.emit("RES-00")  # as a click on the link does
    assert editor.sections.currentRow() == 1


def test_a_stop_answered_first_stands_and_the_rest_is_said_to_be_open(
    qtbot: QtBot, store: Store
) -> None:
    draft = new_draft(store)
    store.set_answer(draft.id, "RES-00", "contract")
    editor = open_editor(qtbot, store, draft)
    editor.show_question("RES-02")
    card = editor.card("RES-02")
    assert card is not None and isinstance(card.input, FlagInput)
    qtbot.mouseClick(card.input.buttons[FlagValue.YES], Qt.MouseButton.LeftButton)
    assert editor.outcome.headline.text().startswith("STOP: do not proceed")
    assert editor.outcome.open_label.isVisibleTo(editor.outcome)
    assert editor.outcome.open_label.text().startswith("Incomplete: ")
    assert "RES-02" not in editor.outcome.open_label.text()


def test_a_complete_check_gives_its_outcome_and_nothing_open(qtbot: QtBot, store: Store) -> None:
    editor = open_editor(qtbot, store, complete_draft(store))
    assert editor.outcome.headline.text() == "Proceed"
    assert not editor.outcome.open_label.isVisibleTo(editor.outcome)
    assert not editor.outcome.first_open.isVisibleTo(editor.outcome)


def test_the_review_page_says_incomplete_too(qtbot: QtBot, store: Store) -> None:
    page = ReviewPage(store, new_draft(store).id)
    qtbot.addWidget(page)
    assert page.advice_headline.text() == "Incomplete — no advice yet"
    assert "questions that decide the outcome are not answered yet" in page.advice_detail.text()


@pytest.mark.parametrize(("language", "so_far"), [("en", "so far"), ("nl", "tot nu toe")])
def test_a_finalized_check_no_longer_speaks_of_the_advice_so_far(
    qtbot: QtBot, store: Store, language: str, so_far: str
) -> None:
    final = store.finalize(complete_draft(store).id)
    set_language(language)
    editor = open_editor(qtbot, store, final)
    for row in range(editor.sections.count()):
        editor.sections.setCurrentRow(row)
        assert not [text for text in words(editor) if so_far in text], row
    assert editor.outcome.caption.text() == ("Advice" if language == "en" else "Advies")
    draft = open_editor(qtbot, store, new_draft(store))
    assert any(so_far in text for text in words(draft.outcome))


def test_amend_is_in_the_check_menu_for_a_finalized_check(
    qtbot: QtBot,
    tmp_path: Path,
    registry: PackRegistry,
    preferences: Preferences,
    dialogs: Dialogs,
) -> None:
    store = open_store(tmp_path / "data", registry, actor=actor_of(preferences))
    window = MainWindow(store, preferences)
    qtbot.addWidget(window)
    window.show()
    draft = new_draft(store)
    final = store.finalize(complete_draft(store).id)

    [check_menu] = [m for m in window.menuBar().actions() if m.text() == "&Check"]
    menu = check_menu.menu()
    assert window.amend_action in menu.actions()
    assert window.amend_action.text() == "&Amend…"

    window.open_check(draft.id)
    assert not window.amend_action.isEnabled()  # a draft is corrected where it is
    window.open_check(final.id)
    assert window.amend_action.isEnabled()
    window.amend_action.trigger()
    page = window.check_page
    assert page is not None and page.tabs.currentWidget() is page.review
    dialog = page.review.amend_dialog
    assert isinstance(dialog, AmendDialog) and dialog.isVisible()
    dialog.reason_edit.setPlainText("The tenant's name was misspelt")
    dialog.accept()
    QApplication.processEvents()
    amended = store.get(final.id)
    assert amended.status is Status.DRAFT and amended.revision == 2
    assert not window.amend_action.isEnabled()
