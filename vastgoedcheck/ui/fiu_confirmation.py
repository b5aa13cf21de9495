"""The explicit confirmation before details for FIU-Nederland are made, with the duty of
confidentiality (art. 23 Wwft)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from vastgoedcheck.i18n import _
from vastgoedcheck.i18n.outcome_text import FOLLOW_UPS


def confirm_fiu(parent: QWidget) -> bool:
    """An explicit yes before details for FIU-Nederland are made, with the duty of
    confidentiality (Wwft art. 23) said once more."""
    box = QMessageBox(parent)
    box.setObjectName("fiuConfirmation")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Report to FIU-Nederland"))
    box.setText(_("Make the details for a report to FIU-Nederland?"))
    box.setInformativeText(
        _(FOLLOW_UPS["tipping_off"])
        + " "
        + _(
            "Keep the PDF apart from the client file; the confidentiality lasts after the "
            "report is made."
        )
    )
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    yes = box.button(QMessageBox.StandardButton.Yes)
    if yes is not None:
        yes.setText(_("&Make the report"))
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Yes
