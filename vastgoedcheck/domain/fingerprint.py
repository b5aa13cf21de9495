"""Canonical JSON of a check document and its fingerprint (SHA-256), the identity of a revision."""

from __future__ import annotations

import hashlib
import json
from typing import Any


def canonical_json(document: Any) -> bytes:
    """One byte form per value: sorted keys, no spaces, UTF-8, no NaN."""
    text = json.dumps(
        document, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )
    return text.encode("utf-8")


def fingerprint(document: Any) -> str:
    """The SHA-256 (hex) of the canonical JSON of ``document``."""
    return hashlib.sha256(canonical_json(document)).hexdigest()
