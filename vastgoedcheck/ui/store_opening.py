"""Opening the data folder's store for the window, at the start and after unlocking."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QWidget

from vastgoedcheck.i18n import _
from vastgoedcheck.storage.errors import StoreDamaged, StoreError, StoreLocked, StoreTooNew
from vastgoedcheck.ui.feedback import show_problem

if TYPE_CHECKING:
    from vastgoedcheck.packs.registry import PackRegistry
    from vastgoedcheck.storage.sealing import DataKey
    from vastgoedcheck.storage.store import Store

# How long the app waits for another copy to let go of the data folder before saying so.
LOCK_WAIT_SECONDS = 1.0


def open_store(
    folder: Path,
    registry: PackRegistry,
    actor: str,
    key: DataKey,
    parent: QWidget | None = None,
) -> Store | None:
    """The store in ``folder``, or None when the user could not or chose not to open it (a
    second copy is running, or a damaged store was not restored); the user has been told."""
    from vastgoedcheck.storage.store import Store

    while True:
        try:
            return Store.open(
                folder, registry, key=key, actor=actor, wait=LOCK_WAIT_SECONDS, program="app"
            )
        except StoreLocked as error:
            show_problem(parent, str(error), _("vastgoedcheck is already open"))
            return None
        except StoreTooNew as error:
            show_problem(parent, str(error), _("The data folder cannot be opened"))
            return None
        except StoreDamaged as error:
            from vastgoedcheck.ui.failure_dialogs import RecoveryDialog

            dialog = RecoveryDialog(folder, str(error), actor, key)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
        except StoreError as error:
            show_problem(parent, str(error), _("The data folder cannot be opened"))
            return None
