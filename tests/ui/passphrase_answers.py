"""Answering the app's passphrase dialogs in a test as a user would: type the passphrase and
press the button (a new folder: set it up, tick that the recovery key is kept, continue)."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QPushButton

from vastgoedcheck.ui.folder_setup import FolderSetupDialog
from vastgoedcheck.ui.unlock_dialog import UnlockDialog

POLL_MS = 20


@dataclass
class PassphraseAnswers:
    """Answers every set-up and unlock dialog that appears with ``passphrase`` until stopped;
    ``recovery_keys`` holds the recovery keys that the set-up showed."""

    passphrase: str
    recovery_keys: list[str] = field(default_factory=list)
    answered: int = 0
    running: bool = False

    def start(self) -> None:
        self.running = True
        QTimer.singleShot(POLL_MS, self._poll)

    def stop(self) -> None:
        self.running = False

    def _poll(self) -> None:
        if not self.running:
            return
        for widget in QApplication.topLevelWidgets():
            if not widget.isVisible():
                continue
            if isinstance(widget, UnlockDialog) and widget.page_index == 0:
                widget.passphrase.setText(self.passphrase)
                widget.unlock_button.click()
                self.answered += 1
            elif isinstance(widget, FolderSetupDialog):
                self._set_up(widget)
                self.answered += 1
        QTimer.singleShot(POLL_MS, self._poll)

    def _set_up(self, dialog: FolderSetupDialog) -> None:
        if dialog.key is None:
            dialog.fields.first.setText(self.passphrase)
            dialog.fields.second.setText(self.passphrase)
            dialog.save_button.click()
        if dialog.recovery_panel is not None:
            self.recovery_keys.append(dialog.recovery_panel.recovery_key)
            dialog.findChild(QCheckBox, "recoveryKeyKept").setChecked(True)
            button = dialog.findChild(QPushButton, "continueButton")
            assert button is not None
            button.click()


# For a test that starts the app in a process of its own: ``python -c DRIVER PASSPHRASE ARGS…``
# runs ``vastgoedcheck ARGS…`` and answers its passphrase dialogs with PASSPHRASE.
DRIVER = """
import sys
from vastgoedcheck.cli import main
from vastgoedcheck.ui.app import application
from tests.ui.passphrase_answers import PassphraseAnswers
application()
PassphraseAnswers(sys.argv[1]).start()
sys.exit(main(sys.argv[2:]))
"""
