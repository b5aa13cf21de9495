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
from vastgoedcheck.domain.scope import scope_of, wwft_applies
from vastgoedcheck.packs.registry import PackRegistry

REGISTRY = PackRegistry.builtin()
PACK_ROLES = [(pack, role) for pack in REGISTRY.latest() for role in pack.roles]
# A matter in which an estate agent or a notary is a Wwft institution, whatever the pack's deal.
WWFT_PROPERTY: dict[str, object] = {"transaction": "sale", "rent_monthly": Decimal(12000)}


def settings(pack: Pack) -> Iterator[dict[str, AnswerValue]]:
    """Every combination of the pack's single-choice questions (stage, type of deed, …)."""
    choices = [q for q in pack.questions if q.type is QuestionType.CHOICE]
    for combination in itertools.product(*(q.choice_values() for q in choices)):
        yield {q.id: value for q, value in zip(choices, combination, strict=True)}


def all_flags(pack: Pack, value: FlagValue, base: dict[str, AnswerValue]) -> dict[str, AnswerValue]:
    """Every flag answered ``value``; YES stands for each question's signal answer and NO for its
    safe answer (a question may say that "no" is its signal)."""
    answers = dict(base)
    for q in pack.questions:
        if q.type is QuestionType.FLAG:
            answers[q.id] = {
                FlagValue.YES: q.signal_answer,
                FlagValue.NO: q.safe_answer,
            }.get(value, value)
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
    scopes = set()
    for property_data in ({}, WWFT_PROPERTY):
        scope = scope_of(pack, role, property_data)
        scopes.add(scope.wwft)
        for base in settings(pack):
            answers = all_flags(pack, FlagValue.NO, base)
            shown = visible_question_ids(pack, answers, scope)
            for question in pack.questions:
                if question.knockout and question.id in shown:
                    signal = {**answers, question.id: question.signal_answer}
                    assert assess(pack, role, signal, property_data).stop, question.id
                    tested.add(question.id)
    asked = {
        q.id
        for q in pack.questions
        if q.knockout and any(q.asked_for(role, wwft) for wwft in scopes)
    }  # a landlord is never within the Wwft: a Wwft-only knock-out is never asked of one
    assert tested == asked


@pytest.mark.parametrize("case", [c for c in PACK_ROLES if c[1] is not Role.LANDLORD], ids=name)
def test_an_objective_indicator_is_a_duty_to_report_to_fiu(case: tuple[Pack, Role]) -> None:
    pack, role = case
    base = next(settings(pack))
    answers = all_flags(pack, FlagValue.NO, base)
    for question in pack.questions:
        if question.kind is not None and question.kind.value == "objective":
            signal = {**answers, question.id: question.signal_answer}
            result = assess(pack, role, signal, WWFT_PROPERTY)
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
            if value is FlagValue.YES:  # "unknown" alone at the application stage is less
                assert result.outcome is Outcome.REPORT_RECOMMENDED


DEALS: list[dict[str, object]] = [
    {},
    {"rent_monthly": Decimal(2000)},
    {"rent_monthly": Decimal(10000)},
    *({"transaction": t} for t in ("sale", "mortgage", "incorporation", "share_transfer")),
    *({"transaction": t} for t in ("financing", "operation")),
    {"transaction": "rental", "rent_monthly": Decimal(9999)},
    {"transaction": "rental", "rent_monthly": Decimal(15000)},
]


@pytest.mark.parametrize("case", PACK_ROLES, ids=name)
def test_fiu_is_offered_exactly_when_the_wwft_applies(case: tuple[Pack, Role]) -> None:
    """Per pack, role and kind of deal: FIU-Nederland appears if and only if the user is a Wwft
    institution for the matter (art. 1a lid 4 Wwft), however serious the answers."""
    pack, role = case
    big_amounts = {q.id: Decimal(50000) for q in pack.questions if q.type is QuestionType.AMOUNT}
    for property_data in DEALS:
        wwft = wwft_applies(pack, role, property_data)
        for base in settings(pack):
            answers = {**all_flags(pack, FlagValue.YES, base), **big_amounts}
            result = assess(pack, role, answers, property_data)
            assert result.outcome >= Outcome.REPORT_RECOMMENDED
            assert (Channel.FIU in result.report_channels) is wwft, (property_data, base)
            if not wwft:  # a duty to report to FIU-Nederland exists only within the Wwft
                assert result.outcome is not Outcome.MUST_REPORT
