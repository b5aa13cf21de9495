"""Reading JSON files that a user hands us, whatever they hold, into data or one clear problem."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from vastgoedcheck.i18n import _
from vastgoedcheck.oserrors import os_reason


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


class _NotStrict(ValueError):
    """A JSON object with a repeated key, or a text with a lone surrogate."""


def _surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _check_strings(value: object) -> None:
    if isinstance(value, str):
        if _surrogate(value):
            raise _NotStrict(
                _(
                    "the text {text} holds a lone surrogate (\\ud800–\\udfff), which is not a "
                    "character"
                ).format(text=ascii(value)[:60])
            )
    elif isinstance(value, list):
        for item in value:
            _check_strings(item)


def _strict_object(pairs: list[tuple[str, object]]) -> dict[str, object]:
    """An object whose keys occur once each, with no lone surrogate in a key or a text."""
    result: dict[str, object] = {}
    for key, value in pairs:
        _check_strings(key)
        if key in result:
            raise _NotStrict(_("the key {key} occurs twice in one object").format(key=repr(key)))
        _check_strings(value)
        result[key] = value
    return result


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
        data = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_strict_object)
        _check_strings(data)
        return data
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


def read_regular_file(path: Path, max_bytes: int | None = None) -> bytes:
    """The bytes of ``path``, which must be an ordinary file (a FIFO or a device would block or
    never end); raises OSError, or UnreadableFile for a folder, a special file or a file larger
    than ``max_bytes``."""
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    descriptor = os.open(path, flags)
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise UnreadableFile(Problem("", _("this is a folder, not a file")))
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile(
                Problem("", _("this is not an ordinary file (a pipe or a device, for example)"))
            )
        if max_bytes is not None and info.st_size > max_bytes:
            raise UnreadableFile(
                Problem(
                    "",
                    _("the file is {size} MB; files of this kind are at most {limit} MB").format(
                        size=round(info.st_size / 1_000_000, 1),
                        limit=round(max_bytes / 1_000_000, 1),
                    ),
                )
            )
        return handle.read()


def read_json_file(path: Path, max_bytes: int) -> object:
    """Read and parse ``path``; every way this can fail raises UnreadableFile."""
    try:
        raw = read_regular_file(path, max_bytes)
    except IsADirectoryError:
        raise UnreadableFile(Problem("", _("this is a folder, not a file"))) from None
    except FileNotFoundError:
        raise UnreadableFile(Problem("", _("the file does not exist"))) from None
    except PermissionError:
        raise UnreadableFile(Problem("", _("you are not allowed to read this file"))) from None
    except OSError as error:
        raise UnreadableFile(
            Problem("", _("the file could not be read ({reason})").format(reason=os_reason(error)))
        ) from None
    return parse_json_text(raw)
