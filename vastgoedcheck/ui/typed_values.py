"""Reading what a person typed, and writing kept values back the way they are typed.

Plain functions, no widgets, shared by the party and property fields (field_inputs) and the
answers of a check (answer_inputs): each ``parse_…`` turns typed text into the type the store
keeps or raises InputProblem with one translated reason; each ``show_…`` writes a kept value as
it is typed. Numbers, amounts and dates are read the Dutch and the English way.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal

from stdnum import iban as std_iban

from vastgoedcheck.exchange.reading import text_problems
from vastgoedcheck.i18n import _, current_language
from vastgoedcheck.i18n.formatting import format_amount, format_number
from vastgoedcheck.identifiers import InvalidIdentifier, normalise
from vastgoedcheck.values import MAX_AMOUNT

_PHONE = re.compile(r"[0-9+() .-]*")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+")
_DAY_FIRST_DATE = re.compile(r"(\d{1,2})[-./ ](\d{1,2})[-./ ](\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_SPACES = re.compile(r"\s")  # also the no-break spaces a copied amount brings along
_CURRENCY = re.compile(r"^(?:€|euro?)|(?:€|euro?)$", re.IGNORECASE)
_DIGITS_AND_MARKS = re.compile(r"[0-9.,]*[0-9][0-9.,]*")
_ONE_THOUSANDS_GROUP = re.compile(r"[1-9][0-9]{0,2}[.,][0-9]{3}")
_THOUSANDS_MARK = {"nl": ".", "en": ","}


class InputProblem(ValueError):
    """Why a typed text cannot be kept as a value: one translated reason."""


def date_pattern() -> str:
    """How a date is typed, in the words of the active language."""
    return _("dd-mm-yyyy")


def text_too_long(length: int, limit: int) -> str:
    """Why a text of ``length`` characters does not fit in ``limit``."""
    return _("the text is {length} characters long; at most {limit} are allowed").format(
        length=length, limit=limit
    )


# -- dates ------------------------------------------------------------------------------------


def parse_typed_date(text: str) -> dt.date:
    """A date typed as 1-2-1980, 01-02-1980, 01/02/1980, 01.02.1980 or 1980-02-01, in the years
    1900 to 2100 (a year outside them is taken for a typing error)."""
    text = text.strip()
    if match := _DAY_FIRST_DATE.fullmatch(text):
        day, month, year = (int(part) for part in match.groups())
    elif match := _ISO_DATE.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
    else:
        raise InputProblem(
            _("{text} is not a date; type it as {pattern}").format(
                text=text, pattern=date_pattern()
            )
        )
    try:
        value = dt.date(year, month, day)
    except ValueError:
        raise InputProblem(_("{text} is not an existing date").format(text=text)) from None
    if not 1900 <= year <= 2100:
        raise InputProblem(_("{year} is not a likely year").format(year=year))
    return value


def parse_birth_date(text: str) -> dt.date:
    value = parse_typed_date(text)
    if value > dt.date.today():
        raise InputProblem(_("a date of birth cannot lie in the future"))
    return value


def show_date(value: object) -> str:
    """A date as it is typed: 01-02-1980."""
    if isinstance(value, dt.date):
        return f"{value.day:02d}-{value.month:02d}-{value.year:04d}"
    return str(value)


# -- numbers and amounts ----------------------------------------------------------------------


def _whole_and_decimals(body: str, thousands_marks: str) -> tuple[str, str] | None:
    """The digits before and after the decimal mark of ``body`` (digits, "." and ","), or None
    when it is no number.

    With both marks, the last one is the decimal mark and the other groups thousands. A mark
    used more than once groups thousands. A mark used once groups thousands when it is one of
    ``thousands_marks`` and stands after one to three digits (not starting with 0) and before
    exactly three; otherwise it is the decimal mark. Groups of thousands must be whole:
    "1.250.000", never "12.50.000".
    """
    if not _DIGITS_AND_MARKS.fullmatch(body):
        return None
    marks = [mark for mark in ".," if mark in body]
    grouping = decimal_mark = ""
    if len(marks) == 2:
        decimal_mark = "." if body.rfind(".") > body.rfind(",") else ","
        grouping = "," if decimal_mark == "." else "."
    elif marks:
        mark = marks[0]
        groups_one = mark in thousands_marks and _ONE_THOUSANDS_GROUP.fullmatch(body)
        if body.count(mark) > 1 or groups_one:
            grouping = mark
        else:
            decimal_mark = mark
    whole, decimals = body.rsplit(decimal_mark, 1) if decimal_mark else (body, "")
    if grouping:
        if not re.fullmatch(rf"[1-9][0-9]{{0,2}}(?:\{grouping}[0-9]{{3}})+", whole):
            return None
        whole = whole.replace(grouping, "")
    if not re.fullmatch(r"[0-9]*", whole) or not re.fullmatch(r"[0-9]*", decimals):
        return None
    return whole or "0", decimals


def parse_typed_number(text: str, language: str | None = None) -> Decimal:
    """A number typed the Dutch or the English way: "1.250,5", "1,250.5", "1250.5", "-3".

    A single mark before exactly three digits groups thousands only when it is the thousands
    mark of ``language`` (the active language by default): "1.250" is 1250 in Dutch and 1.25
    in English.
    """
    compact = _SPACES.sub("", text)
    sign, body = ("-", compact[1:]) if compact.startswith("-") else ("", compact)
    thousands_mark = _THOUSANDS_MARK.get(language or current_language(), ".")
    parts = _whole_and_decimals(body, thousands_mark)
    if parts is None:
        raise InputProblem(
            _("{text} is not a number such as {example}").format(
                text=text.strip(), example=show_number(Decimal("1250.5"))
            )
        )
    whole, decimals = parts
    return Decimal(f"{sign}{whole}.{decimals}" if decimals else f"{sign}{whole}")


def parse_typed_amount(text: str) -> Decimal:
    """An amount in euros typed the Dutch or the English way: "1.250,50", "1,250.50", "1250.5",
    "€ 1.250", "EUR 1250,50"; kept with two decimals.

    An amount has at most two decimals, so a single mark before exactly three digits groups
    thousands whichever mark it is: "1.250" and "1,250" are both 1250.
    """
    compact = _CURRENCY.sub("", _SPACES.sub("", text))
    parts = _whole_and_decimals(compact, ".,")
    if parts is None:
        raise InputProblem(
            _("{text} is not an amount such as {example}").format(
                text=text.strip(), example=show_amount(Decimal("1250.50"))
            )
        )
    whole, cents = parts
    if len(cents) > 2:
        raise InputProblem(_("an amount has at most two decimals"))
    amount = Decimal(f"{whole}.{cents or '0'}")
    if amount >= MAX_AMOUNT:
        raise InputProblem(_("{text} is too large for an amount").format(text=text.strip()))
    return amount.quantize(Decimal("0.01"))


def show_number(value: object) -> str:
    """A number as the active language writes it: 1.250,5 or 1,250.5."""
    return format_number(value) if isinstance(value, Decimal | int) else str(value)


def show_amount(value: object, *, euro_sign: bool = True) -> str:
    """An amount as the active language writes it: "€ 1.250,50" or "€1,250.50"; without the
    sign (``euro_sign=False``) for an input that shows it beside the digits."""
    if not isinstance(value, Decimal):
        return str(value)
    shown = format_amount(value)
    return shown if euro_sign else _SPACES.sub("", shown.replace("€", ""))


# -- identifiers and other texts --------------------------------------------------------------


def identifier_parser(kind: str) -> Callable[[str], object]:
    def parse(text: str) -> object:
        try:
            return normalise(kind, text)
        except InvalidIdentifier as error:
            raise InputProblem(str(error)) from None

    return parse


def show_iban(value: object) -> str:
    return str(std_iban.format(str(value)))


def free_text_parser(limit: int) -> Callable[[str], object]:
    """A text without control characters or BSN-like numbers, at most ``limit`` characters."""

    def parse(text: str) -> object:
        if len(text) > limit:
            raise InputProblem(text_too_long(len(text), limit))
        problems = text_problems(text)
        if problems:
            raise InputProblem(problems[0])
        return text

    return parse


def parse_phone(text: str) -> object:
    if not _PHONE.fullmatch(text):
        raise InputProblem(_("a phone number holds only digits, spaces and + ( ) . -"))
    return text


def parse_email(text: str) -> object:
    if not _EMAIL.fullmatch(text):
        raise InputProblem(_("not an e-mail address like name@example.nl"))
    return text


def parse_country_code(text: str) -> object:
    """A two-letter country code, kept in capitals ("nl" → "NL")."""
    if not re.fullmatch(r"[A-Za-z]{2}", text):
        raise InputProblem(_("type the two-letter country code, such as NL or BE"))
    return text.upper()
