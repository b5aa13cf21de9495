"""Reading typed numbers, amounts and dates the Dutch and the English way, as both the question
cards and the parties form do, and writing kept values back the way they are typed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from vastgoedcheck.i18n import set_language
from vastgoedcheck.ui.typed_values import (
    InputProblem,
    parse_birth_date,
    parse_typed_amount,
    parse_typed_date,
    parse_typed_number,
    show_amount,
    show_date,
    show_number,
)

# -- numbers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("1.250,5", "nl", Decimal("1250.5")),
        ("1,250.5", "en", Decimal("1250.5")),
        ("1250.5", "nl", Decimal("1250.5")),
        ("42,5", "en", Decimal("42.5")),  # not three digits after the mark: decimals
        ("1.250", "nl", Decimal("1250")),  # the Dutch thousands mark
        ("1.250", "en", Decimal("1.250")),  # the English decimal mark
        ("1,250", "en", Decimal("1250")),
        ("1,250", "nl", Decimal("1.250")),
        ("0.250", "nl", Decimal("0.250")),  # a group of thousands never starts with 0
        ("1.000.000", "en", Decimal("1000000")),  # a mark used twice groups thousands
        ("1 250", "nl", Decimal("1250")),
        ("1\u202f250,5", "nl", Decimal("1250.5")),  # a copied narrow no-break space
        ("-3", "nl", Decimal("-3")),
        (".5", "en", Decimal("0.5")),
    ],
)
def test_a_single_mark_groups_thousands_only_in_the_language_that_writes_it_so(
    text: str, language: str, expected: Decimal
) -> None:
    assert parse_typed_number(text, language) == expected


def test_a_number_follows_the_active_language_by_default() -> None:
    set_language("nl")
    assert parse_typed_number("1.250") == Decimal("1250")
    set_language("en")
    assert parse_typed_number("1.250") == Decimal("1.250")


@pytest.mark.parametrize(
    "text", ["", "12abc", "1,2,3", "1.25.0,00", "--5", ".", "12.50.000", "1,250.000,5", "٣"]
)
def test_what_is_no_number_is_refused(text: str) -> None:
    with pytest.raises(InputProblem) as refused:
        parse_typed_number(text, "nl")
    assert str(refused.value).endswith(" is not a number such as 1,250.5")


# -- amounts -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.250,50", "1250.50"),
        ("1250.50", "1250.50"),
        ("1,250.50", "1250.50"),
        ("€ 1.250,50", "1250.50"),
        ("EUR 1250,5", "1250.50"),
        ("1.250 euro", "1250.00"),
        ("€\u00a01.250", "1250.00"),
        ("1,250", "1250.00"),  # an amount has at most two decimals: three digits group
        ("1.250", "1250.00"),
        ("12,5", "12.50"),
        ("980.5", "980.50"),
        ("1.000.000", "1000000.00"),
        ("1250,", "1250.00"),
    ],
)
def test_an_amount_is_read_either_way_and_kept_with_cents(text: str, expected: str) -> None:
    amount = parse_typed_amount(text)
    assert amount == Decimal(expected) and str(amount) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("twelve", "twelve is not an amount such as €1,250.50"),
        ("-5", "-5 is not an amount such as €1,250.50"),
        ("12eur50", "12eur50 is not an amount such as €1,250.50"),
        ("1,2,3", "1,2,3 is not an amount such as €1,250.50"),
        ("0,250", "an amount has at most two decimals"),  # 0 cannot start a group
        ("12,5555", "an amount has at most two decimals"),
        ("1.000.000.000.000", "1.000.000.000.000 is too large for an amount"),
    ],
)
def test_what_is_no_amount_is_refused_with_the_reason(text: str, reason: str) -> None:
    with pytest.raises(InputProblem) as refused:
        parse_typed_amount(text)
    assert str(refused.value) == reason


# -- dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["3-1-2026", "03-01-2026", "03/01/2026", "03.01.2026", "3 1 2026", "2026-01-03"]
)
def test_a_date_is_read_day_first_or_iso(text: str) -> None:
    assert parse_typed_date(text) == dt.date(2026, 1, 3)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("31-02-2026", "31-02-2026 is not an existing date"),
        ("1-2-0202", "202 is not a likely year"),
        ("3-1-26", "3-1-26 is not a date; type it as dd-mm-yyyy"),
        ("01/03/2026 12:00", "01/03/2026 12:00 is not a date; type it as dd-mm-yyyy"),
    ],
)
def test_what_is_no_date_is_refused_with_the_reason(text: str, reason: str) -> None:
    with pytest.raises(InputProblem) as refused:
        parse_typed_date(text)
    assert str(refused.value) == reason


def test_a_date_of_birth_cannot_lie_in_the_future() -> None:
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    with pytest.raises(InputProblem, match="cannot lie in the future"):
        parse_birth_date(show_date(tomorrow))


# -- writing kept values back ------------------------------------------------------------------


def test_kept_values_are_written_as_they_are_typed_and_read_back_the_same() -> None:
    for language in ("nl", "en"):
        set_language(language)
        amount = Decimal("1250.50")
        assert parse_typed_amount(show_amount(amount)) == amount
        assert parse_typed_amount(show_amount(amount, euro_sign=False)) == amount
        assert parse_typed_number(show_number(Decimal("1250.5"))) == Decimal("1250.5")
    set_language("nl")
    assert show_amount(Decimal("1250.5"), euro_sign=False) == "1.250,50"
    assert show_amount(Decimal("1250.5")) == "€\u00a01.250,50"
    set_language("en")
    assert show_amount(Decimal("1250.5"), euro_sign=False) == "1,250.50"
    assert show_date(dt.date(1980, 2, 1)) == "01-02-1980"
    assert show_number(Decimal("1250.5")) == "1,250.5"
