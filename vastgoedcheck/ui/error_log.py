"""The app's log file and its last line of defence: an exception nobody caught, in the GUI
thread or any other, is written to the log and shown in an ErrorDialog, and the app keeps
running. Qt's own warnings go to the log too."""

from __future__ import annotations

import logging
import os
import platform
import sys
import threading
import traceback
from dataclasses import dataclass
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    Qt,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
    qVersion,
)
from PySide6.QtWidgets import QApplication

from vastgoedcheck import APP_NAME, __version__
from vastgoedcheck.storage.atomic import PRIVATE_FILE, PRIVATE_FOLDER
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.ui.feedback import sentence

LOGGER_NAME = "vastgoedcheck"
MAX_LOG_BYTES = 1_000_000
KEPT_OLD_LOGS = 3
MAX_SUMMARY_LENGTH = 300
_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


class _ErrorRelay(QObject):
    """Brings an error to the GUI thread: the dialog opens from the event loop, never inside
    the code that failed, and never from a worker thread."""

    report = Signal(str, str)

    def __init__(self, log_file: Path | None) -> None:
        super().__init__()
        self.log_file = log_file
        self.report.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def _show(self, summary: str, details: str) -> None:
        try:
            from vastgoedcheck.ui.failure_dialogs import show_error_dialog

            show_error_dialog(summary, details, self.log_file)
        except Exception:  # the error dialog itself must never become the next error
            logging.getLogger(LOGGER_NAME).exception("The error dialog could not be shown")


@dataclass
class _Installation:
    logger: logging.Logger
    file_handler: logging.Handler | None
    relay: _ErrorRelay
    previous_excepthook: Any
    previous_thread_hook: Any
    previous_qt_handler: Any


_installed: _Installation | None = None


class _FramesOnly(logging.Formatter):
    """Logs where an exception happened (its kind and the lines of code), not its message: the
    data folder is encrypted, this plain-text log is not, and a message may quote a name, an
    address or a note. The error dialog still shows the whole message on the screen."""

    def formatException(self, ei: Any) -> str:
        kind, _error, trace = ei
        return (
            "Traceback (most recent call last):\n"
            + "".join(traceback.format_tb(trace))
            + f"{kind.__module__}.{kind.__qualname__}"
            + " (message not logged: it may hold personal data)"
        )


class _PrivateLogHandler(RotatingFileHandler):
    """A rotating log whose files, the new one after each rotation too, only their owner can
    read."""

    def _open(self) -> Any:
        descriptor = os.open(
            self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, PRIVATE_FILE
        )
        return open(descriptor, self.mode, encoding=self.encoding, errors=self.errors)


def _open_log(log_file: Path) -> logging.Handler | None:
    """A log of at most 1 MB, with the 3 before it kept; None when it cannot be written."""
    try:
        log_file.parent.mkdir(PRIVATE_FOLDER, parents=True, exist_ok=True)
        handler = _PrivateLogHandler(
            log_file, maxBytes=MAX_LOG_BYTES, backupCount=KEPT_OLD_LOGS, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(_FramesOnly("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    return handler


def install_error_handling(log_file: Path) -> logging.Logger:
    """Log to ``log_file`` and catch every exception that nobody caught; returns the app's
    logger. Call it from the GUI thread; ``uninstall_error_handling`` undoes it. When the log
    file cannot be written, errors are still shown, only not kept."""
    global _installed
    uninstall_error_handling()
    logger = logging.getLogger(LOGGER_NAME)
    logger.setLevel(logging.INFO)
    handler = _open_log(log_file)
    if handler is not None:
        logger.addHandler(handler)
    _installed = _Installation(
        logger=logger,
        file_handler=handler,
        relay=_ErrorRelay(log_file if handler is not None else None),
        previous_excepthook=sys.excepthook,
        previous_thread_hook=threading.excepthook,
        previous_qt_handler=qInstallMessageHandler(_on_qt_message),
    )
    sys.excepthook = _on_exception
    threading.excepthook = _on_thread_exception
    logger.info(
        "%s %s started (Python %s, Qt %s, %s)",
        APP_NAME,
        __version__,
        platform.python_version(),
        qVersion(),
        platform.platform(),
    )
    return logger


def uninstall_error_handling() -> None:
    """Put back the hooks that were there before, and close the log file."""
    global _installed
    installed, _installed = _installed, None
    if installed is None:
        return
    if sys.excepthook is _on_exception:
        sys.excepthook = installed.previous_excepthook
    if threading.excepthook is _on_thread_exception:
        threading.excepthook = installed.previous_thread_hook
    current = qInstallMessageHandler(installed.previous_qt_handler)
    if current is not _on_qt_message:  # someone installed theirs after ours: keep it
        qInstallMessageHandler(current)
    if installed.file_handler is not None:
        installed.logger.removeHandler(installed.file_handler)
        installed.file_handler.close()


def error_summary(error: BaseException) -> str:
    """One line for the user: a store error's own sentence, otherwise the kind of error and
    the first line of its message."""
    if isinstance(error, StoreError):
        line = sentence(str(error))
    else:
        lines = traceback.format_exception_only(type(error), error)
        line = lines[0].strip() if lines else type(error).__name__
        line = line.splitlines()[0] if line else type(error).__name__
    if len(line) > MAX_SUMMARY_LENGTH:
        line = line[: MAX_SUMMARY_LENGTH - 1] + "…"
    return line


def _report(
    installed: _Installation,
    kind: type[BaseException],
    error: BaseException,
    trace: TracebackType | None,
) -> None:
    details = "".join(traceback.format_exception(kind, error, trace))
    if QApplication.instance() is not None:
        installed.relay.report.emit(error_summary(error), details)


def _on_exception(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    installed = _installed
    if installed is None or issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    try:
        installed.logger.error("Unexpected error", exc_info=(kind, error, trace))
        _report(installed, kind, error, trace)
    except Exception:  # the hook must not fail: fall back to Python's own report
        sys.__excepthook__(kind, error, trace)


def _on_thread_exception(arguments: threading.ExceptHookArgs) -> None:
    installed = _installed
    if arguments.exc_type is SystemExit:  # a thread that ends itself is no error
        return
    if installed is None or arguments.exc_value is None:
        threading.__excepthook__(arguments)
        return
    name = arguments.thread.name if arguments.thread is not None else "?"
    try:
        installed.logger.error(
            "Unexpected error in thread %s",
            name,
            exc_info=(arguments.exc_type, arguments.exc_value, arguments.exc_traceback),
        )
        _report(installed, arguments.exc_type, arguments.exc_value, arguments.exc_traceback)
    except Exception:
        threading.__excepthook__(arguments)


def _on_qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    installed = _installed
    if installed is None:
        return
    logger = installed.logger.getChild("qt")
    level = _QT_LEVELS.get(kind, logging.WARNING)
    if context.file:
        logger.log(level, "%s (%s:%s)", message, context.file, context.line)
    else:
        logger.log(level, "%s", message)
