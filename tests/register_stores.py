"""Stores whose checks are linked: an ABC chain at a notary's office, a tenant seen twice."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from vastgoedcheck.domain.check import Check, Party, PartyKind
from vastgoedcheck.domain.pack import Role
from vastgoedcheck.storage.store import Store

# The house of the ABC chain, written differently in each deed.
HOUSE_FIRST = {
    "address": "Oudegracht 101-a",
    "postcode": "3511 AD",
    "city": "Utrecht",
    "object_type": "house",
    "transaction": "sale",
}
HOUSE_AGAIN = {
    "address": "Oudegracht 101 A",
    "postcode": "3511AD",
    "city": "UTRECHT",
    "object_type": "house",
    "transaction": "sale",
}


@dataclass(frozen=True)
class AbcChain:
    a_to_b: Check  # A sells to B
    b_to_c: Check  # B sells to C, weeks later
    elsewhere: Check  # the same C buys another house from someone else


def abc_chain(store: Store) -> AbcChain:
    """Anna de Wit (A) sells to Flip BV (B); Flip BV sells to Chris Kok (C); C also buys a
    different house. The notary's checklist: client and counterparty."""
    pack = store.registry.get("notary-transaction")
    assert pack is not None
    anna = Party(
        "client", PartyKind.PERSON, {"name": "Anna de Wit", "birth_date": dt.date(1961, 3, 4)}
    )
    flip = Party(
        "counterparty",
        PartyKind.ORGANISATION,
        {
            "name": "Flip Vastgoed B.V.",
            "kvk": "61234567",
            "representatives": ["Bas Flipse"],
            "ubos": [{"name": "Bas Flipse", "birth_date": "1980-07-01"}],
        },
    )
    chris = Party(
        "counterparty",
        PartyKind.PERSON,
        {"name": "Chris Kok", "birth_date": dt.date(1990, 1, 2)},
    )
    a_to_b = store.create(
        pack, Role.NOTARY, parties=[anna, flip], property_data=HOUSE_FIRST, reference="AKTE-1"
    )
    flip_as_client = Party(
        "client", PartyKind.ORGANISATION, {"name": "Flip Vastgoed BV", "kvk": "6123 4567"}
    )
    b_to_c = store.create(
        pack, Role.NOTARY, parties=[flip_as_client, chris], property_data=HOUSE_AGAIN
    )
    seller = Party(
        "client", PartyKind.PERSON, {"name": "Dirk Zand", "birth_date": dt.date(1955, 5, 5)}
    )
    elsewhere = store.create(
        pack,
        Role.NOTARY,
        parties=[seller, chris],
        property_data={**HOUSE_FIRST, "address": "Kerkstraat 7", "postcode": "1234 AB"},
    )
    return AbcChain(a_to_b, b_to_c, elsewhere)


@dataclass(frozen=True)
class RepeatedTenant:
    first: Check  # "Ayşe Çelik", rejected
    again: Check  # "Celik, Ayse", the same birth date, another house
    namesake: Check  # "Ayse Celik" born on another day: another person


def repeated_tenant(store: Store) -> RepeatedTenant:
    """A landlord's office sees the same applicant twice, spelled differently."""
    pack = store.registry.get("landlord-residential")
    assert pack is not None

    def tenant(name: str, born: dt.date) -> Party:
        return Party("tenant", PartyKind.PERSON, {"name": name, "birth_date": born})

    born = dt.date(1994, 11, 23)
    first = store.create(
        pack,
        Role.LANDLORD,
        parties=[tenant("Ayşe Çelik", born)],
        property_data={"address": "Lindenlaan 4", "postcode": "3581 KL", "city": "Utrecht"},
    )
    again = store.create(
        pack,
        Role.LANDLORD,
        parties=[tenant("ÇELIK, Ayse", born)],
        property_data={"address": "Molenweg 12", "postcode": "3582 AB", "city": "Utrecht"},
    )
    namesake = store.create(
        pack,
        Role.LANDLORD,
        parties=[tenant("Ayse Celik", dt.date(1988, 2, 2))],
        property_data={"address": "Eikenlaan 9", "postcode": "3583 CD", "city": "Utrecht"},
    )
    return RepeatedTenant(first, again, namesake)
