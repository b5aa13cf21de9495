"""Pack structure in words: when a conditional question is asked."""

from __future__ import annotations

from decimal import Decimal

from vastgoedcheck.domain.pack import Condition, ConditionGroup, Operator, Pack, QuestionType
from vastgoedcheck.i18n import N_, _
from vastgoedcheck.i18n.formatting import format_amount, format_number

FLAG_WORDS = {
    "yes": N_("yes"),
    "no": N_("no"),
    "unknown": N_("unknown"),
    "na": N_("not applicable"),
}
OPERATOR_WORDS = {
    Operator.EQ: N_("{question} is {answer}"),
    Operator.NE: N_("{question} is not {answer}"),
    Operator.GT: N_("{question} is more than {answer}"),
    Operator.GE: N_("{question} is {answer} or more"),
    Operator.LT: N_("{question} is less than {answer}"),
    Operator.LE: N_("{question} is {answer} or less"),
}


def _answer_words(pack: Pack, condition: Condition, language: str) -> str:
    target = pack.question(condition.question)
    answer = condition.answer
    if target is None:
        return str(answer)
    if target.type is QuestionType.FLAG and isinstance(answer, str):
        return _(FLAG_WORDS.get(answer, answer))
    if target.type in (QuestionType.CHOICE, QuestionType.MULTI_CHOICE) and isinstance(answer, str):
        return "'" + target.choice_label(answer, language) + "'"
    if target.type is QuestionType.AMOUNT and isinstance(answer, Decimal):
        return format_amount(answer, language)
    if isinstance(answer, Decimal):
        return format_number(answer, language)
    return str(answer)


def condition_text(pack: Pack, group: ConditionGroup, language: str) -> str:
    """E.g. "only when RES-00 is 'During the tenancy'" or "… RES-03 is yes or RES-04 is yes"."""
    parts = []
    for condition in group.conditions:
        if condition.operator is Operator.EXISTS:
            wanted = condition.answer is not False
            words = N_("{question} is answered") if wanted else N_("{question} is not answered")
            parts.append(_(words).format(question=condition.question))
        else:
            parts.append(
                _(OPERATOR_WORDS[condition.operator]).format(
                    question=condition.question,
                    answer=_answer_words(pack, condition, language),
                )
            )
    joiner = _(" and ") if group.behavior == "all" else _(" or ")
    return _("only when {conditions}").format(conditions=joiner.join(parts))
