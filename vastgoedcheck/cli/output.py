"""Writing command results and one-sentence errors to the terminal."""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from vastgoedcheck import APP_NAME
from vastgoedcheck.i18n import LANGUAGES, _


class UserError(Exception):
    """Something the user can fix; the message is one translated sentence."""


def _default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=_default)
    sys.stdout.write("\n")


def say(text: str = "") -> None:
    print(text)


def fail(message: str) -> int:
    print(f"{APP_NAME}: {message}", file=sys.stderr)
    return 1


def add_pdf_options(parser: argparse.ArgumentParser, language_help: str) -> None:
    """``-o FILE.pdf`` and ``--lang``: the language of the document, not of the messages."""
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar=_("FILE.pdf"),
        help=_("the PDF to write"),
    )
    parser.add_argument("--lang", dest="report_language", choices=LANGUAGES, help=language_help)
