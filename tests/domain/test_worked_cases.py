"""Every worked legal case in docs/risk-rules.md gives exactly the outcome, stop and channels
the table states: the table is the legal review's record, this test keeps the rules to it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import pytest

from tests.conftest import REPO
from vastgoedcheck.domain.assessment import Channel, Outcome, assess
from vastgoedcheck.domain.check import AnswerValue
from vastgoedcheck.domain.pack import FlagValue, Pack, QuestionType, Role
from vastgoedcheck.packs.registry import PackRegistry

RULES = REPO / "docs" / "risk-rules.md"
COLUMNS = ["Case", "Role", "Pack", "Property", "Answers", "Outcome", "Stop", "Channels"]
REGISTRY = PackRegistry.builtin()


@dataclass(frozen=True)
class Case:
    name: str
    role: str
    pack: str
    property: str
    answers: str
    outcome: str
    stop: str
    channels: str
    source: str


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def worked_cases() -> list[Case]:
    text = RULES.read_text(encoding="utf-8")
    section = text.split("## 7. Worked legal cases", 1)[1]
    cases = []
    for line in section.splitlines():
        if not line.startswith("|"):
            continue
        cells = _cells(line)
        if cells[: len(COLUMNS)] == COLUMNS or set("".join(cells)) <= set("-: "):
            continue
        assert len(cells) == 9, line
        cases.append(Case(*cells))
    return cases


CASES = worked_cases()


def _pairs(text: str) -> list[tuple[str, str]]:
    if text in ("—", "-", ""):
        return []
    pairs = []
    for part in text.split(";"):
        key, _sep, value = part.strip().partition("=")
        pairs.append((key.strip().strip("`"), value.strip().strip("`")))
    return pairs


def _number(value: str) -> Decimal | None:
    try:
        return Decimal(value.replace("€", "").replace(" ", ""))
    except InvalidOperation:
        return None


def _answers(pack: Pack, case: Case) -> tuple[dict[str, AnswerValue | None], list[str]]:
    answers: dict[str, AnswerValue | None] = {}
    screenings = []
    for key, value in _pairs(case.answers):
        if key == "screening":
            screenings.append(value)
            continue
        question = pack.question(key)
        assert question is not None, f"{case.name}: {pack.id} has no question {key}"
        if question.type is QuestionType.FLAG:
            answers[key] = FlagValue(value)
        elif question.type in (QuestionType.AMOUNT, QuestionType.NUMBER):
            answers[key] = _number(value)
        else:
            assert value in question.choice_values(), f"{case.name}: {key}={value}"
            answers[key] = value
    return answers, screenings


def _property(case: Case) -> dict[str, object]:
    found: dict[str, object] = {}
    for key, value in _pairs(case.property):
        number = _number(value)
        found[key] = number if number is not None and key != "transaction" else value
    return found


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_the_worked_case_gives_its_stated_advice(case: Case) -> None:
    pack = REGISTRY.get(case.pack)
    assert pack is not None, f"{case.name}: no pack {case.pack}"
    role = Role(case.role)
    assert role in pack.roles, f"{case.name}: {case.pack} does not serve {case.role}"
    answers, screenings = _answers(pack, case)
    result = assess(pack, role, answers, _property(case), screenings)
    assert result.outcome is Outcome[case.outcome.upper()], case.name
    assert result.stop is (case.stop == "yes"), case.name
    expected = {Channel(c.strip()) for c in case.channels.split(",") if c.strip() not in "—-"}
    assert set(result.report_channels) == expected, case.name


def test_every_case_names_its_legal_source_and_every_pack_has_cases() -> None:
    assert len(CASES) >= 40
    assert all(re.search(r"\w", case.source) for case in CASES)
    assert len({case.name for case in CASES}) == len(CASES)
    assert {case.pack for case in CASES} >= {pack.id for pack in REGISTRY.latest()}
