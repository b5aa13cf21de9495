"""What locking does to the main window, and unlocking it again where the user was."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QDialog
from shiboken6 import isValid

from vastgoedcheck import APP_NAME
from vastgoedcheck.ui.preferences import actor_of
from vastgoedcheck.ui.window_lock import LockPage

if TYPE_CHECKING:
    from vastgoedcheck.ui.main_window import MainWindow
    from vastgoedcheck.ui.unlock_dialog import UnlockDialog


def close_other_windows(window: MainWindow) -> None:
    """Close every other window of the app (dialogs, help, a message): they may show a name.
    The dialogs are deleted too (once their own event loop has ended): one kept, even hidden,
    would keep the store and its key in memory."""
    window.help_windows.clear()  # made again when next asked for
    for widget in QApplication.topLevelWidgets():
        # Closing one dialog can delete another (a message over it): skip what is gone.
        if widget is window or not isValid(widget):
            continue
        if widget.isVisible():
            if isinstance(widget, QDialog):
                widget.reject()  # a dialog's own way to close (a report being made is dropped)
                if widget.isVisible():  # one that insists on staying (a key not yet kept)
                    widget.done(QDialog.DialogCode.Rejected)
            widget.hide()
        if isinstance(widget, QDialog):
            widget.deleteLater()


# The window's dialogs that may hold the store (and so its key): let go of on locking.
_DIALOGS = (
    "wizard",
    "settings_dialog",
    "examiner_dialog",
    "issued_dialog",
    "blank_dialog",
    "backup_choice",
    "passphrase_dialog",
    "erase_dialog",
    "due_dialog",
)


def forget_dialogs(window: MainWindow) -> None:
    """Delete the window's dialogs, so that none keeps the closed store alive."""
    for name in _DIALOGS:
        dialog = getattr(window, name, None)
        if dialog is not None:
            setattr(window, name, None)
            dialog.deleteLater()


def lock_window(window: MainWindow) -> None:
    """Hide everything personal at once, store what is pending, close the store (the data key
    goes with it) and ask for the passphrase."""
    if window.locked or not window.attached:
        return
    window.locked = True
    page_open = window.check_page
    open_check = None if page_open is None else (page_open.check_id, page_open.tabs.currentIndex())
    close_other_windows(window)
    forget_dialogs(window)
    window.detach()
    window.reopen_after_unlock = open_check
    page = LockPage()
    page.unlock_requested.connect(lambda: ask_to_unlock(window))
    window.pages.addWidget(page)
    window.pages.setCurrentWidget(page)
    window.setWindowTitle(APP_NAME)
    window.saved_label.clear()
    window.statusBar().clearMessage()
    window._update_actions()
    ask_to_unlock(window)


def ask_to_unlock(window: MainWindow) -> None:
    """The passphrase dialog over the locked window (once)."""
    from vastgoedcheck.ui.unlock_dialog import UnlockDialog

    if not window.locked or window.unlock_dialog is not None or window.folder is None:
        return
    dialog = UnlockDialog(window.folder, locked=True, parent=window)
    dialog.finished.connect(lambda _result: _unlock_finished(window, dialog))
    window.unlock_dialog = dialog
    dialog.open()


def _unlock_finished(window: MainWindow, dialog: UnlockDialog) -> None:
    """Quit, stay locked (the dialog was closed), or open the store again where the user was."""
    from vastgoedcheck.ui.store_opening import open_store

    window.unlock_dialog = None
    key, dialog.key = dialog.key, None
    quit_chosen = dialog.quit_chosen
    dialog.deleteLater()
    if quit_chosen:
        window.close()
        return
    if key is None or window.folder is None or window.registry is None:
        _focus_lock_page(window)  # its "Unlock…" asks again
        return
    store = open_store(window.folder, window.registry, actor_of(window.preferences), key, window)
    del key  # the store holds it now, and only the store
    if store is None:
        _focus_lock_page(window)
        return
    window.locked = False
    window.attach(store)
    open_check, window.reopen_after_unlock = window.reopen_after_unlock, None
    if open_check is not None:  # the check, on the tab it was on
        check_id, tab = open_check
        window.open_check(check_id)
        if window.check_page is not None and window.check_page.check_id == check_id:
            window.check_page.tabs.setCurrentIndex(tab)


def _focus_lock_page(window: MainWindow) -> None:
    page = window.pages.currentWidget()
    if isinstance(page, LockPage):
        window.activateWindow()
        page.button.setFocus()
