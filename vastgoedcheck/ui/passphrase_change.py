"""Changing the passphrase of the open data folder, and making a new recovery key for it.

Both ask for the current passphrase first: someone at an unlocked, unattended computer must not
be able to take the folder from its owner. Only the small key file is rewritten; the checks are
not encrypted again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from vastgoedcheck.i18n import _
from vastgoedcheck.storage import folder_key
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.ui.failure_dialogs import busy_cursor
from vastgoedcheck.ui.feedback import sentence
from vastgoedcheck.ui.passphrase_fields import NewPassphraseFields, secret_field
from vastgoedcheck.ui.problem_label import ProblemLabel
from vastgoedcheck.ui.recovery_key_sheet import RecoveryKeyPanel
from vastgoedcheck.ui.text_label import text_label


class ChangePassphraseDialog(QDialog):
    """The current passphrase and a new one, typed twice."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.setObjectName("changePassphraseDialog")
        self.setWindowTitle(_("Change the passphrase"))
        self.current = secret_field("currentPassphrase")
        self.fields = NewPassphraseFields()
        self.fields.add_row_above(_("&Current passphrase:"), self.current)
        self.problem = ProblemLabel("changeProblem")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.change_button = buttons.addButton(
            _("C&hange the passphrase"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.change_button.setObjectName("changeButton")
        self.change_button.setEnabled(False)
        self.fields.changed.connect(self.change_button.setEnabled)
        self.change_button.clicked.connect(self.change)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            text_label(
                _(
                    "Your checks stay as they are; only the passphrase that opens them "
                    "changes. The recovery key keeps working."
                ),
                "changeIntro",
            )
        )
        layout.addWidget(self.fields)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self.change_button.setDefault(True)  # once it is in the dialog, or Cancel would be

    def change(self) -> None:
        if not self.fields.is_acceptable():
            return
        try:
            with busy_cursor():
                key = folder_key.unlock(self.folder, self.current.text())
                folder_key.set_passphrase(self.folder, key, self.fields.passphrase())
        except StoreError as error:
            self.problem.setText(sentence(str(error)))
            self.problem.show()
            self.adjustSize()
            self.current.clear()
            self.current.setFocus()
            return
        self.current.clear()
        self.fields.clear()
        QMessageBox.information(
            self,
            _("Change the passphrase"),
            _("The passphrase is changed. Use the new one from now on."),
        )
        self.accept()


class NewRecoveryKeyDialog(QDialog):
    """The current passphrase, then a new recovery key shown once; the old key stops working."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.made = False
        self.recovery_panel: RecoveryKeyPanel | None = None
        self.setObjectName("newRecoveryKeyDialog")
        self.setWindowTitle(_("Make a new recovery key"))
        self.current = secret_field("currentPassphrase")
        label = QLabel(_("&Current passphrase:"))
        label.setBuddy(self.current)
        form = QFormLayout()
        form.addRow(label, self.current)
        self.problem = ProblemLabel("recoveryKeyProblem")
        first = QWidget()
        first_layout = QVBoxLayout(first)
        first_layout.setContentsMargins(0, 0, 0, 0)
        first_layout.addWidget(
            text_label(
                _(
                    "Make a new recovery key when the old one may have been seen by someone "
                    "else, or is lost. The old key stops working at once; the new one is shown "
                    "only once."
                ),
                "newRecoveryKeyIntro",
            )
        )
        first_layout.addLayout(form)
        first_layout.addWidget(self.problem)
        first_layout.addStretch(1)
        self.pages = QStackedWidget()
        self.pages.addWidget(first)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.make_button: QPushButton = self.buttons.addButton(
            _("&Make a new recovery key"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.make_button.setObjectName("makeButton")
        self.make_button.clicked.connect(self.make)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.make_button.setDefault(True)  # once it is in the dialog, or Cancel would be

    def make(self) -> None:
        try:
            with busy_cursor():
                key = folder_key.unlock(self.folder, self.current.text())
                recovery_key = folder_key.replace_recovery_key(self.folder, key)
        except StoreError as error:
            self.problem.setText(sentence(str(error)))
            self.problem.show()
            self.adjustSize()
            self.current.clear()
            self.current.setFocus()
            return
        self.current.clear()
        self.made = True
        self.setWindowTitle(_("Your new recovery key"))
        self.recovery_panel = RecoveryKeyPanel(self.folder, recovery_key)
        self.pages.addWidget(self.recovery_panel)
        self.pages.setCurrentWidget(self.recovery_panel)
        self.buttons.clear()
        done = self.buttons.addButton(_("C&ontinue"), QDialogButtonBox.ButtonRole.AcceptRole)
        done.setObjectName("continueButton")
        done.setEnabled(False)
        self.recovery_panel.kept.toggled.connect(done.setEnabled)
        done.clicked.connect(self.accept)
        self.recovery_panel.print_button.setFocus()
        self.adjustSize()

    def reject(self) -> None:
        """Once the new key is made, the dialog stays until the user ticked that it is kept."""
        if not self.made:
            super().reject()
        elif self.recovery_panel is not None and self.recovery_panel.kept.isChecked():
            self.accept()
