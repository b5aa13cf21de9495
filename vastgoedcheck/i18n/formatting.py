"""Dates, amounts and numbers written the way a Dutch or English reader expects (Babel)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache

from babel import Locale
from babel.dates import format_date as _babel_date
from babel.dates import format_datetime as _babel_datetime
from babel.dates import format_time as _babel_time
from babel.dates import get_date_format
from babel.numbers import format_currency, format_decimal

from vastgoedcheck.i18n import current_language

_LOCALES = {"nl": "nl_NL", "en": "en_GB"}


def babel_locale(language: str | None = None) -> str:
    return _LOCALES.get(language or current_language(), "nl_NL")


def format_date(value: dt.date, language: str | None = None) -> str:
    return str(_babel_date(value, format="long", locale=babel_locale(language)))


def format_short_date(value: dt.date, language: str | None = None) -> str:
    """A date in a table column: ``29-11-2026`` (nl) or ``29/11/2026`` (en)."""
    return str(_babel_date(value, format="short", locale=babel_locale(language)))


def format_time(value: dt.datetime | dt.time, language: str | None = None) -> str:
    """A time of day in hours and minutes: ``14:32``."""
    return str(_babel_time(value, format="short", locale=babel_locale(language)))


def format_datetime(value: dt.datetime, language: str | None = None) -> str:
    """A moment as ``5 dec 2026, 21:03:04``, in the time zone it carries."""
    return _datetime_formatter(babel_locale(language))(value)


def stored_moment_formatter(language: str | None = None) -> Callable[[str], str]:
    """``format_datetime`` for many moments given as the ISO 8601 text the store keeps (a
    listing of thousands), each in the time zone it carries."""
    return _text_formatter(babel_locale(language))


@lru_cache(maxsize=4)
def _datetime_formatter(locale: str) -> Callable[[dt.datetime], str]:
    from_text = _text_formatter(locale)

    def formatted(value: dt.datetime) -> str:
        if value.tzinfo is None:
            return str(_babel_datetime(value, format="medium", locale=locale))
        return from_text(value.isoformat())

    return formatted


@lru_cache(maxsize=4)
def _text_formatter(locale: str) -> Callable[[str], str]:
    def by_babel(text: str) -> str:
        return str(_babel_datetime(dt.datetime.fromisoformat(text), format="medium", locale=locale))

    if _medium_time_pattern(locale) != "HH:mm:ss":
        return by_babel
    # The time, a plain 24-hour clock in both languages, is read from the text as it is, and
    # the date part is formatted once per day, without Babel's pattern machinery.
    pattern = _medium_datetime_pattern(locale)
    parsed = Locale.parse(locale)
    date_pattern = get_date_format("medium", locale=parsed)
    days: dict[str, str] = {}

    def formatted(text: str) -> str:
        # As isoformat() writes a moment with a time zone, with or without microseconds:
        # "2026-12-06T14:29:23.405782+01:00", "2026-12-06T14:29:23+01:00"
        if len(text) not in (25, 32) or text[10] != "T" or text[-6] not in "+-":
            return by_babel(text)
        day = text[:10]
        date_part = days.get(day)
        if date_part is None:
            date_part = days[day] = str(date_pattern.apply(dt.date.fromisoformat(day), parsed))
        return pattern.format(text[11:19], date_part)

    return formatted


@lru_cache(maxsize=8)
def _medium_time_pattern(locale: str) -> str:
    return str(Locale.parse(locale).time_formats["medium"].pattern)


@lru_cache(maxsize=8)
def _medium_datetime_pattern(locale: str) -> str:
    return str(Locale.parse(locale).datetime_formats["medium"])


def format_amount(value: Decimal, language: str | None = None) -> str:
    """An amount in euros, e.g. ``€ 12.500,00`` (nl) or ``€12,500.00`` (en)."""
    return str(format_currency(value, "EUR", locale=babel_locale(language)))


def format_number(value: Decimal | int | float, language: str | None = None) -> str:
    return str(format_decimal(value, locale=babel_locale(language)))


def format_file_size(size: int, language: str | None = None) -> str:
    """A file size as a person reads it: ``850 B``, ``12,4 kB``, ``3,1 MB``."""
    locale = babel_locale(language)
    unit, factor = "B", 1
    for larger, larger_factor in (("kB", 1000), ("MB", 1000**2), ("GB", 1000**3)):
        if size >= larger_factor:
            unit, factor = larger, larger_factor
    amount = size if factor == 1 else round(size / factor, 1)
    return f"{format_decimal(amount, locale=locale)}\xa0{unit}"
