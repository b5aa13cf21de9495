"""Conditional questions appear and disappear with the answers before them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.domain.packs_for_tests import flag, make_pack
from vastgoedcheck.domain.conditions import condition_holds, visible_question_ids
from vastgoedcheck.domain.pack import Condition, FlagValue, Operator


def when(question: str, operator: str, answer: object = None) -> dict[str, object]:
    condition: dict[str, object] = {"question": question, "operator": operator}
    if answer is not None:
        condition["answer"] = answer
    return {"behavior": "all", "conditions": [condition]}


def test_a_follow_up_shows_only_after_a_yes() -> None:
    pack = make_pack([flag("TST-01"), flag("TST-02", enable_when=when("TST-01", "=", "yes"))])
    assert visible_question_ids(pack, {}) == {"TST-01"}
    assert visible_question_ids(pack, {"TST-01": FlagValue.NO}) == {"TST-01"}
    assert visible_question_ids(pack, {"TST-01": FlagValue.YES}) == {"TST-01", "TST-02"}


def test_hiding_a_question_hides_what_depends_on_it() -> None:
    pack = make_pack(
        [
            flag("TST-01"),
            flag("TST-02", enable_when=when("TST-01", "=", "yes")),
            flag("TST-03", enable_when=when("TST-02", "=", "yes")),
        ]
    )
    answers = {"TST-01": FlagValue.NO, "TST-02": FlagValue.YES}  # TST-02 answered, then hidden
    assert visible_question_ids(pack, answers) == {"TST-01"}


def test_any_shows_when_one_condition_holds() -> None:
    group = {
        "behavior": "any",
        "conditions": [
            {"question": "TST-01", "operator": "=", "answer": "yes"},
            {"question": "TST-02", "operator": "=", "answer": "unknown"},
        ],
    }
    pack = make_pack([flag("TST-01"), flag("TST-02"), flag("TST-03", enable_when=group)])
    shown = visible_question_ids(pack, {"TST-01": FlagValue.NO, "TST-02": FlagValue.UNKNOWN})
    assert "TST-03" in shown


@pytest.mark.parametrize(
    ("operator", "answer", "value", "holds"),
    [
        (">=", Decimal(10000), Decimal("10000.00"), True),
        (">=", Decimal(10000), Decimal("9999.99"), False),
        (">", Decimal(2500), Decimal("2500"), False),
        ("<", Decimal(1), Decimal("0.5"), True),
        ("!=", "yes", FlagValue.NO, True),
        ("!=", "yes", None, False),
        ("=", "cash", ("cash", "crypto"), True),
        ("=", "bank", ("cash", "crypto"), False),
        ("<=", "2026-06-30", dt.date(2026, 6, 30), True),
        (">", "2026-06-30", dt.date(2026, 6, 30), False),
        (">", Decimal(5), "text", False),
    ],
)
def test_operators(operator: str, answer: object, value: object, holds: bool) -> None:
    condition = Condition("TST-01", Operator(operator), answer)  # type: ignore[arg-type]
    assert condition_holds(condition, value) is holds  # type: ignore[arg-type]


def test_exists_asks_whether_there_is_an_answer() -> None:
    answered = Condition("TST-01", Operator.EXISTS)
    unanswered = Condition("TST-01", Operator.EXISTS, False)
    assert condition_holds(answered, FlagValue.NA) and not condition_holds(answered, None)
    assert condition_holds(unanswered, None) and not condition_holds(unanswered, "x")
