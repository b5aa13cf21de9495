"""Typed values of checks and packs, read from JSON data: answers, dates, amounts, identifiers."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from vastgoedcheck.domain.check import AnswerValue
from vastgoedcheck.domain.pack import FlagValue, Question, QuestionType
from vastgoedcheck.i18n import _
from vastgoedcheck.identifiers import InvalidIdentifier, normalise

FLAG_VALUES = tuple(value.value for value in FlagValue)
DEFAULT_TEXT_LIMIT = 10_000
MAX_AMOUNT = Decimal(10) ** 12  # a trillion euros: anything larger is a typing error
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_AMOUNT = re.compile(r"-?\d{1,12}(\.\d{1,2})?")


class BadValue(ValueError):
    """A value that does not fit where it stands; the message is one translated sentence."""


def parse_date(value: Any) -> dt.date:
    try:
        if not _DATE.fullmatch(value):
            raise ValueError(value)
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise BadValue(_("{value} is not a date (YYYY-MM-DD)").format(value=repr(value))) from None


def parse_datetime(value: Any) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        moment = None
    if moment is None or moment.tzinfo is None:
        raise BadValue(
            _("{value} is not a date and time with a time zone").format(value=repr(value))
        )
    return moment


def parse_amount(value: Any) -> Decimal:
    """An amount in euros from ``"12500.00"`` or ``12500``; never a float's rounding error."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise BadValue(_("{value} is not an amount").format(value=repr(value)))
    text = value if isinstance(value, str) else repr(value)
    if isinstance(value, float) and value != round(value, 2):
        raise BadValue(_("{value} has more than two decimals").format(value=text))
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise BadValue(_("{value} is not an amount").format(value=repr(value))) from None
    if isinstance(value, str) and not _AMOUNT.fullmatch(value):
        raise BadValue(_("{value} is not an amount like 12500.00").format(value=repr(value)))
    if amount < 0:
        raise BadValue(_("an amount cannot be negative"))
    if amount >= MAX_AMOUNT:
        raise BadValue(_("{value} is too large for an amount").format(value=text))
    return amount.quantize(Decimal("0.01")) if amount == amount.to_integral() else amount


def parse_identifier(kind: str, value: Any) -> str:
    if not isinstance(value, str):
        raise BadValue(_("{value} is not a text").format(value=repr(value)))
    try:
        return normalise(kind, value)
    except InvalidIdentifier as error:
        raise BadValue(_("{value}: {reason}").format(value=repr(value), reason=error)) from None


def _in_range(question: Question, number: Decimal) -> Decimal:
    if question.minimum is not None and number < question.minimum:
        raise BadValue(
            _("{value} is below the minimum of {limit}").format(
                value=number, limit=question.minimum
            )
        )
    if question.maximum is not None and number > question.maximum:
        raise BadValue(
            _("{value} is above the maximum of {limit}").format(
                value=number, limit=question.maximum
            )
        )
    return number


def _one_of(value: Any, options: tuple[str, ...]) -> str:
    if value not in options:
        raise BadValue(
            _("{value} is not one of: {expected}").format(
                value=repr(value), expected=", ".join(options)
            )
        )
    return str(value)


def parse_answer(question: Question, value: Any) -> AnswerValue | None:
    """The typed answer to ``question``; raises BadValue naming what was expected."""
    if value is None:
        return None
    qtype = question.type
    if qtype is QuestionType.FLAG:
        return FlagValue(_one_of(value, FLAG_VALUES))
    if qtype is QuestionType.AMOUNT:
        return _in_range(question, parse_amount(value))
    if qtype is QuestionType.NUMBER:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise BadValue(_("{value} is not a number").format(value=repr(value)))
        return _in_range(question, Decimal(repr(value)))
    if qtype is QuestionType.DATE:
        return parse_date(value)
    if qtype is QuestionType.CHOICE:
        return _one_of(value, question.choice_values())
    if qtype is QuestionType.MULTI_CHOICE:
        if not isinstance(value, list) or any(v not in question.choice_values() for v in value):
            raise BadValue(
                _("{value} is not a list of: {options}").format(
                    value=repr(value), options=", ".join(question.choice_values())
                )
            )
        return tuple(dict.fromkeys(value))
    if not isinstance(value, str):
        raise BadValue(_("{value} is not a text").format(value=repr(value)))
    if qtype is QuestionType.IDENTIFIER:
        assert question.validator is not None
        return parse_identifier(question.validator.value, value)
    limit = question.max_length or DEFAULT_TEXT_LIMIT
    if len(value) > limit:
        raise BadValue(
            _("the text is {length} characters long; at most {limit} are allowed").format(
                length=len(value), limit=limit
            )
        )
    return value
