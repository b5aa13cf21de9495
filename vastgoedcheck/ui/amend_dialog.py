"""Amending a finalized check: the reason is asked for, and a new draft revision is started."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from vastgoedcheck.domain.check import Check
from vastgoedcheck.i18n import _
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.feedback import attempt

WIDTH_IN_CHARACTERS = 64  # a comfortable line length for the explanation, at any scaling


class AmendDialog(QDialog):
    """Asks why a finalized check needs a correction; OK starts the new revision
    (``store.amend``). After acceptance ``amended_check`` is the new draft revision."""

    def __init__(self, store: Store, check: Check, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.check = check
        self.amended_check: Check | None = None
        self.setObjectName("amendDialog")
        self.setWindowTitle(_("Amend the check"))

        explanation = QLabel(
            _(
                "Revision {revision} stays exactly as it was finalized, and remains readable with "
                "its fingerprint. Amending starts revision {next} as a draft: correct it there and "
                "finalize it again. The reason is kept in the audit trail and printed in reports."
            ).format(revision=check.revision, next=check.revision + 1)
        )
        explanation.setObjectName("amendExplanation")
        explanation.setWordWrap(True)

        reason_label = QLabel(_("&Why does the check need a correction? (required)"))
        reason_label.setWordWrap(True)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setObjectName("amendReason")
        self.reason_edit.setTabChangesFocus(True)
        reason_label.setBuddy(self.reason_edit)
        self.reason_edit.textChanged.connect(self._update_ok)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_("Amend"))
        self.ok_button.setObjectName("amendOkButton")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(reason_label)
        layout.addWidget(self.reason_edit, 1)
        layout.addWidget(self.buttons)
        self._update_ok()
        self.reason_edit.setFocus()
        width = self.fontMetrics().averageCharWidth() * WIDTH_IN_CHARACTERS
        self.resize(max(self.sizeHint().width(), width), self.sizeHint().height())

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.reason()))

    def accept(self) -> None:
        """Start the new revision; when the store refuses, say why and keep the dialog open."""
        if not self.reason():
            return
        amended = attempt(self, self.store.amend, self.check.id, self.reason())
        if amended is None:
            return
        self.amended_check = amended
        super().accept()
