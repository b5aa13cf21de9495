"""Small packs built in code, so each risk rule can be exercised on its own."""

from __future__ import annotations

from typing import Any

from vastgoedcheck.domain.pack import Pack
from vastgoedcheck.packs.loading import pack_from_dict, pack_problems

URL = "https://example.org/source"


def flag(
    qid: str,
    severity: str = "medium",
    kind: str = "signal",
    cluster: str = "CTX",
    **extra: Any,
) -> dict[str, Any]:
    question = {
        "id": qid,
        "type": "flag",
        "label": {"nl": f"Vraag {qid}?", "en": f"Question {qid}?"},
        "guidance": {"nl": "Uitleg.", "en": "Guidance."},
        "severity": severity,
        "kind": kind,
        "cluster": cluster,
        "sources": [URL],
        "required": True,
    }
    question.update(extra)
    return question


def amount(qid: str, after: str) -> dict[str, Any]:
    return {
        "id": qid,
        "type": "amount",
        "label": {"nl": "Bedrag?", "en": "Amount?"},
        "guidance": {"nl": "Uitleg.", "en": "Guidance."},
        "enable_when": {
            "behavior": "all",
            "conditions": [{"question": after, "operator": "=", "answer": "yes"}],
        },
    }


def pack_document(
    questions: list[dict[str, Any]], roles: tuple[str, ...] = ("broker",), deal: str = "sale"
) -> dict[str, Any]:
    fields: dict[str, dict[str, str]] = {
        "person": {"name": "required"},
        "organisation": {"name": "required"},
        "property": {
            "address": "required",
            "postcode": "required",
            "city": "required",
            "object_type": "required",
            "rent_monthly": "optional",
        },
    }
    if deal == "any":
        fields["property"]["transaction"] = "required"
    return {
        "format": "vastgoedcheck-pack",
        "format_version": 1,
        "id": "test-pack",
        "code": "TST",
        "version": "2026.1",
        "roles": list(roles),
        "deal": deal,
        "party_roles": ["client"],
        "title": {"nl": "Testlijst", "en": "Test list"},
        "description": {"nl": "Voor tests.", "en": "For tests."},
        "fields": fields,
        "references": {URL: "Example source"},
        "sections": [{"id": "all", "title": {"nl": "Alles", "en": "All"}, "questions": questions}],
    }


def make_pack(
    questions: list[dict[str, Any]], roles: tuple[str, ...] = ("broker",), deal: str = "sale"
) -> Pack:
    document = pack_document(questions, roles, deal)
    problems = pack_problems(document)
    assert not problems, problems
    return pack_from_dict(document)


def stage_pack() -> dict[str, Any]:
    """A landlord pack with three stages; household size is asked from the contract on."""
    stage = {
        "id": "TST-00",
        "type": "choice",
        "label": {"nl": "Fase?", "en": "Stage?"},
        "guidance": {"nl": "Uitleg.", "en": "Guidance."},
        "required": True,
        "choices": [
            {"value": value, "label": {"nl": value, "en": value}}
            for value in ("application", "contract", "tenancy")
        ],
    }
    after_application = {
        "behavior": "all",
        "conditions": [{"question": "TST-00", "operator": "!=", "answer": "application"}],
    }
    document = pack_document(
        [
            stage,
            flag("TST-01", "critical", knockout=True, enable_when=after_application),
            flag("TST-02", "high"),
        ],
        ("landlord",),
        "rental",
    )
    document["fields"]["person"]["household_size"] = "conditional"
    document["stages"] = {
        "question": "TST-00",
        "order": ["application", "contract", "tenancy"],
        "fields_from": {"contract": {"person": ["household_size"]}},
        "running_from": "tenancy",
    }
    return document
