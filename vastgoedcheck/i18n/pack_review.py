"""The legal position a checklist reflects and its review date, in words."""

from __future__ import annotations

import datetime as dt

from vastgoedcheck.domain.pack import Pack
from vastgoedcheck.i18n import _
from vastgoedcheck.i18n.formatting import format_date


def legal_position_text(pack: Pack, language: str) -> str:
    """The laws and guidance the checklist reflects, as its authors state them."""
    return pack.legal_position.get(language) if pack.legal_position is not None else ""


def review_text(pack: Pack, today: dt.date) -> str:
    """When the checklist is to be reviewed, or that it is overdue; empty without a date."""
    if pack.review_by is None:
        return ""
    if pack.review_due(today):
        return _(
            "This checklist was due for review on {date}: the law may have changed since. "
            "Check its advice against the current law before you rely on it."
        ).format(date=format_date(pack.review_by))
    return _("Legal position to be reviewed by {date}.").format(date=format_date(pack.review_by))
