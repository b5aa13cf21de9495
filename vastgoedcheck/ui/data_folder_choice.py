"""Settling the data folder at the start of the desktop app; a folder that cannot be used (one a
cloud service uploads) is refused with the reason, and the user may choose another."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from vastgoedcheck import APP_NAME
from vastgoedcheck.data_location import DataFolder, RefusedFolder, settle_data_folder
from vastgoedcheck.i18n import _
from vastgoedcheck.ui.feedback import sentence
from vastgoedcheck.ui.preferences import Preferences


def data_folder_for(chosen: str | None, preferences: Preferences) -> DataFolder | None:
    """The data folder to open (``chosen``, else the one in the settings, else the default);
    None when it was refused and the user chose no other. A folder chosen instead is kept in
    the settings."""
    wanted: str | Path | None = chosen or preferences.data_folder or None
    while True:
        try:
            return settle_data_folder(wanted)
        except RefusedFolder as error:
            wanted = _another_folder(str(error))
            if wanted is None:
                return None
            preferences.data_folder = str(wanted)
            preferences.save()


def _another_folder(reason: str) -> Path | None:
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        _("The data folder cannot be used"),
        sentence(reason),
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
    )
    box.setObjectName("refusedFolderMessage")
    box.setWindowTitle(APP_NAME)
    box.button(QMessageBox.StandardButton.Open).setText(_("Choose another folder…"))
    box.button(QMessageBox.StandardButton.Cancel).setText(_("Quit"))
    if box.exec() != QMessageBox.StandardButton.Open.value:
        return None
    name = QFileDialog.getExistingDirectory(None, _("Choose a data folder"), str(Path.home()))
    return Path(name) if name else None
