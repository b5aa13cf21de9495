"""Choosing files to attach starts in the user's Pictures folder, then where the user last chose
files; never in the working directory, which is Program Files or System32 for an app started
from a shortcut on Windows."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from tests.storage.conftest import new_draft
from tests.test_file_types import PDF
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui import attachment_list
from vastgoedcheck.ui.attachment_list import AttachmentList


def test_the_attach_dialog_starts_in_pictures_then_where_the_user_was(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    (home / "Pictures").mkdir(parents=True)
    scans = home / "Scans"
    scans.mkdir()
    (scans / "huurcontract.pdf").write_bytes(PDF)
    program_files = tmp_path / "Program Files" / "vastgoedcheck"
    program_files.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.chdir(program_files)
    monkeypatch.setattr(attachment_list, "_last_folder", None)
    started_in: list[str] = []
    answers = [[str(scans / "huurcontract.pdf")], []]

    def get_open_file_names(
        parent: object, caption: str, folder: str, filters: str
    ) -> tuple[list[str], str]:
        started_in.append(folder)
        assert filters.startswith("Photos and documents (")  # the first the dialog shows
        return answers.pop(0), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(get_open_file_names))
    draft = new_draft(store)
    files = AttachmentList(store, draft.id, "RES-03")
    qtbot.addWidget(files)
    files.choose_files()
    files.choose_files()
    assert started_in == [str(home / "Pictures"), str(scans)]
    assert [a.name for a in store.get(draft.id).answers["RES-03"].attachments] == [
        "huurcontract.pdf"
    ]
