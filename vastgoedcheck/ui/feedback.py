"""Telling the user that something could not be done: one sentence in a dialog, never a crash."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget

from vastgoedcheck.storage.errors import StoreError


def sentence(text: str) -> str:
    """``text`` as a sentence: a capital first letter and a full stop."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def show_problem(parent: QWidget | None, text: str, title: str = "") -> None:
    """A modal warning with one sentence."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        title or "vastgoedcheck",
        sentence(text),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("problemMessage")
    box.exec()


T = TypeVar("T")


def attempt(
    parent: QWidget | None, action: Callable[..., T], *args: Any, title: str = "", **kwargs: Any
) -> T | None:
    """``action(*args, **kwargs)``; on StoreError a warning is shown and None returned."""
    try:
        return action(*args, **kwargs)
    except StoreError as error:
        show_problem(parent, str(error), title)
        return None
