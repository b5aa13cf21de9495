"""Writing a ``Check`` as a check document (exchange format v1): the inverse of reading."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from enum import Enum
from typing import Any

from vastgoedcheck.domain.check import AnswerValue, Attachment, Check, Examiner
from vastgoedcheck.domain.fingerprint import fingerprint
from vastgoedcheck.domain.pack import Pack, QuestionType

FORMAT = "vastgoedcheck-check"
FORMAT_VERSION = 1


def json_value(value: Any) -> Any:
    """A domain value as JSON data: dates as ISO 8601, amounts as strings like ``"12.50"``."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):  # also datetime
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Mapping):
        return {key: json_value(child) for key, child in value.items()}
    if isinstance(value, tuple | list):
        return [json_value(child) for child in value]
    return value


def examiner_json(examiner: Examiner) -> dict[str, str]:
    """Who made the check and how to reach them, without the parts left empty."""
    return {
        key: value
        for key, value in (
            ("name", examiner.name),
            ("organisation", examiner.organisation),
            ("phone", examiner.phone),
            ("email", examiner.email),
        )
        if value
    }


def answer_json(pack: Pack, question_id: str, value: AnswerValue | None) -> Any:
    """An answer value as the exchange format writes it for this question."""
    question = pack.question(question_id)
    if question is not None and question.type is QuestionType.NUMBER and value is not None:
        assert isinstance(value, Decimal)
        return int(value) if value == value.to_integral_value() else float(value)
    return json_value(value)


def attachment_json(attachment: Attachment) -> dict[str, Any]:
    return {
        "name": attachment.name,
        "media_type": attachment.media_type,
        "size": attachment.size,
        "sha256": attachment.sha256,
    }


def check_document(check: Check, pack: Pack) -> dict[str, Any]:
    """The exchange document of ``check``, without attachment content."""
    answers: dict[str, Any] = {}
    for question_id, answer in check.answers.items():
        entry: dict[str, Any] = {"value": answer_json(pack, question_id, answer.value)}
        if answer.note:
            entry["note"] = answer.note
        if answer.attachments:
            entry["attachments"] = [attachment_json(a) for a in answer.attachments]
        if answer.from_form:
            entry["from_form"] = answer.from_form
        answers[question_id] = entry
    document: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "id": check.id,
        "revision": check.revision,
        "pack": {"id": check.pack_id, "version": check.pack_version},
        "role": check.role.value,
        "language": check.language,
        **({"reference": check.reference} if check.reference else {}),
        "parties": [
            {"role": party.role, "kind": party.kind.value, **json_value(party.data)}
            for party in check.parties
        ],
        "property": json_value(check.property),
        "answers": answers,
        "status": check.status.value,
    }
    examiner = examiner_json(check.examiner)
    if examiner:
        document["examiner"] = examiner
    if check.decision is not None:
        decision = {"outcome": check.decision.outcome, "reasoning": check.decision.reasoning}
        if check.decision.decided_at is not None:
            decision["decided_at"] = check.decision.decided_at.isoformat()
        document["decision"] = decision
    if check.amends is not None:
        document["amends"] = {
            "revision": check.amends.revision,
            "fingerprint": check.amends.fingerprint,
            "reason": check.amends.reason,
        }
    for key, moment in (
        ("created_at", check.created_at),
        ("updated_at", check.updated_at),
        ("finalized_at", check.finalized_at),
    ):
        if moment is not None:
            document[key] = moment.isoformat()
    if check.fingerprint is not None:
        document["fingerprint"] = check.fingerprint
    return document


def document_fingerprint(document: Mapping[str, Any]) -> str:
    """The fingerprint of a check document: everything but the fingerprint itself, the
    embedded attachment content (each attachment is already covered by its SHA-256) and the
    report records of an internal export (kept beside the revisions, never in them)."""
    bare = {
        key: value
        for key, value in document.items()
        if key not in ("fingerprint", "report_records")
    }
    bare["answers"] = {
        question_id: {
            **answer,
            **(
                {"attachments": [_without_content(a) for a in answer["attachments"]]}
                if "attachments" in answer
                else {}
            ),
        }
        for question_id, answer in document.get("answers", {}).items()
    }
    return fingerprint(bare)


def _without_content(attachment: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in attachment.items() if key != "content"}
