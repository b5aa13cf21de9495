"""The main window: the overview of all checks, or one open check, with the menus."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
)

from vastgoedcheck import APP_NAME
from vastgoedcheck.i18n import _
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.ui.app_icon import app_icon
from vastgoedcheck.ui.feedback import sentence, show_problem
from vastgoedcheck.ui.preferences import Preferences, actor_of
from vastgoedcheck.ui.window_lock import IdleWatcher, lock_minutes

# Pages and dialogs are imported when first opened: the window comes up sooner.
if TYPE_CHECKING:
    from vastgoedcheck.packs.registry import PackRegistry
    from vastgoedcheck.storage.store import Store
    from vastgoedcheck.ui.check_page import CheckPage
    from vastgoedcheck.ui.examiner_dialog import ExaminerDialog
    from vastgoedcheck.ui.new_check_wizard import NewCheckWizard
    from vastgoedcheck.ui.overview_page import OverviewPage
    from vastgoedcheck.ui.settings_dialog import SettingsDialog

# Today's backup is made soon after the start (once the window is up) and checked every hour.
BACKUP_DELAY_MS = 2_000
BACKUP_INTERVAL_MS = 60 * 60 * 1000


class MainWindow(QMainWindow):
    """Owns the open store for the whole session and closes it when the window closes."""

    store: Store
    overview: OverviewPage

    def __init__(
        self, store: Store | None, preferences: Preferences, fill_overview: bool = True
    ) -> None:
        """Without a store the window shows that the checks are being opened, until
        ``attach``; with ``fill_overview`` False the checks are listed later, by
        ``overview.refresh``."""
        super().__init__()
        self.preferences = preferences
        self.attached = False
        self.close_requested = False  # closed before the store was attached: close after
        self.abandoned = False  # the store could not be opened: close without one
        self.check_page: CheckPage | None = None
        self.wizard: NewCheckWizard | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.examiner_dialog: ExaminerDialog | None = None
        self.help_windows: dict[str, QDialog] = {}
        self.shortcuts_dialog: QDialog | None = None
        self.issued_dialog: QDialog | None = None
        self.blank_dialog: QDialog | None = None
        self.backup_choice: QDialog | None = None
        self.erase_dialog: QDialog | None = None
        self.due_dialog: QDialog | None = None
        self.passphrase_dialog: QDialog | None = None
        self.closed = False  # the store is closed with the window, once
        self.locked = False  # locked: the store is closed until the passphrase is typed again
        self.folder: Path | None = None  # the data folder, known from the first attach on
        self.registry: PackRegistry | None = None
        # the check that was open when it locked, and the index of the tab it was on
        self.reopen_after_unlock: tuple[str, int] | None = None
        self.unlock_dialog: QDialog | None = None
        self.idle = IdleWatcher(lock_minutes(preferences.lock_minutes), self)
        self.idle.idle.connect(self.lock)
        self.backup_failed = False
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(BACKUP_INTERVAL_MS)
        self.backup_timer.timeout.connect(self.make_daily_backup)
        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        self.setWindowTitle(APP_NAME)
        self._fit_to_screen()

        self.pages = QStackedWidget()
        self.opening = QLabel(_("Opening the checks…"))
        self.opening.setObjectName("openingLabel")
        self.opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages.addWidget(self.opening)
        self.setCentralWidget(self.pages)

        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedLabel")
        self.statusBar().addPermanentWidget(self.saved_label)
        self._make_menus()
        self._update_actions()
        if store is not None:
            self.attach(store, fill_overview)

    def attach(self, store: Store, fill_overview: bool = True) -> None:
        """Show the checks of the store, which the window owns from now on."""
        from vastgoedcheck.ui.overview_page import OverviewPage

        self.store = store
        self.folder, self.registry = store.layout.root, store.registry
        self.overview = OverviewPage(store, fill=fill_overview)
        self.overview.open_requested.connect(self.open_check)
        self.overview.new_requested.connect(self.new_check)
        self.pages.addWidget(self.overview)
        self.pages.setCurrentWidget(self.overview)
        for page in [self.pages.widget(index) for index in range(self.pages.count())]:
            if page is not None and page is not self.overview:  # "Opening…", or the lock page
                self.pages.removeWidget(page)
                page.deleteLater()
        self.attached = True
        self._update_actions()
        self.backup_timer.start()
        QTimer.singleShot(BACKUP_DELAY_MS, self.make_daily_backup)
        self.idle.start()

    def detach(self) -> None:
        """Store what is pending, put the open check away and close the store: the window
        keeps no reference to the data key or to anything read from the data folder."""
        if not self.attached:
            return
        self.save_pending()
        self.close_check()
        self.backup_timer.stop()
        self.idle.stop()
        self.attached = False
        overview = self.overview
        self.pages.removeWidget(overview)
        overview.deleteLater()
        del self.overview
        store = self.store
        del self.store
        store.close()
        from vastgoedcheck.ui.viewing_copies import VIEWING_COPIES

        VIEWING_COPIES.remove()  # the plain copies of attachments opened in a viewer

    def lock(self) -> None:
        """Hide everything personal and ask for the passphrase again (window_locking)."""
        from vastgoedcheck.ui.window_locking import lock_window

        lock_window(self)

    def _fit_to_screen(self) -> None:
        """1280 × 800, or nine tenths of a smaller screen (a laptop at 200 % scaling)."""
        screen = self.screen()
        available = screen.availableSize() if screen is not None else None
        width, height = 1280, 800
        if available is not None:
            width = min(width, int(available.width() * 0.9))
            height = min(height, int(available.height() * 0.9))
        self.resize(width, height)

    # -- menus ----------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _make_menus(self) -> None:
        """The menus; what an item does beyond moving between pages is in menu_actions."""
        from vastgoedcheck.ui import menu_actions as do  # light: it imports its dialogs late
        from vastgoedcheck.ui import retention_actions
        from vastgoedcheck.ui.help_window import REPORTING_CHANNELS, USER_GUIDE

        self.new_action = self._action(
            _("&New check…"), self.new_check, QKeySequence.StandardKey.New
        )
        self.import_action = self._action(_("&Import checks…"), lambda: do.import_checks(self))
        self.blank_action = self._action(
            _("&Print a blank checklist…"), lambda: do.print_blank_checklist(self)
        )
        self.backup_action = self._action(_("Make a &backup…"), lambda: do.make_backup(self))
        self.restore_action = self._action(_("Res&tore a backup…"), lambda: do.restore_backup(self))
        self.settings_action = self._action(
            _("&Settings and backups…"), self.open_settings, "Ctrl+,"
        )
        self.folder_action = self._action(_("Open the &data folder"), self.open_data_folder)
        self.lock_action = self._action(_("&Lock now"), self.lock, "Ctrl+L")
        self.passphrase_action = self._action(
            _("C&hange the passphrase…"), lambda: do.change_passphrase(self)
        )
        self.recovery_action = self._action(
            _("Make a new reco&very key…"), lambda: do.new_recovery_key(self)
        )
        self.close_check_action = self._action(_("&Close this check"), self.show_overview, "Ctrl+W")
        self.quit_action = self._action(_("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self._menu(
            _("&File"),
            self.new_action,
            self.import_action,
            self.blank_action,
            None,
            self.backup_action,
            self.restore_action,
            self.settings_action,
            self.folder_action,
            None,
            self.passphrase_action,
            self.recovery_action,
            self.lock_action,
            None,
            self.close_check_action,
            self.quit_action,
        )

        self.review_action = self._action(_("&Review and finalize"), self.show_review, "Ctrl+R")
        self.report_action = self._action(_("Make a &report…"), self.make_report, "Ctrl+P")
        self.issued_action = self._action(
            _("Reports made of this &check…"), lambda: do.show_issued_reports(self)
        )
        self.export_action = self._action(
            _("&Export this check…"), lambda: do.export_check(self), "Ctrl+E"
        )
        self.record_action = self._action(_("Record a report &made…"), self.record_report)
        self.amend_action = self._action(_("&Amend…"), self.amend_check)
        self.delete_action = self._action(_("&Delete this draft…"), lambda: do.delete_draft(self))
        self.erase_action = self._action(
            _("Erase on re&quest…"), lambda: retention_actions.erase_on_request(self)
        )
        self._menu(
            _("&Check"),
            self.review_action,
            self.report_action,
            self.issued_action,
            self.export_action,
            self.record_action,
            None,
            self.amend_action,
            self.delete_action,
            self.erase_action,
        )
        self._menu(
            _("&Help"),
            self._action(
                _("&User guide"),
                lambda: do.show_help(self, USER_GUIDE),
                QKeySequence.StandardKey.HelpContents,
            ),
            self._action(_("&Keyboard shortcuts"), lambda: do.show_shortcuts(self)),
            self._action(_("&Where to report"), lambda: do.show_help(self, REPORTING_CHANNELS)),
            None,
            self._action(_("&About vastgoedcheck"), lambda: do.show_about(self)),
        )

    def _menu(self, title: str, *items: QAction | None) -> None:
        """A menu of ``items``; None is a separator."""
        menu = self.menuBar().addMenu(title)
        for item in items:
            if item is None:
                menu.addSeparator()
            else:
                menu.addAction(item)

    def _update_actions(self) -> None:
        for action in (
            self.new_action,
            self.import_action,
            self.blank_action,
            self.backup_action,
            self.restore_action,
            self.settings_action,
            self.folder_action,
            self.lock_action,
            self.passphrase_action,
            self.recovery_action,
            self.issued_action,  # the open check, or the one selected in the list
            self.export_action,
            self.erase_action,
        ):
            action.setEnabled(self.attached)
        open_check = self.check_page is not None
        for action in (
            self.close_check_action,
            self.review_action,
            self.report_action,
            self.record_action,
        ):
            action.setEnabled(open_check)
        draft = final = False
        if self.check_page is not None:
            from vastgoedcheck.domain.check import Status

            try:
                status = self.check_page.check().status
            except StoreError:
                status = None
            draft, final = status is Status.DRAFT, status is Status.FINAL
        self.delete_action.setEnabled(draft)
        self.amend_action.setEnabled(final)  # a correction of a finalized check only

    # -- pages ----------------------------------------------------------------------------

    def open_check(self, check_id: str) -> None:
        from vastgoedcheck.ui.check_page import CheckPage

        self.close_check()
        try:
            page = CheckPage(self.store, check_id, self.preferences)
        except StoreError as error:
            show_problem(self, str(error))
            return
        page.back_requested.connect(self.show_overview)
        page.saved.connect(self.show_saved)
        page.changed.connect(self._check_changed)
        self.check_page = page
        self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)
        self.activateWindow()  # back from the wizard: the keyboard goes to the questions
        self._check_changed()

    def close_check(self) -> None:
        """Store what is pending and put the open check away."""
        page = self.check_page
        if page is None:
            return
        page.flush()
        self.check_page = None
        self.pages.removeWidget(page)
        page.deleteLater()
        self.setWindowTitle(APP_NAME)
        self._update_actions()

    def show_overview(self) -> None:
        shown = self.check_page.check_id if self.check_page is not None else None
        self.close_check()
        self.overview.refresh()
        if shown is not None:
            self.overview.select_check(shown)
        self.pages.setCurrentWidget(self.overview)
        self.overview.table.setFocus()

    def show_review(self) -> None:
        if self.check_page is not None:
            self.check_page.show_review()

    def make_report(self) -> None:
        if self.check_page is not None:
            self.check_page.make_report()

    def record_report(self) -> None:
        """Record a report made (or a decision not to report), from the review page."""
        if self.check_page is not None:
            self.check_page.show_review()
            self.check_page.review.records.open_dialog()

    def amend_check(self) -> None:
        if self.check_page is not None:
            self.check_page.amend()

    def _check_changed(self) -> None:
        if self.check_page is not None:
            self.setWindowTitle(f"{self.check_page.title.text()} — {APP_NAME}")
        self._update_actions()

    def show_saved(self) -> None:
        from vastgoedcheck.i18n.formatting import format_time

        self.saved_label.setText(_("Saved at {time}").format(time=format_time(dt.datetime.now())))

    # -- actions --------------------------------------------------------------------------

    def new_check(self) -> None:
        from vastgoedcheck.ui.new_check_wizard import NewCheckWizard

        self.wizard = NewCheckWizard(self.store, self.preferences, self)
        self.wizard.finished.connect(self._wizard_finished)
        self.wizard.open()

    def _wizard_finished(self) -> None:
        wizard, self.wizard = self.wizard, None
        if wizard is not None and wizard.created_id:
            self.open_check(wizard.created_id)
            self.show_saved()
        else:
            self.overview.refresh()

    def open_settings(self) -> None:
        from vastgoedcheck.ui.settings_dialog import SettingsDialog

        self.settings_dialog = SettingsDialog(self.preferences, self.store, self)
        self.settings_dialog.restored.connect(self.restored)
        self.settings_dialog.finished.connect(self._settings_closed)
        self.settings_dialog.open()

    def _settings_closed(self) -> None:
        dialog, self.settings_dialog = self.settings_dialog, None
        if dialog is None:
            return
        self.store.set_actor(actor_of(self.preferences))
        self.idle.set_interval(lock_minutes(self.preferences.lock_minutes) * 60_000)

    def restored(self) -> None:
        """A backup replaced the store: whatever was open may be gone."""
        if self.check_page is not None:
            page, self.check_page = self.check_page, None
            self.pages.removeWidget(page)
            page.deleteLater()
        self.show_overview()

    def open_given(self, path: Path) -> None:
        """A file handed to the app: import an exchange file, verify a PDF, or say why not."""
        from vastgoedcheck.ui.given_file import open_given_file

        imported = open_given_file(self, self.store, path)
        if len(imported) == 1:
            self.open_check(imported[0])
        elif imported:
            self.show_overview()

    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.store.layout.root)))

    def show_problems_of_opening(self) -> None:
        """What the store noticed when it opened (an unclean shutdown, files moved aside)."""
        if self.store.problems:
            QMessageBox.information(
                self, APP_NAME, "\n\n".join(sentence(problem) for problem in self.store.problems)
            )

    def welcome_first_run(self) -> None:
        """Ask a first-time user, once, who does the checks: the name and organisation are
        recorded in every check they make and in its audit trail."""
        if self.preferences.examiner_name.strip() or self.preferences.examiner_asked:
            return
        from vastgoedcheck.ui.examiner_dialog import ExaminerDialog

        self.preferences.examiner_asked = "yes"
        self.preferences.save()
        self.examiner_dialog = ExaminerDialog(self.preferences, self)
        self.examiner_dialog.finished.connect(self._examiner_given)
        self.examiner_dialog.open()

    def _examiner_given(self) -> None:
        self.examiner_dialog = None
        self.store.set_actor(actor_of(self.preferences))

    # -- backups and closing ----------------------------------------------------------------

    def make_daily_backup(self, *, tell: bool = True) -> None:
        """Today's automatic backup, if there is none yet (menu_actions.make_daily_backup)."""
        from vastgoedcheck.ui import menu_actions

        menu_actions.make_daily_backup(self, tell=tell)

    def save_pending(self) -> None:
        """Store what is being typed (the system asks before a logout or shutdown, which may
        still be cancelled: the app goes on working)."""
        if self.check_page is not None and not self.closed:
            self.check_page.flush()

    def shut_down(self) -> None:
        """Store what is pending and release the data folder, once: when the window closes,
        and when the session ends without closing it (logout, shutdown, update, ``kill``)."""
        if self.closed:
            return
        if not self.attached:  # nothing was opened, or the store was closed on locking
            self.closed = True
            self.idle.stop()
            return
        self.save_pending()
        self.make_daily_backup(tell=False)  # normally made already: then this costs nothing
        self.closed = True
        self.backup_timer.stop()
        self.idle.stop()
        self.store.close()
        from vastgoedcheck.ui.viewing_copies import VIEWING_COPIES

        VIEWING_COPIES.remove()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Nothing is lost on closing: pending edits are stored, today's backup is made if it
        was not yet, and the data folder is released for the next start. Closed while the
        data folder is still being opened, the window closes as soon as it is open."""
        if not self.attached and not self.abandoned and not self.closed and not self.locked:
            self.close_requested = True
            event.ignore()
            return
        self.save_pending()
        self.make_daily_backup()
        self.shut_down()
        event.accept()
