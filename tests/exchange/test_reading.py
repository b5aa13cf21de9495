"""Reading check documents: what fits its pack is accepted, everything else named and refused."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from vastgoedcheck.domain.pack import FlagValue
from vastgoedcheck.exchange.reading import InvalidCheck, check_from_document
from vastgoedcheck.packs.registry import PackRegistry


def landlord_check(**changes: Any) -> dict[str, Any]:
    document: dict[str, Any] = {
        "format": "vastgoedcheck-check",
        "format_version": 1,
        "pack": {"id": "landlord-residential", "version": "2026.1"},
        "role": "landlord",
        "parties": [
            {
                "role": "tenant",
                "kind": "person",
                "name": "Zofia Wiśniewska-Çelik",
                "id_document": {"type": "passport", "number": "4X1B", "expiry": "2030-01-31"},
            }
        ],
        "property": {
            "address": "Kerkstraat 12",
            "postcode": "3511ab",
            "city": "Utrecht",
            "object_type": "apartment",
            "rent_monthly": "1450.00",
            "payer_iban": "NL91 ABNA 0417 1643 00",
        },
        "answers": {
            "RES-00": {"value": "contract"},
            "RES-03": {"value": "yes", "note": "Wil de borg contant betalen."},
            "RES-03a": {"value": "2900.00"},
        },
    }
    document.update(changes)
    return document


def problems_of(document: dict[str, Any], registry: PackRegistry) -> list[str]:
    with pytest.raises(InvalidCheck) as caught:
        check_from_document(document, registry)
    return [problem.describe("check.json") for problem in caught.value.problems]


def test_a_fitting_check_is_read_with_typed_and_normalised_values(registry: PackRegistry) -> None:
    check, pack = check_from_document(landlord_check(), registry)
    assert pack.id == "landlord-residential"
    assert check.answer_value("RES-03") is FlagValue.YES
    assert check.answer_value("RES-03a") == Decimal("2900.00")
    assert check.property["postcode"] == "3511 AB"
    assert check.property["payer_iban"] == "NL91ABNA0417164300"
    assert check.parties[0].name == "Zofia Wiśniewska-Çelik"
    assert len(check.id) == 36  # an id is assigned when the file has none


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"pack": {"id": "landlord-holiday", "version": "2026.1"}}, "no pack 'landlord-holiday'"),
        ({"pack": {"id": "landlord-residential", "version": "2019.1"}}, "(it has 2026.1)"),
        ({"format_version": 2}, "$.format_version: must be 1, not 2"),
        ({"role": "notary"}, "not meant for a notary"),
        ({"answers": {"RES-99": {"value": "yes"}}}, "$.answers.RES-99: the pack"),
        ({"answers": {"RES-01": {"value": "ja"}}}, "'ja' is not one of: yes, no, unknown, na"),
        ({"answers": {"RES-03a": {"value": "veel"}}}, "'veel' is not an amount"),
        ({"answers": {"RES-03a": {"value": "-5"}}}, "cannot be negative"),
        ({"answers": {"RES-00": {"value": "viewing"}}}, "'viewing' is not one of"),
        ({"answers": {"RES-30": {"value": "31-12-2026"}}}, "is not a date (YYYY-MM-DD)"),
        ({"answers": {"RES-01": {"value": "no", "note": "x" * 20_001}}}, "is too long"),
        ({"answers": {"RES-01": {"value": "no", "note": "BSN 1234.56.782 gezien"}}},
         "looks like a BSN"),
    ],
)  # fmt: skip
def test_checks_that_do_not_fit_their_pack_are_refused(
    registry: PackRegistry, change: dict[str, Any], expected: str
) -> None:
    problems = problems_of(landlord_check(**change), registry)
    assert any(expected in problem for problem in problems), problems


def test_control_characters_in_a_name_are_refused(registry: PackRegistry) -> None:
    document = landlord_check()
    document["parties"][0]["name"] = "Jan\x1b[31m de Vries"
    problems = problems_of(document, registry)
    assert any("$.parties[0].name" in p for p in problems)


def test_a_landlord_cannot_record_what_the_pack_does_not_ask(registry: PackRegistry) -> None:
    document = landlord_check()
    document["parties"][0]["nationality"] = "NL"
    document["parties"][0]["bsn"] = "123456782"
    problems = problems_of(document, registry)
    assert any("$.parties[0].nationality" in p and "does not ask" in p for p in problems)
    assert any("$.parties[0].bsn" in p for p in problems)


def test_a_landlord_keeps_only_the_last_four_characters_of_an_id_number(
    registry: PackRegistry,
) -> None:
    document = landlord_check()
    document["parties"][0]["id_document"]["number"] = "SPECI2014"
    problems = problems_of(document, registry)
    assert any("last 4 characters" in p for p in problems)


def test_invalid_identifiers_are_refused(registry: PackRegistry) -> None:
    document = landlord_check()
    document["property"]["postcode"] = "0123 AB"
    document["property"]["payer_iban"] = "NL91 ABNA 0417 1643 01"
    problems = problems_of(document, registry)
    assert any("$.property.postcode" in p and "postcode" in p for p in problems)
    assert any("$.property.payer_iban" in p and "IBAN" in p for p in problems)


def test_a_party_role_must_belong_to_the_pack(registry: PackRegistry) -> None:
    document = landlord_check()
    document["parties"][0]["role"] = "buyer"
    assert any("not a party role of this pack" in p for p in problems_of(document, registry))


def test_a_broker_check_records_the_full_id_document(registry: PackRegistry) -> None:
    document = {
        "format": "vastgoedcheck-check",
        "format_version": 1,
        "pack": {"id": "broker-buyer", "version": "2026.1"},
        "role": "broker",
        "parties": [
            {
                "role": "buyer",
                "kind": "person",
                "name": "Αλέξανδρος Παπαδόπουλος",
                "id_document": {"type": "passport", "number": "speci2014"},
            }
        ],
        "property": {},
        "answers": {"BUY-07": {"value": "yes"}, "BUY-07a": {"value": 12500}},
    }
    check, _pack = check_from_document(document, registry)
    assert check.parties[0].data["id_document"]["number"] == "SPECI2014"
    assert check.answer_value("BUY-07a") == Decimal("12500.00")
