"""Exchange files handed to the app: the check documents in one, or what else it holds."""

from __future__ import annotations

from pathlib import Path

from vastgoedcheck.exchange.reading import MAX_CHECK_FILE_BYTES
from vastgoedcheck.i18n import _
from vastgoedcheck.jsonfiles import UnreadableFile, read_json_file

CHECK_FORMAT = "vastgoedcheck-check"
PACK_FORMAT = "vastgoedcheck-pack"


class NotACheck(Exception):
    """The file holds no check at all: it is another kind of file. The message says which kind,
    in a few words that follow "it is"."""


def _head(path: Path) -> bytes:
    """The first bytes of an ordinary file (never opened otherwise: a pipe would block)."""
    try:
        if not path.is_file():
            return b""
        with path.open("rb") as handle:
            return handle.read(64).removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")
    except OSError:
        return b""


def _looks_like_check(value: object) -> bool:
    """A JSON object that is meant as a check: it says so, or has a pack and answers."""
    if not isinstance(value, dict):
        return False
    if "format" in value:
        return bool(value["format"] == CHECK_FORMAT)
    return "pack" in value and "answers" in value


def _what_else(data: object) -> str:
    if isinstance(data, dict) and data.get("format") == PACK_FORMAT:
        return _("a checklist pack")
    if data == []:
        return _("an empty list")
    return _("a JSON file of another kind")


def documents_in(path: Path) -> list[object]:
    """The check documents in an exchange file: one check, or a list of them.

    UnreadableFile when the file cannot be read or is damaged JSON; NotACheck when it is
    another kind of file (a PDF, a photo, a checklist pack, some other JSON), so that importing
    a folder can pass it by."""
    try:
        data = read_json_file(path, MAX_CHECK_FILE_BYTES)
    except UnreadableFile:
        head = _head(path)
        if head and head[:1] not in (b"{", b"["):
            if head.startswith(b"%PDF-"):
                raise NotACheck(_("a PDF file")) from None
            raise NotACheck(_("not a JSON file")) from None
        raise
    if isinstance(data, list):
        if not any(_looks_like_check(item) for item in data):
            raise NotACheck(_what_else(data))
        return data
    if not _looks_like_check(data):
        raise NotACheck(_what_else(data))
    return [data]
