"""The data key at the start: set up a new folder, convert one of an earlier version, or unlock."""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QWidget

from vastgoedcheck.i18n import _
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.folder_state import FolderState, folder_state
from vastgoedcheck.ui.feedback import show_problem

if TYPE_CHECKING:
    from vastgoedcheck.storage.sealing import DataKey

# The command line's variable, read here for scripted starts (tests, benchmarks, the bundle's
# smoke test) of an encrypted folder only. It gives nobody more than the command line already
# does with it; locking always asks for the passphrase (docs/desktop-app.md).
PASSPHRASE_VARIABLE = "VASTGOEDCHECK_PASSPHRASE"
# Where the encryption of a folder of an earlier version lives (its own task): the set-up
# dialog for such a folder is offered once ``convert_plain_folder`` is there.
CONVERSION_MODULE = "vastgoedcheck.storage.conversion"
Converter = Callable[[Path, "DataKey", str], None]


def key_for(folder: Path, actor: str, parent: QWidget | None = None) -> DataKey | None:
    """The data key of ``folder``, asked of the user as the folder needs; None when the user
    quit (nothing changed) or the folder could not be set up (the user has been told)."""
    state = folder_state(folder)
    if state is FolderState.ENCRYPTED:
        given = _from_environment(folder)
        if given is not None:
            return given
        from vastgoedcheck.ui.unlock_dialog import UnlockDialog  # the dialogs when needed

        unlock = UnlockDialog(folder, parent=parent)
        accepted = unlock.exec() == QDialog.DialogCode.Accepted
        key, unlock.key = unlock.key, None
        unlock.deleteLater()
        return key if accepted else None
    if state is FolderState.NEW and not _can_make(folder, parent):
        return None
    convert = _converter()
    if state is FolderState.PLAIN and convert is None:
        show_problem(
            parent,
            _(
                "the data folder {folder} was made by an earlier version and is not encrypted "
                "yet, and this version opens only encrypted folders; nothing was changed"
            ).format(folder=folder),
            _("The data folder cannot be opened"),
        )
        return None
    from vastgoedcheck.ui.folder_setup import FolderSetupDialog

    setup = FolderSetupDialog(folder, plain=state is FolderState.PLAIN, parent=parent)
    accepted = setup.exec() == QDialog.DialogCode.Accepted
    key, setup.key = setup.key, None
    setup.deleteLater()
    if not accepted or key is None:
        return None
    if state is FolderState.PLAIN and convert is not None:
        return key if _convert(convert, folder, key, actor, parent) else None
    return key


def _converter() -> Converter | None:
    """``convert_plain_folder(root, key, actor)`` of the storage layer, once this version has
    it; None before (a folder of an earlier version is then refused, unchanged)."""
    try:
        module = importlib.import_module(CONVERSION_MODULE)
    except ImportError:
        return None
    found = getattr(module, "convert_plain_folder", None)
    return found if callable(found) else None


def _convert(
    convert: Converter, folder: Path, key: DataKey, actor: str, parent: QWidget | None
) -> bool:
    """Encrypt the checks of a folder of an earlier version; False when that failed (said)."""
    from vastgoedcheck.ui.failure_dialogs import busy_cursor

    try:
        with busy_cursor():
            convert(folder, key, actor)
    except StoreError as error:
        show_problem(parent, str(error), _("The checks could not be encrypted"))
        return False
    from PySide6.QtWidgets import QMessageBox

    from vastgoedcheck.storage.conversion import unencrypted_zips_note

    note = unencrypted_zips_note(folder)  # zips of the user's own in backups/: left as they are
    if note is not None:
        QMessageBox.information(parent, _("Not encrypted"), note)
    return True


def _from_environment(folder: Path) -> DataKey | None:
    """The key opened with ``VASTGOEDCHECK_PASSPHRASE``, if it is set and opens it; else None
    (and the dialog asks, as without it)."""
    from vastgoedcheck.storage import folder_key

    passphrase = os.environ.get(PASSPHRASE_VARIABLE)
    if not passphrase:
        return None
    try:
        return folder_key.unlock(folder, passphrase)
    except StoreError:
        return None


def _can_make(folder: Path, parent: QWidget | None) -> bool:
    """Make a new data folder (private to the user); False when it cannot be (said)."""
    from vastgoedcheck.storage.atomic import PRIVATE_FOLDER
    from vastgoedcheck.storage.folder_backups import unusable

    try:
        folder.mkdir(PRIVATE_FOLDER, parents=True, exist_ok=True)
    except OSError as error:
        show_problem(parent, str(unusable(folder, error)), _("The data folder cannot be opened"))
        return False
    return True
