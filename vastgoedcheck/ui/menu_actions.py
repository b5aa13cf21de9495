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
