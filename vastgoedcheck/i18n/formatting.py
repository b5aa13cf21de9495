"""Dates, amounts and numbers written the way a Dutch or English reader expects (Babel)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from babel.dates import format_date as _babel_date
from babel.dates import format_datetime as _babel_datetime
from babel.numbers import format_currency, format_decimal

from vastgoedcheck.i18n import current_language

_LOCALES = {"nl": "nl_NL", "en": "en_GB"}


def babel_locale(language: str | None = None) -> str:
    return _LOCALES.get(language or current_language(), "nl_NL")


def format_date(value: dt.date, language: str | None = None) -> str:
    return str(_babel_date(value, format="long", locale=babel_locale(language)))


def format_datetime(value: dt.datetime, language: str | None = None) -> str:
    return str(_babel_datetime(value, format="medium", locale=babel_locale(language)))


def format_amount(value: Decimal, language: str | None = None) -> str:
    """An amount in euros, e.g. ``€ 12.500,00`` (nl) or ``€12,500.00`` (en)."""
    return str(format_currency(value, "EUR", locale=babel_locale(language)))


def format_number(value: Decimal | int | float, language: str | None = None) -> str:
    return str(format_decimal(value, locale=babel_locale(language)))
