"""Which answer input a question gets in the check editor, and how the text typed into a
one-line input is read as a number, an amount, a date or an identifier (as the parties form
reads them) and shown again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from vastgoedcheck.domain.check import AnswerValue
from vastgoedcheck.domain.pack import Question, QuestionType
from vastgoedcheck.i18n import _
from vastgoedcheck.ui.answer_inputs import (
    LONG_TEXT_FROM,
    AnswerInput,
    ChoiceInput,
    FlagInput,
    LineInput,
    LongTextInput,
    MultiChoiceInput,
)
from vastgoedcheck.ui.typed_values import (
    InputProblem,
    date_pattern,
    identifier_parser,
    parse_typed_amount,
    parse_typed_date,
    parse_typed_number,
    show_amount,
    show_date,
    show_number,
)


def typing_hint(question_type: QuestionType) -> str:
    """How to type a number, an amount or a date, with an example: what the card says when
    the typed text cannot be read as one."""
    if question_type is QuestionType.AMOUNT:
        example = show_amount(Decimal("1250.50"), euro_sign=False)
        return _("Type an amount in euros, such as {example}").format(example=example)
    if question_type is QuestionType.NUMBER:
        example = show_number(Decimal("1250.5"))
        return _("Type a number, such as {example}").format(example=example)
    example = show_date(dt.date.today())
    return _("Type a date as dd-mm-yyyy, such as {example}").format(example=example)


def typed_answer_reader(question: Question) -> Callable[[str], AnswerValue | None]:
    """How the text of a one-line input becomes a value of the question's type (None when it
    is empty); raises InputProblem saying how to type it when it cannot."""
    typed_readers: dict[QuestionType, Callable[[str], AnswerValue]] = {
        QuestionType.NUMBER: parse_typed_number,
        QuestionType.AMOUNT: parse_typed_amount,
        QuestionType.DATE: parse_typed_date,
    }
    read_typed = typed_readers.get(question.type)
    validator = question.validator if question.type is QuestionType.IDENTIFIER else None

    def reader(text: str) -> AnswerValue | None:
        compact = text.strip()
        if not compact:
            return None
        if read_typed is not None:
            try:
                return read_typed(compact)
            except InputProblem:
                raise InputProblem(typing_hint(question.type)) from None
        if validator is not None:
            return str(identifier_parser(validator.value)(compact))
        return text

    return reader


def typed_answer_writer(question: Question) -> Callable[[AnswerValue], str]:
    """How a stored value of the question's type is shown in its one-line input."""

    def writer(value: AnswerValue) -> str:
        if isinstance(value, dt.date):
            return show_date(value)
        if isinstance(value, Decimal) and question.type is QuestionType.AMOUNT:
            return show_amount(value, euro_sign=False)
        if isinstance(value, Decimal):
            return show_number(value)
        return str(value)

    return writer


def answer_input(question: Question, label: str) -> AnswerInput:
    """The input for the question's type; ``label`` names a flag group for a screen reader."""
    qtype = question.type
    if qtype is QuestionType.FLAG:
        return FlagInput(label)
    if qtype is QuestionType.CHOICE:
        return ChoiceInput(question)
    if qtype is QuestionType.MULTI_CHOICE:
        return MultiChoiceInput(question)
    if qtype is QuestionType.TEXT and (
        question.max_length is None or question.max_length > LONG_TEXT_FROM
    ):
        return LongTextInput()
    placeholder = {
        QuestionType.DATE: date_pattern(),
        QuestionType.AMOUNT: show_amount(Decimal("1250.50"), euro_sign=False),
    }.get(qtype, "")
    if question.minimum is not None and question.maximum is not None:
        placeholder = _("{minimum} to {maximum}").format(
            minimum=show_number(question.minimum), maximum=show_number(question.maximum)
        )
    return LineInput(
        typed_answer_reader(question),
        typed_answer_writer(question),
        prefix="€" if qtype is QuestionType.AMOUNT else "",
        placeholder=placeholder,
        max_length=question.max_length if qtype is QuestionType.TEXT else None,
        compact=qtype is not QuestionType.TEXT,
    )
