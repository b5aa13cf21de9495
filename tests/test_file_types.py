"""What an attachment is and how its name is used: decided by its content and made safe on every
system, whatever the name, the Windows registry or the temporary folder's rules say."""

from __future__ import annotations

import mimetypes
import os
import stat
from pathlib import Path

import pytest

from vastgoedcheck.file_types import detect, media_type_of, safe_file_name, without_bidi
from vastgoedcheck.ui import viewing_copies
from vastgoedcheck.ui.viewing_copies import PREFIX, ViewingCopies, remove_stale

PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + bytes(64)
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"


def test_the_type_comes_from_the_content_not_the_name() -> None:
    assert detect(PROGRAM) is None
    assert detect(b"#!/bin/sh\nrm -rf ~\n") is None
    pdf = detect(PDF)
    assert pdf is not None and (pdf.media_type, pdf.suffix) == ("application/pdf", ".pdf")
    jpeg = detect(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    assert jpeg is not None and jpeg.suffix == ".jpg"
    heic = detect(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00")
    assert heic is not None and heic.media_type == "image/heic"


def test_reordering_characters_are_taken_out_of_names() -> None:
    # "scan-huurcontract\u202efdp.exe" shows as "scan-huurcontractexe.pdf"
    assert without_bidi("scan-huurcontract\u202efdp.exe") == "scan-huurcontractfdp.exe"
    assert without_bidi("a\u2066b\u2069c\u200fd") == "abcd"


@pytest.mark.parametrize(
    ("name", "suffix", "expected"),
    [
        ("con.pdf", None, "attachment-con.pdf"),
        ("NUL", ".png", "attachment-NUL.png"),
        ("com1.report.txt", None, "attachment-com1.report.txt"),
        ("photo.jpg:hidden.exe", None, "photo.jpg_hidden.exe"),
        ("..\\..\\Windows\\evil.pdf", None, "evil.pdf"),
        ("scan\u202efdp.exe", ".pdf", "scanfdp.pdf"),
        ("trailing. . ", None, "trailing"),
        ("", ".jpg", "attachment.jpg"),
    ],
)
def test_a_viewing_copy_name_is_safe_on_windows(
    name: str, suffix: str | None, expected: str
) -> None:
    assert safe_file_name(name, suffix) == expected


def test_a_long_name_is_cut_but_keeps_its_extension() -> None:
    made = safe_file_name("huurcontract " * 20 + ".pdf")
    assert len(made) == 100 and made.endswith(".pdf")


def test_media_types_do_not_depend_on_the_windows_registry(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """On Windows the standard table reads the registry, where .zip is often
    application/x-zip-compressed; the stored type must be the same on every computer."""

    def registry(self: mimetypes.MimeTypes, strict: bool = True) -> None:
        self.add_type("application/x-zip-compressed", ".zip", strict)
        self.add_type("text/plain", ".json", strict)

    monkeypatch.setattr(mimetypes.MimeTypes, "read_windows_registry", registry)
    for name in ("_db", "types_map", "common_types", "encodings_map", "suffix_map"):
        monkeypatch.setattr(mimetypes, name, getattr(mimetypes, name))  # restored afterwards
    monkeypatch.setattr(mimetypes, "knownfiles", [])  # Windows has no /etc/mime.types
    monkeypatch.setattr(mimetypes, "inited", False)
    monkeypatch.setattr(mimetypes, "_db", None)
    assert mimetypes.guess_type("dossier.zip")[0] == "application/x-zip-compressed"  # the cause
    assert media_type_of("dossier.zip") == "application/zip"
    assert media_type_of("check.json") == "application/json"
    assert media_type_of("Scan.JPG") == "image/jpeg"
    assert media_type_of("no extension") == "application/octet-stream"


def windows_unlink(monkeypatch: pytest.MonkeyPatch) -> None:
    """Deleting behaves as on Windows: a file with the read-only attribute cannot be deleted."""
    real = os.unlink

    def unlink(path: str | Path, *, dir_fd: int | None = None) -> None:
        if not os.stat(path, dir_fd=dir_fd).st_mode & stat.S_IWRITE:
            raise PermissionError(13, "Access is denied", str(path))
        real(path, dir_fd=dir_fd)

    monkeypatch.setattr(os, "unlink", unlink)
    monkeypatch.setattr(os, "remove", unlink)


def test_viewing_copies_are_removed_although_they_are_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    windows_unlink(monkeypatch)
    stored = tmp_path / ("ab" * 32)
    stored.write_bytes(PDF)
    copies = ViewingCopies(tmp_path)
    copy = copies.copy(PDF, stored.name, "paspoort.pdf", detect(PDF))
    assert (copy.read_bytes() == PDF and not os.access(copy, os.W_OK)) or os.geteuid() == 0
    folder = copy.parent.parent
    assert copies.remove()
    assert not folder.exists()


def test_copies_left_by_a_session_that_ended_are_removed_at_the_next_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    windows_unlink(monkeypatch)
    stored = tmp_path / ("cd" * 32)
    stored.write_bytes(PDF)
    running = ViewingCopies(tmp_path)  # another copy of the app, still open
    running_copy = running.copy(PDF, stored.name, "paspoort.pdf", detect(PDF))
    crashed = tmp_path / f"{PREFIX}crashed"  # a session that never closed (no lock held)
    (crashed / "cdcdcdcd").mkdir(parents=True)
    left = crashed / "cdcdcdcd" / "paspoort.pdf"
    left.write_bytes(PDF)
    left.chmod(stat.S_IREAD)
    (tmp_path / "vastgoedcheck-other").mkdir()  # not a viewing folder
    assert remove_stale(tmp_path) == 1
    assert not crashed.exists()
    assert running_copy.exists()  # a running session keeps its copies
    assert (tmp_path / "vastgoedcheck-other").exists()
    running.remove()


def test_viewing_copies_carry_the_mark_of_the_web_on_windows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Windows, a file shown in its folder is marked as coming from elsewhere, so that
    Windows warns before running it."""
    stored = tmp_path / ("ef" * 32)
    stored.write_bytes(PROGRAM)
    monkeypatch.setattr(viewing_copies.sys, "platform", "win32")
    copies = ViewingCopies(tmp_path)
    copy = copies.copy(PROGRAM, stored.name, "scan\u202efdp.exe", None)
    assert copy.name == "scanfdp.exe"
    # on Linux the stream is a file of its own, named as Windows names the stream
    assert Path(f"{copy}:Zone.Identifier").read_bytes().startswith(b"[ZoneTransfer]")
    pdf = tmp_path / ("12" * 32)
    pdf.write_bytes(PDF)
    shown = copies.copy(PDF, pdf.name, "huurcontract.pdf", detect(PDF))  # opened in protected view
    assert Path(f"{shown}:Zone.Identifier").exists()
    copies.remove()


def test_cleaning_up_never_touches_what_is_not_ours(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a temporary folder shared by every user (/tmp), another user may plant a folder with
    our prefix and links to our files."""
    precious = tmp_path / "huurcontract.pdf"
    precious.write_bytes(PDF)
    precious.chmod(stat.S_IREAD)
    planted = tmp_path / "temp" / f"{PREFIX}planted"
    planted.mkdir(parents=True)
    (planted / "link.pdf").symlink_to(precious)
    assert remove_stale(tmp_path / "temp") == 1
    assert precious.exists() and stat.S_IMODE(precious.stat().st_mode) == stat.S_IREAD
    theirs = tmp_path / "temp" / f"{PREFIX}theirs"
    theirs.mkdir()
    monkeypatch.setattr(os, "getuid", lambda: os.stat(theirs).st_uid + 1)
    assert remove_stale(tmp_path / "temp") == 0
    assert theirs.exists()
