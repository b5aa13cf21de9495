"""Making a backup of all checks to a file, and restoring one: from the File menu and from the
settings, with the same questions and the same one-sentence answers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from vastgoedcheck.i18n import _, ngettext
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.backup_key_dialog import backup_key_asker
from vastgoedcheck.ui.cloud_warning import saving_there_is_fine
from vastgoedcheck.ui.failure_dialogs import busy_cursor
from vastgoedcheck.ui.feedback import attempt, sentence


def documents_folder() -> Path:
    """Where a file the user keeps is suggested first: their Documents folder."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found else Path.home()
    return folder if folder.is_dir() else Path.home()


def make_backup(parent: QWidget, store: Store) -> Path | None:
    """Ask where, write a backup of every check there, say so; the file written, or None."""
    suggested = documents_folder() / f"vastgoedcheck-backup-{dt.date.today().isoformat()}.zip"
    name, _chosen_filter = QFileDialog.getSaveFileName(
        parent, _("Make a backup"), str(suggested), _("Backups (*.zip)")
    )
    if not name:
        return None
    target = Path(name)
    if target.suffix.lower() != ".zip":
        target = target.with_name(target.name + ".zip")
    if not saving_there_is_fine(parent, target):
        return None
    with busy_cursor():
        count = attempt(parent, store.backup, target, title=_("The backup was not made"))
    if count is None:
        return None
    QMessageBox.information(
        parent,
        _("Backup made"),
        ngettext(
            "Backup of {count} check written to {file}.",
            "Backup of {count} checks written to {file}.",
            count,
        ).format(count=count, file=target),
    )
    return target


def restore_backup(parent: QWidget, store: Store, source: Path) -> bool:
    """Restore the backup at ``source`` once the user confirms; True when the checks were
    replaced (the state before is backed up first, by the store)."""
    answer = QMessageBox.question(
        parent,
        _("Restore a backup"),
        _(
            "Replace all checks now in vastgoedcheck by those in the backup {file}?\n\n"
            "The current checks are backed up first, so this can be undone."
        ).format(file=source.name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    with busy_cursor():
        count = attempt(
            parent,
            store.restore,
            source,
            backup_key_asker(parent, source),
            title=_("The backup was not restored"),
        )
    if count is None:
        return False
    box = QMessageBox(
        QMessageBox.Icon.Information,
        _("Backup restored"),
        ngettext(
            "{count} check was restored from {file}.",
            "{count} checks were restored from {file}.",
            count,
        ).format(count=count, file=source.name),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("restoredMessage")
    if store.problems:
        box.setInformativeText("\n\n".join(sentence(problem) for problem in store.problems))
    box.exec()
    return True
