"""What a check still lacks: the questions that still decide its outcome, and what stands in the
way of finalizing it."""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import dataclass

from vastgoedcheck.domain.check import AnswerValue, Check
from vastgoedcheck.domain.conditions import visible_in_check
from vastgoedcheck.domain.pack import Pack


def deciding_questions(pack: Pack, visible: Set[str]) -> tuple[str, ...]:
    """The questions shown that decide the outcome, in pack order.

    A pack marks a question required when its answer can change the advice: a scored flag, an
    amount that makes a signal heavier, or the stage or deed that decides which questions are
    asked. Until each of them is answered the advice rests on part of the facts.
    """
    return tuple(q.id for q in pack.questions if q.required and q.id in visible)


def open_questions(
    pack: Pack, visible: Set[str], values: Mapping[str, AnswerValue | None]
) -> tuple[str, ...]:
    """The shown questions that decide the outcome and have no answer yet, in pack order."""
    return tuple(qid for qid in deciding_questions(pack, visible) if values.get(qid) is None)


@dataclass(frozen=True)
class Gaps:
    """Everything that stands in the way of finalizing; empty when the check is complete."""

    unanswered: tuple[str, ...] = ()  # ids of shown, required questions without an answer
    no_party: bool = False  # nobody named: a report must say whom it is about
    no_decision: bool = False  # the person has not recorded what they decided, and why

    def __bool__(self) -> bool:
        return bool(self.unanswered) or self.no_party or self.no_decision


def gaps(check: Check, pack: Pack) -> Gaps:
    return Gaps(
        unanswered=open_questions(pack, visible_in_check(pack, check), check.answer_values()),
        no_party=not any(party.name.strip() for party in check.parties),
        no_decision=check.decision is None,
    )
