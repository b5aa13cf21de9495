"""One question card, driven as a user would: every input type stores what is typed or chosen
(typed values within a second, without a flush), refuses what it cannot store with one sentence
under the input, and keeps notes and attachments with the answer."""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from tests.domain.packs_for_tests import flag, make_pack
from tests.stores import open_store
from tests.ui.accessibility import unnamed_controls
from tests.ui.conftest import Dialogs
from vastgoedcheck.domain.check import Answer, Check, Party, PartyKind
from vastgoedcheck.domain.pack import FlagValue, Pack, Role
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.question_card import QuestionCard

SAVED_WITHIN_MS = 1000


def _question(qid: str, qtype: str, **extra: object) -> dict[str, object]:
    return {
        "id": qid,
        "type": qtype,
        "label": {"nl": f"Vraag {qid}", "en": f"Question {qid}"},
        "guidance": {"nl": "Uitleg.", "en": "Guidance."},
        **extra,
    }


def _choices(*values: str) -> list[dict[str, object]]:
    return [{"value": v, "label": {"nl": v.title(), "en": v.title()}} for v in values]


@pytest.fixture
def every_type() -> Pack:
    return make_pack(
        [
            flag("TST-01"),
            _question("TST-02", "text", max_length=80),
            _question("TST-03", "text"),
            _question("TST-04", "number", min=0, max=100),
            _question("TST-05", "amount"),
            _question("TST-06", "date"),
            _question("TST-07", "choice", choices=_choices("cash", "bank")),
            _question("TST-08", "multi_choice", choices=_choices("red", "green", "blue")),
            _question("TST-09", "identifier", validator="postcode"),
        ]
    )


@pytest.fixture
def typed_store(tmp_path: Path, every_type: Pack) -> Iterator[Store]:
    registry = PackRegistry()
    registry.add(every_type, tmp_path / "test-pack.json")
    opened = open_store(tmp_path / "typed", registry, actor="M. Jansen")
    yield opened
    opened.close()


@pytest.fixture
def draft(typed_store: Store, every_type: Pack) -> Check:
    return typed_store.create(
        every_type, Role.BROKER, parties=[Party("client", PartyKind.PERSON, {"name": "A. Smit"})]
    )


def card_for(
    qtbot: QtBot, store: Store, check: Check, question_id: str, *, read_only: bool = False
) -> QuestionCard:
    pack = store.pack_of(check)
    question = pack.question(question_id)
    assert question is not None
    current = store.get(check.id)
    card = QuestionCard(
        store, check.id, pack, question, current.answers.get(question_id), read_only=read_only
    )
    qtbot.addWidget(card)
    card.show()
    qtbot.waitExposed(card)
    card.activateWindow()
    qtbot.waitUntil(card.isActiveWindow)
    return card


def stored(store: Store, check: Check, question_id: str) -> object:
    return store.get(check.id).answer_value(question_id)


def type_into(qtbot: QtBot, card: QuestionCard, text: str) -> None:
    edit = card.findChild(QLineEdit, "answerEdit") or card.findChild(QPlainTextEdit, "answerEdit")
    assert edit is not None
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)


# -- flags ---------------------------------------------------------------------------------


def test_a_clicked_flag_is_stored_at_once_and_clicking_it_again_clears_it(
    qtbot: QtBot, typed_store: Store, draft: Check
) -> None:
    card = card_for(qtbot, typed_store, draft, "TST-01")
    yes = card.findChild(QPushButton, "flag_yes")
    with qtbot.waitSignal(card.stored, timeout=100):
        qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
    assert stored(typed_store, draft, "TST-01") is FlagValue.YES
    qtbot.mouseClick(card.findChild(QPushButton, "flag_no"), Qt.MouseButton.LeftButton)
    assert stored(typed_store, draft, "TST-01") is FlagValue.NO
    assert not yes.isChecked()
    qtbot.mouseClick(card.findChild(QPushButton, "flag_no"), Qt.MouseButton.LeftButton)
    assert stored(typed_store, draft, "TST-01") is None


def test_a_flag_group_is_one_named_tab_stop_answered_by_dutch_and_english_keys(
    qtbot: QtBot, typed_store: Store, draft: Check
) -> None:
    card = card_for(qtbot, typed_store, draft, "TST-01")
    group = card.input
    assert group.accessibleName() == "Question TST-01?"
    buttons = card.findChildren(QPushButton)
    flag_buttons = [b for b in buttons if b.objectName().startswith("flag_")]
    assert len(flag_buttons) == 4
    assert all(b.focusPolicy() == Qt.FocusPolicy.NoFocus for b in flag_buttons)
    assert "Y, J" in card.findChild(QPushButton, "flag_yes").toolTip()
    card.focus_input()
    qtbot.waitUntil(group.hasFocus)
    for key, expected in [
        ("j", FlagValue.YES),
        ("n", FlagValue.NO),
        ("?", FlagValue.UNKNOWN),
        ("x", FlagValue.NA),
        ("o", FlagValue.UNKNOWN),
        ("y", FlagValue.YES),
        ("a", FlagValue.NA),
        ("u", FlagValue.UNKNOWN),
    ]:
        with qtbot.waitSignal(card.answered, timeout=100):
            qtbot.keyClick(group, key)
        assert stored(typed_store, draft, "TST-01") is expected, key
    qtbot.keyClick(group, Qt.Key.Key_Delete)
    assert stored(typed_store, draft, "TST-01") is None
    assert not any(b.isChecked() for b in flag_buttons)
    with qtbot.waitSignal(card.step_requested, timeout=100) as step:
        qtbot.keyClick(group, Qt.Key.Key_Down)
    assert step.args == ["TST-01", 1]


# -- typed answers -------------------------------------------------------------------------


def test_typed_text_is_stored_within_a_second_without_a_flush(
    qtbot: QtBot, typed_store: Store, draft: Check
) -> None:
    card = card_for(qtbot, typed_store, draft, "TST-02")
    type_into(qtbot, card, "Bought through a friend")
    assert stored(typed_store, draft, "TST-02") is None  # not on every keystroke
    qtbot.waitUntil(
        lambda: stored(typed_store, draft, "TST-02") == "Bought through a friend",
        timeout=SAVED_WITHIN_MS,
    )
    assert not card.has_pending()


def test_a_long_text_gets_a_text_box_and_flush_stores_it_at_once(
    qtbot: QtBot, typed_store: Store, draft: Check
) -> None:
    card = card_for(qtbot, typed_store, draft, "TST-03")
    assert card.findChild(QPlainTextEdit, "answerEdit") is not None
    type_into(qtbot, card, "First line")
    assert card.has_pending()
    assert card.flush()
    assert stored(typed_store, draft, "TST-03") == "First line"


def test_leaving_a_typed_input_stores_it_at_once(
    qtbot: QtBot, typed_store: Store, draft: Check
) -> None:
    card = card_for(qtbot, typed_store, draft, "TST-02")
    type_into(qtbot, card, "Cash")
    qtbot.keyClick(card.findChild(QLineEdit, "answerEdit"), Qt.Key.Key_Tab)
    assert stored(typed_store, draft, "TST-02") == "Cash"


def test_amounts_take_dutch_and_english_decimals_and_say_how_they_were_read(
    qtbot: QtBot, typed_store: Store, draft: Check
) -> None:
    card = card_for(qtbot, typed_store, draft, "TST-05")
    type_into(qtbot, card, "1.250,50")
    assert card.flush()
    assert stored(typed_store, draft, "TST-05") == Decimal("1250.50")
    assert card.read_back.text() == "Saved as €1,250.50"
    type_into(qtbot, card, "980.5")
    assert card.flush()
    assert stored(typed_store, draft, "TST-05") == Decimal("980.5")


def test_a_bad_value_is_said_under_the_input_and_not_stored(
    qtbot: QtBot, typed_store: Store, draft: Check
) -> None:
    card = card_for(qtbot, typed_store, draft, "TST-05")
    type_into(qtbot, card, "1250")
    assert card.flush()
    type_into(qtbot, card, "twelve")
    assert not card.flush()
    assert card.problem_text() == "⚠ Type an amount in euros, such as 1,250.50."
    assert stored(typed_store, draft, "TST-05") == Decimal("1250")
    type_into(qtbot, card, "12")
    assert card.flush()
    assert card.problem_text() == ""


def test_a_number_outside_its_range_is_refused(
    qtbot: QtBot, typed_store: Store, draft: Check
) -> None:
    card = card_for(qtbot, typed_store, draft, "TST-04")
    assert card.findChild(QLineEdit, "answerEdit").placeholderText() == "0 to 100"
    type_into(qtbot, card, "150")
    assert not card.flush()
    assert "above the maximum of 100" in card.problem_text()
    assert stored(typed_store, draft, "TST-04") is None
    type_into(qtbot, card, "42,5")
    assert card.flush()
    assert stored(typed_store, draft, "TST-04") == Decimal("42.5")


def test_a_date_is_typed_day_first(qtbot: QtBot, typed_store: Store, draft: Check) -> None:
    card = card_for(qtbot, typed_store, draft, "TST-06")
    type_into(qtbot, card, "31-02-2026")
    assert not card.flush()
    assert "dd-mm-yyyy" in card.problem_text()
    type_into(qtbot, card, "28-02-2026")
    assert card.flush()
    assert stored(typed_store, draft, "TST-06") == dt.date(2026, 2, 28)
    assert card.read_back.text() == "Saved as 28 February 2026"


def test_an_identifier_is_checked_like_the_store_does_and_kept_normalised(
    qtbot: QtBot, typed_store: Store, draft: Check
) -> None:
    card = card_for(qtbot, typed_store, draft, "TST-09")
    type_into(qtbot, card, "12")
    assert not card.flush()
    assert card.problem_text() == "⚠ Not a valid Dutch postcode (1234 AB)."
    type_into(qtbot, card, "3511ad")
    assert card.flush()
    assert stored(typed_store, draft, "TST-09") == "3511 AD"


def test_emptying_a_typed_answer_clears_it(qtbot: QtBot, typed_store: Store, draft: Check) -> None:
    card = card_for(qtbot, typed_store, draft, "TST-02")
    type_into(qtbot, card, "Something")
    assert card.flush()
    edit = card.findChild(QLineEdit, "answerEdit")
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    assert card.flush()
    assert stored(typed_store, draft, "TST-02") is None


# -- choices -------------------------------------------------------------------------------


def test_a_choice_is_stored_at_once_and_the_dash_clears_it(
    qtbot: QtBot, typed_store: Store, draft: Check
) -> None:
    card = card_for(qtbot, typed_store, draft, "TST-07")
    combo = card.findChild(QComboBox, "answerChoice")
    assert combo.itemText(0) == "—"
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert stored(typed_store, draft, "TST-07") == "cash"
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert stored(typed_store, draft, "TST-07") == "bank"
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    assert stored(typed_store, draft, "TST-07") is None


def test_several_choices_are_ticked_and_stored_at_once(
    qtbot: QtBot, typed_store: Store, draft: Check
) -> None:
    card = card_for(qtbot, typed_store, draft, "TST-08")
    red = card.findChild(QCheckBox, "option_red")
    blue = card.findChild(QCheckBox, "option_blue")
    for box in (blue, red):
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Space)
    assert stored(typed_store, draft, "TST-08") == ("red", "blue")
    for box in (red, blue):
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Space)
    assert stored(typed_store, draft, "TST-08") is None


# -- notes ---------------------------------------------------------------------------------


def test_a_note_opens_behind_its_toggle_and_is_stored_within_a_second(
    qtbot: QtBot, typed_store: Store, draft: Check
) -> None:
    card = card_for(qtbot, typed_store, draft, "TST-01")
    note = card.findChild(QPlainTextEdit, "noteEdit")
    assert not note.isVisible()
    qtbot.mouseClick(card.note_toggle, Qt.MouseButton.LeftButton)
    assert note.isVisible() and note.hasFocus()
    qtbot.keyClicks(note, "Seen on 3 March")
    qtbot.waitUntil(
        lambda: typed_store.get(draft.id).answers.get("TST-01") == Answer(None, "Seen on 3 March"),
        timeout=SAVED_WITHIN_MS,
    )
    reopened = card_for(qtbot, typed_store, draft, "TST-01")
    assert reopened.findChild(QPlainTextEdit, "noteEdit").isVisible()
    assert not reopened.note_toggle.isVisible()


def test_a_note_the_store_refuses_is_said_under_it(
    qtbot: QtBot, typed_store: Store, draft: Check
) -> None:
    card = card_for(qtbot, typed_store, draft, "TST-01")
    card.open_note()
    qtbot.keyClicks(card.note_edit, "BSN 111222333")
    assert not card.flush()
    assert card.note_problem.isVisible()
    assert "BSN" in card.note_problem.text() or "citizen" in card.note_problem.text()
    assert "TST-01" not in typed_store.get(draft.id).answers


# -- attachments ---------------------------------------------------------------------------


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(QColor("#4a7"))
    path = tmp_path / "meter cupboard.png"
    assert image.save(str(path))
    return path


def test_files_are_attached_through_the_file_dialog_with_a_thumbnail(
    qtbot: QtBot, typed_store: Store, draft: Check, dialogs: Dialogs, photo: Path
) -> None:
    card = card_for(qtbot, typed_store, draft, "TST-01")
    assert not card.attachments.isVisible()
    dialogs.open_files = [photo]
    qtbot.mouseClick(card.attachments.attach_button, Qt.MouseButton.LeftButton)
    [attachment] = typed_store.get(draft.id).answers["TST-01"].attachments
    assert attachment.name == "meter cupboard.png"
    assert card.attachments.isVisible()
    [shown] = card.attachments.names()
    assert shown.startswith("meter cupboard.png (") and "B)" in shown
    assert card.attachments.has_thumbnail(0)
    assert card.attachments.files.iconSize().height() == 96


def test_a_dropped_file_is_attached_and_opens_in_the_system_viewer(
    qtbot: QtBot, typed_store: Store, draft: Check, dialogs: Dialogs, photo: Path
) -> None:
    card = card_for(qtbot, typed_store, draft, "TST-02")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    where = QPointF(20, 20)
    action, button = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
    no_keys = Qt.KeyboardModifier.NoModifier
    with warnings.catch_warnings():  # Qt 6 marks its only QDragEnterEvent constructor deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(where.toPoint(), action, mime, button, no_keys)
    QApplication.sendEvent(card, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(card, QDropEvent(where, action, mime, button, no_keys))
    [attachment] = typed_store.get(draft.id).answers["TST-02"].attachments
    files = card.attachments.files
    rect = files.visualItemRect(files.item(0))
    qtbot.mouseClick(files.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(files.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    # The system viewer gets a copy under the file's own name, so it knows the type.
    [opened] = dialogs.opened_urls
    copy = Path(QUrl(opened).toLocalFile())
    assert copy.name == attachment.name
    assert copy.read_bytes() == photo.read_bytes()


def test_removing_an_attachment_asks_first(
    qtbot: QtBot, typed_store: Store, draft: Check, dialogs: Dialogs, photo: Path
) -> None:
    typed_store.add_attachment(draft.id, "TST-01", photo)
    card = card_for(qtbot, typed_store, draft, "TST-01")
    card.attachments.files.setCurrentRow(0)
    dialogs.answer = QMessageBox.StandardButton.No
    qtbot.mouseClick(card.attachments.remove_button, Qt.MouseButton.LeftButton)
    assert dialogs.said("Remove meter cupboard.png from this answer?")
    assert len(typed_store.get(draft.id).answers["TST-01"].attachments) == 1
    dialogs.answer = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(card.stored, timeout=100):
        qtbot.mouseClick(card.attachments.remove_button, Qt.MouseButton.LeftButton)
    assert "TST-01" not in typed_store.get(draft.id).answers
    assert not card.attachments.isVisible()


# -- read-only and accessibility -------------------------------------------------------------


def test_a_read_only_card_changes_nothing(
    qtbot: QtBot, typed_store: Store, draft: Check, photo: Path
) -> None:
    typed_store.set_answer(draft.id, "TST-01", FlagValue.NO)
    card = card_for(qtbot, typed_store, draft, "TST-01", read_only=True)
    assert card.findChild(QPushButton, "flag_no").isChecked()
    assert not any(b.isEnabled() for b in card.input.buttons.values())
    card.focus_input()
    qtbot.keyClick(card.input, "j")
    assert stored(typed_store, draft, "TST-01") is FlagValue.NO
    assert not card.note_toggle.isVisible()
    assert not card.attachments.attach_button.isVisible()
    text_card = card_for(qtbot, typed_store, draft, "TST-02", read_only=True)
    assert text_card.findChild(QLineEdit, "answerEdit").isReadOnly()


def test_every_control_of_every_card_has_a_name(
    qtbot: QtBot, typed_store: Store, draft: Check, every_type: Pack
) -> None:
    for question in every_type.questions:
        card = card_for(qtbot, typed_store, draft, question.id)
        card.open_note()
        assert unnamed_controls(card) == [], question.id
