"""The promises of the outcome ladder hold for every built-in pack and every role it serves."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from decimal import Decimal

import pytest

from vastgoedcheck.domain.assessment import Channel, Outcome, assess
from vastgoedcheck.domain.check import AnswerValue
from vastgoedcheck.domain.conditions import visible_question_ids
from vastgoedcheck.domain.pack import FlagValue, Pack, QuestionType, Role
from vastgoedcheck.packs.registry import PackRegistry

REGISTRY = PackRegistry.builtin()
PACK_ROLES = [(pack, role) for pack in REGISTRY.latest() for role in pack.roles]
WWFT_PROPERTY = {"transaction": "sale"}


def settings(pack: Pack) -> Iterator[dict[str, AnswerValue]]:
    """Every combination of the pack's single-choice questions (stage, type of deed, …)."""
    choices = [q for q in pack.questions if q.type is QuestionType.CHOICE]
    for combination in itertools.product(*(q.choice_values() for q in choices)):
        yield {q.id: value for q, value in zip(choices, combination, strict=True)}


def all_flags(pack: Pack, value: FlagValue, base: dict[str, AnswerValue]) -> dict[str, AnswerValue]:
    answers = dict(base)
    answers.update({q.id: value for q in pack.questions if q.type is QuestionType.FLAG})
    return answers


def name(case: tuple[Pack, Role]) -> str:
    return f"{case[0].id}-{case[1].value}"


@pytest.mark.parametrize("case", PACK_ROLES, ids=name)
def test_all_no_means_proceed(case: tuple[Pack, Role]) -> None:
    pack, role = case
    for base in settings(pack):
        result = assess(pack, role, all_flags(pack, FlagValue.NO, base), WWFT_PROPERTY)
        assert result.outcome is Outcome.PROCEED
        assert not result.stop
        assert result.report_channels == ()


@pytest.mark.parametrize("case", PACK_ROLES, ids=name)
def test_any_knockout_yes_stops(case: tuple[Pack, Role]) -> None:
    pack, role = case
    tested = set()
    for base in settings(pack):
        answers = all_flags(pack, FlagValue.NO, base)
        shown = visible_question_ids(pack, answers)
        for question in pack.questions:
            if question.knockout and question.id in shown:
                assert assess(pack, role, {**answers, question.id: FlagValue.YES}).stop
                tested.add(question.id)
    assert tested == {q.id for q in pack.questions if q.knockout}


@pytest.mark.parametrize("case", [c for c in PACK_ROLES if c[1] is not Role.LANDLORD], ids=name)
def test_an_objective_indicator_is_a_duty_to_report_to_fiu(case: tuple[Pack, Role]) -> None:
    pack, role = case
    base = next(settings(pack))
    answers = all_flags(pack, FlagValue.NO, base)
    for question in pack.questions:
        if question.kind is not None and question.kind.value == "objective":
            result = assess(pack, role, {**answers, question.id: FlagValue.YES}, WWFT_PROPERTY)
            assert result.outcome is Outcome.MUST_REPORT, question.id
            assert Channel.FIU in result.report_channels


@pytest.mark.parametrize("case", [c for c in PACK_ROLES if c[1] is Role.LANDLORD], ids=name)
def test_a_landlord_is_never_offered_fiu_whatever_the_answers(case: tuple[Pack, Role]) -> None:
    pack, role = case
    big_amounts = {q.id: Decimal(50000) for q in pack.questions if q.type is QuestionType.AMOUNT}
    for base in settings(pack):
        for value in (FlagValue.YES, FlagValue.UNKNOWN):
            result = assess(pack, role, {**all_flags(pack, value, base), **big_amounts})
            assert Channel.FIU not in result.report_channels
            assert result.outcome is not Outcome.MUST_REPORT
            assert result.outcome is Outcome.REPORT_RECOMMENDED
