"""The first start: who does the checks (name and organisation), asked once."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from vastgoedcheck.i18n import _
from vastgoedcheck.ui.preferences import Preferences
from vastgoedcheck.ui.text_label import text_label

MAX_NAME_LENGTH = 200


class ExaminerDialog(QDialog):
    """Name and organisation, saved in the settings on OK; "Later" leaves them empty (they
    can be filled in under Settings at any time)."""

    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preferences = preferences
        self.setObjectName("examinerDialog")
        self.setWindowTitle(_("Welcome to vastgoedcheck"))
        self.name_edit = QLineEdit(preferences.examiner_name)
        self.name_edit.setObjectName("examinerName")
        self.organisation_edit = QLineEdit(preferences.organisation)
        self.organisation_edit.setObjectName("organisation")
        form = QFormLayout()
        for edit, text in (
            (self.name_edit, _("Your &name:")),
            (self.organisation_edit, _("&Organisation:")),
        ):
            edit.setMaxLength(MAX_NAME_LENGTH)
            label = QLabel(text)
            label.setBuddy(edit)
            form.addRow(label, edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        later = buttons.addButton(_("&Later"), QDialogButtonBox.ButtonRole.RejectRole)
        later.setObjectName("later")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            text_label(
                _(
                    "Who does the checks on this computer? Your name and organisation are "
                    "recorded in each new check and in its history. You can change them later "
                    "under Settings and backups."
                ),
                "examinerIntro",
            )
        )
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.name_edit.setFocus()

    def accept(self) -> None:
        self.preferences.examiner_name = self.name_edit.text().strip()
        self.preferences.organisation = self.organisation_edit.text().strip()
        self.preferences.save()
        super().accept()
