"""A new passphrase typed twice, with a line that says, while typing, why it cannot be saved yet."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from vastgoedcheck.i18n import _
from vastgoedcheck.storage.folder_key import MIN_PASSPHRASE_LENGTH
from vastgoedcheck.ui.text_label import text_label

# Long enough for a sentence of words, short enough that a pasted document is refused.
MAX_PASSPHRASE_LENGTH = 1_000


def secret_field(object_name: str) -> QLineEdit:
    """A field whose characters are shown as dots and never offered to other programs."""
    field = QLineEdit()
    field.setObjectName(object_name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(MAX_PASSPHRASE_LENGTH)
    return field


def passphrase_problem(first: str, second: str) -> str:
    """Why ``first`` (typed again as ``second``) cannot be the new passphrase; "" when it can."""
    if not first:
        return _("Type a passphrase of at least {count} characters.").format(
            count=MIN_PASSPHRASE_LENGTH
        )
    if len(first) < MIN_PASSPHRASE_LENGTH:
        return _(
            "The passphrase has {typed} characters; it needs at least {count}. A few words "
            "in a row are easier to remember than a short password."
        ).format(typed=len(first), count=MIN_PASSPHRASE_LENGTH)
    if not first.strip():
        return _("A passphrase of spaces only protects nothing.")
    if not second:
        return _("Type the passphrase again below, to be sure there is no typing mistake.")
    if first != second:
        return _("The two passphrases are not the same.")
    return ""


class NewPassphraseFields(QWidget):
    """Two fields for a new passphrase and a line under them: ``changed`` says whether it can be
    saved, the line says why not."""

    changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first = secret_field("newPassphrase")
        self.second = secret_field("newPassphraseAgain")
        self.form = form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        for field, text in (
            (self.first, _("&New passphrase:")),
            (self.second, _("Type it &again:")),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
            field.textChanged.connect(self._update)
        self.reason = text_label("", "passphraseProblem")
        self.reason.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        lines = self.reason.fontMetrics().lineSpacing()
        self.reason.setMinimumHeight(2 * lines + lines // 2)  # the longest reason, unclipped
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.reason)
        self._update()

    def add_row_above(self, text: str, field: QWidget) -> None:
        """A field of the same form above the two (aligned with them)."""
        label = QLabel(text)
        label.setBuddy(field)
        self.form.insertRow(0, label, field)

    def problem(self) -> str:
        return passphrase_problem(self.first.text(), self.second.text())

    def passphrase(self) -> str:
        return self.first.text()

    def is_acceptable(self) -> bool:
        return not self.problem()

    def _update(self) -> None:
        problem = self.problem()
        self.reason.setText(problem or _("The passphrase can be saved."))
        self.changed.emit(not problem)

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()
