"""A file handed to the app (a double-clicked file, one dropped on the program or its Dock
icon): an exchange file is offered for import, a PDF is verified, anything else is refused
with the reason."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from vastgoedcheck.errors import UserError
from vastgoedcheck.i18n import _
from vastgoedcheck.reports.verifying import read_report, verdict
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.exchange_actions import import_file
from vastgoedcheck.ui.feedback import show_problem


def open_given_file(parent: QWidget, store: Store, path: Path) -> list[str]:
    """Do what fits the file at ``path``; return the ids of the checks it imported."""
    try:
        if not path.is_file():
            if path.exists():
                show_problem(parent, _("{file} is not a file").format(file=path))
            else:
                show_problem(parent, _("{file} does not exist").format(file=path))
            return []
        with path.open("rb") as handle:
            head = handle.read(64)
    except OSError as error:
        show_problem(
            parent,
            _("{file} cannot be read ({reason})").format(file=path, reason=error.strerror or error),
        )
        return []
    if head.startswith(b"%PDF-"):
        _verify(parent, store, path)
        return []
    if head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"["):
        return _offer_import(parent, store, path)
    show_problem(
        parent,
        _(
            "{file} cannot be opened: vastgoedcheck opens exchange files (.json) and the PDF "
            "reports it made"
        ).format(file=path),
    )
    return []


def _verify(parent: QWidget, store: Store, path: Path) -> None:
    try:
        issued, lines = verdict(store.issued(), path, read_report(path))
    except (UserError, StoreError) as error:
        show_problem(parent, str(error))
        return
    if issued:
        QMessageBox.information(parent, _("Verify a report"), "\n\n".join(lines))
    else:
        show_problem(parent, lines[0], _("Verify a report"))


def _offer_import(parent: QWidget, store: Store, path: Path) -> list[str]:
    answer = QMessageBox.question(
        parent,
        _("Import checks"),
        _("Import the checks in {file} into this data folder?").format(file=path),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return []
    return import_file(parent, store, path)
