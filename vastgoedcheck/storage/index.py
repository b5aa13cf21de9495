"""The summary index: one row per check for the overview and search, kept in line cheaply.

``index.json`` holds all rows as of its last compaction; ``index.journal`` holds the rows
changed since, one JSON line each, appended without rewriting anything. Both are a cache:
the check files are the truth. At every open the index is compared with the check files'
size and modification time, so a row lost in a crash, a missing index or a damaged one is
rebuilt from the checks.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from typing import Any

from vastgoedcheck.i18n import _
from vastgoedcheck.storage.atomic import PRIVATE_FILE, AtomicJSONStorage, write_atomically
from vastgoedcheck.storage.errors import DamagedFile
from vastgoedcheck.storage.layout import CHECK_ID, Layout
from vastgoedcheck.storage.summary import search_key

# Rows appended to the journal before the index is rewritten whole during a session: at least
# this many, and at least as many as there are checks, so that the rewrite costs at most about
# one row's worth per change however large the store is.
JOURNAL_MINIMUM = 2000
_TABLE = "summaries"
# Some file systems (FAT, exFAT, HFS+) keep modification times to a second or two.
_CLOCK_SLACK_NS = 2_000_000_000
FileStamp = list[int]  # [modification time in ns, size in bytes] of a check file


class SummaryIndex:
    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.rows: dict[str, dict[str, Any]] = {}
        self._storage = AtomicJSONStorage(layout.index)
        self._journal_lines = 0

    def load(
        self,
        read_row: Callable[[str], dict[str, Any] | None],
        *,
        after_crash: bool = False,
        on_gone: Callable[[dict[str, Any]], None] | None = None,
    ) -> list[str]:
        """Read the index and bring it in line with the check files.

        ``read_row(check_id)`` gives the summary row stored in a check file, or None when that
        file is damaged (the caller moves it aside and reports it); ``on_gone(row)`` is told of
        each row whose check file is no longer there. After a crash, every check
        file written since the index was (nearly) last written is read again as well, in case
        its size and a coarse modification time did not change. Returns what the user should
        be told, one sentence each.
        """
        problems: list[str] = []
        recheck_since: int | None = None
        if after_crash:
            try:
                recheck_since = self.layout.index.stat().st_mtime_ns - _CLOCK_SLACK_NS
            except OSError:
                recheck_since = None  # no index: every row is read anyway
        try:
            self.rows = self._read_index()
        except DamagedFile:
            moved = self.layout.move_aside(self.layout.index)
            problems.append(
                _(
                    "The summary index was damaged and has been rebuilt from the checks "
                    "(the damaged file was moved to {path})."
                ).format(path=moved)
            )
            self.rows = {}
        replayed = self._replay_journal()
        changed = self._reconcile(read_row, recheck_since, on_gone)
        if problems or replayed or changed:
            self.compact()
        return problems

    def _read_index(self) -> dict[str, dict[str, Any]]:
        data = self._storage.read()
        self._storage.forget()  # the rows live in self.rows; no second copy in memory
        if data is None:
            return {}
        rows = {}
        for row in data.get(_TABLE, {}).values():
            if not isinstance(row.get("id"), str) or not isinstance(row.get("search"), str):
                raise DamagedFile(self.layout.index, "a row without id")
            rows[row["id"]] = row
        return rows

    def _replay_journal(self) -> bool:
        try:
            lines = self.layout.journal.read_bytes().splitlines()
        except FileNotFoundError:
            return False
        for line in lines:  # a line cut short by a crash is skipped: reconciling repairs it
            try:
                entry = json.loads(line)
                if "put" in entry:
                    self.rows[entry["put"]["id"]] = entry["put"]
                elif "drop" in entry:
                    self.rows.pop(entry["drop"], None)
            except (ValueError, TypeError, KeyError, AttributeError):
                continue
        return bool(lines)

    def _reconcile(
        self,
        read_row: Callable[[str], dict[str, Any] | None],
        recheck_since: int | None,
        on_gone: Callable[[dict[str, Any]], None] | None = None,
    ) -> bool:
        """Bring the rows in line with the check files; True when anything changed."""
        on_disk: dict[str, FileStamp] = {}
        with os.scandir(self.layout.checks) as entries:
            for entry in entries:
                check_id = entry.name.removesuffix(".json")
                known = check_id in self.rows  # only a new name needs the slower pattern test
                if entry.name.endswith(".json") and (known or CHECK_ID.fullmatch(check_id)):
                    info = entry.stat()
                    on_disk[check_id] = [info.st_mtime_ns, info.st_size]
        gone = self.rows.keys() - on_disk.keys()
        for check_id in gone:
            row = self.rows.pop(check_id)
            if on_gone is not None:
                on_gone(row)
        stale = [
            check_id
            for check_id, stamp in on_disk.items()
            if self.rows.get(check_id, {}).get("file") != stamp
            or (recheck_since is not None and stamp[0] >= recheck_since)
        ]
        for check_id in stale:
            fresh = read_row(check_id)
            if fresh is None:
                self.rows.pop(check_id, None)
            else:
                self.rows[check_id] = {**fresh, "file": on_disk[check_id]}
        return bool(gone or stale)

    def close(self) -> None:
        if self._journal_lines:
            self.compact()

    def put(self, row: dict[str, Any]) -> None:
        """Record the new row of a check whose file has just been written."""
        info = self.layout.check_file(row["id"]).stat()
        row = {**row, "file": [info.st_mtime_ns, info.st_size]}
        self.rows[row["id"]] = row
        self._append({"put": row})

    def drop(self, check_id: str) -> None:
        self.rows.pop(check_id, None)
        self._append({"drop": check_id})

    def _append(self, entry: dict[str, Any]) -> None:
        line = json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n"
        try:
            flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0)
            with os.fdopen(os.open(self.layout.journal, flags, PRIVATE_FILE), "ab") as journal:
                journal.write(line.encode("utf-8"))
        except OSError:
            pass  # the check file is saved; the next open rebuilds this row from it
        self._journal_lines += 1
        if self._journal_lines >= max(JOURNAL_MINIMUM, len(self.rows)):
            self.compact()

    def compact(self) -> None:
        """Write all rows to ``index.json`` and empty the journal."""
        tables = {_TABLE: {str(n): row for n, row in enumerate(self.rows.values(), start=1)}}
        self._storage.write(tables)
        self._storage.forget()
        try:
            write_atomically(self.layout.journal, b"")
        except OSError:
            return  # replaying the journal over the new index changes nothing: it stays
        self._journal_lines = 0

    def select(
        self, *, text: str = "", status: str | None = None, pack: str | None = None
    ) -> list[dict[str, Any]]:
        """Rows matching every word of ``text`` (names, address, postcode, city), newest first."""
        words = search_key(text).split()
        found = [
            row
            for row in self.rows.values()
            if (status is None or row["status"] == status)
            and (pack is None or row["pack"] == pack)
            and all(word in row["search"] for word in words)
        ]
        found.sort(key=_changed, reverse=True)
        return found


def _changed(row: dict[str, Any]) -> int:
    changed: int = row["changed"]
    return changed
