"""The passphrase of the data folder at the app's start: set up a new folder, or unlock it."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

from vastgoedcheck import APP_NAME
from vastgoedcheck.i18n import _
from vastgoedcheck.storage import folder_key
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.folder_backups import unusable
from vastgoedcheck.storage.folder_state import FolderState, folder_state
from vastgoedcheck.storage.sealing import DataKey
from vastgoedcheck.ui.feedback import show_problem

ENVIRONMENT = "VASTGOEDCHECK_PASSPHRASE"


def _ask(label: str) -> str | None:
    text, given = QInputDialog.getText(None, APP_NAME, label, QLineEdit.EchoMode.Password)
    return text if given else None


def _set_up(folder: Path) -> DataKey | None:
    """A new folder: a passphrase chosen (twice), the key made, the recovery key shown once."""
    try:
        folder.mkdir(0o700, parents=True, exist_ok=True)
    except OSError as error:
        show_problem(None, str(unusable(folder, error)), _("The data folder cannot be opened"))
        return None
    while True:
        chosen = os.environ.get(ENVIRONMENT) or _ask(
            _("Choose a passphrase for the data folder {folder}:").format(folder=folder)
        )
        if chosen is None:
            return None
        if not os.environ.get(ENVIRONMENT):
            again = _ask(_("The same passphrase again:"))
            if again is None:
                return None
            if again != chosen:
                show_problem(None, _("the two passphrases are not the same; try again"))
                continue
        try:
            key, recovery_key = folder_key.create(folder, chosen)
        except StoreError as error:
            show_problem(None, str(error))
            if os.environ.get(ENVIRONMENT):
                return None
            continue
        box = QMessageBox(
            QMessageBox.Icon.Information,
            _("Recovery key"),
            _(
                "Recovery key (shown only this once): {key}\n\nWith it you can choose a new "
                "passphrase if you forget yours; without both, the checks cannot be read by "
                "anyone. Print it, and keep it apart from this computer."
            ).format(key=recovery_key),
            QMessageBox.StandardButton.Ok,
        )
        box.setObjectName("recoveryKeyMessage")
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.exec()
        return key


def folder_key_for(folder: Path) -> DataKey | None:
    """The data key of ``folder``: from ``VASTGOEDCHECK_PASSPHRASE`` or asked for; a new folder
    is set up first. None when the user stopped (or was told why it cannot be opened)."""
    state = folder_state(folder)
    if state is FolderState.NEW:
        return _set_up(folder)
    if state is FolderState.PLAIN:
        show_problem(
            None,
            _(
                "the data folder {folder} was made by an earlier version and is not encrypted "
                "yet, and this version opens only encrypted folders; nothing was changed"
            ).format(folder=folder),
            _("The data folder cannot be opened"),
        )
        return None
    try:
        key_file = folder_key.KeyFile.read(folder)
    except StoreError as error:
        show_problem(None, str(error), _("The data folder cannot be opened"))
        return None
    given = os.environ.get(ENVIRONMENT)
    while True:
        passphrase = given or _ask(
            _("Passphrase for the data folder {folder}:").format(folder=folder)
        )
        if passphrase is None:
            return None
        try:
            return key_file.unlock(passphrase)
        except StoreError as error:
            show_problem(None, str(error))
            if given:
                return None
