"""The summary row of a check, for listing and searching without opening every check file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, NamedTuple

from vastgoedcheck.domain.assessment import assess_check
from vastgoedcheck.domain.check import Check
from vastgoedcheck.domain.decisions import current_code
from vastgoedcheck.domain.pack import Pack
from vastgoedcheck.domain.related import check_keys, compact_postcode, fold
from vastgoedcheck.domain.report_record import ReportRecord, report_status

# The decision filter's value for checks without a recorded decision.
NO_DECISION = ""
# What the user recorded about reporting (filled by the report records).
REPORT_STATUSES = ("open", "reported", "not_reporting")


def search_key(text: str) -> str:
    """``text`` folded for searching: lower case, accents removed (``Çelik`` → ``celik``,
    ``Yılmaz`` → ``yilmaz``, ``Łukasz`` → ``lukasz``)."""
    return fold(text)


def search_text(check: Check) -> str:
    """What a search looks in, folded: the parties' names, KVK numbers, UBOs and
    representatives; the address, postcode (with and without its space) and town; the own
    reference."""
    place = [str(check.property.get(key, "")) for key in ("address", "postcode", "city")]
    words = [*_party_words(check), *place, compact_postcode(place[1]), check.reference]
    return search_key(" ".join(word for word in words if word))


def _party_words(check: Check) -> Iterator[str]:
    for party in check.parties:
        data = party.data
        yield party.name
        yield str(data.get("kvk") or "")
        representatives = data.get("representatives")
        if isinstance(representatives, list | tuple):
            yield from (str(name) for name in representatives)
        ubos = data.get("ubos")
        if isinstance(ubos, list | tuple):
            yield from (str(ubo.get("name") or "") for ubo in ubos if isinstance(ubo, Mapping))


def summary_row(check: Check, pack: Pack, records: Sequence[ReportRecord] = ()) -> dict[str, Any]:
    """The row the index keeps for ``check`` (its latest revision) and its report records."""
    result = assess_check(pack, check)
    names = [party.name for party in check.parties if party.name]
    place = [str(check.property.get(key, "")) for key in ("address", "postcode", "city")]
    return {
        "id": check.id,
        "pack": check.pack_id,
        "pack_version": check.pack_version,
        "role": check.role.value,
        "status": check.status.value,
        "revision": check.revision,
        "outcome": result.outcome.code,
        "stop": result.stop,
        "undecided": result.undecided,
        "parties": names,
        "address": place[0],
        "postcode": place[1],
        "city": place[2],
        "created_at": _stamp(check.created_at),
        "updated_at": _stamp(check.updated_at),
        "finalized_at": _stamp(check.finalized_at),
        "reference": check.reference,
        # as it means today: an earlier version's code ("stop") as the decision it meant
        "decision": ""
        if check.decision is None
        else current_code(check.decision.outcome, result.wwft),
        "report_status": report_status(records),
        "search": search_text(check),
        "match_keys": check_keys(check),
        "changed": round((check.updated_at or check.created_at or _EPOCH).timestamp() * 1e6),
    }


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def _stamp(moment: dt.datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


class Summary(NamedTuple):
    """One check as the overview shows it (a named tuple: 20,000 of them are made quickly)."""

    id: str
    pack: str
    pack_version: str
    role: str
    status: str
    revision: int
    outcome: str
    stop: bool
    parties: tuple[str, ...]
    address: str
    postcode: str
    city: str
    created_at: dt.datetime | None
    updated_at: dt.datetime | None
    finalized_at: dt.datetime | None
    # Finalized revisions whose content no longer matches their fingerprint (hand-edited).
    tampered: tuple[int, ...] = ()
    # Why the check's file is no longer in the data folder ("gone", "damaged"); None when it is.
    missing: str | None = None
    reference: str = ""  # the user's own file or dossier number
    # the user's recorded decision as it means today (a DecisionCode value, or "report" for an
    # earlier version's report decision without its channel), "" before one is recorded
    decision: str = ""
    # Whether a report was made: "open", "reported" or "not_reporting" (decided not to report).
    report_status: str = "open"
    # Nothing answered calls for more than "proceed" while questions that decide it are open.
    undecided: bool = False
    # What related checks are found by (domain.related): the property's and parties' keys.
    match_keys: tuple[str, ...] = ()
    search: str = ""  # the folded text a search looks in
    # When the check is due for erasure or for a review (domain.retention); None when not
    # known yet (e.g. the end of the tenancy is not set) or for a row of an earlier version.
    erase_on: dt.date | None = None
    review_on: dt.date | None = None

    @classmethod
    def of_missing(cls, record: dict[str, Any]) -> Summary:
        """A check whose file disappeared, as last known (``record`` from the store's meta)."""
        row = record.get("row")
        if isinstance(row, dict) and row.get("id") == record["id"]:
            try:
                return cls.from_row(row)._replace(missing=str(record.get("reason", "gone")))
            except (KeyError, TypeError, ValueError):
                pass  # a row of another shape: shown with its id only
        return cls(
            record["id"],
            "",
            "",
            "",
            "",
            0,
            "",
            False,
            (),
            "",
            "",
            "",
            None,
            None,
            None,
            missing=str(record.get("reason", "gone")),
        )

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Summary:
        return cls(
            row["id"],
            row["pack"],
            row["pack_version"],
            row["role"],
            row["status"],
            row["revision"],
            row["outcome"],
            row["stop"],
            tuple(row["parties"]),
            row["address"],
            row["postcode"],
            row["city"],
            _moment(row["created_at"]),
            _moment(row["updated_at"]),
            _moment(row["finalized_at"]),
            tuple(row.get("tampered", ())),
            reference=row.get("reference", ""),
            decision=row.get("decision", ""),
            report_status=row.get("report_status", "open"),
            undecided=bool(row.get("undecided", False)),
            match_keys=tuple(row.get("match_keys", ())),
            search=row.get("search", ""),
            erase_on=_day(row.get("erase_on")),
            review_on=_day(row.get("review_on")),
        )

    def as_json(self) -> dict[str, Any]:
        """The summary as ``list --json`` gives it: every field but the search text, what it
        says of a hand-edited or missing file last."""
        data = self._asdict()
        data["parties"] = list(self.parties)
        data["match_keys"] = list(self.match_keys)
        del data["search"]
        for name in ("created_at", "updated_at", "finalized_at"):
            data[name] = _stamp(data[name])
        for name in ("erase_on", "review_on"):
            data[name] = None if data[name] is None else data[name].isoformat()
        data["tampered"] = list(data.pop("tampered"))
        data["missing"] = data.pop("missing")
        return data


class Filters(NamedTuple):
    """Which checks a listing shows: those whose search text holds every word of ``search``
    (names, KVK numbers, UBOs, representatives, address, postcode, town, own reference) and
    that have each value given (``decision`` NO_DECISION: no decision recorded yet)."""

    search: str = ""
    status: str | None = None
    pack: str | None = None
    decision: str | None = None
    report_status: str | None = None

    def values(self) -> dict[str, str]:
        """The fields a check must have, with their values."""
        return {
            name: value
            for name, value in self._asdict().items()
            if name != "search" and value is not None
        }


class Listed(NamedTuple):
    """One check as a line of a listing shows it, made straight from its stored row: its
    moments stay the ISO 8601 text the row holds (a listing of 20,000 checks parses no date)."""

    id: str
    status: str
    outcome: str
    stop: bool
    undecided: bool
    pack: str
    created_at: str | None
    updated_at: str | None
    parties: list[str]
    address: str
    city: str
    tampered: tuple[int, ...] = ()

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Listed:
        return cls(
            row["id"],
            row["status"],
            row["outcome"],
            row["stop"],
            bool(row.get("undecided", False)),
            row["pack"],
            row["created_at"],
            row["updated_at"],
            row["parties"],
            row["address"],
            row["city"],
            tuple(row.get("tampered", ())),
        )


# The keys of a row as summary_row writes it: the Summary's fields, the search text and the
# moment of the last change in microseconds since 1970 (sorting 20,000 rows by it is quick).
# (The retention dates are left out: a row an earlier version wrote without them is still
# whole; ``Store.due`` works them out for such a row.)
SUMMARY_KEYS = frozenset(
    {*Summary._fields, "search", "changed"} - {"tampered", "missing", "erase_on", "review_on"}
)


def _moment(text: str | None) -> dt.datetime | None:
    return None if text is None else dt.datetime.fromisoformat(text)


def _day(text: object) -> dt.date | None:
    if not isinstance(text, str):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None
