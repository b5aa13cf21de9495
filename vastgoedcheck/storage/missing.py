"""Checks whose file disappeared or was moved aside: told once, listed until acknowledged."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from vastgoedcheck.domain.check import Status
from vastgoedcheck.i18n import _
from vastgoedcheck.i18n.labels import status_label
from vastgoedcheck.storage.checks import CheckFiles
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.index import SummaryIndex
from vastgoedcheck.storage.layout import CHECK_ID, Layout
from vastgoedcheck.storage.meta import MetaFile
from vastgoedcheck.storage.restoring import restore_under_way
from vastgoedcheck.storage.summary import Summary

_ID_PART = re.compile(r"[0-9a-f][0-9a-f-]{0,35}")


class MissingChecks:
    """The half of ``Store`` (a mixin) that keeps track of check files that went missing.

    The index is a cache, so the record of a missing check is kept in ``meta.json``: it
    survives a rebuilt index, and goes only when the user acknowledges it, when the file is
    back, or when a draft that was never finalized is deleted.
    """

    layout: Layout
    actor: str
    meta: MetaFile
    checks: CheckFiles
    index: SummaryIndex
    problems: list[str]
    _reason: Callable[[str], str]  # Store's check of a reason given by the user

    def missing_checks(self) -> list[Summary]:
        """Checks whose file disappeared or was moved aside, as last known, until acknowledged
        (the index is read first: reading it is what finds a file gone, or back — unless a
        search has just found the folder as the index recorded it)."""
        if not self.index.folder_as_recorded:
            self.index.read_now()
        records = self.meta.missing()
        if self.layout.read_only and self.index.loaded:  # found back, not yet recorded so
            records = [record for record in records if record["id"] not in self.index.rows]
        return [Summary.of_missing(record) for record in records]

    def ids_starting_with(self, prefix: str) -> list[str]:
        """The checks whose id begins with ``prefix`` (any case): the stored ones and those
        listed as missing, sorted. A whole id is given back as it is, without a look at the
        folder, so that a command about one check stays as fast however many there are."""
        prefix = prefix.strip().lower()
        if CHECK_ID.fullmatch(prefix):
            return [prefix]
        if not _ID_PART.fullmatch(prefix):
            return []
        found = set(self.checks.ids_starting_with(prefix))
        found |= {r["id"] for r in self.meta.missing() if r["id"].startswith(prefix)}
        return sorted(found)

    def brief_summary(self, check_id: str) -> Summary | None:
        """A check as last known (to tell it from others with a similar id), if it can be read."""
        row = self.checks.brief_row(check_id)
        if row is not None:
            try:
                return Summary.from_row(row)
            except (KeyError, TypeError, ValueError):
                return None
        record = next((r for r in self.meta.missing() if r["id"] == check_id), None)
        return None if record is None else Summary.of_missing(record)

    def acknowledge_missing(self, check_id: str) -> None:
        """The user has seen that the check's file is gone: stop listing it (logged)."""
        self.checks.missing_record(check_id)  # a file gone since the index was read: noted now
        record = self.meta.unmark_missing(check_id)
        if record is None:
            raise StoreError(_("the check {id} is not listed as missing").format(id=check_id))
        self.meta.record("missing_acknowledged", self.actor, check=check_id)

    def _gone(self, row: dict[str, Any]) -> None:
        """The index knew a check whose file is no longer there: remember it and say so."""
        check_id = row["id"]
        if self.layout.read_only:
            if restore_under_way(self.layout):
                return  # the files are being switched: not gone
            self.meta.storage.forget()  # read again: a writer may have deleted it just now
        deleted = any(  # deleted after its last change: the index only missed the deletion
            entry.get("action") in ("deleted", "erased")
            and entry.get("check") == check_id
            and str(entry.get("at")) >= str(row.get("updated_at"))
            for entry in self.meta.entries()
        )
        if deleted or not self.meta.mark_missing(check_id, row, reason="gone"):
            return
        self.meta.record("check_missing", self.actor, check=check_id, status=row.get("status"))
        self.problems.append(
            _(
                "The file of the check {id} ({names}, {status}) is no longer in the data folder; "
                "restore it from a backup. It stays listed as missing until you acknowledge it "
                "(vastgoedcheck acknowledge {id})."
            ).format(
                id=check_id,
                names="; ".join(row.get("parties") or []) or _("(no party named)"),
                status=status_label(Status(row["status"]))
                if row.get("status") in {status.value for status in Status}
                else "?",
            )
        )

    def _found_again(self) -> None:
        """A check listed as missing whose file is back (restored) is no longer missing."""
        if self.layout.read_only:
            return  # the next writer records it; missing_checks leaves it out meanwhile
        for record in self.meta.missing():
            if record["id"] in self.index.rows:
                self.meta.unmark_missing(record["id"])
                self.meta.record("check_found_again", self.actor, check=record["id"])

    def _delete_missing(self, check_id: str, reason: str) -> None:
        """A draft whose file is gone (or was damaged and moved aside) can still be deleted."""
        record = self.checks.missing_record(check_id)
        if record is None:
            self.checks.load(check_id)  # says there is no such check
            return
        summary = Summary.of_missing(record)
        if summary.status != Status.DRAFT.value or summary.revision != 1:
            raise StoreError(
                _(
                    "the check {id} may have been finalized and cannot be deleted; its file is "
                    "missing: restore it from a backup, or acknowledge that it is gone "
                    "(vastgoedcheck acknowledge {id})"
                ).format(id=check_id)
            )
        reason = self._reason(reason)
        self.meta.record("deleted", self.actor, check=check_id, pack=summary.pack, reason=reason)
        self.meta.unmark_missing(check_id)
