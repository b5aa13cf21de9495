"""Reading check documents: what fits its pack is accepted, everything else named and refused."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from vastgoedcheck.domain.pack import FlagValue
from vastgoedcheck.exchange.reading import (
    InvalidCheck,
    check_from_document,
    shortened_id_numbers,
)
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
        (
            {"pack": {"id": "landlord-residential", "version": "2019.1"}},
            "(it has 2026.1, 2026.2, 2026.3)",
        ),
        ({"format_version": 2}, "$.format_version: must be 1, not 2"),
        ({"role": "notary"}, "not meant for a notary"),
        ({"answers": {"RES-99": {"value": "yes"}}}, "$.answers.RES-99: the pack"),
        ({"answers": {"RES-01": {"value": "ja"}}}, "'ja' is not one of: yes, no, unknown, na"),
        ({"answers": {"RES-03a": {"value": "veel"}}}, "'veel' is not an amount"),
        ({"answers": {"RES-03a": {"value": "-5"}}}, "cannot be negative"),
        ({"answers": {"RES-00": {"value": "viewing"}}}, "'viewing' is not one of"),
        ({"answers": {"RES-30": {"value": "31-12-2026"}}}, "is not a date (YYYY-MM-DD)"),
        ({"answers": {"RES-01": {"value": "no", "note": "x" * 20_001}}}, "is too long"),
        (
            {"answers": {"RES-01": {"value": "no", "note": "BSN 1234.56.782 gezien"}}},
            "looks like a BSN",
        ),
    ],
)
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
    document["parties"][0]["id_document"]["number"] = "NW1K 2L3M4"
    check, _pack = check_from_document(document, registry)
    # The end of the number is kept, never its start ("NW1K" says nothing of the document).
    assert check.parties[0].data["id_document"]["number"] == "L3M4"  # type: ignore[index]
    assert shortened_id_numbers(document) == ["$.parties[0].id_document.number"]
    assert shortened_id_numbers(landlord_check()) == []  # "4X1B" was already short enough


def test_a_number_marked_unusable_is_read_as_such(registry: PackRegistry) -> None:
    document = landlord_check()
    document["parties"][0]["id_document"] = {"type": "passport", "number_unusable": True}
    check, _pack = check_from_document(document, registry)
    assert check.parties[0].data["id_document"] == {"type": "passport", "number_unusable": True}


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


def broker_check(parties: list[dict[str, Any]], answers: dict[str, Any]) -> dict[str, Any]:
    return {
        "format": "vastgoedcheck-check",
        "format_version": 1,
        "pack": {"id": "broker-buyer", "version": "2026.1"},
        "role": "broker",
        "parties": parties,
        "property": {},
        "answers": answers,
    }


def test_a_broker_check_records_the_full_id_document(registry: PackRegistry) -> None:
    buyer = {
        "role": "buyer",
        "kind": "person",
        "name": "Αλέξανδρος Παπαδόπουλος",
        "id_document": {"type": "passport", "number": "speci2014", "issuing_country": "NL"},
    }
    document = broker_check([buyer], {"BUY-07": {"value": "yes"}, "BUY-07a": {"value": 12500}})
    check, _pack = check_from_document(document, registry)
    assert check.parties[0].data["id_document"]["number"] == "SPECI2014"
    assert check.answer_value("BUY-07a") == Decimal("12500.00")


def test_each_missing_key_is_named_once(registry: PackRegistry) -> None:
    problems = problems_of({"format": "vastgoedcheck-check"}, registry)
    missing = [p for p in problems if "is missing" in p]
    assert len(missing) == len(set(missing)) == 6


@pytest.mark.parametrize(
    ("where", "value", "expected"),
    [
        ("rent_monthly", 1e30, "must be less than"),
        ("rent_monthly", "-5.00", "does not have the expected form"),
        ("rent_monthly", "1.450,00", "does not have the expected form"),
        ("rent_monthly", 10**26, "must be less than"),
    ],
)
def test_impossible_amounts_are_refused(
    registry: PackRegistry, where: str, value: object, expected: str
) -> None:
    document = landlord_check()
    document["property"][where] = value
    assert any(expected in p for p in problems_of(document, registry))


def test_an_amount_answer_of_a_trillion_is_a_typing_error(registry: PackRegistry) -> None:
    document = landlord_check(answers={"RES-03": {"value": "yes"}, "RES-03a": {"value": 1e15}})
    assert any("too large for an amount" in p for p in problems_of(document, registry))


@pytest.mark.parametrize("date", ["20261231", "2026-W09-6", "2026-02-30"])
def test_dates_must_be_real_and_written_yyyy_mm_dd(registry: PackRegistry, date: str) -> None:
    document = landlord_check(answers={"RES-00": {"value": "tenancy"}, "RES-30": {"value": date}})
    assert any("$.answers.RES-30.value" in p for p in problems_of(document, registry))


def test_nested_dates_are_real_dates(registry: PackRegistry) -> None:
    document = landlord_check()
    document["parties"][0]["sanctions_screening"] = {"date": "2026-02-30", "result": "no_hit"}
    problems = problems_of(document, registry)
    assert any("$.parties[0].sanctions_screening.date" in p for p in problems)


def test_free_text_anywhere_is_scanned_for_bsn_and_control_characters(
    registry: PackRegistry,
) -> None:
    document = landlord_check()
    document["parties"][0]["name"] = "J. Jansen 111222333"
    document["answers"]["RES-03"]["note"] = "Regel één\nRegel twee\x07"
    problems = problems_of(document, registry)
    assert any("$.parties[0].name" in p and "BSN" in p for p in problems)
    assert any("$.answers.RES-03.note" in p and "control characters" in p for p in problems)


def test_a_foreign_passport_number_is_kept_and_a_dutch_one_is_checked(
    registry: PackRegistry,
) -> None:
    foreign = {"type": "passport", "number": "ea 1234567", "issuing_country": "PL"}
    dutch = {"type": "passport", "number": "AB12", "issuing_country": "NL"}
    document = broker_check(
        [
            {"role": "buyer", "kind": "person", "name": "Anna Nowak", "id_document": foreign},
            {"role": "representative", "kind": "person", "name": "Piet Bos", "id_document": dutch},
        ],
        {},
    )
    problems = problems_of(document, registry)
    assert problems == [
        "check.json: $.parties[1].id_document.number: 'AB12': not a valid Dutch passport "
        "or identity card number"
    ]
    del document["parties"][1]
    check, _pack = check_from_document(document, registry)
    assert check.parties[0].data["id_document"]["number"] == "EA1234567"


def test_a_name_with_a_trailing_line_break_is_refused(registry: PackRegistry) -> None:
    document = landlord_check()
    document["parties"][0]["name"] = "Kees\n"
    problems = problems_of(document, registry)
    assert any("$.parties[0].name" in p and "line break" in p for p in problems)


def test_a_landlord_may_not_keep_where_or_in_which_country_an_id_was_issued(
    registry: PackRegistry,
) -> None:
    """The place and country of issue are a proxy for nationality (DOMAIN §4.1)."""
    for part, value in (
        ("issuing_country", "NL"),
        ("issue_place", "Utrecht"),
        ("issue_date", "2020-05-01"),
    ):
        document = landlord_check()
        document["parties"][0]["id_document"][part] = value
        problems = problems_of(document, registry)
        assert any(
            f"id_document.{part}" in problem and "Wwft institution" in problem
            for problem in problems
        ), problems
