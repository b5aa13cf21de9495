"""``index.json``: the summary rows, one per line, most of them as a bare list of values.

A full listing of 20,000 checks reads every row, so the file is laid out to be read fast: the
field names are written once, in the first line, and a row that holds exactly those fields is
written as the list of its values (a list is parsed in half the time of the same row as an
object, and the file is a third smaller). A row of any other shape (one that records a
hand-edited revision, or of an earlier version) is written as an object::

    {"fields":["id","pack",…],"rows":[
    ["3f2a…","landlord-residential",…],
    {"id":"9c1e…","tampered":[2],…},
    ["b77d…",…]
    ],"state":{"checks":1796505288441414167,"content":3}}

``state`` records the modification time of ``checks/`` when the file was written and what the
rows hold (``ROW_CONTENT``): an index written by an app whose rows held less (no related-check
keys, a shorter search text) is read whole and its rows made anew from the check files.

The file is ASCII (JSON escapes every other character), which spares decoding it before it is
parsed. JSON escapes every line break inside a string, so each row is exactly one line. A
search for ASCII words reads the file as bytes and parses only the lines that contain every
word, as the row's folded ``search`` text does (a line that contains them elsewhere is parsed
and then dropped).

An index written by an earlier version (``{"summaries":{"1":{…},…},"state":{"1":{…}}}``, as
TinyDB lays out a table) is still read; it is written in this layout at the next compaction.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from itertools import repeat
from operator import itemgetter
from typing import Any, NamedTuple

from vastgoedcheck.storage.summary import Listed, Summary

# 2: rows with related-check keys (match_keys) and KVK numbers, UBOs, representatives and the
# postcode without its space in the search text. 3: whether the advice is still incomplete.
ROW_CONTENT = 3
# What a row holds, in the order a stored list gives it (domain rows: storage/summary.py and
# storage/checks.py; "file" is the check file's [modification time in ns, size]). The first
# LISTING_WIDTH are what a listing shows, filters on and sorts by.
FIELDS = (
    "id",
    "pack",
    "status",
    "outcome",
    "stop",
    "undecided",
    "parties",
    "address",
    "city",
    "created_at",
    "updated_at",
    "decision",
    "report_status",
    "changed",
    "pack_version",
    "role",
    "revision",
    "postcode",
    "finalized_at",
    "reference",
    "search",
    "match_keys",
    "attachments",
    "erase_on",
    "review_on",
    "file",
)
LISTING_WIDTH = FIELDS.index("pack_version")
# What a listing that reads the index part by part parses at a time: about 500 rows.
PART_BYTES = 256 * 1024
POSITION = {name: number for number, name in enumerate(FIELDS)}
_SEARCH = POSITION["search"]
_LISTED = itemgetter(*(POSITION[name] for name in Listed._fields[:-1]))  # all but "tampered"
_NOT_TAMPERED: tuple[tuple[int, ...]] = ((),)
# A summary's JSON (Summary.as_json) from a stored list: the fields but the search text, then
# what a list row never holds: "tampered" (no hand-edited revision) and "missing".
_JSON_FIELDS = tuple(
    name for name in Summary._fields if name not in ("search", "tampered", "missing")
)
_JSON_KEYS = (*_JSON_FIELDS, "tampered", "missing")
_JSON_PICK = itemgetter(*(POSITION[name] for name in _JSON_FIELDS))
_JSON_UNTAMPERED: tuple[tuple[()], None] = ((), None)  # (a tuple is written as a JSON list)
_FIELD_SET = frozenset(FIELDS)
FIELD_LIST = list(FIELDS)  # as JSON gives the fields back
_HEAD = b'{"fields":' + json.dumps(FIELDS, separators=(",", ":")).encode() + b',"rows":['
_TAIL = b'],"state":'
# What follows the listing fields in a row's line: a tab (JSON lets it stand between values, and
# escapes it inside a string), the rest of the values and the closing bracket.
_REST_OF_ROW = re.compile(rb",\t[^\n]*\]")
# An earlier version's layout, one row per line too (read, never written).
_OLD_HEAD = b'{"summaries":{'
_OLD_TAIL = b'},"state":'

Row = dict[str, Any]
Stored = list[Any] | Row  # a row as read: its values in FIELDS order, or an object


def _json(value: Any) -> bytes:
    """``value`` as JSON in ASCII: a name with an accent is written ``\\u00e7``, so that the
    file is read without decoding UTF-8 first (a quarter of parsing 20,000 rows)."""
    return json.dumps(value, separators=(",", ":"), allow_nan=False).encode("ascii")


def stored_line(row: Stored) -> bytes:
    """One row as its line: the list of its values when it holds exactly FIELDS, with a tab
    after the listing fields (a listing reads only what comes before it)."""
    if isinstance(row, dict):
        if row.keys() != _FIELD_SET:
            return _json(row)
        row = [row[name] for name in FIELDS]
    return _json(row[:LISTING_WIDTH])[:-1] + b",\t" + _json(row[LISTING_WIDTH:])[1:]


def index_payload(rows: Iterable[Stored], folder_stamp: int | None) -> bytes:
    """The bytes of ``index.json`` for ``rows``, newest change first (as a listing shows them:
    sorting them again when they are read is then quick); ``folder_stamp``: the modification
    time (ns) of ``checks/`` that the rows are in line with, if known."""
    newest_first = sorted(rows, key=lambda row: field(row, "changed"), reverse=True)
    body = b",\n".join(stored_line(row) for row in newest_first)
    tail = _TAIL + _json({"checks": folder_stamp, "content": ROW_CONTENT}) + b"}"
    return b"\n".join([_HEAD, body, tail] if body else [_HEAD, tail])


class IndexContent(NamedTuple):
    """What ``index.json`` holds, parsed."""

    rows: dict[str, Stored]  # by check id
    stamp: int | None  # the modification time of ``checks/`` the rows are in line with
    current: bool  # whether the rows hold what this app's rows hold (ROW_CONTENT)


def parse_index(raw: bytes) -> IndexContent:
    """The content of ``index.json``; ValueError when it is not an index (a damaged file)."""
    data = json.loads(raw)
    if isinstance(data, dict) and "summaries" in data:
        return _parse_old(data)
    return _parse(data, len(FIELDS))


def _parse(data: object, width: int) -> IndexContent:
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    fields, rows, state = data.get("fields"), data.get("rows"), data.get("state")
    if not isinstance(rows, list) or not isinstance(state, dict):
        raise ValueError("not a summary index")
    stamp = state.get("checks")
    return IndexContent(
        _by_id(rows, fields, width),
        stamp if isinstance(stamp, int) else None,
        state.get("content") == ROW_CONTENT,
    )


def _by_id(rows: list[Any], fields: object, width: int) -> dict[str, Stored]:
    """Parsed rows by check id, each checked: a list of ``width`` values of this app's fields,
    or an object (a list of another version's ``fields`` made one); ValueError otherwise."""
    if fields != FIELD_LIST:
        width = -1  # another version's rows: each made an object by its field names
    search = _SEARCH if width > _SEARCH else 0  # (a listing's rows end before the search text)
    if _kinds(rows) == {list} and set(map(len, rows)) == {width}:
        # Every row a list of this app's values (the common case, with 20,000 rows: checked
        # a column at a time)
        ids = list(map(itemgetter(0), rows))
        if _kinds(ids) != {str} or _kinds(map(itemgetter(search), rows)) != {str}:
            raise ValueError("a row without id")
        return dict(zip(ids, rows, strict=True))
    found: dict[str, Stored] = {}
    for row in rows:
        if type(row) is list and len(row) == width:
            check_id = row[0]
            if type(check_id) is not str or type(row[search]) is not str:
                raise ValueError("a row without id")
        else:
            row = _row_object(row, fields)
            check_id = row["id"]
        found[check_id] = row
    return found


def _kinds(values: Iterable[object]) -> set[type]:
    return set(map(type, values))


def _row_object(row: object, fields: object) -> Row:
    """A row stored as an object, or as the list of another version's fields, as an object."""
    if isinstance(row, list):
        if not isinstance(fields, list) or len(row) != len(fields):
            raise ValueError("a row of another length")
        row = dict(zip(fields, row, strict=True))
    if not isinstance(row, dict):
        raise ValueError("a row that is neither a list nor an object")
    if not isinstance(row.get("id"), str) or not isinstance(row.get("search"), str):
        raise ValueError("a row without id")
    return row


def _parse_old(data: dict[str, Any]) -> IndexContent:
    table, state = data.get("summaries"), data.get("state", {}).get("1")
    if not isinstance(table, dict):
        raise ValueError("not a summary index")
    found: dict[str, Stored] = {
        row["id"]: row for row in map(_row_object, table.values(), repeat(None))
    }
    current = isinstance(state, dict) and state.get("rows") == ROW_CONTENT
    stamp = state.get("checks") if isinstance(state, dict) else None
    return IndexContent(found, stamp if isinstance(stamp, int) else None, current)


def current_layout(raw: bytes) -> bool:
    """Whether ``raw`` is laid out as this app writes the index (else it is rewritten once)."""
    return raw.startswith(_HEAD + b"\n")


def as_dict(row: Stored) -> Row:
    """A row as an object, whichever way it was stored."""
    return dict(zip(FIELDS, row, strict=True)) if isinstance(row, list) else row


def field(row: Stored, name: str, default: Any = None) -> Any:
    """One value of a row, whichever way it was stored."""
    return row[POSITION[name]] if isinstance(row, list) else row.get(name, default)


def summary_of(row: Stored) -> Summary:
    """The Summary of a stored row: made straight from the list of values when it is one (a
    listing makes 20,000 of them)."""
    if isinstance(row, dict):
        return Summary.from_row(row)
    (
        check_id,
        pack,
        status,
        outcome,
        stop,
        undecided,
        parties,
        address,
        city,
        created_at,
        updated_at,
        decision,
        report_status,
        _changed,
        pack_version,
        role,
        revision,
        postcode,
        finalized_at,
        reference,
        search,
        match_keys,
        _attachments,
        erase_on,
        review_on,
        _file,
    ) = row
    return tuple.__new__(
        Summary,
        (
            check_id,
            pack,
            pack_version,
            role,
            status,
            revision,
            outcome,
            stop,
            tuple(parties),
            address,
            postcode,
            city,
            _moment(created_at),
            _moment(updated_at),
            _moment(finalized_at),
            (),  # a row that records a hand-edited revision is stored as an object
            None,
            reference,
            decision,
            report_status,
            undecided,
            tuple(match_keys),
            search,
            _day(erase_on),
            _day(review_on),
        ),
    )


_from_iso = dt.datetime.fromisoformat


def _moment(text: str | None) -> dt.datetime | None:
    return None if text is None else _from_iso(text)


def _day(text: str | None) -> dt.date | None:
    try:
        return None if text is None else dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        return None  # as Summary.from_row: a retention date that cannot be read is not known


def searchable(words: list[str]) -> bool:
    """Whether the words appear in a row's line as they are: ASCII words without a character
    that JSON escapes (the folded search text is mostly ASCII; other words read every row)."""
    return bool(words) and all(
        word.isascii() and '"' not in word and "\\" not in word and word.isprintable()
        for word in words
    )


class IndexBody(NamedTuple):
    """Where the rows of ``index.json`` are, and the folder stamp it records."""

    start: int  # the first row's line begins here
    end: int  # the last row's line ends here
    stamp: int


def index_body(raw: bytes) -> IndexBody | None:
    """Where the rows of ``raw`` are; None when it is not laid out as this app writes it, does
    not record the folder's time, or its rows hold less than this app's rows do (then it must
    be read whole)."""
    head_end, tail_start = raw.find(b"\n"), raw.rfind(b"\n")
    if head_end < 0 or raw[:head_end] != _HEAD or not raw.startswith(_TAIL, tail_start + 1):
        return None
    try:
        state = json.loads(raw[tail_start + 1 + len(_TAIL) : -1])
        stamp = state["checks"]
    except (ValueError, TypeError, KeyError):
        return None
    if not isinstance(stamp, int) or state.get("content") != ROW_CONTENT:
        return None
    return IndexBody(head_end + 1, tail_start, stamp)


def rows_holding(raw: bytes, needles: list[bytes]) -> IndexContent | None:
    """The rows of ``raw`` whose line holds every one of ``needles`` (bytes as they appear in
    a line: an ASCII search word, a filter's value as JSON), as stored, and the folder stamp the
    file records; None when ``raw`` is not laid out as this app writes it, or its rows hold less
    than this app's rows do (then it must be read whole)."""
    body = index_body(raw)
    if body is None:
        return None
    try:
        chosen = _lines_holding(raw, body.start, body.end, needles)
        rows = _parsed_lines(b"\n".join(chosen), whole=True)
    except (ValueError, TypeError, KeyError, AttributeError, IndexError, RecursionError):
        return None
    return IndexContent(rows, body.stamp, True)


def rows_in_parts(
    raw: bytes, body: IndexBody, needles: list[bytes], *, whole: bool
) -> Iterator[list[Stored]]:
    """The rows of ``raw`` whose line holds every one of ``needles``, in the file's order (newest
    change first), about PART_BYTES at a time, each part parsed only when the one before has been
    used: a listing of 20,000 checks then never holds them all, and memory is used again
    instead of being asked for anew (a third of the listing's time). Without ``whole``, only the
    listing fields of a row stored as a list. ValueError (or TypeError, RecursionError) for a
    part that does not parse."""
    at = body.start
    while at < body.end:
        stop = raw.find(b"\n", min(at + PART_BYTES, body.end), body.end)  # a part's last line ends
        stop = body.end if stop < 0 else stop
        part = raw[at:stop]
        at = stop + 1
        if needles:
            part = b"\n".join(_lines_holding(part, 0, len(part), needles))
        if part:
            yield list(_parsed_lines(part, whole=whole).values())


def _parsed_lines(lines: bytes, *, whole: bool) -> dict[str, Stored]:
    """Row lines of ``index.json`` (each but the file's last ending in the comma between rows),
    parsed at once as one list and checked, by check id."""
    if not whole:
        lines = _REST_OF_ROW.sub(b"]", lines)
    rows = json.loads(b"[" + lines.removesuffix(b",") + b"]")
    return _by_id(rows, FIELD_LIST, len(FIELDS) if whole else LISTING_WIDTH)


def _lines_holding(raw: bytes, start: int, end: int, needles: list[bytes]) -> list[bytes]:
    """The lines between ``start`` and ``end`` that hold every needle: found where the first
    one occurs, so that a line without it is never looked at one by one."""
    if not needles:
        return raw[start:end].split(b"\n")
    first, others = needles[0], needles[1:]
    lines = []
    at = raw.find(first, start, end)
    while at != -1:
        begin = raw.rfind(b"\n", 0, at) + 1  # (the first line's begins after the header's)
        stop = raw.find(b"\n", at, end)
        stop = end if stop == -1 else stop
        line = raw[begin:stop]
        if all(needle in line for needle in others):
            lines.append(line)
        at = raw.find(first, stop, end)
    return lines


def needle(value: Any) -> bytes:
    """``value`` as it appears in a row's line (to choose lines before parsing them)."""
    return _json(value)


def listed_of_rows(rows: Iterable[Stored]) -> list[Listed]:
    """The Listed of each stored row: picked straight from the list of values when it is one
    (one loop without a call per row: a listing of 20,000 checks)."""
    new, pick, untampered, from_row = tuple.__new__, _LISTED, _NOT_TAMPERED, Listed.from_row
    return [
        from_row(row) if type(row) is dict else new(Listed, pick(row) + untampered) for row in rows
    ]


def summaries_json(rows: Iterable[Stored]) -> list[dict[str, Any]]:
    """Each row's summary as JSON gives it, as ``Summary.as_json``: from a stored list of values
    without making the Summary (its moments and days are the ISO text the row holds), in one
    loop without a call per row (a listing of 20,000 checks)."""
    pick, keys = _JSON_PICK, _JSON_KEYS
    return [
        dict(zip(keys, (*pick(row), [], None), strict=True))
        if isinstance(row, list)
        else Summary.from_row(row).as_json()
        for row in rows
    ]
