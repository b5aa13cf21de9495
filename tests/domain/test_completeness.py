"""The advice says when it rests on part of the facts: until the questions that decide the outcome
are answered, "proceed" is no advice, while a stop or a stronger level found already stands."""

from __future__ import annotations

from decimal import Decimal

import pytest

from vastgoedcheck.domain.assessment import Outcome, assess
from vastgoedcheck.domain.check import Answer, AnswerValue, Check, Party, PartyKind
from vastgoedcheck.domain.completeness import gaps
from vastgoedcheck.domain.conditions import visible_question_ids
from vastgoedcheck.domain.pack import FlagValue, Pack, QuestionType, Role
from vastgoedcheck.domain.scope import scope_of
from vastgoedcheck.packs.registry import PackRegistry

REGISTRY = PackRegistry.builtin()
PACK_ROLES = [(pack, role) for pack in REGISTRY.latest() for role in pack.roles]
WWFT_PROPERTY: dict[str, object] = {"transaction": "sale", "rent_monthly": Decimal(12000)}


def residential() -> Pack:
    pack = REGISTRY.get("landlord-residential")
    assert pack is not None
    return pack


def every_question_answered_safely(pack: Pack, role: Role) -> dict[str, AnswerValue]:
    """The first choice of each choice question, the safe answer to each flag and 100 for each
    amount, question by question in the order the user meets them."""
    answers: dict[str, AnswerValue] = {}
    for question in pack.questions:
        if question.type is QuestionType.CHOICE:
            answers[question.id] = question.choice_values()[0]
        elif question.type is QuestionType.FLAG:
            answers[question.id] = question.safe_answer
        elif question.type in (QuestionType.AMOUNT, QuestionType.NUMBER):
            answers[question.id] = Decimal(100)
    return answers


def name(case: tuple[Pack, Role]) -> str:
    return f"{case[0].id}-{case[1].value}"


@pytest.mark.parametrize("case", PACK_ROLES, ids=name)
def test_a_new_check_is_no_advice_to_proceed(case: tuple[Pack, Role]) -> None:
    pack, role = case
    result = assess(pack, role, {}, WWFT_PROPERTY)
    shown = visible_question_ids(pack, {}, scope_of(pack, role, WWFT_PROPERTY))
    required = [q.id for q in pack.questions if q.required and q.id in shown]
    assert result.undecided and not result.complete
    assert list(result.open_questions) == required
    assert result.deciding == len(required)


@pytest.mark.parametrize("case", PACK_ROLES, ids=name)
def test_every_question_answered_is_complete_advice(case: tuple[Pack, Role]) -> None:
    pack, role = case
    result = assess(pack, role, every_question_answered_safely(pack, role), WWFT_PROPERTY)
    assert result.complete and not result.undecided
    assert result.open_questions == ()
    assert result.outcome is Outcome.PROCEED


def test_a_knock_out_answered_first_is_shown_with_the_rest_still_open() -> None:
    pack = residential()
    answers: dict[str, AnswerValue] = {"RES-00": "contract", "RES-02": FlagValue.YES}  # straw man
    result = assess(pack, Role.LANDLORD, answers)
    assert result.stop  # the stop stands: it is not hidden as "incomplete"
    assert not result.undecided
    assert not result.complete
    assert "RES-02" not in result.open_questions and "RES-00" not in result.open_questions
    assert "RES-01" in result.open_questions


def test_a_serious_signal_answered_first_stands_with_the_rest_still_open() -> None:
    pack = residential()
    result = assess(pack, Role.LANDLORD, {"RES-06": FlagValue.YES})  # an intermediary talks
    assert result.outcome is Outcome.ESCALATE
    assert not result.undecided
    assert result.open_questions and "RES-06" not in result.open_questions


def test_unknown_is_an_answer_but_not_a_safe_one() -> None:
    pack = residential()
    answers = every_question_answered_safely(pack, Role.LANDLORD)
    answers["RES-00"] = "contract"  # the identity question is asked from the contract on
    answers["RES-01"] = FlagValue.UNKNOWN
    result = assess(pack, Role.LANDLORD, answers)
    assert result.complete
    assert result.outcome is not Outcome.PROCEED or result.stop


def test_the_questions_still_open_are_those_that_stand_in_the_way_of_finalizing() -> None:
    pack = residential()
    check = Check(
        id="c1",
        pack_id=pack.id,
        pack_version=pack.version,
        role=Role.LANDLORD,
        parties=(Party("tenant", PartyKind.PERSON, {"name": "Daan Bakker"}),),
        answers={"RES-00": Answer("application"), "RES-03": Answer(FlagValue.NO)},
    )
    result = assess(pack, check.role, check.answer_values(), check.property)
    assert result.open_questions == gaps(check, pack).unanswered
    assert "RES-03" not in result.open_questions
    assert "RES-15" not in result.open_questions  # asked from the contract stage on
