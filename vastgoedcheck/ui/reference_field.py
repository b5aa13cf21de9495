"""The check's own reference (the user's file or dossier number): a labelled line to type it in."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from vastgoedcheck.i18n import _
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.feedback import attempt

MAX_REFERENCE_LENGTH = 100  # as the check format allows


class ReferenceInput(QWidget):
    """ "Own reference: [……]": the line alone (the new-check wizard reads ``text()``)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit(text)
        self.line.setObjectName("ownReference")
        self.line.setMaxLength(MAX_REFERENCE_LENGTH)
        self.line.setPlaceholderText(_("your file or dossier number"))
        self.line.setAccessibleName(_("Own reference"))
        label = QLabel(_("Own &reference"))
        label.setBuddy(self.line)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.line, 1)
        em = self.line.fontMetrics().horizontalAdvance("M")
        self.line.setMaximumWidth(24 * em)
        layout.addStretch(0)

    def text(self) -> str:
        return self.line.text().strip()


class ReferenceField(ReferenceInput):
    """The own reference of a stored check, saved when the user leaves the line or presses
    Enter, as other edits are (read-only for a finalized check: correct it with Amend)."""

    saved = Signal()

    def __init__(
        self,
        store: Store,
        check_id: str,
        *,
        read_only: bool,
        on_saved: Callable[[], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self.store, self.check_id = store, check_id
        self._stored = store.get(check_id).reference
        super().__init__(self._stored, parent)
        self.line.setReadOnly(read_only)
        self.line.editingFinished.connect(self.save)
        if on_saved is not None:
            self.saved.connect(on_saved)

    def save(self) -> None:
        text = self.text()
        if self.line.isReadOnly() or text == self._stored:
            return
        check = attempt(self, self.store.set_reference, self.check_id, text)
        if check is None:
            self.line.setText(self._stored)  # refused: what is stored is shown again
            return
        self._stored = check.reference
        self.saved.emit()
