"""Setting up encryption for a data folder: a new passphrase, then the recovery key shown once.

The same dialog serves a new data folder and a folder of an earlier version that was not
encrypted; for the latter it first says what will change and may be declined, which changes
nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from vastgoedcheck.i18n import _
from vastgoedcheck.storage import folder_key
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.sealing import DataKey
from vastgoedcheck.ui.failure_dialogs import busy_cursor
from vastgoedcheck.ui.feedback import sentence
from vastgoedcheck.ui.passphrase_fields import NewPassphraseFields
from vastgoedcheck.ui.problem_label import ProblemLabel
from vastgoedcheck.ui.recovery_key_sheet import RecoveryKeyPanel
from vastgoedcheck.ui.text_label import text_label


def _new_folder_intro(folder: Path) -> str:
    return _(
        "Your checks will be kept in {folder}, encrypted with a passphrase of your own. The "
        "app asks for it at every start and after it has locked itself. Choose a few words "
        "that you will remember and nobody guesses."
    ).format(folder=folder)


def _plain_folder_intro(folder: Path) -> str:
    return _(
        "The data folder {folder} was made by an earlier version of vastgoedcheck and is not "
        "encrypted: anyone who copies it can read the checks. From now on the checks, their "
        "attachments, the history and the backups are encrypted with a passphrase of your "
        "own. Your checks stay as they are. If you do not want this now, quit: nothing is "
        "changed and this version will not open the folder."
    ).format(folder=folder)


class FolderSetupDialog(QDialog):
    """Choose a passphrase (typed twice) for ``folder``; on Save the folder's key is made and the
    recovery key shown once. ``key`` holds the data key once the dialog is accepted."""

    def __init__(self, folder: Path, *, plain: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.folder = folder
        self.plain = plain
        self.key: DataKey | None = None
        self.recovery_panel: RecoveryKeyPanel | None = None
        self.setObjectName("folderSetupDialog")
        self.setWindowTitle(
            _("Encrypt your checks") if plain else _("A passphrase for your checks")
        )
        self.pages = QStackedWidget()
        self.pages.addWidget(self._passphrase_page())
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            _("&Encrypt the checks") if plain else _("&Save the passphrase"),
            QDialogButtonBox.ButtonRole.ActionRole,
        )
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save)
        self.quit_button = self.buttons.addButton(
            _("&Quit without changing anything") if plain else _("&Quit"),
            QDialogButtonBox.ButtonRole.RejectRole,
        )
        self.quit_button.setObjectName("quitButton")
        self.continue_button: QPushButton | None = None
        self.buttons.rejected.connect(self.reject)
        self.fields.changed.connect(self.save_button.setEnabled)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(600)
        self.fields.first.setFocus()

    def _passphrase_page(self) -> QWidget:
        page = QWidget()
        intro = text_label(
            _plain_folder_intro(self.folder) if self.plain else _new_folder_intro(self.folder),
            "setupIntro",
        )
        warning = text_label(
            _(
                "Without the passphrase and the recovery key nobody can read these checks, "
                "your office included."
            ),
            "setupWarning",
        )
        font = warning.font()
        font.setBold(True)
        warning.setFont(font)
        self.fields = NewPassphraseFields()
        self.problem = ProblemLabel("setupProblem")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addWidget(warning)
        layout.addSpacing(8)
        layout.addWidget(self.fields)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        return page

    def save(self) -> None:
        """Make the folder's key with the passphrase, then show the recovery key."""
        if not self.fields.is_acceptable() or self.key is not None:
            return
        try:
            with busy_cursor():
                self.folder.mkdir(parents=True, exist_ok=True)
                key, recovery_key = folder_key.create(self.folder, self.fields.passphrase())
        except (StoreError, OSError) as error:
            self.problem.setText(sentence(str(error)))
            self.problem.show()
            self.adjustSize()
            return
        self.fields.clear()
        self.key = key
        self._show_recovery_key(recovery_key)

    def _show_recovery_key(self, recovery_key: str) -> None:
        self.setWindowTitle(_("Your recovery key"))
        self.recovery_panel = RecoveryKeyPanel(self.folder, recovery_key)
        self.pages.addWidget(self.recovery_panel)
        self.pages.setCurrentWidget(self.recovery_panel)
        self.buttons.clear()
        self.continue_button = self.buttons.addButton(
            _("C&ontinue"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.continue_button.setObjectName("continueButton")
        self.continue_button.setEnabled(False)
        self.recovery_panel.kept.toggled.connect(self.continue_button.setEnabled)
        self.continue_button.clicked.connect(self.accept)
        self.recovery_panel.print_button.setFocus()
        self.adjustSize()

    def reject(self) -> None:
        """Before Save: quit, nothing changed. After it, the folder has its key and Escape does
        not close the dialog before the recovery key is kept."""
        if self.key is None:
            super().reject()
        elif self.recovery_panel is not None and self.recovery_panel.kept.isChecked():
            self.accept()
