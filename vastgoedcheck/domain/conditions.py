"""Which questions of a pack are shown, given the answers so far (``enable_when``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

from vastgoedcheck.domain.check import AnswerValue, Check
from vastgoedcheck.domain.pack import Condition, ConditionGroup, Operator, Pack
from vastgoedcheck.domain.scope import Scope, scope_of

_ORDERING = {
    Operator.GT: lambda a, b: a > b,
    Operator.GE: lambda a, b: a >= b,
    Operator.LT: lambda a, b: a < b,
    Operator.LE: lambda a, b: a <= b,
}


def _comparable(value: AnswerValue) -> Decimal | str | None:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return str(value)
    return None


def condition_holds(condition: Condition, value: AnswerValue | None) -> bool:
    """Whether one condition holds for the answer ``value`` (None: not answered or hidden)."""
    if condition.operator is Operator.EXISTS:
        wanted = condition.answer if isinstance(condition.answer, bool) else True
        return (value is not None) == wanted
    if value is None:
        return False
    expected = condition.answer
    if condition.operator in (Operator.EQ, Operator.NE):
        if isinstance(value, tuple):  # multi_choice: "=" means "includes"
            equal = expected in value
        elif isinstance(value, Decimal) and isinstance(expected, Decimal):
            equal = value == expected
        else:
            equal = _comparable(value) == (str(expected) if expected is not None else None)
        return equal if condition.operator is Operator.EQ else not equal
    left = _comparable(value)
    if isinstance(left, Decimal) and isinstance(expected, Decimal):
        return bool(_ORDERING[condition.operator](left, expected))
    if isinstance(left, str) and isinstance(expected, str) and isinstance(value, dt.date):
        return bool(_ORDERING[condition.operator](left, expected))
    return False


def group_holds(group: ConditionGroup, values: Mapping[str, AnswerValue | None]) -> bool:
    results = (condition_holds(c, values.get(c.question)) for c in group.conditions)
    return all(results) if group.behavior == "all" else any(results)


def visible_question_ids(
    pack: Pack, values: Mapping[str, AnswerValue | None], scope: Scope | None = None
) -> set[str]:
    """The ids of the questions shown for these answers (and, given a scope, for this role in or
    outside the Wwft: some questions are asked only of a Wwft institution).

    Conditions only point at earlier questions, so one pass in pack order suffices; the answer
    to a hidden question counts as no answer for the questions after it.
    """
    visible: set[str] = set()
    effective: dict[str, AnswerValue | None] = {}
    for question in pack.questions:
        if scope is not None and not question.asked_for(scope.role, scope.wwft):
            continue
        if question.enable_when is None or group_holds(question.enable_when, effective):
            visible.add(question.id)
            effective[question.id] = values.get(question.id)
    return visible


def visible_in_check(pack: Pack, check: Check) -> set[str]:
    """The questions shown in a recorded check: for its answers, its role and its Wwft scope."""
    return visible_question_ids(
        pack, check.answer_values(), scope_of(pack, check.role, check.property)
    )
