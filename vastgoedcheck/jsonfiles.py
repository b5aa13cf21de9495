"""Reading JSON files that a user hands us, whatever they hold, into data or one clear problem."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from vastgoedcheck.i18n import _


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file: where (a JSON path, or line and column) and what."""

    location: str
    message: str

    def describe(self, file_name: str) -> str:
        where = f"{file_name}: {self.location}" if self.location else file_name
        return f"{where}: {self.message}"


class UnreadableFile(Exception):
    """The file could not be read as JSON; ``problem`` says why in one sentence."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def json_path(parts: Iterable[str | int]) -> str:
    """``$.sections[2].questions[0].label`` for the parts ``sections, 2, questions, 0, label``."""
    text = "$"
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text


def _reject_constant(name: str) -> None:
    raise ValueError(_("{name} is not a number JSON allows").format(name=name))


def parse_json_text(raw: bytes) -> object:
    """Parse bytes as strict UTF-8 JSON; raises UnreadableFile with the line and column."""
    if not raw.strip():
        raise UnreadableFile(Problem("", _("the file is empty")))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableFile(
            Problem("", _("the file is not a UTF-8 text file (is it a binary file?)"))
        ) from None
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        location = _("line {line}, column {column}").format(line=error.lineno, column=error.colno)
        message = _("not valid JSON: {detail}").format(detail=error.msg)
        raise UnreadableFile(Problem(location, message)) from None
    except RecursionError:
        message = _("the JSON is nested too deeply to be a vastgoedcheck file")
        raise UnreadableFile(Problem("", message)) from None
    except ValueError as error:
        message = _("not valid JSON: {detail}").format(detail=error)
        raise UnreadableFile(Problem("", message)) from None


def read_json_file(path: Path, max_bytes: int) -> object:
    """Read and parse ``path``; every way this can fail raises UnreadableFile."""
    try:
        if path.is_dir():
            raise UnreadableFile(Problem("", _("this is a folder, not a file")))
        size = path.stat().st_size
        if size > max_bytes:
            raise UnreadableFile(
                Problem(
                    "",
                    _("the file is {size} MB; files of this kind are at most {limit} MB").format(
                        size=round(size / 1_000_000, 1), limit=round(max_bytes / 1_000_000, 1)
                    ),
                )
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableFile(Problem("", _("the file does not exist"))) from None
    except PermissionError:
        raise UnreadableFile(Problem("", _("you are not allowed to read this file"))) from None
    except OSError as error:
        raise UnreadableFile(
            Problem("", _("the file could not be read ({reason})").format(reason=error.strerror))
        ) from None
    return parse_json_text(raw)
