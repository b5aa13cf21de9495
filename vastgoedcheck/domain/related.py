"""When two checks are about the same property or the same party: keys that survive spelling.

A check's keys are short strings kept in its summary row, so that finding the related checks
of one check compares keys and reads no other check:

- the property: ``bag:<16 digits>`` (the BAG id), and ``address:<postcode>:<number>:<addition>``
  (``3511AD:101:A``: spaces, dashes and letter case do not matter);
- each party, with its role in this check after ``@``: ``kvk:<8 digits>@buyer`` for an
  organisation, ``person:<name words in order>:<birth date>@tenant`` for a person with a date of
  birth (``Çelik, Ayşe`` and ``Ayse Celik`` give the same key); a party's UBOs as ``@ubo``.

A name alone is no key: two people of the same name are not the same person, and a check must
not be linked to another person's. The keys only point the user to the other check; they say
nothing about anyone and change no advice (AVG art. 22: a person decides).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from vastgoedcheck.domain.check import Check

# Letters that carry no separable accent, written as a Dutch keyboard would type them.
_PLAIN_LETTERS = str.maketrans(
    {"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe"}
)
_POSTCODE = re.compile(r"[1-9]\d{3}[A-Z]{2}")
# The house number and its addition at the end of an address line: "101", "101a", "101-A",
# "101 bis", "12-2", "12 III".
_NUMBER = re.compile(r"(?<!\d)(\d{1,5})(?:\s*[-/]?\s*([A-Za-z0-9]{1,6}))?\s*$")
_WORD = re.compile(r"[a-z0-9]+")
PROPERTY = "property"
PARTY = "party"
UBO_ROLE = "ubo"


def fold(text: str) -> str:
    """``text`` as it is compared: lower case, accents removed (``Çelik`` → ``celik``,
    ``Yılmaz`` → ``yilmaz``, ``Łukasz`` → ``lukasz``)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.translate(_PLAIN_LETTERS)


def compact_postcode(text: str) -> str:
    """A Dutch postcode without spaces, in capitals ("3511 ad" → "3511AD"); "" when it is none."""
    compact = re.sub(r"\s+", "", text).upper()
    return compact if _POSTCODE.fullmatch(compact) else ""


def house_number(address: str) -> tuple[str, str] | None:
    """The house number and its addition (in capitals) at the end of an address line."""
    found = _NUMBER.search(address.strip())
    if found is None:
        return None
    return str(int(found.group(1))), (found.group(2) or "").upper()


def property_keys(data: Mapping[str, object]) -> list[str]:
    """The keys of a property: its BAG id, and its postcode with house number and addition."""
    keys = []
    bag = re.sub(r"\D", "", str(data.get("bag_id") or ""))
    if len(bag) == 16:
        keys.append(f"bag:{bag}")
    postcode = compact_postcode(str(data.get("postcode") or ""))
    number = house_number(str(data.get("address") or ""))
    if postcode and number is not None:
        keys.append(f"address:{postcode}:{number[0]}:{number[1]}")
    return keys


def person_key(name: object, birth_date: object) -> str | None:
    """``person:<name words in alphabetical order>:<birth date>``, or None without both."""
    if not isinstance(name, str):
        return None
    words = sorted(_WORD.findall(fold(name)))
    born = _date(birth_date)
    if not words or born is None:
        return None
    return f"person:{' '.join(words)}:{born.isoformat()}"


def party_keys(data: Mapping[str, object]) -> list[str]:
    """The keys of one party, without its role: its KVK number, or its name and birth date."""
    keys = []
    kvk = re.sub(r"\D", "", str(data.get("kvk") or ""))
    if len(kvk) == 8:
        keys.append(f"kvk:{kvk}")
    person = person_key(data.get("name"), data.get("birth_date"))
    if person is not None:
        keys.append(person)
    return keys


def check_keys(check: Check) -> list[str]:
    """Every key of ``check``, party keys with their role; each once, in a stable order."""
    keys = property_keys(check.property)
    for party in check.parties:
        keys += [f"{key}@{party.role}" for key in party_keys(party.data)]
        ubos = party.data.get("ubos")
        for ubo in ubos if isinstance(ubos, list | tuple) else ():
            if isinstance(ubo, Mapping):
                keys += [f"{key}@{UBO_ROLE}" for key in party_keys(ubo)]
    return list(dict.fromkeys(keys))


def identity(key: str) -> str:
    """What a key names, without the role it has in its check."""
    return key.partition("@")[0]


@dataclass(frozen=True)
class Link:
    """What two checks share: the property, or a party (with its role in each check)."""

    kind: str  # PROPERTY or PARTY
    key: str  # the identity both checks have
    role_here: str = ""
    role_there: str = ""


def links(here: Iterable[str], there: Iterable[str]) -> list[Link]:
    """What a check with keys ``here`` shares with one with keys ``there``: the property once,
    however many of its keys match, and each shared party once per pair of roles."""
    theirs: dict[str, list[str]] = {}
    for key in there:
        name, _at, role = key.partition("@")
        theirs.setdefault(name, []).append(role)
    found: list[Link] = []
    same_property = False
    for key in here:
        name, _at, role = key.partition("@")
        if name not in theirs:
            continue
        if not role:
            same_property = True
            continue
        found += [Link(PARTY, name, role, other) for other in theirs[name] if other]
    if same_property:
        found.insert(0, Link(PROPERTY, "property"))
    return list(dict.fromkeys(found))


@dataclass(frozen=True)
class Related:
    """Another check that shares something with this one, and when it was made."""

    check_id: str
    created_at: dt.datetime | None
    links: tuple[Link, ...]

    @property
    def same_property(self) -> bool:
        return any(link.kind == PROPERTY for link in self.links)


def related(
    check_id: str, keys: Iterable[str], others: Iterable[tuple[str, dt.datetime | None, list[str]]]
) -> list[Related]:
    """The checks among ``others`` (id, created, keys) that share a key with this one, newest
    first; the check itself is left out."""
    here = list(keys)
    found = []
    for other_id, created, other_keys in others:
        if other_id == check_id:
            continue
        shared = links(here, other_keys)
        if shared:
            found.append(Related(other_id, created, tuple(shared)))
    found.sort(key=lambda item: item.created_at or _EPOCH, reverse=True)
    return found


def same_property_since(found: Iterable[Related], since: dt.datetime) -> int:
    """How many of ``found`` are about the same property and were made at or after ``since``."""
    return sum(1 for item in found if item.same_property and (item.created_at or _EPOCH) >= since)


def year_before(moment: dt.datetime) -> dt.datetime:
    """The same moment twelve months earlier (28 February for 29 February)."""
    try:
        return moment.replace(year=moment.year - 1)
    except ValueError:
        return moment.replace(year=moment.year - 1, day=28)


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None
