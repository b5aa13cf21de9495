"""The summary index's rows in memory, kept the way they were read until one is asked for.

A row read from ``index.json`` as a list of values stays that list: a listing of 20,000 checks
makes their summaries straight from the lists and never a dictionary. A row asked for by check
id is made a dictionary then (and kept so); rows put since the file was read are dictionaries.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, MutableMapping
from operator import itemgetter
from typing import Any

from vastgoedcheck.storage.index_file import (
    POSITION,
    Row,
    Stored,
    as_dict,
    field,
)

# What a filter compares a row with when the row does not hold the field (an earlier version's).
_DEFAULTS = {"decision": "", "report_status": "open"}
_SEARCH = POSITION["search"]
_CHANGED = itemgetter(POSITION["changed"])


class Rows(MutableMapping[str, Row]):
    """Every row by check id; each is a dictionary to whoever asks for it."""

    def __init__(self, stored: dict[str, Stored] | None = None) -> None:
        self._stored: dict[str, Stored] = {} if stored is None else stored

    def __getitem__(self, check_id: str) -> Row:
        row = self._stored[check_id]
        if isinstance(row, list):
            row = self._stored[check_id] = as_dict(row)
        return row

    def __setitem__(self, check_id: str, row: Row) -> None:
        self._stored[check_id] = row

    def __delitem__(self, check_id: str) -> None:
        del self._stored[check_id]

    def __contains__(self, check_id: object) -> bool:
        return check_id in self._stored

    def __iter__(self) -> Iterator[str]:
        return iter(self._stored)

    def __len__(self) -> int:
        return len(self._stored)

    def stored(self) -> Iterable[Stored]:
        """The rows as they are kept (to be written as they are)."""
        return self._stored.values()

    def values_of(self, name: str) -> Iterator[tuple[str, Any]]:
        """Each check id with one field of its row, without making any row a dictionary."""
        for check_id, row in self._stored.items():
            yield check_id, field(row, name)


def chosen_rows(rows: Iterable[Stored], keep: dict[str, str], words: list[str]) -> list[Stored]:
    """The rows whose fields have the values in ``keep`` and whose search text holds every
    word, newest change first."""
    if keep or words:
        wanted = [(POSITION[name], name, value) for name, value in keep.items()]
        chosen = [row for row in rows if _keeps(row, wanted, words)]
    else:
        chosen = list(rows)
    every_one_a_list = set(map(type, chosen)) <= {list}  # (the common case: sorted by C)
    chosen.sort(key=_CHANGED if every_one_a_list else _changed, reverse=True)
    return chosen


def chosen_parts(
    parts: Iterable[list[Stored]],
    keep: dict[str, str],
    replaced: dict[str, Row],
    dropped: set[str],
) -> Iterator[list[Stored]]:
    """The rows of ``parts`` (index.json's, newest change first) that have the values in
    ``keep``, the rows the journal replaced or dropped left out, and the rows it put (in
    ``replaced``) merged in by their change: in the order ``chosen_rows`` gives them."""
    wanted = [(POSITION[name], name, value) for name, value in keep.items()]
    chosen = [row for row in replaced.values() if _keeps(row, wanted, [])]
    pending = deque(sorted(chosen, key=_changed, reverse=True))  # newest first, as the file
    passed = replaced.keys() | dropped
    for part in parts:
        if passed:
            part = [row for row in part if field(row, "id") not in passed]
        if wanted:
            part = [row for row in part if _keeps(row, wanted, [])]
        if pending:
            part = _merged(part, pending)
        if part:
            yield part
    if pending:
        yield list(pending)


def _merged(part: list[Stored], pending: deque[Row]) -> list[Stored]:
    """``part`` with the pending rows that changed after one of its rows put before it."""
    merged: list[Stored] = []
    for row in part:
        while pending and _changed(pending[0]) > _changed(row):
            merged.append(pending.popleft())
        merged.append(row)
    return merged


def _keeps(row: Stored, wanted: list[tuple[int, str, str]], words: list[str]) -> bool:
    """Whether a row has each wanted value (at its position in a list, by name in an object)
    and every word in its search text (a listing's rows, without words, may end before it)."""
    if isinstance(row, list):
        for position, _name, value in wanted:  # loops: 20,000 rows, one or two values each
            if row[position] != value:
                return False
        return not words or all(word in row[_SEARCH] for word in words)
    for _position, name, value in wanted:
        if row.get(name, _DEFAULTS.get(name)) != value:
            return False
    return all(word in row["search"] for word in words)


def _changed(row: Stored) -> int:
    changed: int = field(row, "changed")
    return changed
