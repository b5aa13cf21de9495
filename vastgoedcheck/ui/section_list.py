"""The list of a check's sections in the editor, each with how far it is. A row keeps its height
whatever its progress says, so an answer never moves the rows under the pointer."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from vastgoedcheck.domain.check import Check
from vastgoedcheck.i18n import _, ngettext

MEASURE_ROLE = Qt.ItemDataRole.UserRole + 1  # every text a row can show, to size it for all
MOST_PARTIES = 99


def section_progress(answered: int, total: int) -> str:
    """How far a section is, in words (a ✓ with words when complete, never colour alone)."""
    if total == 0:
        return _("No questions apply")
    if answered >= total:
        return _("✓ Complete ({count} of {count})").format(count=total)
    return _("{answered} of {total} answered").format(answered=answered, total=total)


def details_progress(check: Check) -> str:
    named = sum(1 for party in check.parties if party.name.strip())
    if not named:
        return _("Nobody is named yet")
    return ngettext("✓ {count} party named", "✓ {count} parties named", named).format(count=named)


def section_variants(most: int) -> list[str]:
    """Every progress line a section of at most ``most`` questions can show, at its widest."""
    return [
        section_progress(0, 0),
        section_progress(most, most),
        _("{answered} of {total} answered").format(answered=most, total=most),
    ]


def details_variants() -> list[str]:
    return [
        _("Nobody is named yet"),
        ngettext("✓ {count} party named", "✓ {count} parties named", 1).format(count=1),
        ngettext("✓ {count} party named", "✓ {count} parties named", MOST_PARTIES).format(
            count=MOST_PARTIES
        ),
    ]


class _SteadyRows(QStyledItemDelegate):
    """Sizes a row for the tallest of the texts it can show, not only the one it shows now, and
    always for the width the list gives its rows (Qt asks once with the width of the layout and
    once with the width of the contents; a title that wraps in one and not in the other would be
    cut off)."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        fixed = QStyleOptionViewItem(option)
        width = self.view.viewport().width() - 2 * self.view.spacing()
        fixed.rect = QRect(0, 0, max(width, 1), max(option.rect.height(), 1))
        size = super().sizeHint(fixed, index)
        texts = index.data(MEASURE_ROLE) or []
        for text in texts:
            measured = QStyleOptionViewItem(fixed)
            self.initStyleOption(measured, index)
            measured.text = text
            widget = measured.widget
            style = widget.style() if widget is not None else QApplication.style()
            size = size.expandedTo(
                style.sizeFromContents(
                    QStyle.ContentsType.CT_ItemViewItem, measured, QSize(), widget
                )
            )
        return size


class SectionList(QListWidget):
    """One row per section (the first: the parties and property), "title\\nprogress"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sectionList")
        self.setAccessibleName(_("Sections"))
        self.setWordWrap(True)
        self.setSpacing(3)
        # Laid out again when its width changes: a title that wraps gets its height back.
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setItemDelegate(_SteadyRows(self))

    def add_row(self, title: str, variants: list[str]) -> None:
        """A row for ``title``, sized for every progress line in ``variants``."""
        item = QListWidgetItem(title)
        item.setData(MEASURE_ROLE, [f"{title}\n{variant}" for variant in variants])
        self.addItem(item)

    def set_row(self, row: int, title: str, progress: str) -> None:
        item = self.item(row)
        text = f"{title}\n{progress}"
        if item.text() != text:
            item.setText(text)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{title}, {progress}")

    def progress_text(self, row: int) -> str:
        item = self.item(row)
        return item.text().split("\n", 1)[-1] if item else ""
