"""The suggested file name of a report: the recipient, the matter and the date, in the report's
own language (``politie-Oudegracht-123-Utrecht-2026-12-05.pdf``)."""

from __future__ import annotations

import datetime as dt
import re

from vastgoedcheck.domain.check import Check
from vastgoedcheck.domain.pack import Pack
from vastgoedcheck.file_types import safe_file_name
from vastgoedcheck.i18n import N_, _, language_scope
from vastgoedcheck.reports.profiles import Recipient

MAX_MATTER = 60  # characters of the matter in the name
# Translators: file names of reports, in lower case without spaces; {matter} is the property's
# address and place (e.g. "Oudegracht-123-Utrecht") and {date} the day, e.g. "2026-12-05".
_NAMES = {
    Recipient.DOSSIER: N_("dossier-{matter}-{date}"),
    Recipient.POLICE: N_("police-{matter}-{date}"),
    Recipient.MUNICIPALITY: N_("municipality-{matter}-{date}"),
    Recipient.FIU: N_("fiu-{matter}-{date}"),
}
_NOT_IN_A_WORD = re.compile(r"[^\w]+")


def _matter(check: Check, pack: Pack) -> str:
    """The property's address and place, else the first party's name, else the checklist."""
    data = check.property
    parts = [str(data.get(key) or "") for key in ("address", "city")]
    if not any(part.strip() for part in parts) and check.parties:
        parts = [check.parties[0].name]
    words = [word for part in parts for word in _NOT_IN_A_WORD.split(part) if word]
    matter = "-".join(words)[:MAX_MATTER].strip("-")
    return matter or pack.code


def report_file_name(
    check: Check, pack: Pack, recipient: Recipient, language: str, day: dt.date
) -> str:
    """The name to save the report for ``recipient`` in ``language`` under, made on ``day``."""
    with language_scope(language):
        stem = _(_NAMES[recipient]).format(matter=_matter(check, pack), date=day.isoformat())
    return safe_file_name(stem, suffix="pdf", fallback="report")
