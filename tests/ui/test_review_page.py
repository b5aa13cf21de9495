"""The review page: what is still missing, the advice, the decision and its autosave,
finalizing and amending, as a user drives them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCommandLinkButton, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.accessibility import unnamed_controls
from tests.ui.conftest import Dialogs, complete_draft, example, new_draft
from vastgoedcheck.domain.check import Status
from vastgoedcheck.domain.completeness import gaps
from vastgoedcheck.domain.pack import Role
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.review_page import ReviewPage


def shown_page(qtbot: QtBot, store: Store, check_id: str) -> ReviewPage:
    page = ReviewPage(store, check_id)
    qtbot.addWidget(page)
    page.resize(900, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def imported(store: Store, name: str) -> str:
    [(check_id, _stored)] = store.import_checks([example(name)], "t")
    return check_id


def test_each_missing_question_is_listed_and_clicking_it_asks_to_show_it(
    qtbot: QtBot, store: Store, dialogs: Dialogs
) -> None:
    check = new_draft(store)
    pack = store.pack_of(check)
    unanswered = gaps(check, pack).unanswered
    page = shown_page(qtbot, store, check.id)

    rows = [page.findChild(QCommandLinkButton, f"missing_{qid}") for qid in unanswered]
    assert all(row is not None and row.isVisible() for row in rows)
    first = pack.question(unanswered[0])
    assert first is not None
    assert first.label.get("en") in rows[0].accessibleName()
    section = next(s for s in pack.sections if first in s.questions)
    assert rows[0].accessibleName().startswith(section.title.get("en") + " — ")

    with qtbot.waitSignal(page.jump_requested) as jump:
        qtbot.mouseClick(rows[0], Qt.MouseButton.LeftButton)
    assert jump.args == [unanswered[0]]
    assert not page.finalize_button.isEnabled()
    assert page.findChild(QLabel, "nothingMissing") is None
    assert unnamed_controls(page) == []


def test_a_check_without_a_named_party_asks_for_the_details(
    qtbot: QtBot, store: Store, dialogs: Dialogs
) -> None:
    pack = store.registry.get("landlord-residential")
    assert pack is not None
    check = store.create(pack, Role.LANDLORD)
    page = shown_page(qtbot, store, check.id)

    row = page.findChild(QCommandLinkButton, "missing_details")
    assert row is not None and "Nobody is named yet" in row.description()
    with qtbot.waitSignal(page.jump_requested) as jump:
        qtbot.mouseClick(row, Qt.MouseButton.LeftButton)
    assert jump.args == ["details"]


def test_the_advice_shows_the_outcome_in_words_and_its_reasons(
    qtbot: QtBot, store: Store, dialogs: Dialogs
) -> None:
    check_id = imported(store, "landlord-residential-straw-man")
    page = shown_page(qtbot, store, check_id)

    # a stop and a report advice together: one sentence
    assert page.advice_headline.text() == "STOP: do not proceed; a report is recommended"
    assert page.advice_detail.text().startswith("Score:")
    assert not page.advice_icon.pixmap().isNull()
    texts = [label.text() for label in page.advice_box.findChildren(QLabel)]
    assert "Why" in texts and "Where to report" in texts
    assert any("RES-02" in text for text in texts)
    # the decision is preset to the advice, and marked as advised: the report, and the stop
    assert page.decision_combo.currentData() == "report_police"
    assert "(advised)" in page.decision_combo.currentText()
    stop = page.decision_combo.findData("do_not_proceed")
    assert page.decision_combo.itemText(stop) == "Do not proceed: refuse (advised)"


def test_the_decision_is_stored_shortly_after_typing_without_flush(
    qtbot: QtBot, store: Store, dialogs: Dialogs
) -> None:
    check_id = imported(store, "landlord-residential-all-clear")
    page = shown_page(qtbot, store, check_id)
    assert page.findChild(QCommandLinkButton, "missing_decision") is not None
    assert not page.finalize_button.isEnabled()
    saves: list[bool] = []
    page.saved.connect(lambda: saves.append(True))

    page.decision_combo.setFocus()
    page.decision_combo.setCurrentIndex(page.decision_combo.findData("proceed_with_conditions"))
    qtbot.keyClicks(page.reasoning_edit, "References still to be called back.")
    qtbot.waitUntil(lambda: store.get(check_id).decision is not None, timeout=1000)

    decision = store.get(check_id).decision
    assert decision is not None
    assert decision.outcome == "proceed_with_conditions"
    assert decision.reasoning == "References still to be called back."
    assert saves
    assert page.finalize_button.isEnabled()
    nothing = page.findChild(QLabel, "nothingMissing")
    assert nothing is not None
    qtbot.waitUntil(nothing.isVisible)
    assert page.findChild(QCommandLinkButton, "missing_decision") is None


def test_a_decision_without_reasoning_is_not_stored(
    qtbot: QtBot, store: Store, dialogs: Dialogs
) -> None:
    check_id = imported(store, "landlord-residential-all-clear")
    page = shown_page(qtbot, store, check_id)

    page.decision_combo.setCurrentIndex(page.decision_combo.findData("escalate"))
    qtbot.wait(700)
    page.flush()

    assert store.get(check_id).decision is None
    assert not page.finalize_button.isEnabled()
    assert page.finalize_hint.text()


def test_leaving_the_reasoning_stores_it_at_once(
    qtbot: QtBot, store: Store, dialogs: Dialogs
) -> None:
    check_id = imported(store, "landlord-residential-all-clear")
    page = shown_page(qtbot, store, check_id)
    page.activateWindow()
    page.reasoning_edit.setFocus()
    qtbot.waitUntil(page.reasoning_edit.hasFocus)
    qtbot.keyClicks(page.reasoning_edit, "Nothing unusual.")

    qtbot.keyClick(page.reasoning_edit, Qt.Key.Key_Tab)  # focus leaves the reasoning box
    assert not page.reasoning_edit.hasFocus()

    decision = store.get(check_id).decision
    assert decision is not None and decision.reasoning == "Nothing unusual."


def test_finalize_asks_first_and_then_locks_the_check(
    qtbot: QtBot, store: Store, dialogs: Dialogs
) -> None:
    check = complete_draft(store)
    page = shown_page(qtbot, store, check.id)
    assert page.finalize_button.isEnabled()

    dialogs.answer = QMessageBox.StandardButton.No
    qtbot.mouseClick(page.finalize_button, Qt.MouseButton.LeftButton)
    assert dialogs.said("cannot be changed")
    assert store.get(check.id).status is Status.DRAFT

    dialogs.answer = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(page.finalized):
        qtbot.mouseClick(page.finalize_button, Qt.MouseButton.LeftButton)

    final = store.get(check.id)
    assert final.status is Status.FINAL
    assert final.fingerprint is not None
    info = page.final_label.text()
    assert final.fingerprint in info and "M. Jansen" in info and "revision 1" in info
    assert page.final_label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert not page.finalize_button.isVisible()
    assert page.amend_button.isVisible()
    assert not page.missing_box.isVisible()
    assert not page.decision_combo.isEnabled()
    assert page.reasoning_edit.isReadOnly()
    assert page.reasoning_edit.toPlainText() == "Nothing unusual; lease signed."
    assert unnamed_controls(page) == []


def test_amending_with_a_reason_starts_a_draft_revision_two(
    qtbot: QtBot, store: Store, dialogs: Dialogs
) -> None:
    check = complete_draft(store)
    store.finalize(check.id)
    page = shown_page(qtbot, store, check.id)

    qtbot.mouseClick(page.amend_button, Qt.MouseButton.LeftButton)
    dialog = page.amend_dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.reason_edit, "   ")
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.reason_edit, "The tenant's name was misspelt.")
    assert dialog.ok_button.isEnabled()
    assert unnamed_controls(dialog) == []
    with qtbot.waitSignal(page.amended):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    amended = store.get(check.id)
    assert amended.revision == 2
    assert amended.status is Status.DRAFT
    assert amended.amends is not None
    assert amended.amends.reason == "The tenant's name was misspelt."
    assert store.get(check.id, 1).status is Status.FINAL
    assert page.amends_label.isVisible()
    assert "The tenant's name was misspelt." in page.amends_label.text()
    assert page.finalize_button.isVisible() and not page.amend_button.isVisible()


def test_a_refused_amendment_keeps_the_dialog_open(
    qtbot: QtBot, store: Store, dialogs: Dialogs
) -> None:
    check = complete_draft(store)
    store.finalize(check.id)
    page = shown_page(qtbot, store, check.id)
    qtbot.mouseClick(page.amend_button, Qt.MouseButton.LeftButton)
    dialog = page.amend_dialog
    assert dialog is not None

    dialog.reason_edit.setPlainText("x" * 2_001)  # pasted
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert dialogs.said("at most 2000")
    assert dialog.isVisible()
    assert store.get(check.id).revision == 1


def test_under_a_duty_to_report_not_reporting_is_not_offered_as_a_choice(
    qtbot: QtBot, store: Store, dialogs: Dialogs
) -> None:
    must_report = shown_page(qtbot, store, imported(store, "broker-buyer-cash-deposit"))
    assert must_report.reasoning_label.text() == "&Why? (required)"
    explanation = must_report.decision_explanation.text()
    assert "Record what you decided and why." in explanation
    assert "a duty here, not a choice (art. 16 Wwft)" in explanation
    advice = " ".join(label.text() for label in must_report.advice_box.findChildren(QLabel))
    assert "Record your decision and your reasoning." in advice
    assert "decide not to report" not in explanation + advice

    recommended = shown_page(qtbot, store, imported(store, "landlord-residential-straw-man"))
    assert "also when you decide not to report" in recommended.reasoning_label.text()
    assert "also when you decide not to report" in recommended.decision_explanation.text()
