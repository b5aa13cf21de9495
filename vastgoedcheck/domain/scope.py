"""Whether the Wwft applies to the user for this matter: one rule for every pack (DOMAIN §3.5).

An estate agent is a Wwft institution only when mediating a purchase or sale, or a let at
€10,000 or more a month (art. 1a lid 4 sub a Wwft); a notary only for the services of
art. 1a lid 4 sub c Wwft: transfers of real estate, mortgages, incorporations and share
transfers — not an operation, a financing or a letting the notary takes no part in. A landlord
never is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from vastgoedcheck.domain.pack import (
    NOTARY_ONLY_FIELDS,
    WWFT_ONLY_FIELDS,
    WWFT_ONLY_ID_DOCUMENT_PARTS,
    WWFT_RENT_THRESHOLD,
    Deal,
    Pack,
    Role,
)

# The transactions (the property field "transaction") in which each role is a Wwft institution.
BROKER_WWFT_TRANSACTIONS = frozenset({"sale"})
NOTARY_WWFT_TRANSACTIONS = frozenset({"sale", "mortgage", "incorporation", "share_transfer"})


@dataclass(frozen=True)
class Scope:
    """Who asks, and whether the Wwft applies to them for this matter."""

    role: Role
    wwft: bool


def _as_decimal(value: object) -> Decimal | None:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int | float | str) and not isinstance(value, bool):
        try:
            return Decimal(str(value))
        except ArithmeticError:
            return None
    return None


def transaction(pack: Pack, property_data: Mapping[str, object]) -> str | None:
    """The kind of deal: fixed by the pack, or recorded with the property for a pack of any."""
    if pack.deal is Deal.RENTAL:
        return "rental"
    if pack.deal is Deal.SALE:
        return "sale"
    value = property_data.get("transaction")
    return value if isinstance(value, str) else None


def wwft_applies(pack: Pack, role: Role, property_data: Mapping[str, object]) -> bool:
    """Whether the user is a Wwft institution for this matter.

    When a pack for any kind of deal has no transaction recorded yet, a broker or notary is taken
    to be within the Wwft (the stricter reading) and asked to record the transaction.
    """
    if role is Role.LANDLORD:
        return False
    deal = transaction(pack, property_data)
    if deal is None:
        return True
    if role is Role.NOTARY:
        return deal in NOTARY_WWFT_TRANSACTIONS
    if deal == "rental":
        rent = _as_decimal(property_data.get("rent_monthly"))
        return rent is not None and rent >= WWFT_RENT_THRESHOLD
    return deal in BROKER_WWFT_TRANSACTIONS


def scope_of(pack: Pack, role: Role, property_data: Mapping[str, object]) -> Scope:
    return Scope(role, wwft_applies(pack, role, property_data))


def field_allowed(scope: Scope, name: str) -> bool:
    """Whether a party field may be recorded at all for this role and scope (DOMAIN §4.1–§4.2):
    data only the Wwft asks for is refused outside it, a BSN to anyone but a notary."""
    if name in NOTARY_ONLY_FIELDS:
        return scope.role is Role.NOTARY
    return scope.wwft or name not in WWFT_ONLY_FIELDS


def id_document_part_allowed(scope: Scope, part: str) -> bool:
    """Whether a part of an identity document may be kept: outside the Wwft only its type,
    expiry, verification and the last characters of its number."""
    return scope.wwft or part not in WWFT_ONLY_ID_DOCUMENT_PARTS
