"""Finding controls a screen-reader user could reach with Tab but not know what they are."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QTabBar,
    QWidget,
)


def _inside_compound(widget: QWidget) -> bool:
    """Parts of a compound control (a combo's or spin box's own line edit) share its name."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractSpinBox):
            return True
        parent = parent.parentWidget()
    return False


def _name(widget: QWidget, buddies: dict[int, str]) -> str:
    if widget.accessibleName().strip():
        return widget.accessibleName()
    if id(widget) in buddies:
        return buddies[id(widget)]
    if isinstance(widget, QAbstractButton):
        return widget.text().replace("&", "").strip()
    if isinstance(widget, QTabBar):
        texts = [widget.tabText(index) for index in range(widget.count())]
        return ", ".join(texts) if all(text.strip() for text in texts) else ""
    return ""


def _describe(widget: QWidget) -> str:
    kind = type(widget).__name__
    trail = []
    parent: QWidget | None = widget
    while parent is not None and len(trail) < 4:
        if parent.objectName():
            trail.append(parent.objectName())
        parent = parent.parentWidget()
    return f"{kind} in {' < '.join(trail) or 'an unnamed window'}"


def unnamed_controls(root: QWidget) -> list[str]:
    """Every enabled, shown control under ``root`` that takes focus with Tab and has neither an
    accessible name, a label pointing at it (buddy) nor a text of its own."""
    widgets = [root, *root.findChildren(QWidget)]
    buddies: dict[int, str] = {}
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and label.text().strip():
            buddies[id(buddy)] = label.text().replace("&", "")
    found = []
    for widget in widgets:
        if not widget.isVisible() or not widget.isEnabled():
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if widget.focusProxy() is not None or _inside_compound(widget):
            continue
        if not _name(widget, buddies).strip():
            found.append(_describe(widget))
    return found
