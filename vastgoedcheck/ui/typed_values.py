"""Reading what a person typed into a party or property field, and writing stored values back.

Plain functions, no widgets: each ``parse_…`` turns typed text into the type the store keeps
or raises FieldProblem with one translated reason; each ``show_…`` writes a kept value as
it is typed. Dates and amounts are read the Dutch and the English way.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal

from stdnum import iban as std_iban

from vastgoedcheck.exchange.reading import text_problems
from vastgoedcheck.i18n import _
from vastgoedcheck.i18n.formatting import format_amount
from vastgoedcheck.identifiers import InvalidIdentifier, normalise

_PHONE = re.compile(r"[0-9+() .-]*")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+")
_TYPED_DATE = re.compile(r"(\d{1,2})[-./ ](\d{1,2})[-./ ](\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_GROUPED = re.compile(r"[1-9]\d{0,2}(?:[.,]\d{3})+")
_MAX_AMOUNT = Decimal(10) ** 12


class FieldProblem(ValueError):
    """Why a typed text is not a value of its field: one translated reason."""


def date_pattern() -> str:
    """How a date is typed, in the words of the active language."""
    return _("dd-mm-yyyy")


def text_too_long(length: int, limit: int) -> str:
    """Why a text of ``length`` characters does not fit in ``limit``."""
    return _("the text is {length} characters long; at most {limit} are allowed").format(
        length=length, limit=limit
    )


def parse_typed_date(text: str) -> dt.date:
    """A date typed as 1-2-1980, 01-02-1980, 01/02/1980, 01.02.1980 or 1980-02-01."""
    match = _TYPED_DATE.fullmatch(text)
    if match:
        day, month, year = (int(part) for part in match.groups())
    elif match := _ISO_DATE.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
    else:
        raise FieldProblem(
            _("{text} is not a date; type it as {pattern}").format(
                text=text, pattern=date_pattern()
            )
        )
    try:
        value = dt.date(year, month, day)
    except ValueError:
        raise FieldProblem(_("{text} is not an existing date").format(text=text)) from None
    if not 1900 <= year <= 2100:
        raise FieldProblem(_("{year} is not a likely year").format(year=year))
    return value


def parse_birth_date(text: str) -> dt.date:
    value = parse_typed_date(text)
    if value > dt.date.today():
        raise FieldProblem(_("a date of birth cannot lie in the future"))
    return value


def show_date(value: object) -> str:
    if isinstance(value, dt.date):
        return f"{value.day:02d}-{value.month:02d}-{value.year:04d}"
    return str(value)


def parse_typed_amount(text: str) -> Decimal:
    """An amount in euros typed the Dutch or the English way: "1.250,50", "1250.50", "€ 1.250"."""
    cleaned = re.sub(r"\s|€|eur(o)?", "", text, flags=re.IGNORECASE)
    not_amount = FieldProblem(
        _("{text} is not an amount such as {example}").format(
            text=text, example=format_amount(Decimal("1250.50"))
        )
    )
    if not re.fullmatch(r"\d[\d.,]*", cleaned):
        raise not_amount
    marks = [mark for mark in ".," if mark in cleaned]
    decimal_mark: str | None = None  # a mark before three digits, or used twice, groups thousands
    if len(marks) == 2:  # both: the last one separates the cents
        decimal_mark = "." if cleaned.rfind(".") > cleaned.rfind(",") else ","
    elif marks and cleaned.count(marks[0]) == 1 and len(cleaned.rsplit(marks[0], 1)[1]) != 3:
        decimal_mark = marks[0]
    whole, cents = cleaned.rsplit(decimal_mark, 1) if decimal_mark else (cleaned, "0")
    if not re.fullmatch(r"\d{1,2}", cents):
        raise FieldProblem(_("an amount has at most two decimals"))
    if not whole.isdigit():
        separators = set(whole) - set("0123456789")
        if len(separators) != 1 or decimal_mark in separators or not _GROUPED.fullmatch(whole):
            raise not_amount
        whole = whole.replace(separators.pop(), "")
    amount = Decimal(f"{whole}.{cents}")
    if amount >= _MAX_AMOUNT:
        raise FieldProblem(_("{text} is too large for an amount").format(text=text))
    return amount.quantize(Decimal("0.01"))


def show_amount(value: object) -> str:
    return format_amount(value) if isinstance(value, Decimal) else str(value)


def identifier_parser(kind: str) -> Callable[[str], object]:
    def parse(text: str) -> object:
        try:
            return normalise(kind, text)
        except InvalidIdentifier as error:
            raise FieldProblem(str(error)) from None

    return parse


def show_iban(value: object) -> str:
    return str(std_iban.format(str(value)))


def free_text_parser(limit: int) -> Callable[[str], object]:
    """A text without control characters or BSN-like numbers, at most ``limit`` characters."""

    def parse(text: str) -> object:
        if len(text) > limit:
            raise FieldProblem(text_too_long(len(text), limit))
        problems = text_problems(text)
        if problems:
            raise FieldProblem(problems[0])
        return text

    return parse


def parse_phone(text: str) -> object:
    if not _PHONE.fullmatch(text):
        raise FieldProblem(_("a phone number holds only digits, spaces and + ( ) . -"))
    return text


def parse_email(text: str) -> object:
    if not _EMAIL.fullmatch(text):
        raise FieldProblem(_("not an e-mail address like name@example.nl"))
    return text


def parse_country_code(text: str) -> object:
    """A two-letter country code, kept in capitals ("nl" → "NL")."""
    if not re.fullmatch(r"[A-Za-z]{2}", text):
        raise FieldProblem(_("type the two-letter country code, such as NL or BE"))
    return text.upper()
