"""Facts given once are used once: what the parties and property form answers in the questions,
and the answers that contradict the form or each other."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal

from vastgoedcheck.domain.check import Answer, AnswerValue
from vastgoedcheck.domain.conditions import group_holds
from vastgoedcheck.domain.pack import FlagValue, FormFact, Pack, Question, QuestionType

# The answer of a fact that holds, and the one that contradicts it.
_OPPOSITE = {FlagValue.YES: FlagValue.NO, FlagValue.NO: FlagValue.YES}


@dataclass(frozen=True)
class FormContradiction:
    """An answer the person gave that the form's fact rules out ("no cash" while the form says
    the payment is partly in cash)."""

    question_id: str
    field: str
    value: str


def _fact_value(question: Question, fact: FormFact, data: Mapping[str, object]) -> object:
    """The answer ``fact`` gives ``question`` for this property, or None when it does not hold."""
    held = data.get(fact.field)
    if not isinstance(held, str) or held not in fact.values:
        return None
    if fact.answer_from is not None:
        amount = data.get(fact.answer_from)
        return amount if isinstance(amount, Decimal) else None
    if question.type is QuestionType.FLAG and fact.answer is not None:
        return FlagValue(fact.answer)
    return fact.answer


def form_answer(question: Question, data: Mapping[str, object]) -> tuple[str, object] | None:
    """(field, answer) of the first fact about ``question`` that holds for this property."""
    for fact in question.from_form:
        value = _fact_value(question, fact, data)
        if value is not None:
            return fact.field, value
    return None


def form_answers(
    pack: Pack, data: Mapping[str, object], answers: Mapping[str, Answer]
) -> dict[str, Answer | None]:
    """The answers the form gives or takes back now: {question id: answer, or None to remove}.

    A question the person answered is left alone; a pre-filled answer follows the form, and goes
    when the form no longer gives it (its note and files stay).
    """
    changes: dict[str, Answer | None] = {}
    for question in pack.questions:
        if not question.from_form:
            continue
        current = answers.get(question.id)
        if current is not None and current.value is not None and current.from_form is None:
            continue  # the person's own answer
        given = form_answer(question, data)
        if given is not None:
            field, value = given
            base = current or Answer(None)
            wanted = replace(base, value=value, from_form=field)  # type: ignore[arg-type]
            if wanted != current:
                changes[question.id] = wanted
        elif current is not None and current.from_form is not None:
            kept = replace(current, value=None, from_form=None)
            changes[question.id] = kept if kept.note or kept.attachments else None
    return changes


def form_contradictions(
    pack: Pack, data: Mapping[str, object], answers: Mapping[str, AnswerValue | None]
) -> list[FormContradiction]:
    """The flag answers that say the opposite of what the form's facts give."""
    found = []
    for question in pack.questions:
        given = form_answer(question, data)
        if given is None or question.type is not QuestionType.FLAG:
            continue
        field, value = given
        if value in _OPPOSITE and answers.get(question.id) is _OPPOSITE[value]:  # type: ignore[index]
            held = data.get(field)
            found.append(FormContradiction(question.id, field, str(held)))
    return found


def answer_contradictions(
    pack: Pack, answers: Mapping[str, AnswerValue | None], visible: set[str] | frozenset[str]
) -> list[tuple[str, int]]:
    """(question id, index of its contradiction) for every pack contradiction that holds
    between visible answers."""
    return [
        (question.id, index)
        for question in pack.questions
        if question.id in visible
        for index, contradiction in enumerate(question.contradictions)
        if group_holds(contradiction.when, answers)
    ]
