"""The keyboard shortcuts, read from where they are defined: the window's menus and shortcuts,
and the keys that answer a question, so that the list never differs from what the keys do."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vastgoedcheck.domain.pack import FlagValue
from vastgoedcheck.i18n import _
from vastgoedcheck.i18n.labels import FLAG_LABELS
from vastgoedcheck.ui.answer_inputs import CLEAR_KEYS, FLAG_KEYS, NEXT_KEYS, STEP_KEYS
from vastgoedcheck.ui.failure_dialogs import readable_width

Row = tuple[str, str, str]  # where, what, keys


def plain(text: str) -> str:
    """A menu text without its keyboard letter mark and its trailing dots."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").removesuffix("…")


def keys_text(sequences: Iterable[QKeySequence]) -> str:
    return ", ".join(
        sequence.toString(QKeySequence.SequenceFormat.NativeText)
        for sequence in sequences
        if not sequence.isEmpty()
    )


def _menu_rows(menu: QMenu, where: str) -> list[Row]:
    rows: list[Row] = []
    for action in menu.actions():
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            rows.extend(_menu_rows(submenu, f"{where} → {plain(submenu.title())}"))
        elif not action.isSeparator() and action.shortcuts():
            rows.append((where, plain(action.text()), keys_text(action.shortcuts())))
    return rows


def _key_name(key: Qt.Key) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def answering_rows() -> list[Row]:
    """The keys that answer, clear and move between questions."""
    where = _("A question")
    by_value: dict[FlagValue, list[str]] = {}
    for letter, value in FLAG_KEYS.items():
        by_value.setdefault(value, []).append(letter.upper())
    rows = [
        (
            where,
            _("Answer '{answer}'").format(answer=_(FLAG_LABELS[value])),
            ", ".join(keys),
        )
        for value, keys in by_value.items()
    ]
    rows.append((where, _("Clear the answer"), ", ".join(_key_name(key) for key in CLEAR_KEYS)))
    for step_key, step in STEP_KEYS.items():
        what = _("Go to the previous question") if step < 0 else _("Go to the next question")
        rows.append((where, what, _key_name(step_key)))
    rows.append(
        (
            where,
            _("Store a typed answer and go to the next question"),
            ", ".join(_key_name(key) for key in NEXT_KEYS),
        )
    )
    rows.append(
        (
            _("'Add a note' or 'Attach files…'"),
            _("Answer the next question, if it has no answer yet"),
            ", ".join(sorted({letter.upper() for letter in FLAG_KEYS})),
        )
    )
    return rows


def shortcut_rows(window: QMainWindow) -> list[Row]:
    """Every shortcut of ``window``: its menus, its pages' own shortcuts (described by their
    What's This text) and the answering keys."""
    rows: list[Row] = []
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            rows.extend(_menu_rows(menu, plain(menu.title())))
    for shortcut in window.findChildren(QShortcut):
        if shortcut.whatsThis() and not shortcut.key().isEmpty():
            where = str(shortcut.property("where") or "")
            rows.append((where, shortcut.whatsThis(), keys_text([shortcut.key()])))
    rows.extend(answering_rows())
    return rows


class ShortcutsDialog(QDialog):
    """A table of the shortcuts: where they work, what they do and the keys."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(_("Keyboard shortcuts"))
        self.rows = shortcut_rows(window)
        self.table = QTableWidget(len(self.rows), 3)
        self.table.setObjectName("shortcutsTable")
        self.table.setAccessibleName(_("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([_("Where"), _("What"), _("Keys")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        for row, cells in enumerate(self.rows):
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(readable_width(self, 80), 560)
        self.table.setFocus()
