"""The other checks in the register with the same property or a same party, as a small panel.

The editor and the review page each embed it with one line; double-click or Enter on a row
opens that check in the window that shows this one.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from vastgoedcheck.domain.related import same_property_since
from vastgoedcheck.i18n import _, ngettext
from vastgoedcheck.i18n.formatting import format_date
from vastgoedcheck.i18n.related_text import (
    last_year,
    link_sentence,
    names_by_key,
    property_count_sentence,
)
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.related_checks import RelatedCheck
from vastgoedcheck.storage.store import Store

ROWS_SHOWN = 2  # the list's height in rows: it scrolls beyond, and never pushes the page
CHECK_ID_ROLE = Qt.ItemDataRole.UserRole


class _RelatedList(QListWidget):
    """Enter or Return opens the current row, as a double click does."""

    open_current = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem():
            self.open_current.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class RelatedPanel(QWidget):
    """Related checks of one check. Opening one emits ``open_requested(id)`` and asks the
    nearest parent with an ``open_check(id)`` (the main window) to open it."""

    open_requested = Signal(str)

    def __init__(self, store: Store, check_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.check_id = store, check_id
        self.setObjectName("relatedPanel")
        self.heading = QLabel()
        self.heading.setObjectName("relatedHeading")
        self.heading.setWordWrap(True)
        self.list = _RelatedList()
        self.list.setObjectName("relatedList")
        self.list.setAccessibleName(_("Related checks"))
        self.list.setWordWrap(False)
        self.list.setAlternatingRowColors(True)
        self.list.itemDoubleClicked.connect(self._open_item)
        self.list.open_current.connect(lambda: self._open_item(self.list.currentItem()))
        rows = self.list.fontMetrics().lineSpacing() * 2 + 6
        self.list.setFixedHeight(ROWS_SHOWN * rows + 2 * self.list.frameWidth())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        self.found: list[RelatedCheck] = []
        self.list.hide()

    def showEvent(self, event: QShowEvent) -> None:
        """Looked up when shown, and anew each time (back from the parties page, another tab):
        a panel on a tab never opened costs nothing."""
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()

    def refresh(self) -> None:
        try:
            check = self.store.get(self.check_id)
            self.found = self.store.related(self.check_id)
        except StoreError as error:
            self.found = []
            self.heading.setText(
                _("Related checks could not be looked up: {reason}").format(reason=str(error))
            )
            self.list.clear()
            self.list.hide()
            return
        names = names_by_key(check)
        self.list.clear()
        for item in self.found:
            self.list.addItem(self._item(item, names))
        self.list.setVisible(bool(self.found))
        if not self.found:
            self.heading.setText(
                _("Related checks: no other check has the same property or a same party.")
            )
            return
        text = ngettext(
            "Related checks: {count} other check has the same property or a same party.",
            "Related checks: {count} other checks have the same property or a same party.",
            len(self.found),
        ).format(count=len(self.found))
        recent = same_property_since((item.related for item in self.found), last_year())
        if recent:
            text = f"{text} {property_count_sentence(recent)}"
        self.heading.setText(text)

    def _item(self, item: RelatedCheck, names: dict[str, str]) -> QListWidgetItem:
        summary = item.summary
        made = "" if summary.created_at is None else format_date(summary.created_at.date())
        who = "; ".join(summary.parties) or _("(no name yet)")
        place = ", ".join(part for part in (summary.address, summary.city) if part)
        first = _("{date}: {who}, {place}").format(date=made, who=who, place=place)
        shares = " ".join(link_sentence(link, names) for link in item.related.links)
        row = QListWidgetItem(f"{first}\n{shares}")
        row.setData(CHECK_ID_ROLE, summary.id)
        row.setToolTip(shares)
        return row

    def _open_item(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        check_id = str(item.data(CHECK_ID_ROLE))
        self.open_requested.emit(check_id)
        holder: QObject | None = self.parent()
        while holder is not None and not callable(getattr(holder, "open_check", None)):
            holder = holder.parent()
        if holder is not None:
            holder.open_check(check_id)  # type: ignore[attr-defined]
