"""Turning a pack file into a validated ``Pack``, or into the full list of its problems."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from vastgoedcheck.domain.pack import (
    Choice,
    Cluster,
    Condition,
    ConditionGroup,
    ConditionValue,
    Contradiction,
    DataKind,
    Deal,
    DutyType,
    Escalation,
    FieldNeed,
    FlagValue,
    FormFact,
    Kind,
    Operator,
    Pack,
    Question,
    QuestionType,
    Role,
    Section,
    Severity,
    Stages,
    Validator,
)
from vastgoedcheck.domain.text import LocalizedText
from vastgoedcheck.jsonfiles import Problem, UnreadableFile, read_json_file
from vastgoedcheck.schema_messages import schema_problems

PACK_SCHEMA = "pack.schema.json"
MAX_PACK_BYTES = 5_000_000


class InvalidPack(Exception):
    """A pack file that cannot be used; ``problems`` lists everything wrong with it."""

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        super().__init__(f"{path}: {len(problems)} problem(s)")
        self.path = path
        self.problems = problems


def pack_problems(data: object) -> list[Problem]:
    """Every schema and semantic problem of a parsed pack document."""
    from vastgoedcheck.packs.semantics import semantic_problems  # only when validating

    problems = schema_problems(data, PACK_SCHEMA)
    if isinstance(data, dict):
        seen = {(p.location, p.message) for p in problems}
        problems += [p for p in semantic_problems(data) if (p.location, p.message) not in seen]
    return problems


def validate_pack_file(path: Path) -> list[Problem]:
    try:
        data = read_json_file(path, MAX_PACK_BYTES)
    except UnreadableFile as error:
        return [error.problem]
    return pack_problems(data)


def load_pack_file(path: Path) -> Pack:
    try:
        data = read_json_file(path, MAX_PACK_BYTES)
    except UnreadableFile as error:
        raise InvalidPack(path, [error.problem]) from None
    problems = pack_problems(data)
    if problems:
        raise InvalidPack(path, problems)
    assert isinstance(data, dict)
    return pack_from_dict(data)


def _text(value: dict[str, str]) -> LocalizedText:
    return LocalizedText(nl=value["nl"], en=value["en"])


def _optional_text(value: dict[str, str] | None) -> LocalizedText | None:
    return None if value is None else _text(value)


def _condition_value(value: Any) -> ConditionValue:
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float):
        return Decimal(str(value))
    return str(value)


def _group(value: dict[str, Any] | None) -> ConditionGroup | None:
    if value is None:
        return None
    conditions = tuple(
        Condition(c["question"], Operator(c["operator"]), _condition_value(c.get("answer")))
        for c in value["conditions"]
    )
    return ConditionGroup(value["behavior"], conditions)


def _decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _question(value: dict[str, Any]) -> Question:
    def optional(enum: Any, key: str) -> Any:
        return None if key not in value else enum(value[key])

    escalations = []
    for escalation in value.get("escalations", []):
        when = _group(escalation["when"])
        assert when is not None
        escalations.append(
            Escalation(
                when=when,
                kind=Kind(escalation["kind"]) if "kind" in escalation else None,
                knockout=bool(escalation.get("knockout", False)),
                reason=_optional_text(escalation.get("reason")),
                severity=Severity(escalation["severity"]) if "severity" in escalation else None,
            )
        )
    return Question(
        id=value["id"],
        type=QuestionType(value["type"]),
        label=_text(value["label"]),
        guidance=_text(value["guidance"]),
        severity=optional(Severity, "severity"),
        kind=optional(Kind, "kind"),
        also_signal=bool(value.get("also_signal", False)),
        duty_type=optional(DutyType, "duty_type"),
        knockout=bool(value.get("knockout", False)),
        safety=bool(value.get("safety", False)),
        cluster=optional(Cluster, "cluster"),
        sources=tuple(value.get("sources", ())),
        required=bool(value.get("required", False)),
        enable_when=_group(value.get("enable_when")),
        escalations=tuple(escalations),
        choices=tuple(Choice(c["value"], _text(c["label"])) for c in value.get("choices", ())),
        validator=optional(Validator, "validator"),
        minimum=_decimal(value.get("min")),
        maximum=_decimal(value.get("max")),
        max_length=value.get("max_length"),
        signal_answer=FlagValue(value.get("signal_answer", "yes")),
        stops_when_unknown=value.get("unknown_stops"),
        roles=tuple(Role(role) for role in value.get("roles", ())),
        wwft=value.get("wwft"),
        data=tuple(DataKind(kind) for kind in value.get("data", ())),
        from_form=tuple(
            FormFact(
                field=fact["field"],
                values=tuple(fact["values"]),
                answer=fact.get("answer"),
                answer_from=fact.get("answer_from"),
            )
            for fact in value.get("from_form", ())
        ),
        contradictions=tuple(_contradiction(c) for c in value.get("contradictions", ())),
    )


def _contradiction(value: dict[str, Any]) -> Contradiction:
    when = _group(value["when"])
    assert when is not None
    return Contradiction(when=when, reason=_text(value["reason"]))


def _stages(value: dict[str, Any] | None) -> Stages | None:
    if value is None:
        return None
    return Stages(
        question=value["question"],
        order=tuple(value["order"]),
        fields_from={
            stage: {category: tuple(names) for category, names in categories.items()}
            for stage, categories in value.get("fields_from", {}).items()
        },
        running_from=value.get("running_from"),
    )


def pack_from_dict(data: dict[str, Any]) -> Pack:
    """Build a Pack from a document that passed ``pack_problems`` without problems."""
    return Pack(
        id=data["id"],
        code=data["code"],
        version=data["version"],
        roles=tuple(Role(role) for role in data["roles"]),
        deal=Deal(data["deal"]),
        party_roles=tuple(data["party_roles"]),
        title=_text(data["title"]),
        description=_text(data["description"]),
        fields={
            category: {name: FieldNeed(need) for name, need in names.items()}
            for category, names in data["fields"].items()
        },
        references=dict(data["references"]),
        sections=tuple(
            Section(
                id=section["id"],
                title=_text(section["title"]),
                intro=_optional_text(section.get("intro")),
                questions=tuple(_question(q) for q in section["questions"]),
            )
            for section in data["sections"]
        ),
        legal_position=_optional_text(data.get("legal_position")),
        review_by=dt.date.fromisoformat(data["review_by"]) if "review_by" in data else None,
        stages=_stages(data.get("stages")),
    )
