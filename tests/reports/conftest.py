"""Shared set-up for the report tests: example checks made final, files for attachments, and
the text a reader of the PDF would see (extracted with pypdf)."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import hashlib
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.conftest import REPO
from vastgoedcheck.domain.check import Answer, Attachment, Check, Decision, Status
from vastgoedcheck.domain.pack import Pack
from vastgoedcheck.domain.report_record import ReportRecord
from vastgoedcheck.exchange.reading import check_from_document
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.reports.profiles import Recipient
from vastgoedcheck.reports.report import build_report

EXAMPLES = REPO / "docs" / "examples"
ISSUED_AT = dt.datetime(2026, 3, 9, 14, 32, tzinfo=dt.timezone(dt.timedelta(hours=1)))
FINALIZED_AT = dt.datetime(2026, 3, 9, 14, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
FINGERPRINT = "5d41402abc4b2a76b9719d911017c592" * 2


def document(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    return copy.deepcopy(data)


def final(check: Check) -> Check:
    """``check`` as finalized, with a decision if it had none."""
    decision = check.decision or Decision(
        "report_recommended", "Signals observed; reporting.", FINALIZED_AT
    )
    return dataclasses.replace(
        check,
        status=Status.FINAL,
        decision=decision,
        finalized_at=FINALIZED_AT,
        fingerprint=FINGERPRINT,
    )


def read(data: dict[str, Any], registry: PackRegistry) -> tuple[Check, Pack]:
    return check_from_document(data, registry)


class Files:
    """A folder of attachment content, found by SHA-256 as the store finds it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def add(self, content: bytes, name: str, media_type: str = "image/jpeg") -> Attachment:
        sha256 = hashlib.sha256(content).hexdigest()
        (self.folder / sha256).write_bytes(content)
        return Attachment(sha256, name, len(content), media_type)

    def content(self, sha256: str) -> bytes:
        """The content, as ``Store.attachment_content`` gives it; missing: it raises."""
        return (self.folder / sha256).read_bytes()


@pytest.fixture
def files(tmp_path: Path) -> Files:
    return Files(tmp_path / "attachments")


def attach(check: Check, question_id: str, *attachments: Attachment) -> Check:
    answer = check.answers[question_id]
    answers = dict(check.answers)
    answers[question_id] = Answer(answer.value, answer.note, answer.attachments + attachments)
    return dataclasses.replace(check, answers=answers)


def report(
    check: Check,
    pack: Pack,
    recipient: str = "dossier",
    language: str = "en",
    files: Files | None = None,
    *,
    internal: bool = False,
    records: Sequence[ReportRecord] = (),
) -> bytes:
    lookup = (
        files.content
        if files is not None
        else (lambda sha: (Path("/nonexistent") / sha).read_bytes())
    )
    return build_report(
        check,
        pack,
        Recipient(recipient),
        language,
        lookup,
        ISSUED_AT,
        internal=internal,
        records=records,
    )


def pages(pdf: bytes) -> list[str]:
    """The text of each page, as a reader copying it out of the PDF gets it."""
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def text(pdf: bytes) -> str:
    return "\n".join(pages(pdf))


def flat(value: str) -> str:
    """Text with line breaks and repeated spaces made single spaces, to find wrapped phrases."""
    return " ".join(value.split())
