"""Locking the window after a spell without input, or when the system hides or suspends the app.

Locked, the window shows no check, no name and no title but the app's; its other windows are
closed; the store is closed, so the data key and the checks read into memory are let go; the
passphrase is asked for again. What Python cannot promise: the memory those objects used is
freed but not overwritten, so until it is reused a copy of the key may linger in the process
(docs/desktop-app.md says so).

What tells the app it is not being used, by platform (Qt 6): every platform delivers keyboard
and mouse input, so the idle timer works everywhere. ``applicationStateChanged`` delivers
``ApplicationHidden`` on macOS when the app is hidden (Cmd+H) and ``ApplicationSuspended`` only
on mobile systems; on Windows, macOS and Linux a locked screen or a sleeping laptop makes the
app merely ``ApplicationInactive``, as switching to another program does, so the idle timer is
what locks it then.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget

from vastgoedcheck.i18n import _
from vastgoedcheck.ui.text_label import text_label

# Bounds of the idle time in Settings. Below a minute the app would lock while the user reads
# a question's guidance or takes a phone call; above an hour an unattended laptop is in effect
# unprotected. "Never" is not offered: the checks hold data of a criminal nature (art. 10 AVG),
# which calls for this measure (art. 32 AVG).
MIN_LOCK_MINUTES = 1
MAX_LOCK_MINUTES = 60
DEFAULT_LOCK_MINUTES = 15

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)
_AWAY_STATES = (Qt.ApplicationState.ApplicationHidden, Qt.ApplicationState.ApplicationSuspended)


def lock_minutes(text: str) -> int:
    """The idle time chosen in Settings (stored as text), within bounds; the default if none."""
    try:
        minutes = int(text)
    except ValueError:
        return DEFAULT_LOCK_MINUTES
    return max(MIN_LOCK_MINUTES, min(MAX_LOCK_MINUTES, minutes))


class IdleWatcher(QObject):
    """``idle`` once no key, mouse or touch input reached any window of the app for the given
    time, or at once when the system hides or suspends the app."""

    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.set_interval(minutes * 60_000)
        self.running = False

    def set_interval(self, milliseconds: int) -> None:
        self.timer.setInterval(milliseconds)
        if self.timer.isActive():
            self.timer.start()

    def start(self) -> None:
        """Watch the input to the whole app (dialogs too) and the app's state."""
        if self.running:
            return
        app = QApplication.instance()
        if app is None:
            return
        app.installEventFilter(self)
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._state_changed)
        self.running = True
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        if not self.running:
            return
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
            if isinstance(app, QGuiApplication):
                app.applicationStateChanged.disconnect(self._state_changed)
        self.running = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self.timer.start()
        return False

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state in _AWAY_STATES:
            self.idle.emit()


class LockPage(QWidget):
    """What the locked window shows: that it is locked, and a button to unlock it."""

    unlock_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockPage")
        title = QLabel(_("vastgoedcheck is locked"))
        title.setObjectName("lockTitle")
        font = title.font()
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        explanation = text_label(
            _(
                "Your checks are hidden and closed. Type your passphrase to go on where you "
                "were; nothing you entered is lost."
            ),
            "lockExplanation",
        )
        explanation.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.button = QPushButton(_("&Unlock…"))
        self.button.setObjectName("unlockPageButton")
        self.button.clicked.connect(self.unlock_requested)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(explanation)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(2)
