"""Who does the checks (name, organisation, phone, e-mail): asked once at the first start, and
the same fields under Settings."""

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


class ExaminerFields(QFormLayout):
    """The examiner's name, organisation, phone and e-mail as a form, filled from and saved
    into the preferences."""

    def __init__(self, preferences: Preferences) -> None:
        super().__init__()
        self.name_edit = self._row(preferences.examiner_name, "examinerName", _("Your &name:"))
        self.organisation_edit = self._row(
            preferences.organisation, "organisation", _("&Organisation:")
        )
        self.phone_edit = self._row(preferences.examiner_phone, "examinerPhone", _("&Phone:"))
        self.email_edit = self._row(preferences.examiner_email, "examinerEmail", _("&E-mail:"))

    def _row(self, value: str, name: str, text: str) -> QLineEdit:
        edit = QLineEdit(value)
        edit.setObjectName(name)
        edit.setMaxLength(MAX_NAME_LENGTH)
        label = QLabel(text)
        label.setBuddy(edit)
        self.addRow(label, edit)
        return edit

    def store_in(self, preferences: Preferences) -> None:
        preferences.examiner_name = self.name_edit.text().strip()
        preferences.organisation = self.organisation_edit.text().strip()
        preferences.examiner_phone = self.phone_edit.text().strip()
        preferences.examiner_email = self.email_edit.text().strip()


class ExaminerDialog(QDialog):
    """Name, organisation, phone and e-mail, saved in the settings on OK; "Later" leaves them
    empty (they can be filled in under Settings at any time)."""

    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preferences = preferences
        self.setObjectName("examinerDialog")
        self.setWindowTitle(_("Welcome to vastgoedcheck"))
        self.fields = ExaminerFields(preferences)
        self.name_edit = self.fields.name_edit
        self.organisation_edit = self.fields.organisation_edit
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
                    "recorded in each new check and in its history. Your reports name you, your "
                    "organisation and your phone number and e-mail address, so that the police, "
                    "the municipality or FIU-Nederland can reach you. You can change them later "
                    "under Settings and backups."
                ),
                "examinerIntro",
            )
        )
        layout.addLayout(self.fields)
        layout.addWidget(buttons)
        self.name_edit.setFocus()

    def accept(self) -> None:
        self.fields.store_in(self.preferences)
        self.preferences.save()
        super().accept()
