"""What a kept file is (by its first bytes, not its name) and how its name is shown and used."""

from __future__ import annotations

import functools
import mimetypes
import re
import unicodedata
from dataclasses import dataclass
from pathlib import PurePath

from vastgoedcheck.i18n import N_

# Characters that reorder the text around them: "scan\u202efdp.exe" shows as "scanexe.pdf".
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# How many bytes ``detect`` needs to see.
HEAD_BYTES = 32
MAX_NAME_LENGTH = 100
# Names Windows reserves for devices, with any extension ("con.txt", "com1.pdf").
_DEVICE_NAMES = re.compile(r"(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])", re.I)
# Characters no file name may hold on Windows (":" also names an alternate data stream).
_NOT_IN_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')


@dataclass(frozen=True)
class FileKind:
    """A type the system's viewer may open without running anything: an image or a PDF."""

    media_type: str
    suffix: str  # given to a viewing copy, so that the viewer knows the type
    label: str  # shown to the user (translate with _())


# Only these types are ever handed to the system; everything else is shown in its folder.
_SIGNATURES: tuple[tuple[int, bytes, FileKind], ...] = (
    (0, b"%PDF-", FileKind("application/pdf", ".pdf", N_("PDF document"))),
    (0, b"\x89PNG\r\n\x1a\n", FileKind("image/png", ".png", N_("PNG image"))),
    (0, b"\xff\xd8\xff", FileKind("image/jpeg", ".jpg", N_("JPEG image"))),
    (0, b"GIF87a", FileKind("image/gif", ".gif", N_("GIF image"))),
    (0, b"GIF89a", FileKind("image/gif", ".gif", N_("GIF image"))),
    (0, b"II*\x00", FileKind("image/tiff", ".tif", N_("TIFF image"))),
    (0, b"MM\x00*", FileKind("image/tiff", ".tif", N_("TIFF image"))),
    (0, b"BM", FileKind("image/bmp", ".bmp", N_("BMP image"))),
)
_WEBP = FileKind("image/webp", ".webp", N_("WebP image"))
_HEIC = FileKind("image/heic", ".heic", N_("HEIC image"))
_HEIC_BRANDS = (b"heic", b"heix", b"mif1", b"msf1", b"hevc")


def detect(head: bytes) -> FileKind | None:
    """The viewable type that the file starting with ``head`` really is, or None for
    anything else (a program, a script, a shortcut, an unknown format)."""
    for offset, signature, kind in _SIGNATURES:
        if head[offset : offset + len(signature)] == signature:
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return _WEBP
    if head[4:8] == b"ftyp" and head[8:12] in _HEIC_BRANDS:
        return _HEIC
    return None


def without_bidi(name: str) -> str:
    """``name`` without the characters that make it show in another order than it is."""
    return BIDI_CONTROLS.sub("", name)


@functools.cache
def _media_types() -> mimetypes.MimeTypes:
    # A fresh table: the module's shared one reads the Windows registry and /etc/mime.types,
    # so the same name would be stored with another type on another computer.
    return mimetypes.MimeTypes()


def media_type_of(name: str) -> str:
    """The media type a file name suggests, the same on every computer."""
    guessed, _encoding = _media_types().guess_type(PurePath(name).name, strict=True)
    return guessed or "application/octet-stream"


def safe_file_name(name: str, suffix: str | None = None, fallback: str = "attachment") -> str:
    """``name`` made safe to create on any system: no folders, streams (``:``), device names
    or reordering characters, at most ``MAX_NAME_LENGTH`` characters; with ``suffix`` as its
    extension when given, else its own extension kept."""
    clean = unicodedata.normalize("NFC", without_bidi(name))
    clean = _NOT_IN_NAMES.sub("_", clean.replace("\\", "/").rsplit("/", 1)[-1])
    clean = clean.strip().rstrip(". ")  # Windows drops trailing dots and spaces
    stem, dot, extension = clean.rpartition(".")
    if not dot or not stem:
        stem, extension = clean, ""
    extension = suffix.lstrip(".") if suffix is not None else extension[:20]
    if not stem.strip(". ") or _DEVICE_NAMES.fullmatch(stem.split(".")[0].rstrip(" ")):
        stem = f"{fallback}-{stem}" if stem.strip(". ") else fallback
    ending = f".{extension}" if extension else ""
    return stem[: MAX_NAME_LENGTH - len(ending)].rstrip(". ") + ending
