"""Amounts, dates and numbers read the way a Dutch or English reader writes them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from vastgoedcheck.i18n.formatting import (
    format_amount,
    format_date,
    format_datetime,
    format_number,
    stored_moment_formatter,
)


def test_amounts_in_euros() -> None:
    assert format_amount(Decimal("12500"), "nl") == "€\xa012.500,00"
    assert format_amount(Decimal("12500"), "en") == "€12,500.00"


def test_dates() -> None:
    assert format_date(dt.date(2026, 3, 9), "nl") == "9 maart 2026"
    assert format_date(dt.date(2026, 3, 9), "en") == "9 March 2026"


def test_half_points_of_a_score() -> None:
    assert format_number(Decimal("7.5"), "nl") == "7,5"
    assert format_number(Decimal("7.5"), "en") == "7.5"


def test_moments_are_shown_in_their_own_time_zone() -> None:
    moment = dt.datetime(2026, 11, 27, 10, 15, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert format_datetime(moment, "nl") == "27 nov 2026, 10:15:00"
    assert format_datetime(moment, "en") == "27 Nov 2026, 10:15:00"


def test_moments_read_the_same_as_babel_writes_them_in_their_own_time_zone() -> None:
    """Listings format thousands of moments on a quick path, from a datetime or from the ISO
    text the store keeps; both must write what Babel writes."""
    import random

    from babel.dates import format_datetime as babel_datetime

    chance = random.Random(20261205)
    for _ in range(500):
        zone = dt.timezone(dt.timedelta(minutes=chance.choice([0, 60, 120, -300, 330])))
        moment = dt.datetime(2020, 1, 1, tzinfo=zone) + dt.timedelta(
            seconds=chance.randrange(10**9), microseconds=chance.choice([0, 1, 999_999])
        )
        for language, locale in (("nl", "nl_NL"), ("en", "en_GB")):
            expected = babel_datetime(moment, "medium", locale=locale)
            assert format_datetime(moment, language) == expected
            assert stored_moment_formatter(language)(moment.isoformat()) == expected


def test_a_stored_moment_in_another_form_is_still_written_as_babel_writes_it() -> None:
    from babel.dates import format_datetime as babel_datetime

    for text in ("2026-12-06T14:29:23.405+01:00", "2026-12-06T14:29:23+05:30:15"):
        expected = babel_datetime(dt.datetime.fromisoformat(text), "medium", locale="nl_NL")
        assert stored_moment_formatter("nl")(text) == expected
