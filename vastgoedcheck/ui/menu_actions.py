"""What the menus do beyond moving between pages: exchange files, blank checklists, backups,
the reports made of a check and the help, each on the window's open data folder."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vastgoedcheck.i18n import _
from vastgoedcheck.ui.feedback import show_problem

if TYPE_CHECKING:
    from vastgoedcheck.ui.main_window import MainWindow


def current_check(window: MainWindow) -> str | None:
    """The open check, else the one selected in the list of all checks."""
    if window.check_page is not None:
        return window.check_page.check_id
    return window.overview.selected_check() if window.attached else None


def _no_check_chosen(window: MainWindow) -> None:
    show_problem(window, _("Open a check, or select one in the list of all checks, first"))


def import_checks(window: MainWindow) -> None:
    from vastgoedcheck.ui.exchange_actions import choose_and_import

    window.save_pending()
    imported = choose_and_import(window, window.store)
    if len(imported) == 1:
        window.open_check(imported[0])
    elif imported and window.check_page is None:
        window.overview.refresh()


def export_check(window: MainWindow) -> None:
    from vastgoedcheck.ui.exchange_actions import export_check as export

    check_id = current_check(window)
    if check_id is None:
        _no_check_chosen(window)
        return
    window.save_pending()  # what was just typed is in the export
    export(window, window.store, check_id)


def show_issued_reports(window: MainWindow) -> None:
    from vastgoedcheck.ui.issued_reports import IssuedReportsDialog

    check_id = current_check(window)
    if check_id is None:
        _no_check_chosen(window)
        return
    window.issued_dialog = IssuedReportsDialog(window.store, check_id, window)
    window.issued_dialog.open()


def print_blank_checklist(window: MainWindow) -> None:
    from vastgoedcheck.ui.blank_checklist_dialog import BlankChecklistDialog

    window.blank_dialog = BlankChecklistDialog(window.store, window)
    window.blank_dialog.open()


def make_backup(window: MainWindow) -> None:
    from vastgoedcheck.ui.backup_actions import make_backup as make

    window.save_pending()  # what was just typed is in the backup
    make(window, window.store)


def restore_backup(window: MainWindow) -> None:
    """Ask which backup (one of the data folder's, or a file), then restore it."""
    from vastgoedcheck.ui.settings_dialog import BackupChoiceDialog

    window.save_pending()  # so that the backup made before the restore holds it
    choice = BackupChoiceDialog(window.store.layout.root, window)

    def chosen() -> None:
        from vastgoedcheck.ui.backup_actions import restore_backup as restore

        if choice.chosen is not None and restore(window, window.store, choice.chosen):
            window.restored()
        choice.deleteLater()

    choice.accepted.connect(chosen)
    window.backup_choice = choice
    choice.open()


def show_help(window: MainWindow, page: str) -> None:
    from vastgoedcheck.ui.help_window import HelpWindow

    shown = window.help_windows.get(page)
    if shown is None:
        shown = window.help_windows[page] = HelpWindow(page, window)
    shown.show()
    shown.raise_()
    shown.activateWindow()


def show_shortcuts(window: MainWindow) -> None:
    from vastgoedcheck.ui.shortcuts_dialog import ShortcutsDialog

    window.shortcuts_dialog = ShortcutsDialog(window)
    window.shortcuts_dialog.open()


def delete_draft(window: MainWindow) -> None:
    """Ask why, then delete the open draft (the deletion is logged)."""
    from PySide6.QtWidgets import QInputDialog

    from vastgoedcheck.storage.errors import StoreError

    page = window.check_page
    if page is None:
        return
    reason, confirmed = QInputDialog.getText(
        window,
        _("Delete this draft"),
        _(
            "The draft and its answers are removed from this computer; the deletion is "
            "logged. Why are you deleting it?"
        ),
    )
    if not confirmed or not window.attached:  # locked meanwhile: the draft stays
        return
    page.flush()
    try:
        window.store.delete(page.check_id, reason)
    except StoreError as error:
        show_problem(window, str(error))
        return
    window.show_overview()


def show_about(window: MainWindow) -> None:
    from PySide6.QtWidgets import QMessageBox

    from vastgoedcheck import __version__

    QMessageBox.about(
        window,
        _("About vastgoedcheck"),
        _(
            "vastgoedcheck {version}\n\nRed-flag checks against criminal misuse of real "
            "estate, for landlords, estate agents and notaries. Everything stays on this "
            "computer: the app sends nothing.\n\nData folder: {folder}"
        ).format(version=__version__, folder=window.folder),
    )


def change_passphrase(window: MainWindow) -> None:
    from vastgoedcheck.ui.passphrase_change import ChangePassphraseDialog

    if window.folder is None:
        return
    window.passphrase_dialog = ChangePassphraseDialog(window.folder, window)
    window.passphrase_dialog.open()


def new_recovery_key(window: MainWindow) -> None:
    from vastgoedcheck.ui.passphrase_change import NewRecoveryKeyDialog

    if window.folder is None:
        return
    window.passphrase_dialog = NewRecoveryKeyDialog(window.folder, window)
    window.passphrase_dialog.open()


def make_daily_backup(window: MainWindow, *, tell: bool = True) -> None:
    """Today's automatic backup, if there is none yet: soon after the start and every hour
    after that, so that a user who never closes the app (and logs out or shuts down with
    it open) still gets one a day. A failure is said once a session (and logged)."""
    import datetime as dt
    import logging

    from vastgoedcheck.storage.errors import StoreError
    from vastgoedcheck.ui.error_log import LOGGER_NAME
    from vastgoedcheck.ui.failure_dialogs import busy_cursor
    from vastgoedcheck.ui.settings_dialog import last_daily_backup

    if (
        window.closed
        or not window.attached
        or last_daily_backup(window.store.layout.root) == dt.date.today()
    ):
        return
    window.statusBar().showMessage(_("Making today's backup…"))
    window.statusBar().repaint()  # a large data folder takes a few seconds
    try:
        with busy_cursor():
            window.store.daily_backup()
    except StoreError as error:
        logging.getLogger(LOGGER_NAME).warning("Today's backup failed: %s", error)
        if tell and not window.backup_failed:
            window.backup_failed = True
            show_problem(window, str(error))
    finally:
        window.statusBar().clearMessage()
