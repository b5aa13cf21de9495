"""The retention of the open check on one line beside the page's tabs: until when it is kept and
why, and a button to change it. It takes no height of its own: the questions stay where they are."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from vastgoedcheck.i18n import _
from vastgoedcheck.i18n.formatting import format_short_date
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.feedback import sentence
from vastgoedcheck.ui.retention_dialog import RetentionDialog
from vastgoedcheck.ui.retention_words import ERASE, REVIEW, basis_text, kept_until, review_line

WIDEST_IN_CHARACTERS = 125


class ElidedLabel(QLabel):
    """One line that ends in "…" when it does not fit; the whole text is its tip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self.setToolTip(text)
        self.setAccessibleName(text)
        self._elide()
        self.updateGeometry()  # the corner of the tabs is as wide as the text asks

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics = self.fontMetrics()
        self.setText(metrics.elidedText(self.full_text, Qt.TextElideMode.ElideRight, self.width()))

    def minimumSizeHint(self):  # type: ignore[no-untyped-def]
        hint = super().minimumSizeHint()
        hint.setWidth(self.fontMetrics().horizontalAdvance("M") * 10)
        return hint

    def sizeHint(self):  # type: ignore[no-untyped-def]
        hint = super().sizeHint()
        metrics = self.fontMetrics()
        widest = metrics.averageCharWidth() * WIDEST_IN_CHARACTERS  # the tabs keep their room
        hint.setWidth(min(metrics.horizontalAdvance(self.full_text) + 4, widest))
        return hint


class RetentionBar(QWidget):
    """ "Kept until … (rule)" and a "Retention…" button; ``changed`` after a stored change."""

    changed = Signal()

    def __init__(self, store: Store, check_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("retentionBar")
        self.store, self.check_id = store, check_id
        self.dialog: RetentionDialog | None = None
        self.line = ElidedLabel()
        self.line.setObjectName("retentionLine")
        self.button = QPushButton(_("Re&tention…"))
        self.button.setObjectName("retentionButton")
        self.button.setToolTip(
            _("Fill in the end of the tenancy or relationship, or adjust the retention date")
        )
        self.button.clicked.connect(self.open_dialog)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 2)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.button)
        self.refresh()

    def refresh(self) -> None:
        """Read the retention again (after a change, a finalize or an amendment)."""
        try:
            role = self.store.get(self.check_id).role
            status = self.store.retention(self.check_id)
        except StoreError as error:
            self.line.set_full_text(sentence(str(error)))
            self.button.setEnabled(False)
            return
        self.button.setEnabled(not self.store.layout.read_only)
        due = status.due_on(dt.date.today())
        if due == ERASE and status.erase_on is not None:
            since = format_short_date(status.erase_on)
            parts = [_("Due for erasure since {date}").format(date=since), basis_text(status)]
        elif due == REVIEW and status.review_on is not None:
            since = format_short_date(status.review_on)
            parts = [_("Notes due for review since {date}").format(date=since)]
            parts.append(kept_until(status, role))
        elif status.erase_on is None:  # the review date is the one date there is: it goes first
            parts = [review_line(status), kept_until(status, role)]
        else:
            parts = [kept_until(status, role), review_line(status)]
        parts = [part for part in parts if part]
        self.line.set_full_text(" · ".join(parts))
        basis = basis_text(status)
        if basis and status.adjusted_reason:
            self.line.setToolTip(f"{self.line.full_text}\n{basis}")

    def open_dialog(self) -> None:
        self.dialog = RetentionDialog(self.store, self.check_id, self)
        self.dialog.changed.connect(self._changed)
        self.dialog.open()

    def _changed(self) -> None:
        self.refresh()
        self.changed.emit()
