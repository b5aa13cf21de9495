"""Opening an attachment safely: pictures and PDFs in the system's viewer, anything else only
shown in its folder after a warning, because the system would run a program or script."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from vastgoedcheck.file_types import HEAD_BYTES, FileKind, detect, without_bidi
from vastgoedcheck.i18n import _
from vastgoedcheck.oserrors import os_reason
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.feedback import show_problem
from vastgoedcheck.ui.viewing_copies import VIEWING_COPIES


def kind_of(content: bytes | None) -> FileKind | None:
    """What an attachment really is, by its first bytes (None: not an image or a PDF, or
    content that could not be read)."""
    return None if content is None else detect(content[:HEAD_BYTES])


def kind_label(kind: FileKind | None) -> str:
    """The type shown beside an attachment's name."""
    return _(kind.label) if kind is not None else _("not a picture or PDF")


def show_in_folder(path: Path) -> None:
    """Show ``path`` selected in the system's file manager, without opening it."""
    if sys.platform == "win32":
        subprocess.Popen(f'explorer /select,"{path}"')  # Explorer parses its own quotes
    elif sys.platform == "darwin":
        subprocess.Popen(["open", "-R", str(path)])
    else:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def open_attachment(parent: QWidget, store: Store, sha256: str, name: str) -> None:
    """Open the stored attachment called ``name``: a picture or PDF in the system's viewer;
    anything else, after a warning, only in its folder. The stored file is sealed: what is
    opened is a plain viewing copy, removed when the app closes (or at the next start)."""
    shown = without_bidi(name)
    try:
        content = store.attachment_content(sha256)
    except StoreError as error:
        show_problem(
            parent,
            _("the file {name} cannot be opened: {reason}").format(name=shown, reason=error),
        )
        return
    kind = kind_of(content)
    if kind is None and not _confirm_showing(parent, shown):
        return
    try:
        copy = VIEWING_COPIES.copy(content, sha256, name, kind)
    except OSError as error:
        show_problem(
            parent,
            _("{name} cannot be opened ({reason})").format(name=shown, reason=os_reason(error)),
        )
        return
    if kind is None:
        show_in_folder(copy)
    else:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy)))


def _confirm_showing(parent: QWidget, name: str) -> bool:
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        _("Not a picture or PDF"),
        _(
            "{name} is not a picture or a PDF, whatever its name says. vastgoedcheck does not "
            "open it, because opening such a file can run a program on this computer."
        ).format(name=name),
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setObjectName("unsafeAttachmentMessage")
    box.setInformativeText(
        _(
            "Show it in its folder only if you trust where it came from, and open it with a "
            "program you choose."
        )
    )
    box.button(QMessageBox.StandardButton.Open).setText(_("Show in folder"))
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Open.value
