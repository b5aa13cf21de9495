"""What a check still lacks before it can be finalized."""

from __future__ import annotations

from dataclasses import dataclass

from vastgoedcheck.domain.check import Check
from vastgoedcheck.domain.conditions import visible_in_check
from vastgoedcheck.domain.pack import Pack


@dataclass(frozen=True)
class Gaps:
    """Everything that stands in the way of finalizing; empty when the check is complete."""

    unanswered: tuple[str, ...] = ()  # ids of shown, required questions without an answer
    no_party: bool = False  # nobody named: a report must say whom it is about
    no_decision: bool = False  # the person has not recorded what they decided, and why

    def __bool__(self) -> bool:
        return bool(self.unanswered) or self.no_party or self.no_decision


def gaps(check: Check, pack: Pack) -> Gaps:
    values = check.answer_values()
    visible = visible_in_check(pack, check)
    unanswered = tuple(
        question.id
        for question in pack.questions
        if question.required and question.id in visible and values.get(question.id) is None
    )
    return Gaps(
        unanswered=unanswered,
        no_party=not any(party.name.strip() for party in check.parties),
        no_decision=check.decision is None,
    )
