"""The whole journey through the main window, driven as a landlord would: New check, the
questions by keyboard, review, decision, finalize, a PDF on disk, back to the overview. And a
draft closed half-way opens again where it was left, with every answer kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QInputDialog, QPushButton
from pytestqt.qtbot import QtBot

from tests.stores import open_store
from tests.ui.conftest import Dialogs, new_draft
from tests.ui.test_new_check_wizard import (
    choose_role,
    choose_stage,
    click,
    double_click_pack,
    finish_button,
    type_line,
)
from vastgoedcheck.domain.check import Status
from vastgoedcheck.domain.completeness import gaps
from vastgoedcheck.domain.pack import FlagValue, QuestionType, Role
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.reports.profiles import Recipient
from vastgoedcheck.ui.check_page import CheckPage
from vastgoedcheck.ui.editor import CheckEditor
from vastgoedcheck.ui.main_window import MainWindow
from vastgoedcheck.ui.overview_model import Column
from vastgoedcheck.ui.preferences import Preferences, actor_of
from vastgoedcheck.ui.question_card import QuestionCard

REPORT_TIMEOUT_MS = 30_000


def open_window(
    qtbot: QtBot, folder: Path, registry: PackRegistry, preferences: Preferences
) -> MainWindow:
    store = open_store(folder, registry, actor=actor_of(preferences))
    window = MainWindow(store, preferences)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=1000)
    return window


def focused_question() -> str | None:
    widget = QApplication.focusWidget()
    while widget is not None and not isinstance(widget, QuestionCard):
        widget = widget.parentWidget()
    return widget.question_id if widget is not None else None


def open_page(window: MainWindow) -> CheckPage:
    page = window.check_page
    assert page is not None and window.pages.currentWidget() is page
    return page


def answer_stage(qtbot: QtBot, editor: CheckEditor, stage: str) -> None:
    card = editor.card("RES-00")
    assert card is not None
    combo = card.findChild(QComboBox, "answerChoice")
    combo.setFocus()
    while combo.currentData() != stage:
        qtbot.keyClick(combo, Qt.Key.Key_Down)


def test_from_new_check_to_a_finalized_check_and_its_report(
    qtbot: QtBot, tmp_path: Path, registry: PackRegistry, preferences: Preferences, dialogs: Dialogs
) -> None:
    folder = tmp_path / "data"
    window = open_window(qtbot, folder, registry, preferences)
    store = window.store
    assert window.overview.welcome.isVisible()

    # New check: role, checklist, stage, the tenant.
    click(qtbot, window.overview.welcome_new)
    wizard = window.wizard
    assert wizard is not None and wizard.isVisible()
    choose_role(qtbot, wizard, Role.LANDLORD)
    double_click_pack(qtbot, wizard, "landlord-residential")
    choose_stage(qtbot, wizard, "application")  # the stage first: it decides what is asked
    form = wizard.details_page.form
    assert form is not None
    type_line(qtbot, form.party_blocks[0].input("name"), "Daan Bakker")
    click(qtbot, finish_button(wizard))
    page = open_page(window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=1000)  # wizard gone
    check_id = page.check_id
    assert "Daan Bakker" in page.title.text() and "Daan Bakker" in window.windowTitle()

    # The questions: the stage (given in the wizard), then every shown question answered "no"
    # by keyboard (the focus moves on by itself), one signal answered "yes" with the mouse.
    editor = page.editor
    answer_stage(qtbot, editor, "application")
    pack = store.pack_of(store.get(check_id))
    flags = [
        question.id
        for question in pack.questions
        if question.type is QuestionType.FLAG and question.id in editor.visible_questions()
    ]
    editor.show_question(flags[0])
    for expected in flags:
        assert focused_question() == expected
        qtbot.keyClick(QApplication.focusWidget(), "n")
    editor.show_question("RES-05")
    card = editor.card("RES-05")
    assert card is not None
    yes = card.findChild(QPushButton, "flag_yes")
    qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
    stored = store.get(check_id)
    assert stored.answer_value("RES-05") is FlagValue.YES
    assert gaps(stored, pack).unanswered == ()
    assert window.saved_label.text().startswith("Saved at ")

    # Review: the decision and why, then finalize (the question is answered Yes).
    window.review_action.trigger()
    review = page.review
    assert page.tabs.currentWidget() is review
    qtbot.keyClicks(review.reasoning_edit, "Payslips checked with the employer; signed.")
    qtbot.waitUntil(lambda: store.get(check_id).decision is not None, timeout=1500)
    assert review.finalize_button.isEnabled()
    dialogs.answer = dialogs.answer.Yes
    click(qtbot, review.finalize_button)
    final = store.get(check_id)
    assert final.status is Status.FINAL and final.fingerprint
    assert page.review.amend_button.isVisible()

    # The dossier report, saved where the user chose.
    target = tmp_path / "dossier.pdf"
    dialogs.save_as = target
    click(qtbot, page.report_button)
    dialog = page.report_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.recipient() is Recipient.DOSSIER
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(dialog.result_row.isVisible, timeout=REPORT_TIMEOUT_MS)
    assert target.read_bytes().startswith(b"%PDF")
    [issued] = store.issued()
    assert (issued.check_id, issued.recipient, issued.revision) == (check_id, "dossier", 1)
    dialog.close()

    # Back to the overview: the check is there, final.
    click(qtbot, page.findChild(QPushButton, "backButton"))
    assert window.check_page is None and window.pages.currentWidget() is window.overview
    row = window.overview.model.row_of(check_id)
    assert row is not None
    assert window.overview.model.index(row, Column.STATUS).data() == "final"

    window.close()
    with open_store(folder, registry, actor="next start") as reopened:  # the folder was released
        assert reopened.get(check_id).status is Status.FINAL


def test_a_draft_closed_half_way_reopens_where_it_was_left(
    qtbot: QtBot, tmp_path: Path, registry: PackRegistry, preferences: Preferences, dialogs: Dialogs
) -> None:
    folder = tmp_path / "data"
    with open_store(folder, registry, actor="M. Jansen") as store:
        draft = new_draft(store)
    window = open_window(qtbot, folder, registry, preferences)
    window.overview.select_check(draft.id)
    qtbot.keyClick(window.overview.table, Qt.Key.Key_Return)
    editor = open_page(window).editor
    answer_stage(qtbot, editor, "contract")
    editor.show_question("RES-01")
    qtbot.keyClick(QApplication.focusWidget(), "n")
    card = editor.card("RES-02")
    assert card is not None
    card.open_note()
    qtbot.keyClicks(card.note_edit, "Asked twice for the keys before signing")
    window.close()  # at once: the note typed a moment ago must not be lost

    window = open_window(qtbot, folder, registry, preferences)
    kept = window.store.get(draft.id)
    assert kept.answers["RES-02"].note == "Asked twice for the keys before signing"
    assert kept.answer_value("RES-01") is FlagValue.NO
    window.overview.select_check(draft.id)
    qtbot.keyClick(window.overview.table, Qt.Key.Key_Return)
    editor = open_page(window).editor
    values = kept.answer_values()
    first_open = next(
        question.id
        for question in window.store.pack_of(kept).questions
        if question.id in editor.visible_questions() and values.get(question.id) is None
    )
    qtbot.waitUntil(lambda: focused_question() == first_open, timeout=1000)
    window.close()


def test_deleting_a_draft_asks_why_and_logs_it_and_cancelling_keeps_it(
    qtbot: QtBot,
    tmp_path: Path,
    registry: PackRegistry,
    preferences: Preferences,
    dialogs: Dialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "data"
    with open_store(folder, registry, actor="M. Jansen") as store:
        keep, drop = new_draft(store, "Anna Smit"), new_draft(store, "Piet Klaassen")
    window = open_window(qtbot, folder, registry, preferences)
    answers = iter([("", False), ("Entered twice by mistake", True)])
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: next(answers)))
    assert not window.delete_action.isEnabled()  # nothing open

    window.open_check(drop.id)
    window.delete_action.trigger()  # cancelled
    assert window.check_page is not None and len(window.store) == 2
    window.delete_action.trigger()
    assert window.check_page is None and window.pages.currentWidget() is window.overview
    assert [summary.id for summary in window.store.summaries()] == [keep.id]
    [deleted] = [entry for entry in window.store.log() if entry.get("action") == "deleted"]
    assert deleted["reason"] == "Entered twice by mistake"
    assert deleted["actor"] == "M. Jansen"
    window.close()
