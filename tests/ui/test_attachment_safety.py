"""Opening an attachment never runs it: only pictures and PDFs, recognised by their content, go to
the system's viewer; anything else is shown in its folder after a warning. Names that hide their
real extension with reordering characters (U+202E) are cleaned when attached or imported."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.storage.conftest import example, new_draft
from tests.test_file_types import PDF, PROGRAM
from tests.ui.conftest import Dialogs
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.attachment_list import AttachmentList
from vastgoedcheck.ui.main_window import MainWindow
from vastgoedcheck.ui.preferences import Preferences

DISGUISED = "scan-huurcontract\u202efdp.exe"  # shows as "scan-huurcontractexe.pdf"


def attached(
    qtbot: QtBot, store: Store, tmp_path: Path, name: str, content: bytes
) -> AttachmentList:
    draft = new_draft(store)
    source = tmp_path / name
    source.write_bytes(content)
    store.add_attachment(draft.id, "RES-03", source)
    answer = store.get(draft.id).answers["RES-03"]
    files = AttachmentList(store, draft.id, "RES-03", answer.attachments)
    qtbot.addWidget(files)
    files.files.setCurrentRow(0)
    return files


def test_a_program_disguised_as_a_pdf_is_not_handed_to_the_system(
    qtbot: QtBot, store: Store, tmp_path: Path, dialogs: Dialogs
) -> None:
    files = attached(qtbot, store, tmp_path, DISGUISED, PROGRAM)
    [shown] = files.names()
    assert shown.startswith("scan-huurcontractfdp.exe (not a picture or PDF, ")
    dialogs.answer = QMessageBox.StandardButton.Cancel
    files.open_selected()
    assert dialogs.said("is not a picture or a PDF")
    assert dialogs.opened_urls == []
    dialogs.answer = QMessageBox.StandardButton.Open  # "Show in folder"
    files.open_selected()
    [folder] = [Path(QUrl(url).toLocalFile()) for url in dialogs.opened_urls]
    assert folder.is_dir()  # the folder is shown; the program itself is not opened
    assert [path.name for path in folder.iterdir()] == ["scan-huurcontractfdp.exe"]


def test_a_pdf_opens_as_a_pdf_whatever_its_name(
    qtbot: QtBot, store: Store, tmp_path: Path, dialogs: Dialogs
) -> None:
    files = attached(qtbot, store, tmp_path, "huurcontract.exe", PDF)
    [shown] = files.names()
    assert shown.startswith("huurcontract.exe (PDF document, ")
    files.open_selected()
    [opened] = dialogs.opened_urls
    copy = Path(QUrl(opened).toLocalFile())
    assert copy.name == "huurcontract.pdf" and copy.read_bytes() == PDF
    assert dialogs.messages == []


def test_reordering_characters_are_removed_from_attached_names(
    store: Store, tmp_path: Path
) -> None:
    draft = new_draft(store)
    source = tmp_path / DISGUISED
    source.write_bytes(PROGRAM)
    attachment = store.add_attachment(draft.id, "RES-03", source)
    assert attachment.name == "scan-huurcontractfdp.exe"


def test_reordering_characters_are_removed_from_imported_names(store: Store) -> None:
    document = example("landlord-residential-all-clear")
    document["answers"]["RES-03"]["attachments"] = [
        {
            "sha256": hashlib.sha256(PROGRAM).hexdigest(),
            "name": DISGUISED,
            "size": len(PROGRAM),
            "media_type": "application/pdf",
            "content": base64.b64encode(PROGRAM).decode("ascii"),
        }
    ]
    [(check_id, _stored)] = store.import_checks([document], "test")
    [attachment] = store.get(check_id).answers["RES-03"].attachments
    assert attachment.name == "scan-huurcontractfdp.exe"


def test_viewing_copies_are_removed_when_the_app_closes(
    qtbot: QtBot, store: Store, tmp_path: Path, dialogs: Dialogs, preferences: Preferences
) -> None:
    files = attached(qtbot, store, tmp_path, "paspoort.pdf", PDF)
    files.open_selected()
    [opened] = dialogs.opened_urls
    copy = Path(QUrl(opened).toLocalFile())
    assert copy.exists()
    window = MainWindow(store, preferences)
    qtbot.addWidget(window)
    window.shut_down()  # closing the window, or the end of the session
    assert not copy.exists() and not copy.parent.parent.exists()
