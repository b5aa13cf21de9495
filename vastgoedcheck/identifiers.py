"""Dutch identifiers: checking and normalising them, and spotting a BSN in free text.

python-stdnum does the check-digit and format work where it covers a number; only the KVK,
vestigings- and BAG-numbers (plain digit counts, no check digit) are checked here.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from stdnum import iban as std_iban
from stdnum.exceptions import ValidationError
from stdnum.nl import bsn as std_bsn
from stdnum.nl import btw as std_btw
from stdnum.nl import identiteitskaartnummer as std_id_document
from stdnum.nl import postcode as std_postcode

from vastgoedcheck.i18n import N_, _


class InvalidIdentifier(ValueError):
    """The value is not a valid identifier of the kind asked for; the message says which."""


def _digits(count: int, what: str) -> Callable[[str], str]:
    pattern = re.compile(rf"\d{{{count}}}")

    def check(value: str) -> str:
        compact = re.sub(r"[\s.]", "", value)
        if not pattern.fullmatch(compact):
            raise InvalidIdentifier(_(what).format(count=count))
        return compact

    return check


def _stdnum(validate: Callable[[str], str], what: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        try:
            return str(validate(value))
        except ValidationError:
            raise InvalidIdentifier(_(what)) from None

    return check


def _btw(value: str) -> str:
    return "NL" + _stdnum(std_btw.validate, N_("not a valid Dutch VAT number (btw-id)"))(value)


def _id_document(value: str) -> str:
    return _stdnum(
        std_id_document.validate, N_("not a valid Dutch passport or identity card number")
    )(value.upper())


VALIDATORS: dict[str, Callable[[str], str]] = {
    "kvk": _digits(8, N_("a KVK number has {count} digits")),
    "establishment_number": _digits(12, N_("a vestigingsnummer has {count} digits")),
    "bag_id": _digits(16, N_("a BAG id has {count} digits")),
    "postcode": _stdnum(std_postcode.validate, N_("not a valid Dutch postcode (1234 AB)")),
    "iban": _stdnum(std_iban.validate, N_("not a valid IBAN (check the digits)")),
    "btw": _btw,
    "id-document": _id_document,
    "rsin": _stdnum(std_bsn.validate, N_("not a valid RSIN (9 digits passing the 11-test)")),
    "bsn": _stdnum(std_bsn.validate, N_("not a valid BSN (9 digits passing the 11-test)")),
}


def normalise(kind: str, value: str) -> str:
    """The value in its standard form; raises InvalidIdentifier with a translated reason."""
    return VALIDATORS[kind](value)


# Nine digits, optionally grouped by spaces, dots or dashes (1234.56.782), standing alone.
_BSN_CANDIDATE = re.compile(
    r"(?<![\dA-Za-z])(\d{4}[ .-]?\d{2}[ .-]?\d{3}|\d{3}[ .-]?\d{3}[ .-]?\d{3}|\d{9})(?![\dA-Za-z])"
)


def find_bsn_like(text: str) -> list[str]:
    """Numbers in ``text`` that pass the BSN 11-test (so may be a citizen service number)."""
    found = []
    for match in _BSN_CANDIDATE.finditer(text):
        digits = re.sub(r"\D", "", match.group(0))
        if std_bsn.is_valid(digits):
            found.append(match.group(0))
    return found
