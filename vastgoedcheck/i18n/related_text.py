"""Related checks in words: what a check shares with another, for the app and the command line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from vastgoedcheck.domain.check import Check
from vastgoedcheck.domain.related import PARTY, UBO_ROLE, Link, party_keys, year_before
from vastgoedcheck.i18n import _, ngettext
from vastgoedcheck.i18n.field_labels import party_role_label
from vastgoedcheck.i18n.formatting import format_number


def names_by_key(check: Check) -> dict[str, str]:
    """The name of each party (and UBO) of ``check`` by what its keys name."""
    names: dict[str, str] = {}
    for party in check.parties:
        for key in party_keys(party.data):
            names.setdefault(key, party.name)
        ubos = party.data.get("ubos")
        for ubo in ubos if isinstance(ubos, list | tuple) else ():
            if isinstance(ubo, Mapping):
                for key in party_keys(ubo):
                    names.setdefault(key, str(ubo.get("name") or ""))
    return names


def link_sentence(link: Link, names: Mapping[str, str]) -> str:
    """One sentence on what this check shares with the other one."""
    if link.kind != PARTY:
        return _("Same property (BAG id, or postcode, house number and addition).")
    name = names.get(link.key) or _("a party")
    here, there = _role(link.role_here), _role(link.role_there)
    if link.role_here == link.role_there:
        return _("{name} is the {role} here and was the {role} in that check too.").format(
            name=name, role=here
        )
    return _("{name} is the {role_here} here and was the {role_there} in that check.").format(
        name=name, role_here=here, role_there=there
    )


def _role(role: str) -> str:
    return party_role_label(UBO_ROLE if role == UBO_ROLE else role)


def property_count_sentence(count: int) -> str:
    """How often the property came up in other checks in the last twelve months."""
    return ngettext(
        "This address was in {count} other check in the last 12 months.",
        "This address was in {count} other checks in the last 12 months.",
        count,
    ).format(count=format_number(count))


def last_year(now: dt.datetime | None = None) -> dt.datetime:
    """The moment twelve months before ``now`` (default: this moment)."""
    return year_before(now or dt.datetime.now(dt.UTC))
