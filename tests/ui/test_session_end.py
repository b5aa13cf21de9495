"""A logout, shutdown or update restart with the app open loses nothing. Windows sends a GUI app
no close event then: Qt asks to save (``commitDataRequest``), emits ``aboutToQuit`` and the
process is killed. Today's backup is made while the app runs, not only when its window closes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.stores import open_store, read_plain
from tests.ui.conftest import Dialogs, new_draft
from tests.ui.test_full_flow import open_page, open_window
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.ui.app import closing_with_the_session
from vastgoedcheck.ui.main_window import MainWindow
from vastgoedcheck.ui.preferences import Preferences


def type_note(qtbot: QtBot, window: MainWindow, check_id: str, text: str) -> None:
    """Type a note and leave it pending: the autosave has not run yet."""
    if window.check_page is None:
        window.open_check(check_id)
    editor = open_page(window).editor
    editor.show_question("RES-02")
    card = editor.card("RES-02")
    assert card is not None
    card.open_note()
    card.note_edit.selectAll()
    qtbot.keyClicks(card.note_edit, text)


def on_disk(folder: Path, check_id: str) -> str:
    return read_plain(folder / "checks" / f"{check_id}.json").decode("utf-8")


def test_a_logout_stores_what_is_typed_and_closes_the_data_folder_cleanly(
    qtbot: QtBot,
    qapp: QApplication,
    tmp_path: Path,
    registry: PackRegistry,
    preferences: Preferences,
    dialogs: Dialogs,
) -> None:
    folder = tmp_path / "data"
    with open_store(folder, registry, actor="M. Jansen") as store:
        draft = new_draft(store)
    window = open_window(qtbot, folder, registry, preferences)
    with closing_with_the_session(qapp, window):
        type_note(qtbot, window, draft.id, "Asked twice for the keys")
        assert "Asked twice for the keys" not in on_disk(folder, draft.id)  # still pending
        qapp.commitDataRequest.emit(None)  # Windows: may the session end?
        assert "Asked twice for the keys" in on_disk(folder, draft.id)
        assert not window.closed  # the logout may still be cancelled: the app goes on
        type_note(qtbot, window, draft.id, "Paid the deposit in cash")
        qapp.aboutToQuit.emit()  # the session ends; the process is killed right after
        assert window.closed
    with open_store(folder, registry, actor="next start") as store:
        assert not any("did not close normally" in problem for problem in store.problems)
        assert store.get(draft.id).answers["RES-02"].note == "Paid the deposit in cash"
    assert list((folder / "backups").glob("backup-*.zip"))
    window.close()  # closing after the session ended changes nothing
    assert dialogs.messages == []


def test_todays_backup_is_made_while_the_app_is_open(
    qtbot: QtBot, tmp_path: Path, registry: PackRegistry, preferences: Preferences
) -> None:
    folder = tmp_path / "data"
    window = open_window(qtbot, folder, registry, preferences)
    qtbot.waitUntil(lambda: bool(list((folder / "backups").glob("backup-*.zip"))), timeout=10_000)
    assert not window.closed
    window.close()
