"""What the window does about retention: erase a check on request, and at start offer the
checks that are due for erasure or review."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog

from vastgoedcheck.i18n import _
from vastgoedcheck.ui.feedback import attempt, show_problem

if TYPE_CHECKING:
    from vastgoedcheck.ui.main_window import MainWindow


def erase_on_request(window: MainWindow) -> None:
    """Erase the open (or selected) check at the request of the person it is about."""
    from vastgoedcheck.ui.erase_dialog import EraseDialog
    from vastgoedcheck.ui.menu_actions import current_check

    check_id = current_check(window)
    if check_id is None:
        show_problem(window, _("Open a check, or select one in the list of all checks, first"))
        return
    window.save_pending()
    dialog = EraseDialog(window.store, check_id, window)
    window.erase_dialog = dialog

    def finished() -> None:
        window.erase_dialog = None
        if not dialog.erased:
            return
        window.show_overview()
        window.statusBar().showMessage(
            _("The check was erased; a record without personal data is kept."), 10_000
        )

    dialog.finished.connect(finished)
    dialog.open()


def offer_due_checks(window: MainWindow, today: dt.date | None = None) -> None:
    """When checks are due for erasure or review, list them and ask what to do; after the
    first-run question, when that is still open."""
    if window.examiner_dialog is not None:
        window.examiner_dialog.finished.connect(lambda: offer_due_checks(window, today))
        return
    due = attempt(window, window.store.due, today or dt.date.today())
    if not due:
        return
    from vastgoedcheck.ui.due_dialog import DueDialog

    dialog = DueDialog(window.store, due, window)
    window.due_dialog = dialog

    def finished(_result: int = QDialog.DialogCode.Rejected.value) -> None:
        window.due_dialog = None
        if dialog.erased or dialog.kept:
            window.overview.refresh()

    dialog.finished.connect(finished)
    dialog.open()
