"""Dutch identifiers are checked and written in their standard form; a BSN is spotted in text."""

from __future__ import annotations

import pytest

from vastgoedcheck.identifiers import InvalidIdentifier, find_bsn_like, normalise


@pytest.mark.parametrize(
    ("kind", "given", "standard"),
    [
        ("postcode", "3511ad", "3511 AD"),
        ("iban", "nl91 abna 0417 1643 00", "NL91ABNA0417164300"),
        ("kvk", "1234 5678", "12345678"),
        ("btw", "NL004495445B01", "NL004495445B01"),
        ("id-document", "speci2014", "SPECI2014"),
        ("bag_id", "0363010000123456", "0363010000123456"),
    ],
)
def test_valid_identifiers_are_normalised(kind: str, given: str, standard: str) -> None:
    assert normalise(kind, given) == standard


@pytest.mark.parametrize(
    ("kind", "given", "reason"),
    [
        ("postcode", "0123 AB", "postcode"),
        ("postcode", "1234 SS", "postcode"),
        ("iban", "NL91ABNA0417164301", "check the digits"),
        ("kvk", "1234567", "8 digits"),
        ("btw", "NL004495446B01", "VAT"),
        ("bsn", "123456789", "11-test"),
    ],
)
def test_invalid_identifiers_say_why(kind: str, given: str, reason: str) -> None:
    with pytest.raises(InvalidIdentifier, match=reason):
        normalise(kind, given)


def test_a_bsn_is_found_in_free_text_but_other_numbers_are_not() -> None:
    text = (
        "Huurder gaf BSN 1234.56.782 op; telefoon 0612345678, KvK 12345678, "
        "IBAN NL91ABNA0417164300, postcode 3511 AD, ordernummer 123456789."
    )
    assert find_bsn_like(text) == ["1234.56.782"]
