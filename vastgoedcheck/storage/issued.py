"""The files handed out from the store (reports, exports), as recorded in the store log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class IssuedFile:
    at: dt.datetime
    actor: str
    check_id: str
    kind: str  # "report" or "export"
    sha256: str
    recipient: str
    language: str
    file: str
    revision: int
    fingerprint: str | None


def issued_files(entries: Iterable[Mapping[str, Any]]) -> list[IssuedFile]:
    """The ``issued`` entries of the store log, oldest first; malformed ones are skipped."""
    found = []
    for entry in entries:
        if entry.get("action") != "issued":
            continue
        try:
            found.append(
                IssuedFile(
                    at=dt.datetime.fromisoformat(entry["at"]),
                    actor=str(entry["actor"]),
                    check_id=str(entry["check"]),
                    kind=str(entry["kind"]),
                    sha256=str(entry["sha256"]),
                    # "" once the check was erased: the entry keeps no recipient or file name
                    recipient=str(entry.get("recipient", "")),
                    language=str(entry["language"]),
                    file=str(entry.get("file", "")),
                    revision=int(entry["revision"]),
                    fingerprint=entry.get("fingerprint"),
                )
            )
        except (KeyError, TypeError, ValueError):
            continue
    return found
