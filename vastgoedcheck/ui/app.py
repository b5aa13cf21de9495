"""Starting the desktop app: language, Qt's own translations, the data folder, the window."""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QObject, QTimer, QTranslator
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from vastgoedcheck import APP_NAME
from vastgoedcheck.errors import UserError
from vastgoedcheck.i18n import (
    DEFAULT_LANGUAGE,
    language_from_environment,
    language_from_tags,
    set_language,
)
from vastgoedcheck.ui.app_icon import app_icon
from vastgoedcheck.ui.data_folder_choice import data_folder_for
from vastgoedcheck.ui.error_log import install_error_handling, uninstall_error_handling
from vastgoedcheck.ui.feedback import show_problem
from vastgoedcheck.ui.main_window import MainWindow
from vastgoedcheck.ui.preferences import Preferences, actor_of
from vastgoedcheck.ui.retention_actions import offer_due_checks
from vastgoedcheck.ui.store_opening import open_store
from vastgoedcheck.ui.viewing_copies import remove_stale as remove_stale_viewing_copies

if TYPE_CHECKING:  # the store and the packs are loaded once the window is on screen
    from vastgoedcheck.storage.store import Store

LOG_FILE = Path("logs") / "vastgoedcheck.log"
# benchmarks/bench_startup.py: when set to a file name, the app writes there when its window
# was first shown and when the overview was filled (seconds since the epoch), then quits.
STARTUP_PROBE_VARIABLE = "VASTGOEDCHECK_STARTUP_PROBE"
_QT_LOCALES = {"nl": "nl_NL", "en": "en_GB"}


def application() -> QApplication:
    """The one QApplication of the process, made once."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setWindowIcon(app_icon())
    return app


def system_language() -> str:
    """The language for the app when none is chosen: the one the environment names (LANG and
    the like), else the first of ours in the system's list of preferred languages. A Mac app
    started from the Finder has no LANG and an LC_CTYPE of "UTF-8", which names no language;
    only the system's list says that the user reads English."""
    return (
        language_from_environment()
        or language_from_tags(QLocale.system().uiLanguages())
        or DEFAULT_LANGUAGE
    )


def install_qt_language(app: QApplication, language: str) -> None:
    """Qt's own words (standard buttons, file dialogs, context menus) in ``language``."""
    QLocale.setDefault(QLocale(_QT_LOCALES[language]))
    for old in app.findChildren(QTranslator):
        app.removeTranslator(old)
        old.deleteLater()
    if language == "en":
        return
    from vastgoedcheck.ui.qt_translations import load_qt_catalogue

    catalogue = load_qt_catalogue(language)
    if catalogue is not None:
        catalogue.setParent(app)
        app.installTranslator(catalogue)


@contextmanager
def quit_on_terminate(app: QApplication) -> Iterator[None]:
    """While the app runs, a logout or ``kill`` (SIGTERM) ends it the way closing its window
    does: pending edits are stored and the data folder is released. Qt's event loop keeps
    Python from running a signal handler, so a timer gives it a moment four times a second."""
    previous = signal.signal(signal.SIGTERM, lambda _number, _frame: app.quit())
    heartbeat = QTimer()
    heartbeat.timeout.connect(lambda: None)
    heartbeat.start(250)
    try:
        yield
    finally:
        heartbeat.stop()
        signal.signal(signal.SIGTERM, previous)


@contextmanager
def closing_with_the_session(app: QApplication, window: MainWindow) -> Iterator[None]:
    """While the app runs, the end of the session closes it as closing its window would.

    A logout, shutdown or update restart on Windows sends no close event and kills the process
    right after Qt's ``aboutToQuit``: ``closeEvent`` never runs and ``app.exec()`` never
    returns. When the system asks whether it may end the session (``commitDataRequest``),
    what is being typed is stored; the session may still be cancelled, so the app goes on.
    When it ends (``aboutToQuit``), the store is closed."""
    app.commitDataRequest.connect(window.save_pending)  # the manager is not needed
    app.aboutToQuit.connect(window.shut_down)
    try:
        yield
    finally:
        app.aboutToQuit.disconnect(window.shut_down)
        app.commitDataRequest.disconnect(window.save_pending)


def show_message(text: str) -> None:
    """One message in a window, for a start that ends before the app opens (there is no
    console to print it to)."""
    application()
    box = QMessageBox(QMessageBox.Icon.Information, APP_NAME, text, QMessageBox.StandardButton.Ok)
    box.setObjectName("startMessage")
    box.exec()


class _FileOpenEvents(QObject):
    """macOS hands a double-clicked or dropped file to a running app as an event."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window: MainWindow | None = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QFileOpenEvent) and event.file() and self.window is not None:
            path, window = Path(event.file()), self.window
            QTimer.singleShot(0, lambda: window.open_given(path))
            return True
        return super().eventFilter(watched, event)


@contextmanager
def opening_handed_files(app: QApplication, window: MainWindow) -> Iterator[None]:
    """While the app runs, files that macOS hands to it are opened in ``window``."""
    handler = _FileOpenEvents(window)
    app.installEventFilter(handler)
    try:
        yield
    finally:
        app.removeEventFilter(handler)
        handler.window = None


def fill_when_shown(window: MainWindow, app: QApplication, shown: float) -> None:
    """List the checks in the window, then say what the store noticed when it opened and
    ask a first-time user for their name. ``shown``: when the window came on screen."""
    window.overview.refresh()
    probe = os.environ.get(STARTUP_PROBE_VARIABLE)
    if probe:
        Path(probe).write_text(f"{shown}\n{time.time()}\n", encoding="utf-8")
        app.quit()
        return
    window.show_problems_of_opening()
    window.welcome_first_run()
    offer_due_checks(window)  # checks past their retention period: asks before erasing


def _open_for(folder: Path, preferences: Preferences, window: MainWindow) -> Store | None:
    """The packs and the store for the window, once the user has set up or unlocked the data
    folder; None when the user quit or has been told why it cannot be opened."""
    from vastgoedcheck.packs.registry import load_registry
    from vastgoedcheck.ui.folder_unlocking import key_for

    try:
        registry = load_registry()
    except UserError as error:  # a damaged installation: one sentence, not a traceback
        show_problem(None, str(error))
        return None
    actor = actor_of(preferences)
    key = key_for(folder, actor, window)
    if key is None:
        return None
    store = open_store(folder, registry, actor, key, window)
    del key  # from now on only the store holds it
    return store


def run(
    data_folder: str | None = None, language: str | None = None, open_file: Path | None = None
) -> int:
    """Start the app (with ``open_file`` handed to it, if given) and return its exit code when
    the window closes."""
    preferences = Preferences.load()
    chosen = set_language(language or preferences.language or system_language())
    app = application()
    install_qt_language(app, chosen)
    settled = data_folder_for(data_folder, preferences)
    if settled is None:
        return 1
    folder = settled.path
    install_error_handling(folder / LOG_FILE)
    window = MainWindow(None, preferences)
    try:
        window.show()  # at once, saying the checks are being opened
        app.processEvents()  # painted before anything slow happens
        shown = time.time()
        remove_stale_viewing_copies()  # left by a session that crashed or lost its power
        store = _open_for(folder, preferences, window)
        if store is None:
            return 1
        store.problems[:0] = settled.notes  # told with what the store noticed on opening
        window.attach(store, fill_overview=False)
        if window.close_requested:  # closed while opening: store, back up, release
            window.close()
            return 0
        QTimer.singleShot(0, lambda: fill_when_shown(window, app, shown))
        if open_file is not None:
            QTimer.singleShot(0, lambda: window.open_given(open_file))
        with (
            quit_on_terminate(app),
            closing_with_the_session(app, window),
            opening_handed_files(app, window),
        ):
            code = app.exec()
        return code
    finally:
        window.abandoned = True
        window.shut_down()  # also when the session ended without closing the window
        window.close()
        uninstall_error_handling()
