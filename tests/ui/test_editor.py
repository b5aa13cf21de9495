"""The check editor, driven as a user would: answers are stored as they are given, conditional
questions come and go, the keyboard walks through the flags, the advice and the progress follow
the answers, a reopened draft continues where it was left and a final check cannot change."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.accessibility import unnamed_controls
from tests.ui.conftest import complete_draft, new_draft
from vastgoedcheck.domain.check import Check, Party, PartyKind
from vastgoedcheck.domain.pack import FlagValue
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.details_editor import DetailsEditor
from vastgoedcheck.ui.details_form import DetailsForm
from vastgoedcheck.ui.editor import CheckEditor, section_progress
from vastgoedcheck.ui.question_card import QuestionCard

SAVED_WITHIN_MS = 1000
TENANCY = ["RES-30", *(f"RES-{n}" for n in range(17, 27))]
STAGE, APPLICATION, CONTRACT, DURING, PRESSURE, SANCTIONS = 1, 2, 3, 4, 5, 6  # section rows


def open_editor(qtbot: QtBot, store: Store, check: Check) -> CheckEditor:
    editor = CheckEditor(store, check.id)
    qtbot.addWidget(editor)
    editor.resize(1200, 800)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    return editor


def card(editor: CheckEditor, question_id: str) -> QuestionCard:
    found = editor.card(question_id)
    assert found is not None
    return found


def focused_question(editor: CheckEditor) -> str | None:
    widget: QWidget | None = QApplication.focusWidget()
    while widget is not None and not isinstance(widget, QuestionCard):
        widget = widget.parentWidget()
    return widget.question_id if widget else None


def choose_stage(qtbot: QtBot, editor: CheckEditor, stage: str) -> None:
    combo = card(editor, "RES-00").findChild(QComboBox, "answerChoice")
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    while combo.currentData() != stage:
        qtbot.keyClick(combo, Qt.Key.Key_Down)


def click_flag(qtbot: QtBot, editor: CheckEditor, question_id: str, value: str) -> None:
    button = card(editor, question_id).findChild(QPushButton, f"flag_{value}")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def shown(editor: CheckEditor, question_id: str) -> bool:
    return not card(editor, question_id).isHidden()


# -- storing ---------------------------------------------------------------------------------


def test_a_clicked_flag_is_stored_and_reported_saved(qtbot: QtBot, store: Store) -> None:
    draft = new_draft(store)
    editor = open_editor(qtbot, store, draft)
    editor.show_question("RES-04")
    with qtbot.waitSignals([editor.saved, editor.changed], timeout=100):
        click_flag(qtbot, editor, "RES-04", "yes")
    assert store.get(draft.id).answer_value("RES-04") is FlagValue.YES


def test_a_typed_amount_is_stored_within_a_second(qtbot: QtBot, store: Store) -> None:
    draft = new_draft(store)
    store.set_answer(draft.id, "RES-03", FlagValue.YES)
    editor = open_editor(qtbot, store, draft)
    editor.show_question("RES-03a")
    edit = card(editor, "RES-03a").findChild(QLineEdit, "answerEdit")
    qtbot.keyClicks(edit, "2.500")
    qtbot.waitUntil(
        lambda: store.get(draft.id).answer_value("RES-03a") == Decimal("2500"),
        timeout=SAVED_WITHIN_MS,
    )


def test_flush_stores_a_note_still_being_typed(qtbot: QtBot, store: Store) -> None:
    draft = new_draft(store)
    editor = open_editor(qtbot, store, draft)
    note_card = card(editor, "RES-06")
    editor.show_question("RES-06")
    qtbot.mouseClick(note_card.note_toggle, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(note_card.note_edit, "The agent did all the talking")
    assert editor.flush()
    assert store.get(draft.id).answers["RES-06"].note == "The agent did all the talking"


# -- conditional questions -------------------------------------------------------------------


def test_tenancy_questions_appear_only_during_the_tenancy(qtbot: QtBot, store: Store) -> None:
    draft = new_draft(store)
    editor = open_editor(qtbot, store, draft)
    assert not any(shown(editor, qid) for qid in TENANCY)
    assert editor.progress_text(DURING) == "No questions apply"
    choose_stage(qtbot, editor, "tenancy")
    assert store.get(draft.id).answer_value("RES-00") == "tenancy"
    assert all(shown(editor, qid) for qid in TENANCY)
    assert editor.progress_text(DURING) == "0 of 11 answered"
    assert focused_question(editor) == "RES-00"  # the focus stays where the user is
    choose_stage(qtbot, editor, "application")
    assert not any(shown(editor, qid) for qid in TENANCY)
    assert editor.progress_text(DURING) == "No questions apply"


def test_the_cash_amount_appears_with_a_yes_to_cash_and_keeps_the_scroll(
    qtbot: QtBot, store: Store
) -> None:
    draft = new_draft(store)
    editor = open_editor(qtbot, store, draft)
    editor.show_question("RES-15")
    page = editor.pages.currentWidget()
    scrolled = page.verticalScrollBar().value()
    click_flag(qtbot, editor, "RES-03", "yes")
    assert shown(editor, "RES-03a")
    assert page.verticalScrollBar().value() == scrolled
    click_flag(qtbot, editor, "RES-03", "no")
    assert not shown(editor, "RES-03a")


# -- the keyboard ----------------------------------------------------------------------------


def test_answering_a_flag_by_key_moves_on_to_the_next_shown_question(
    qtbot: QtBot, store: Store
) -> None:
    draft = new_draft(store)
    editor = open_editor(qtbot, store, draft)
    editor.show_question("RES-03")
    qtbot.waitUntil(lambda: focused_question(editor) == "RES-03")
    qtbot.keyClick(QApplication.focusWidget(), "j")
    assert store.get(draft.id).answer_value("RES-03") is FlagValue.YES
    assert focused_question(editor) == "RES-03a"  # just appeared
    editor.show_question("RES-04")
    qtbot.keyClick(QApplication.focusWidget(), "n")
    assert store.get(draft.id).answer_value("RES-04") is FlagValue.NO
    assert focused_question(editor) == "RES-06"
    qtbot.keyClick(QApplication.focusWidget(), "y")
    assert store.get(draft.id).answer_value("RES-06") is FlagValue.YES
    assert focused_question(editor) == "RES-12"


def test_the_last_flag_of_a_section_moves_on_to_the_next_section(
    qtbot: QtBot, store: Store
) -> None:
    draft = new_draft(store)
    store.set_answer(draft.id, "RES-00", "contract")  # RES-15 and B: from the contract stage
    editor = open_editor(qtbot, store, draft)
    editor.show_question("RES-15")
    qtbot.keyClick(QApplication.focusWidget(), "n")
    assert focused_question(editor) == "RES-01"
    assert editor.sections.currentRow() == CONTRACT


def test_up_and_down_walk_through_the_questions(qtbot: QtBot, store: Store) -> None:
    draft = new_draft(store)
    editor = open_editor(qtbot, store, draft)
    editor.show_question("RES-04")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert focused_question(editor) == "RES-06"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)
    assert focused_question(editor) == "RES-03"  # RES-03a is not shown
    assert store.get(draft.id).answers == {}


# -- advice and progress ---------------------------------------------------------------------


def test_a_knock_out_signal_shows_stop_with_its_reason(qtbot: QtBot, store: Store) -> None:
    draft = new_draft(store)
    store.set_answer(draft.id, "RES-00", "contract")
    editor = open_editor(qtbot, store, draft)
    assert editor.outcome.headline.text() == "Incomplete — no advice yet"
    editor.show_question("RES-01")
    click_flag(qtbot, editor, "RES-01", "yes")  # the careful answer: the identity was seen
    assert editor.outcome.headline.text() == "Incomplete — no advice yet"
    click_flag(qtbot, editor, "RES-01", "no")
    assert editor.outcome.headline.text().startswith("STOP: do not proceed")
    [first, *_rest] = editor.outcome.reason_texts()
    assert first.startswith("Knock-out RES-01: Have you established the applicant's identity")
    open_now = editor.outcome.open_label.text()
    assert open_now.startswith("Incomplete: ") and "(RES-03, RES-04, " in open_now


def test_more_reasons_are_behind_a_toggle(qtbot: QtBot, store: Store) -> None:
    draft = new_draft(store)
    store.set_answer(draft.id, "RES-00", "contract")
    for qid in ("RES-01", "RES-02", "RES-08", "RES-07", "RES-09"):
        store.set_answer(draft.id, qid, FlagValue.YES)
    editor = open_editor(qtbot, store, draft)
    assert len(editor.outcome.reason_texts()) == 3
    more = editor.outcome.more
    assert more.isVisible() and more.text().endswith("more reasons…")
    qtbot.mouseClick(more, Qt.MouseButton.LeftButton)
    assert len(editor.outcome.reason_texts()) > 3


def test_each_section_says_how_far_it_is(qtbot: QtBot, store: Store) -> None:
    draft = new_draft(store)
    editor = open_editor(qtbot, store, draft)
    assert editor.progress_text(APPLICATION) == "0 of 6 answered"  # RES-15: contract stage
    assert editor.progress_text(0) == "✓ 1 party named"
    editor.show_question("RES-03")
    for _question in range(6):
        qtbot.keyClick(QApplication.focusWidget(), "n")
    assert editor.progress_text(APPLICATION) == "✓ Complete (6 of 6)"
    assert editor.sections.item(APPLICATION).text().startswith("A. Application and viewing\n")
    assert section_progress(3, 8) == "3 of 8 answered"


# -- where the editor opens -------------------------------------------------------------------


def test_a_reopened_draft_continues_at_the_first_unanswered_question(
    qtbot: QtBot, store: Store
) -> None:
    draft = new_draft(store)
    for qid, value in [("RES-00", "application"), ("RES-03", FlagValue.NO)]:
        store.set_answer(draft.id, qid, value)
    store.set_answer(draft.id, "RES-06", FlagValue.NO)  # answered out of order
    editor = open_editor(qtbot, store, draft)
    assert editor.sections.currentRow() == APPLICATION
    qtbot.waitUntil(lambda: focused_question(editor) == "RES-04")
    assert editor.guidance.question_id == "RES-04"


def test_a_question_asked_for_on_opening_wins_over_the_resume_point(
    qtbot: QtBot, store: Store
) -> None:
    draft = new_draft(store)
    editor = CheckEditor(store, draft.id)
    qtbot.addWidget(editor)
    editor.show()
    editor.show_question("RES-27")  # e.g. a jump from the review page
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    qtbot.wait(20)
    assert focused_question(editor) == "RES-27"
    assert editor.sections.currentRow() == PRESSURE


def test_a_fully_answered_draft_opens_on_the_last_section(qtbot: QtBot, store: Store) -> None:
    draft = complete_draft(store)
    editor = open_editor(qtbot, store, draft)
    assert editor.resume_question() is None
    assert editor.sections.currentRow() == SANCTIONS  # RES-31, asked from the contract stage on


# -- guidance --------------------------------------------------------------------------------


def test_the_guidance_follows_the_focused_question(qtbot: QtBot, store: Store) -> None:
    draft = new_draft(store)
    store.set_answer(draft.id, "RES-00", "tenancy")
    editor = open_editor(qtbot, store, draft)
    editor.show_question("RES-01")
    texts = editor.guidance.texts()
    assert "Why this matters" in texts
    assert "Knock-out: the answer 'no' stops the matter." in texts
    assert "Severity: critical · signal" in texts
    assert "https://www.eigenhuis.nl/besparen/tijdelijke-verhuur/veilig-verhuren" in texts
    assert "Vereniging Eigen Huis — Veilig verhuren" in texts
    editor.show_question("RES-19")
    texts = editor.guidance.texts()
    assert "Only when the answer to RES-00 is 'During the tenancy'." in texts
    assert editor.sections.currentRow() == DURING


# -- a final check ---------------------------------------------------------------------------


def test_a_final_check_opens_read_only_and_can_still_be_read(qtbot: QtBot, store: Store) -> None:
    draft = complete_draft(store)
    final = store.finalize(draft.id)
    editor = open_editor(qtbot, store, final)
    banner = editor.findChild(QLabel, "finalBanner")
    assert banner.text().startswith("Finalized on ")
    assert banner.text().endswith("To correct it, use Amend.")
    buttons = [b for b in editor.findChildren(QPushButton) if b.objectName().startswith("flag_")]
    assert buttons and not any(b.isEnabled() for b in buttons)
    assert not any(b.isVisible() for b in editor.findChildren(QPushButton, "attachButton"))
    editor.show_question("RES-04")
    assert focused_question(editor) == "RES-04"
    qtbot.keyClick(QApplication.focusWidget(), "j")
    assert store.get(final.id).answer_value("RES-04") is FlagValue.NO
    assert editor.guidance.question_id == "RES-04"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert focused_question(editor) == "RES-06"
    assert store.get(final.id).updated_at == final.updated_at


# -- the other pages and buttons -------------------------------------------------------------


def test_the_parties_page_holds_the_details_editor(qtbot: QtBot, store: Store) -> None:
    draft = new_draft(store)
    editor = open_editor(qtbot, store, draft)
    editor.show_details()
    assert editor.sections.currentRow() == 0
    details = editor.pages.currentWidget().findChild(DetailsEditor, "detailsEditor")
    assert details is not None
    assert editor.guidance.texts()[0] == "Parties and property"
    assert editor.isActiveWindow()  # building the parties form opened no window of its own
    qtbot.waitUntil(lambda: details.isAncestorOf(QApplication.focusWidget()))
    assert QApplication.focusWidget() is details.form.party_blocks[0].role_combo


def test_a_change_on_the_parties_page_is_stored_and_reported_saved(
    qtbot: QtBot, store: Store
) -> None:
    draft = new_draft(store)
    editor = open_editor(qtbot, store, draft)
    editor.show_details()
    details = editor.pages.currentWidget()
    [town, *_others] = [e for e in details.findChildren(QLineEdit) if e.accessibleName() == "Town"]
    town.setFocus()
    town.selectAll()
    qtbot.keyClicks(town, "Amersfoort")
    with qtbot.waitSignals([editor.saved, editor.changed], timeout=SAVED_WITHIN_MS):
        editor.flush()
    assert store.get(draft.id).property["city"] == "Amersfoort"


def test_review_and_finalize_asks_for_the_review(qtbot: QtBot, store: Store) -> None:
    draft = new_draft(store)
    editor = open_editor(qtbot, store, draft)
    button = editor.findChild(QPushButton, "reviewButton")
    assert button.text() == "Review and finalize"
    with qtbot.waitSignal(editor.review_requested, timeout=100):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


class WindowWatch(QObject):
    """Records every window shown while it watches."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        is_window = isinstance(watched, QWidget) and watched.isWindow()
        if event.type() == QEvent.Type.Show and is_window:
            self.shown.append(f"{type(watched).__name__} {watched.objectName()}")
        return False


def add_organisation(qtbot: QtBot, form: DetailsForm) -> None:
    """Add a party and make it an organisation: its fields (a hint among them) are made now."""
    qtbot.mouseClick(form.add_button, Qt.MouseButton.LeftButton)
    added = form.party_blocks[-1]
    added.kind_combo.setCurrentIndex(added.kinds.index(PartyKind.ORGANISATION))


def test_opening_a_check_flashes_no_stray_window(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    """A label or hint shown before it is in a layout opens as a window of its own for a moment,
    and the app's window loses the keyboard focus."""
    draft = new_draft(store)
    final = store.finalize(complete_draft(store).id)  # the parties page says it is final
    photo = tmp_path / "photo.png"
    image = QImage(120, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("#36c"))
    image.save(str(photo))
    store.add_attachment(draft.id, "RES-04", photo)
    store.set_note(draft.id, "RES-04", "Offered a year upfront")
    watch = WindowWatch()
    QApplication.instance().installEventFilter(watch)
    try:
        editor = open_editor(qtbot, store, draft)
        editor.show_question("RES-04")
        click_flag(qtbot, editor, "RES-01", "yes")
        editor.show_details()  # the parties page is made when first shown
        details = editor.findChild(DetailsEditor)
        assert details is not None
        add_organisation(qtbot, details.form)
        QApplication.processEvents()
        assert watch.shown == ["CheckEditor checkEditor"]
        assert editor.isActiveWindow()

        watch.shown.clear()
        alone = []
        for check in (draft, final):  # the parties form on its own
            alone.append(DetailsEditor(store, check.id))
            qtbot.addWidget(alone[-1])
            alone[-1].show()
            qtbot.waitExposed(alone[-1])
        add_organisation(qtbot, alone[0].form)
        QApplication.processEvents()
    finally:
        QApplication.instance().removeEventFilter(watch)
    assert watch.shown == ["DetailsEditor detailsEditor"] * 2


def test_every_control_on_every_page_has_a_name(qtbot: QtBot, store: Store) -> None:
    draft = new_draft(store)
    store.set_answer(draft.id, "RES-00", "tenancy")
    editor = open_editor(qtbot, store, draft)
    for row in range(editor.sections.count()):
        editor.sections.setCurrentRow(row)
        assert unnamed_controls(editor) == [], row


def tab_stops(window: QWidget, start: QWidget) -> list[QWidget]:
    """The widgets Tab visits in ``window``, from ``start`` round to it again."""
    QApplication.processEvents()  # widgets added to a shown form are shown by a queued call
    stops = []
    widget = start
    while True:
        stops.append(widget)
        widget = widget.nextInFocusChain()
        while not (
            widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.isVisible()
            and widget.isEnabled()
            and window.isAncestorOf(widget)
        ):
            widget = widget.nextInFocusChain()
        if widget is start:
            return stops


def test_tab_goes_through_the_parties_in_order_before_the_property(
    qtbot: QtBot, store: Store
) -> None:
    draft = new_draft(store)
    two = [Party("tenant", PartyKind.PERSON, {"name": n}) for n in ("Daan Bakker", "Eva Smit")]
    store.set_parties(draft.id, two)
    editor = open_editor(qtbot, store, draft)
    editor.show_details()
    details = editor.findChild(DetailsEditor)
    assert details is not None
    first, second = details.form.party_blocks
    property_rows = details.form.property_rows
    assert property_rows is not None

    name = first.input("name").focusProxy()
    name.setFocus()
    qtbot.waitUntil(name.hasFocus)
    qtbot.keyClick(name, Qt.Key.Key_Tab)
    next_field = list(first.fields().inputs.values())[1]
    assert QApplication.focusWidget() is next_field.focusProxy()
    assert not property_rows.isAncestorOf(QApplication.focusWidget())

    stops = tab_stops(editor, editor.sections)
    assert stops[1] is first.role_combo  # the page starts at the first party
    on_page = [stop for stop in stops if details.isAncestorOf(stop)]
    assert not [stop for stop in on_page if isinstance(stop, QScrollArea)]
    where = [0 if first.isAncestorOf(s) else 1 if second.isAncestorOf(s) else 2 for s in on_page]
    assert where == sorted(where) and where[-1] == 2  # party 1, party 2, then the rest
    assert property_rows.isAncestorOf(on_page[-1])
