"""Writing command results and one-sentence errors to the terminal."""

from __future__ import annotations

import argparse
import codecs
import io
import json
import os
import sys
import unicodedata
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

import orjson

from vastgoedcheck import APP_NAME
from vastgoedcheck.errors import UserError
from vastgoedcheck.i18n import LANGUAGES, _


class _Nowhere(io.TextIOBase):
    """Where output goes when there is no console (the windowed desktop executable)."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        return len(text)


def prepare_streams() -> bool:
    """Make printing safe everywhere; True when there is no console to print to.

    Output is UTF-8 whatever the system's code page: on Windows, output redirected to a file
    or a pipe is encoded with the ANSI code page (cp1252), in which "Yıldız" cannot be written.
    The windowed desktop executable has no stdout or stderr at all (they are None): output goes
    nowhere instead of ending in an error."""
    windowed = sys.stdout is None or sys.stderr is None
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, _Nowhere())
        elif isinstance(stream, io.TextIOWrapper) and (
            codecs.lookup(stream.encoding).name != "utf-8"
        ):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    return windowed


def _default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=_default)
    sys.stdout.write("\n")


def print_check_list(parts: Iterable[list[dict[str, Any]]]) -> None:
    """Checks, given in parts, each a summary as a JSON object, as a JSON list with one check
    per line: a script reads it whole, a person searches it line by line. Each part is written
    as it comes, each check encoded by orjson (a tenth of the standard library's time),
    compactly."""
    opening = b"[\n  "
    for part in parts:
        if part:
            write_bytes(opening, b",\n  ".join(map(_json_line, part)))
            opening = b",\n  "
    write_bytes(b"[]\n" if opening == b"[\n  " else b"\n]\n")


def _json_line(check: dict[str, Any]) -> bytes:
    try:
        return orjson.dumps(check, default=_default)
    except orjson.JSONEncodeError:  # a text that is not valid UTF-8 (a lone surrogate)
        return json.dumps(check, separators=(",", ":"), default=_default).encode("ascii")


def write_bytes(*parts: bytes) -> None:
    """UTF-8 text, in ``parts``, on standard output: as bytes where it takes them, as text
    elsewhere (a program that runs the command line with its output in a string)."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write("".join(str(part, "utf-8") for part in parts))
        return
    sys.stdout.flush()  # what was written as text comes first
    for part in parts:
        buffer.write(part)
    buffer.flush()


def printable(text: str) -> str:
    """``text`` safe for a terminal: control and format characters (a direction override that
    makes "exe.pdf" of "fdp.exe", an escape sequence) shown as ``\\u202e`` instead of obeyed."""
    if text.isprintable():  # no control or format character at all: the common case, fast
        return text
    return "".join(
        f"\\u{ord(c):04x}" if unicodedata.category(c) in ("Cc", "Cf", "Cs") else c for c in text
    )


def say(text: str = "") -> None:
    print(text)


def say_lines(lines: list[str]) -> None:
    """Many lines of output, written at once."""
    if lines:
        sys.stdout.write("\n".join(lines) + "\n")


def note_plain_file() -> None:
    """Say, beside where a report or export was written, that the file is not encrypted (on
    standard error, so that a script reading the output still gets one line)."""
    print(
        f"{APP_NAME}: "
        + _(
            "this file is not encrypted, unlike the data folder and its backups: handle it as "
            "confidential"
        ),
        file=sys.stderr,
    )


def fail(message: str) -> int:
    print(f"{APP_NAME}: {message}", file=sys.stderr)
    return 1


def refuse_inside_data_folder(output: Path, args: argparse.Namespace) -> None:
    """UserError when ``output`` lies in the data folder: a report written as
    ``checks/<id>.json`` would replace a check, and any file there would be in its backups."""
    from vastgoedcheck.paths import data_dir

    data = Path(os.path.realpath(data_dir(getattr(args, "data_dir", None))))
    target = Path(os.path.realpath(output))
    if target == data or data in target.parents:
        raise UserError(
            _(
                "{file} is inside the data folder {folder}; write it somewhere else (the data "
                "folder holds only what the app itself keeps there)"
            ).format(file=output, folder=data)
        )


def add_pdf_options(
    parser: argparse.ArgumentParser, language_help: str, output_help: str | None = None
) -> None:
    """``-o FILE.pdf`` and ``--lang``: the language of the document, not of the messages.
    With ``output_help`` the file is optional (the command then names it itself)."""
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        required=output_help is None,
        metavar=_("FILE.pdf"),
        help=output_help or _("the PDF to write"),
    )
    parser.add_argument("--lang", dest="report_language", choices=LANGUAGES, help=language_help)


def revision_number(text: str) -> int:
    """``--revision N``: a revision number (1, 2, …), refused in words, not as "invalid int"."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(
            _("{value} is not a revision number (1, 2, 3, …)").format(value=repr(text))
        )
    return int(text)
