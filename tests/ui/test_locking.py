"""The app locks itself: after the idle time, on Lock now and when the system hides it. Locked,
no window shows a name; the data folder is closed; a note being typed is stored first; the right
passphrase opens it again where the user was, a wrong one changes nothing."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTextEdit,
    QWidget,
)

from tests.ui.conftest import Dialogs, new_draft
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage import folder_key
from vastgoedcheck.storage.folder_key import KdfParameters
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.main_window import MainWindow
from vastgoedcheck.ui.preferences import Preferences
from vastgoedcheck.ui.unlock_dialog import UnlockDialog
from vastgoedcheck.ui.window_lock import DEFAULT_LOCK_MINUTES, lock_minutes

NAME = "Ayşe Çelik-Vermeulen"
PASSPHRASE = "groene deur aan de gracht"


@pytest.fixture
def window(
    qtbot, tmp_path: Path, registry: PackRegistry, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """The app's window on an encrypted data folder with one draft about ``NAME``, open."""
    monkeypatch.setattr(folder_key, "DEFAULT_KDF", KdfParameters(64, 1, 1))
    folder = tmp_path / "data"
    folder.mkdir()
    key, _recovery = folder_key.create(folder, PASSPHRASE)
    # The window holds the only reference to the store (a test about letting it go).
    shown = MainWindow(Store.open(folder, registry, key=key, actor="M. Jansen"), Preferences.load())
    draft = new_draft(shown.store, NAME)
    qtbot.addWidget(shown)
    shown.show()
    shown.open_check(draft.id)
    yield shown
    shown.close()


def visible_texts() -> list[str]:
    """Every text a person could read on screen: titles, labels, fields, buttons, list cells."""
    texts: list[str] = []
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    windows = [window for window in QApplication.topLevelWidgets() if window.isVisible()]
    for widget in windows + [child for w in windows for child in w.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        texts.append(widget.windowTitle())
        texts.append(widget.toolTip())
        if isinstance(widget, QLabel | QLineEdit | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QTextEdit | QPlainTextEdit):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            root = widget.rootIndex()
            for row in range(model.rowCount(root)):
                column = 0
                while (index := model.index(row, column, root)).isValid():
                    texts.append(str(model.data(index) or ""))
                    column += 1
    return texts


def shows(words: str) -> bool:
    return any(words in text for text in visible_texts())


def unlock_dialog(window: MainWindow) -> UnlockDialog:
    dialog = window.unlock_dialog
    assert isinstance(dialog, UnlockDialog) and dialog.isVisible()
    return dialog


def type_passphrase(qtbot, dialog: UnlockDialog, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(dialog.passphrase, text)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)


def test_after_the_idle_time_the_app_locks_and_shows_no_name(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert shows(NAME) and NAME in window.windowTitle()
    window.idle.set_interval(300)
    qtbot.waitUntil(lambda: window.locked, timeout=3000)
    assert window.windowTitle() == "vastgoedcheck"
    assert not shows(NAME)
    assert not shows("Oudegracht")  # nor the address
    assert not hasattr(window, "store")  # the store, and the key in it, are let go
    assert unlock_dialog(window).isVisible()
    assert not window.new_action.isEnabled() and not window.export_action.isEnabled()


def test_the_locked_overview_shows_no_name(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.show_overview()
    assert shows(NAME)
    window.lock()
    assert not shows(NAME) and not shows("Oudegracht")
    type_passphrase(qtbot, unlock_dialog(window), PASSPHRASE)
    assert window.pages.currentWidget() is window.overview and shows(NAME)


def test_the_right_passphrase_opens_the_check_that_was_open(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    check_id = window.check_page.check_id
    window.lock_action.trigger()
    assert window.locked
    dialog = unlock_dialog(window)
    type_passphrase(qtbot, dialog, "groene deur aan de Gracht")
    assert window.locked and dialog.isVisible()
    assert "passphrase is not right" in dialog.problem.text()
    assert not shows(NAME)
    type_passphrase(qtbot, dialog, PASSPHRASE)
    assert not window.locked and window.attached
    assert window.check_page is not None and window.check_page.check_id == check_id
    assert NAME in window.windowTitle()


def test_unlocking_opens_the_check_on_the_tab_it_was_on(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.check_page
    assert page is not None
    page.tabs.setCurrentIndex(1)  # Review and finalize
    review = page.tabs.tabText(1)
    window.lock()
    type_passphrase(qtbot, unlock_dialog(window), PASSPHRASE)
    page = window.check_page
    assert page is not None and page.tabs.tabText(page.tabs.currentIndex()) == review


def test_locking_stores_a_note_still_being_typed(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.check_page
    assert page is not None
    check_id = page.check_id
    editor = page.editor
    editor.show_question("RES-06")
    note_card = editor.card("RES-06")
    assert note_card is not None
    qtbot.mouseClick(note_card.note_toggle, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(note_card.note_edit, "The agent did all the talking")
    window.lock()  # at once, before the autosave's delay has passed
    type_passphrase(qtbot, unlock_dialog(window), PASSPHRASE)
    assert window.store.get(check_id).answers["RES-06"].note == "The agent did all the talking"


def test_input_keeps_the_app_unlocked(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.idle.set_interval(400)
    for _step in range(8):
        qtbot.wait(100)
        qtbot.keyClick(window, Qt.Key.Key_Shift)
    assert not window.locked
    qtbot.waitUntil(lambda: window.locked, timeout=3000)


def test_the_app_locks_when_the_system_hides_it(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)
    assert not window.locked  # switching to another program is not a reason
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationHidden)
    assert window.locked and not shows(NAME)


def test_other_windows_are_closed_on_locking(qtbot, window: MainWindow, dialogs: Dialogs) -> None:  # type: ignore[no-untyped-def]
    window.report_action.trigger()
    page = window.check_page
    assert page is not None and page.report_dialog is not None
    report_dialog = page.report_dialog
    assert report_dialog.isVisible()
    window.lock()
    assert not report_dialog.isVisible()
    assert not shows(NAME)


def test_closing_the_unlock_dialog_keeps_the_window_locked(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.lock()
    dialog = unlock_dialog(window)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert window.locked and window.unlock_dialog is None
    lock_page = window.findChild(QWidget, "lockPage")
    assert lock_page is not None and lock_page.isVisible()
    window.findChild(QPushButton, "unlockPageButton").click()
    type_passphrase(qtbot, unlock_dialog(window), PASSPHRASE)
    assert not window.locked


def test_quit_on_the_locked_window_releases_the_data_folder(
    qtbot, window: MainWindow, registry: PackRegistry
) -> None:  # type: ignore[no-untyped-def]
    folder = window.folder
    assert folder is not None
    window.lock()
    unlock_dialog(window).findChild(QPushButton, "quitButton").click()
    assert not window.isVisible() and window.closed
    key = folder_key.unlock(folder, PASSPHRASE)
    with Store.open(folder, registry, key=key, actor="test") as store:  # not held any more
        assert len(store) == 1


def test_the_idle_time_is_kept_within_its_bounds() -> None:
    assert lock_minutes("") == DEFAULT_LOCK_MINUTES == 15
    assert lock_minutes("0") == 1
    assert lock_minutes("5") == 5
    assert lock_minutes("600") == 60
    assert lock_minutes("soon") == 15


def test_the_idle_time_chosen_in_settings_applies_at_once(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.idle.timer.interval() == 15 * 60_000
    window.open_settings()
    dialog = window.settings_dialog
    assert dialog is not None
    box = dialog.findChild(QSpinBox, "lockMinutes")
    assert (box.minimum(), box.maximum()) == (1, 60)
    box.setValue(5)
    dialog.accept()
    assert Preferences.load().lock_minutes == "5"
    assert window.idle.timer.interval() == 5 * 60_000


def test_locking_asks_even_when_the_command_line_variable_is_set(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("VASTGOEDCHECK_PASSPHRASE", PASSPHRASE)
    window.lock()
    assert window.locked and unlock_dialog(window).isVisible()
    assert not shows(NAME)


def test_after_locking_nothing_holds_the_store_and_its_key(
    qtbot, window: MainWindow, dialogs: Dialogs
) -> None:  # type: ignore[no-untyped-def]
    window.show_overview()
    window.blank_action.trigger()  # dialogs that were opened on the store
    window.issued_action.trigger()
    window.open_settings()
    store = weakref.ref(window.store)
    window.lock()
    qtbot.wait(200)  # timers due, deletions done
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    gc.collect()
    assert store() is None  # Python frees it: what it cannot do is overwrite that memory
