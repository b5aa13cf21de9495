"""Pack structure in words: when a conditional question is asked."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from babel.lists import format_list

from vastgoedcheck.domain.pack import Condition, ConditionGroup, Operator, Pack, QuestionType
from vastgoedcheck.i18n import N_, _
from vastgoedcheck.i18n.formatting import format_amount, format_number

FLAG_WORDS = {
    "yes": N_("yes"),
    "no": N_("no"),
    "unknown": N_("unknown"),
    "na": N_("not applicable"),
}
# A question asked under one condition: the whole sentence, so a translator can order it freely.
SENTENCES: dict[object, str] = {
    # Translators: when a question is asked. {question} is a question id such as RES-03,
    # {answer} an answer in quotes ('yes', 'During the tenancy') or a number or an amount.
    Operator.EQ: N_("Only when the answer to {question} is {answer}."),
    Operator.NE: N_("Only when the answer to {question} is not {answer}."),
    Operator.GT: N_("Only when the answer to {question} is more than {answer}."),
    Operator.GE: N_("Only when the answer to {question} is {answer} or more."),
    Operator.LT: N_("Only when the answer to {question} is less than {answer}."),
    Operator.LE: N_("Only when the answer to {question} is {answer} or less."),
    True: N_("Only when {question} is answered."),
    False: N_("Only when {question} is not answered."),
}
# A question asked under several conditions: "Only when {conditions}." with these clauses in
# {conditions}, listed with the language's own "and" or "or".
CLAUSES: dict[object, str] = {
    # Translators: a clause after "Only when", in the word order of a subordinate clause.
    Operator.EQ: N_("the answer to {question} is {answer}"),
    # Translators: a clause after "Only when", in the word order of a subordinate clause.
    Operator.NE: N_("the answer to {question} is not {answer}"),
    # Translators: a clause after "Only when", in the word order of a subordinate clause.
    Operator.GT: N_("the answer to {question} is more than {answer}"),
    # Translators: a clause after "Only when", in the word order of a subordinate clause.
    Operator.GE: N_("the answer to {question} is {answer} or more"),
    # Translators: a clause after "Only when", in the word order of a subordinate clause.
    Operator.LT: N_("the answer to {question} is less than {answer}"),
    # Translators: a clause after "Only when", in the word order of a subordinate clause.
    Operator.LE: N_("the answer to {question} is {answer} or less"),
    # Translators: a clause after "Only when", in the word order of a subordinate clause.
    True: N_("{question} is answered"),
    # Translators: a clause after "Only when", in the word order of a subordinate clause.
    False: N_("{question} is not answered"),
}


def _quoted(text: str) -> str:
    return "'" + text + "'"


def _answer_words(pack: Pack, condition: Condition, language: str) -> str:
    target = pack.question(condition.question)
    answer = condition.answer
    if target is None:
        return str(answer)
    if target.type is QuestionType.FLAG and isinstance(answer, str):
        return _quoted(_(FLAG_WORDS.get(answer, answer)))
    if target.type in (QuestionType.CHOICE, QuestionType.MULTI_CHOICE) and isinstance(answer, str):
        return _quoted(target.choice_label(answer, language))
    if target.type is QuestionType.AMOUNT and isinstance(answer, Decimal):
        return format_amount(answer, language)
    if isinstance(answer, Decimal):
        return format_number(answer, language)
    return str(answer)


def _words(pack: Pack, condition: Condition, language: str, table: dict[object, str]) -> str:
    if condition.operator is Operator.EXISTS:
        return _(table[condition.answer is not False]).format(question=condition.question)
    return _(table[condition.operator]).format(
        question=condition.question, answer=_answer_words(pack, condition, language)
    )


def condition_text(pack: Pack, group: ConditionGroup, language: str) -> str:
    """E.g. "Only when the answer to RES-00 is 'During the tenancy'." or "Only when the answer
    to RES-03 is 'yes' or the answer to RES-04 is 'yes'."."""
    conditions = group.conditions
    if len(conditions) == 1:
        return _words(pack, conditions[0], language, SENTENCES)
    if group.behavior == "any" and all(
        c.operator is Operator.EQ and c.question == conditions[0].question for c in conditions
    ):  # one question, several answers: "… is 'Transfer', 'Mortgage' or 'Share transfer'."
        answers = [_answer_words(pack, condition, language) for condition in conditions]
        return _(SENTENCES[Operator.EQ]).format(
            question=conditions[0].question,
            answer=format_list(answers, style="or", locale=language),
        )
    clauses = [_words(pack, condition, language, CLAUSES) for condition in conditions]
    style: Literal["standard", "or"] = "standard" if group.behavior == "all" else "or"
    # Translators: {conditions} lists two or more conditions, such as "the answer to RES-03 is
    # 'yes' or the answer to RES-04 is 'yes'".
    return _("Only when {conditions}.").format(
        conditions=format_list(clauses, style=style, locale=language)
    )
