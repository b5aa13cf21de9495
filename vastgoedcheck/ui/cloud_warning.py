"""Asking before a report or backup is saved in a folder that a cloud service uploads."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from vastgoedcheck.cloud_folders import upload_warning
from vastgoedcheck.i18n import _
from vastgoedcheck.ui.feedback import sentence


def saving_there_is_fine(parent: QWidget, target: Path) -> bool:
    """True when ``target`` stays on this computer, or the user confirms saving it there."""
    warning = upload_warning(target)
    if warning is None:
        return True
    answer = QMessageBox.question(
        parent,
        _("Save in a cloud folder?"),
        sentence(warning) + "\n\n" + _("Save it there anyway?"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
