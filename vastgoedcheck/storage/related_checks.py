"""The checks in the register that share a property or a party with one check."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from vastgoedcheck.domain.check import Check
from vastgoedcheck.domain.related import Related, check_keys, related
from vastgoedcheck.storage.index import SummaryIndex
from vastgoedcheck.storage.summary import Summary


class RelatedCheck(NamedTuple):
    """Another check as the overview knows it, and what it shares with the one asked about."""

    summary: Summary
    related: Related


class RelatedChecks:
    """The part of ``Store`` (a mixin) that finds related checks by the keys in the summary
    rows: the check asked about is read from its file, no other check is."""

    index: SummaryIndex
    get: Callable[[str], Check]  # Store's: a check's latest revision

    def related(self, check_id: str) -> list[RelatedCheck]:
        """The other checks with the same property (BAG id, or postcode, house number and
        addition) or a same party (KVK number, or name and date of birth), newest first.
        Raises StoreError for an unknown check."""
        keys = check_keys(self.get(check_id))
        rows = {row["id"]: row for row in self.index.sharing(keys)}
        summaries = {check_id: Summary.from_row(row) for check_id, row in rows.items()}
        others = [(s.id, s.created_at, list(s.match_keys)) for s in summaries.values()]
        return [
            RelatedCheck(summaries[item.check_id], item) for item in related(check_id, keys, others)
        ]
