"""Asking for the passphrase (or recovery key) of a backup made in another data folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QWidget

from vastgoedcheck.i18n import _
from vastgoedcheck.storage import folder_key
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.sealing import DataKey
from vastgoedcheck.ui.feedback import show_problem


def backup_key_asker(
    parent: QWidget | None, source: Path
) -> Callable[[folder_key.KeyFile], DataKey]:
    """For ``Store.restore``/``recover``: the key of the backup at ``source`` when it was made
    in another data folder (a new computer), opened with the passphrase or recovery key the
    user types; asked again after a wrong one, StoreError when the user stops."""

    def ask(key_file: folder_key.KeyFile) -> DataKey:
        waiting = QApplication.overrideCursor() is not None
        if waiting:  # the restore's waiting cursor is not for this question
            QApplication.restoreOverrideCursor()
        try:
            while True:
                text, given = QInputDialog.getText(
                    parent,
                    _("Backup of another data folder"),
                    _(
                        "The backup {file} was made in another data folder, with its own "
                        "passphrase.\nType that passphrase, or that folder's recovery key:"
                    ).format(file=source.name),
                    QLineEdit.EchoMode.Password,
                )
                if not given or not text:
                    raise StoreError(
                        _("no passphrase was given for {file}; nothing was changed").format(
                            file=source.name
                        )
                    )
                try:
                    return key_file.unlock(text)
                except folder_key.WrongPassphrase:
                    pass
                try:
                    return key_file.unlock_with_recovery_key(text)
                except StoreError:
                    show_problem(
                        parent,
                        _(
                            "this is neither the passphrase nor the recovery key of the backup "
                            "{file}; try again"
                        ).format(file=source.name),
                    )
        finally:
            if waiting:
                QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    return ask
