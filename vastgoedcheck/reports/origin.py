"""The origin a report states about itself (check, revision, recipient), written into the PDF's
keywords and read back by ``vastgoedcheck verify`` even from a damaged or altered copy."""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARK = "vastgoedcheck-report"
_PATTERN = re.compile(
    rb"vastgoedcheck-report check=([0-9a-f-]{36}) revision=([0-9]{1,9}) recipient=([a-z]{1,20})"
)


@dataclass(frozen=True)
class Origin:
    check_id: str
    revision: int
    recipient: str


def origin_keywords(origin: Origin) -> str:
    return (
        f"{_MARK} check={origin.check_id} revision={origin.revision} recipient={origin.recipient}"
    )


def claimed_origin(pdf: bytes) -> Origin | None:
    """The origin written into ``pdf`` by this app, or None when it names none."""
    found = _PATTERN.search(pdf)
    if found is None:
        return None
    return Origin(found[1].decode("ascii"), int(found[2]), found[3].decode("ascii"))
