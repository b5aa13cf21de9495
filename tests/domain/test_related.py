"""Which checks are about the same property or party, however it was typed."""

from __future__ import annotations

import datetime as dt

from vastgoedcheck.domain.check import Check, Party, PartyKind
from vastgoedcheck.domain.pack import Role
from vastgoedcheck.domain.related import (
    PARTY,
    PROPERTY,
    check_keys,
    house_number,
    links,
    party_keys,
    property_keys,
    related,
    same_property_since,
)


def test_an_address_is_the_same_with_or_without_spaces_dashes_and_capitals() -> None:
    typed = [
        {"address": "Oudegracht 101-a", "postcode": "3511 AD"},
        {"address": "Oudegracht 101 A", "postcode": "3511ad"},
        {"address": "oudegracht 101A ", "postcode": " 3511 ad"},
    ]
    assert {tuple(property_keys(data)) for data in typed} == {("address:3511AD:101:A",)}
    assert property_keys({"address": "Oudegracht 101", "postcode": "3511 AD"}) != property_keys(
        typed[0]
    )
    assert property_keys({"address": "Oudegracht", "postcode": "3511 AD"}) == []


def test_the_house_number_is_the_last_number_of_the_address_line() -> None:
    assert house_number("2e Hugo de Grootstraat 12-III") == ("12", "III")  # not the "2e"
    assert house_number("Molenweg 12-2") == ("12", "2")
    assert house_number("Oudegracht 101 bis") == ("101", "BIS")
    assert house_number("Postbus") is None


def test_a_bag_id_is_a_key_of_its_own() -> None:
    keys = property_keys({"bag_id": "0344 0100 0012 3456", "address": "", "postcode": ""})
    assert keys == ["bag:0344010000123456"]


def test_a_person_is_the_same_across_accents_order_and_case_but_needs_a_birth_date() -> None:
    born = dt.date(1994, 11, 23)
    first = party_keys({"name": "Çelik, Ayşe", "birth_date": born})
    assert first == party_keys({"name": "Ayse Celik", "birth_date": "1994-11-23"})
    assert first != party_keys({"name": "Ayse Celik", "birth_date": dt.date(1994, 11, 24)})
    assert party_keys({"name": "Ayse Celik"}) == []  # a name alone names nobody for sure


def test_an_organisation_is_its_kvk_number() -> None:
    assert party_keys({"name": "Flip BV", "kvk": "1234 5678"}) == ["kvk:12345678"]


def _check(check_id: str, *parties: Party, **place: str) -> Check:
    return Check(check_id, "notary-transaction", "1", Role.NOTARY, parties=parties, property=place)


def test_abc_chain_buyer_of_one_deed_is_the_seller_of_the_next() -> None:
    flip = {"name": "Flip BV", "kvk": "12345678"}
    a_to_b = _check(
        "ab",
        Party("client", PartyKind.PERSON, {"name": "A", "birth_date": dt.date(1960, 1, 1)}),
        Party("counterparty", PartyKind.ORGANISATION, flip),
        address="Oudegracht 101",
        postcode="3511 AD",
    )
    b_to_c = _check(
        "bc",
        Party("client", PartyKind.ORGANISATION, flip),
        address="Oudegracht 101",
        postcode="3511AD",
    )
    shared = links(check_keys(b_to_c), check_keys(a_to_b))
    assert [link.kind for link in shared] == [PROPERTY, PARTY]
    assert (shared[1].role_here, shared[1].role_there) == ("client", "counterparty")


def test_related_leaves_out_the_check_itself_and_counts_the_last_year() -> None:
    now = dt.datetime(2026, 12, 5, tzinfo=dt.UTC)
    keys = ["address:3511AD:101:"]
    others = [
        ("self", now, keys),
        ("recent", now - dt.timedelta(days=40), keys),
        ("old", now - dt.timedelta(days=500), keys),
        ("unrelated", now, ["address:1234AB:7:"]),
    ]
    found = related("self", keys, others)
    assert [item.check_id for item in found] == ["recent", "old"]
    assert same_property_since(found, now - dt.timedelta(days=365)) == 1
