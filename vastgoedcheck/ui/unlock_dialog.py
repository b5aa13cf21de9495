"""Unlocking the data folder with its passphrase, or with the recovery key and a new passphrase."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vastgoedcheck.i18n import _
from vastgoedcheck.storage import folder_key
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.sealing import DataKey
from vastgoedcheck.ui.failure_dialogs import busy_cursor
from vastgoedcheck.ui.feedback import sentence
from vastgoedcheck.ui.passphrase_fields import NewPassphraseFields, secret_field
from vastgoedcheck.ui.problem_label import ProblemLabel
from vastgoedcheck.ui.recovery_key_sheet import key_font
from vastgoedcheck.ui.text_label import text_label


def _button(
    box: QDialogButtonBox, text: str, name: str, role: QDialogButtonBox.ButtonRole
) -> QPushButton:
    button = box.addButton(text, role)
    button.setObjectName(name)
    return button


class UnlockDialog(QDialog):
    """The passphrase of ``folder``; a wrong one is said in the dialog and may be typed again.
    "Forgot the passphrase?" takes the recovery key and a new passphrase instead. ``key`` holds
    the data key once the dialog is accepted; nothing in the folder changes before that, and
    only the key file changes when a new passphrase is set."""

    def __init__(
        self, folder: Path, *, locked: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.folder = folder
        self.key: DataKey | None = None
        self.locked = locked
        self.quit_chosen = False  # Quit, rather than closing the dialog of a locked window
        self.setObjectName("unlockDialog")
        self.setWindowTitle(_("Unlock your checks"))
        # Two pages, one shown: hidden, the other takes no room (a stacked widget would keep
        # the height of the taller one for both).
        self.pages = [self._passphrase_page(locked), self._recovery_page()]
        self.page_index = 0
        layout = QVBoxLayout(self)
        for page in self.pages:
            layout.addWidget(page)
        self.setMinimumWidth(520)
        self._show_page(0)
        self.passphrase.setFocus()

    def _passphrase_page(self, locked: bool) -> QWidget:
        page = QWidget()
        intro = (
            _(
                "vastgoedcheck locked itself, so that nobody can read your checks while you "
                "are away. Type your passphrase to go on where you were."
            )
            if locked
            else _("Type the passphrase of your data folder {folder}.").format(folder=self.folder)
        )
        self.passphrase = secret_field("passphrase")
        label = QLabel(_("&Passphrase:"))
        label.setBuddy(self.passphrase)
        form = QFormLayout()
        form.addRow(label, self.passphrase)
        self.problem = ProblemLabel("unlockProblem")
        buttons = QDialogButtonBox()
        role = QDialogButtonBox.ButtonRole
        self.unlock_button = _button(buttons, _("&Unlock"), "unlockButton", role.AcceptRole)
        self.unlock_button.setDefault(True)
        self.forgot_button = _button(
            buttons, _("&Forgot the passphrase?"), "forgotButton", role.ActionRole
        )
        self.quit_button = _button(buttons, _("&Quit"), "quitButton", role.RejectRole)
        self.unlock_button.clicked.connect(self.unlock)
        self.forgot_button.clicked.connect(self.show_recovery)
        self.quit_button.clicked.connect(self.quit)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(text_label(intro, "unlockIntro"))
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(buttons)
        return page

    def _recovery_page(self) -> QWidget:
        page = QWidget()
        intro = text_label(
            _(
                "Type the recovery key that was shown when the data folder was set up (eight "
                "groups of four letters and digits), then choose a new passphrase. Your checks "
                "stay as they are."
            ),
            "recoveryIntro",
        )
        self.recovery_key = QLineEdit()
        self.recovery_key.setObjectName("recoveryKeyField")
        self.recovery_key.setFont(key_font(13))
        self.recovery_key.setMaxLength(80)
        self.recovery_key.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.new_fields = NewPassphraseFields()
        self.new_fields.add_row_above(_("&Recovery key:"), self.recovery_key)
        self.recovery_problem = ProblemLabel("recoveryProblem")
        buttons = QDialogButtonBox()
        role = QDialogButtonBox.ButtonRole
        self.set_button: QPushButton = _button(
            buttons, _("&Set the new passphrase"), "setPassphraseButton", role.AcceptRole
        )
        self.set_button.setEnabled(False)
        back = _button(buttons, _("&Back"), "backButton", role.RejectRole)
        self.new_fields.changed.connect(self.set_button.setEnabled)
        self.set_button.clicked.connect(self.recover)
        back.clicked.connect(self.show_passphrase)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addWidget(self.new_fields)
        layout.addWidget(self.recovery_problem)
        layout.addStretch(1)
        layout.addWidget(buttons)
        return page

    def _show_page(self, index: int) -> None:
        """Show one page; the dialog takes that page's size, not the larger one's."""
        self.page_index = index
        for number, page in enumerate(self.pages):
            page.setVisible(number == index)
        self.adjustSize()

    def _say(self, label: ProblemLabel, text: str) -> None:
        label.setText(sentence(text))
        label.show()
        self.adjustSize()  # the sentence gets its room; nothing above it is squeezed

    def unlock(self) -> None:
        """Open the key with the passphrase; a wrong one is said and the field emptied."""
        try:
            with busy_cursor():  # the passphrase is stretched on purpose: about 0.1 s
                key = folder_key.KeyFile.read(self.folder).unlock(self.passphrase.text())
        except StoreError as error:
            self._say(self.problem, str(error))
            self.passphrase.clear()
            self.passphrase.setFocus()
            return
        self.passphrase.clear()
        self.key = key
        self.accept()

    def show_recovery(self) -> None:
        self.setWindowTitle(_("Set a new passphrase with the recovery key"))
        self._show_page(1)
        self.set_button.setDefault(True)
        self.recovery_key.setFocus()

    def show_passphrase(self) -> None:
        self.setWindowTitle(_("Unlock your checks"))
        self._show_page(0)
        self.unlock_button.setDefault(True)
        self.passphrase.setFocus()

    def recover(self) -> None:
        """Open the key with the recovery key, then wrap it with the new passphrase."""
        if not self.new_fields.is_acceptable():
            return
        try:
            with busy_cursor():
                key = folder_key.KeyFile.read(self.folder).unlock_with_recovery_key(
                    self.recovery_key.text()
                )
                folder_key.set_passphrase(self.folder, key, self.new_fields.passphrase())
        except StoreError as error:
            self._say(self.recovery_problem, str(error))
            self.recovery_key.setFocus()
            return
        self.recovery_key.clear()
        self.new_fields.clear()
        self.key = key
        self.accept()

    def quit(self) -> None:
        self.quit_chosen = True
        super().reject()

    def reject(self) -> None:
        """Escape on the recovery page goes back to the passphrase. On that page it quits at
        the start, and leaves a locked window locked (its page offers "Unlock…" again)."""
        if self.page_index == 1:
            self.show_passphrase()
        else:
            self.quit_chosen = not self.locked
            super().reject()
