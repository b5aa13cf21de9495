"""The summary index: one row per check for the overview and search, kept in line cheaply.

``index.json`` holds all rows as of its last compaction; ``index.journal`` holds the rows
changed since, one JSON line each, appended without rewriting anything. Both are a cache:
the check files are the truth. The index is read only when the rows are needed (or at once
after a crash), and then compared with the check files' size and modification time, so a row
lost in a crash, a missing index or a damaged one is rebuilt from the checks.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from vastgoedcheck.domain.related import identity
from vastgoedcheck.i18n import _
from vastgoedcheck.oserrors import os_reason
from vastgoedcheck.storage import fileops
from vastgoedcheck.storage.atomic import PRIVATE_FILE, write_atomically
from vastgoedcheck.storage.collection import collector_paused
from vastgoedcheck.storage.errors import DamagedFile, StoreError, StoreWriteError
from vastgoedcheck.storage.index_file import (
    Stored,
    as_dict,
    current_layout,
    field,
    index_body,
    index_payload,
    needle,
    parse_index,
    rows_holding,
    rows_in_parts,
    searchable,
)
from vastgoedcheck.storage.index_rows import Rows, chosen_parts, chosen_rows
from vastgoedcheck.storage.layout import CHECK_ID, Layout
from vastgoedcheck.storage.sealing import SealBroken
from vastgoedcheck.storage.summary import Filters, search_key

# Rows appended to the journal before the index is rewritten whole during a session: at least
# this many, and at least as many as there are checks, so that the rewrite costs at most about
# one row's worth per change however large the store is.
JOURNAL_MINIMUM = 2000
# A journal this large (or as large as index.json) is folded in when the store is opened, even
# by a command that does not need the rows: about 2,000 rows' worth.
JOURNAL_MINIMUM_BYTES = 1_000_000
# Some file systems (FAT, exFAT, HFS+) keep modification times to a second or two.
_CLOCK_SLACK_NS = 2_000_000_000
FileStamp = list[int]  # [modification time in ns, size in bytes] of a check file
Row = dict[str, Any]


class SummaryIndex:
    """The rows, read only when a command needs them all (a listing, a search).

    A command about one check reads that check's file, which is the truth, and appends its new
    row to the journal without reading anything: its cost does not grow with the store.
    """

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self._rows: Rows | None = None
        self._recorded: int | None = None  # the time of checks/ that the rows read recorded
        self._journal_lines = 0  # in the journal file, as far as this session knows
        self._session_lines = 0  # appended by this session
        self._read_row: Callable[[str], dict[str, Any] | None] = lambda _id: None
        self._on_gone: Callable[[Row], None] | None = None
        self._on_read: Callable[[], None] | None = None
        self._problems: list[str] = []
        self._recheck_since: int | None = None
        self._outdated = False  # rows written by an app whose rows held less: all read anew
        self.folder_as_recorded = False  # the last search found checks/ as the index recorded it

    def open(
        self,
        read_row: Callable[[str], dict[str, Any] | None],
        problems: list[str],
        *,
        after_crash: bool = False,
        on_gone: Callable[[Row], None] | None = None,
        on_read: Callable[[], None] | None = None,
    ) -> None:
        """Prepare to read the index; read it now only when it must be brought in line first.

        ``read_row(check_id)`` gives the summary row stored in a check file, or None when that
        file is damaged (the caller moves it aside and reports it); it may give the row the
        index holds (``known_row``) to keep that as it is and read the file again next time.
        ``on_gone(row)`` is told of each row whose check file is no longer there, and
        ``on_read()`` is called once the rows have been read and brought in line (whenever
        that happens). What the user should be told is appended to ``problems``, one sentence
        each. After a crash the index is read and reconciled at once, and every check file
        written since the index was (nearly) last written is read again as well, in case its
        size and a coarse modification time did not change. A journal that has grown as large
        as the index is folded in at once too, so that it never grows without end however long
        no listing is asked for.
        """
        self._rows = None
        self._read_row, self._problems = read_row, problems
        self._on_gone, self._on_read = on_gone, on_read
        self._recheck_since = None
        self._journal_lines = self._session_lines = 0
        if after_crash:
            try:
                self._recheck_since = self.layout.index.stat().st_mtime_ns - _CLOCK_SLACK_NS
            except OSError:
                self._recheck_since = None  # no index: every row is read anyway
            self._load(after_crash=True)
        elif _size(self.layout.journal) >= max(JOURNAL_MINIMUM_BYTES, _size(self.layout.index)):
            self._load(fold=True)

    @property
    def loaded(self) -> bool:
        return self._rows is not None

    @property
    def rows(self) -> Rows:
        """Every row by check id, read and brought in line with the check files at first use."""
        self.read_now()
        assert self._rows is not None
        return self._rows

    def read_now(self, *, every_file: bool = False) -> None:
        """Read the rows now (if not yet), reporting what bringing them in line finds.

        The rows are compared with every check file when ``checks/`` changed since they were
        written (the app renames each file it saves into place, which changes the folder's
        time), after a crash, and always with ``every_file`` (the app, at its start): a file
        rewritten in place by another program leaves the folder's time as it was."""
        if self._rows is None:
            self._load(every_file=every_file)

    def stamp(self, check_id: str) -> FileStamp | None:
        """The size and time of a check file as the index last recorded them, if the index has
        been read (it is not read for this alone)."""
        if self._rows is None:
            return None
        row = self._rows.get(check_id)
        return None if row is None else row.get("file")

    def known_row(self, check_id: str) -> Row | None:
        """The row the index holds for a check, without reading every row when they have not
        been read: only the line of ``index.json`` that names it, and the journal. None when
        there is none or it cannot be told cheaply."""
        if self._rows is not None:
            return self._rows.get(check_id)
        if not CHECK_ID.fullmatch(check_id):
            return None
        row: Row | None = None
        with contextlib.suppress(FileNotFoundError, StoreError, DamagedFile):
            found = rows_holding(self.layout.read(self.layout.index), [needle(check_id)])
            stored = None if found is None else found.rows.get(check_id)
            row = None if stored is None else as_dict(stored)
        journal: list[bytes] = []
        with contextlib.suppress(FileNotFoundError, StoreError):
            journal = self._journal()
        for line in journal:
            try:
                entry = json.loads(line)
                if entry.get("put", {}).get("id") == check_id:
                    row = entry["put"]
                elif entry.get("drop") == check_id:
                    row = None
            except (ValueError, TypeError, KeyError, AttributeError):
                continue
        return row

    def _load(
        self, *, after_crash: bool = False, fold: bool = False, every_file: bool = True
    ) -> None:
        with collector_paused():
            self._load_rows(after_crash=after_crash, fold=fold, every_file=every_file)

    def _load_rows(self, *, after_crash: bool, fold: bool, every_file: bool) -> None:
        problems: list[str] = []
        missing = not self.layout.index.exists()
        laid_out = True
        try:
            self._rows, laid_out = self._read_index()
        except DamagedFile:
            if not self.layout.read_only:  # a reader rebuilds it in memory only
                moved = self.layout.move_aside(self.layout.index)
                problems.append(
                    _(
                        "The summary index was damaged and has been rebuilt from the checks "
                        "(the damaged file was moved to {path})."
                    ).format(path=moved)
                )
            self._rows, self._recorded = Rows(), None
        replayed = self._replay_journal()
        self._journal_lines = replayed
        folder = self._folder_stamp()
        trusted = not (every_file or after_crash or self._outdated or problems)
        compared = not (trusted and folder is not None and self._recorded == folder)
        # Compared only when no check file may have been saved, added or removed since.
        changed = compared and self._reconcile(self._read_row, self._recheck_since)
        self._outdated = False
        self._problems += problems
        first = bool(self._rows) and (missing or not laid_out)
        fold = fold or first or (after_crash and bool(replayed)) or self._journal_full()
        if problems or changed or fold:
            self.compact()
        elif self._recorded != folder and not self.layout.read_only:
            self._append({"checks": folder})  # in line with the folder as it is now
        if self._on_read is not None:
            self._on_read()

    def _read_index(self) -> tuple[Rows, bool]:
        """The rows of ``index.json``, and whether it is laid out as this app writes it.
        DamagedFile when it is not an index; FileUnreadable when it cannot be read."""
        try:
            raw = self.layout.read(self.layout.index)
        except FileNotFoundError:
            self._recorded = None
            return Rows(), True
        except fileops.FileUnreadable as error:
            if isinstance(error.error, IsADirectoryError):
                raise DamagedFile(self.layout.index, "a folder, not a file") from None
            raise
        try:
            content = parse_index(raw)
        except (ValueError, RecursionError) as error:
            raise DamagedFile(self.layout.index, str(error)) from None
        self._outdated = not content.current
        self._recorded = content.stamp
        return Rows(content.rows), current_layout(raw)

    def _replay_journal(self) -> int:
        """Apply the journal's lines to the rows; returns how many there were."""
        assert self._rows is not None
        try:
            lines = self._journal()
        except (FileNotFoundError, StoreError):
            return 0
        for line in lines:  # a line cut short by a crash is skipped: reconciling repairs it
            try:
                entry = json.loads(line)
                if "put" in entry:
                    self._rows[entry["put"]["id"]] = entry["put"]
                elif "drop" in entry:
                    self._rows.pop(entry["drop"], None)
                stamp = entry.get("checks")  # the folder as it was after this line
                if self._recorded is not None:  # (only on top of an index that recorded it)
                    self._recorded = stamp if isinstance(stamp, int) else None
            except (ValueError, TypeError, KeyError, AttributeError):
                self._recorded = None  # what it recorded is not known: every file is compared
                continue
        return len(lines)

    def _journal(self) -> list[bytes]:
        """The journal's lines as written. Each line on disk is one sealed record (base64);
        a line that does not open (cut short by a crash) reads as an empty line, which no
        reading takes for a row. FileNotFoundError when there is no journal."""
        lines = fileops.read_bytes(self.layout.journal).splitlines()
        if self.layout.key is None:
            return lines
        name = self.layout.journal.name
        opened = []
        for line in lines:
            try:
                opened.append(self.layout.key.open(base64.b64decode(line, validate=True), name))
            except (SealBroken, ValueError):
                opened.append(b"")
        return opened

    def _reconcile(
        self, read_row: Callable[[str], dict[str, Any] | None], recheck_since: int | None
    ) -> bool:
        """Bring the rows in line with the check files; True when anything changed."""
        assert self._rows is not None
        rows = self._rows
        outdated = self._outdated
        on_disk: set[str] = set()
        stale: list[tuple[str, FileStamp]] = []
        with os.scandir(self.layout.checks) as entries:
            for entry in entries:  # 20,000 files: kept to one stat and a few lookups each
                name = entry.name
                if not name.endswith(".json"):
                    continue
                check_id = name[:-5]
                row = rows.get(check_id)
                if row is None and not CHECK_ID.fullmatch(check_id):
                    continue  # only a new name needs the slower pattern test
                info = entry.stat()
                stamp = [info.st_mtime_ns, info.st_size]
                on_disk.add(check_id)
                if (
                    row is None
                    or outdated
                    or row.get("file") != stamp
                    or (recheck_since is not None and stamp[0] >= recheck_since)
                ):
                    stale.append((check_id, stamp))
        gone = rows.keys() - on_disk
        for check_id in gone:
            row = rows.pop(check_id)
            if self._on_gone is not None:
                self._on_gone(row)
        for check_id, stamp in stale:
            fresh = read_row(check_id)
            if fresh is None:
                rows.pop(check_id, None)
            elif fresh is not rows.get(check_id):  # the same row: kept, to be read next time
                rows[check_id] = {**fresh, "file": stamp}
        return bool(gone or stale)

    def close(self) -> None:
        """Fold this session's journal lines into the index, if it was read at all: a command
        that never needed the rows leaves them to the next one that does. The rows are let go
        of then (20,000 of them are freed at once, not by a later walk of the collector: the
        store and its index refer to each other)."""
        try:
            if self._rows is not None and self._session_lines:
                self.compact()
        finally:
            self._rows = None

    def put(self, row: dict[str, Any]) -> None:
        """Record the new row of a check whose file has just been written."""
        info = self.layout.check_file(row["id"]).stat()
        row = {**row, "file": [info.st_mtime_ns, info.st_size]}
        if self._rows is not None:
            self._rows[row["id"]] = row
        self._append({"put": row, "checks": self._folder_stamp()})

    def drop(self, check_id: str) -> None:
        if self._rows is not None:
            self._rows.pop(check_id, None)
        self._append({"drop": check_id, "checks": self._folder_stamp()})

    def _folder_stamp(self) -> int | None:
        """The modification time of ``checks/``: it changes whenever a check file is written,
        added, renamed or removed there (every save renames a new file into place)."""
        try:
            return os.stat(self.layout.checks).st_mtime_ns
        except OSError:
            return None

    def _append(self, entry: dict[str, Any]) -> None:
        line = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        if self.layout.key is not None:  # one sealed record per line
            line = base64.b64encode(self.layout.key.seal(line, self.layout.journal.name))
        self.layout.check_guard()
        try:
            flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0)
            with os.fdopen(os.open(self.layout.journal, flags, PRIVATE_FILE), "ab") as journal:
                journal.write(line + b"\n")
        except OSError:
            pass  # the check file is saved; the next open rebuilds this row from it
        self._journal_lines += 1
        self._session_lines += 1
        if self._rows is not None and self._journal_full():
            self.compact()

    def _journal_full(self) -> bool:
        assert self._rows is not None
        return self._journal_lines >= max(JOURNAL_MINIMUM, len(self._rows))

    def compact(self) -> None:
        """Write all rows to ``index.json`` (one per line) and empty the journal; a reader
        (a store opened only to read) leaves both as they are, for the next writer."""
        if self.layout.read_only:
            return
        payload = index_payload(self.rows.stored(), self._folder_stamp())
        self.layout.check_guard()
        try:
            # Not compressed: every listing reads it whole, and opening 9 MB takes a
            # millisecond where unpacking it takes thirty (backups leave it out).
            self.layout.write(self.layout.index, payload, compress=False)
        except OSError as error:
            raise StoreWriteError(
                _("{file} could not be saved ({reason}); nothing was changed").format(
                    file=self.layout.index.name, reason=os_reason(error)
                )
            ) from error
        try:
            write_atomically(self.layout.journal, b"")
        except OSError:
            return  # replaying the journal over the new index changes nothing: it stays
        self._journal_lines = self._session_lines = 0

    def chosen(self, filters: Filters) -> list[Stored]:
        """The rows of the checks ``filters`` lets through, newest change first, as stored."""
        words = search_key(filters.search).split()
        keep = filters.values()
        found = None if self._rows is not None else self._quick_rows(words, keep)
        # Found with ``checks/`` exactly as the index recorded it: no file has gone since, so
        # reading every row would find nothing new to report.
        self.folder_as_recorded = found is not None
        return chosen_rows(self.rows.stored() if found is None else found, keep, words)

    def sharing(self, keys: list[str]) -> list[dict[str, Any]]:
        """The rows with a related-check key that names what one of ``keys`` names (the same
        property or party, whatever its role): one pass over the rows, no check file read."""
        wanted = {identity(key) for key in keys}
        if not wanted:
            return []
        rows = self.rows
        return [
            rows[check_id]
            for check_id, match_keys in rows.values_of("match_keys")
            if any(identity(key) in wanted for key in match_keys or ())
        ]

    def chosen_in_parts(self, filters: Filters, *, whole: bool = True) -> Iterator[list[Stored]]:
        """The rows ``chosen`` gives, in the same order, in parts. When the index and its
        journal can be read as they are (``checks/`` as they recorded it, no search words), a
        part of ``index.json`` is parsed only when the one before it has been used: a listing
        of 20,000 checks never holds them all. Should a part not parse, the rest comes from
        reading every row (which reports the damage)."""
        words = search_key(filters.search).split()
        keep = filters.values()
        parts = None if self._rows is not None or words else self._parts(keep, whole)
        if parts is None:
            yield self.chosen(filters)
            return
        self.folder_as_recorded = True  # as in chosen: no file can have gone since
        given: set[str] = set()
        try:
            for part in parts:
                given.update(row[0] if isinstance(row, list) else row["id"] for row in part)
                yield part
        except (ValueError, TypeError, KeyError, RecursionError):
            self.folder_as_recorded = False
            rest = self.chosen(filters)
            yield [row for row in rest if field(row, "id") not in given]

    def _parts(self, keep: dict[str, str], whole: bool) -> Iterator[list[Stored]] | None:
        """The chosen rows of ``index.json`` part by part, with its journal's changes; None
        when they cannot be read so (see chosen_in_parts)."""
        try:
            raw = self.layout.read(self.layout.index)
        except (FileNotFoundError, StoreError, DamagedFile):
            return None
        body = index_body(raw)
        changes = None if body is None else self._journal_changes(body.stamp)
        if body is None or changes is None:
            return None
        needles = [needle(value) for value in keep.values()]
        parts = rows_in_parts(raw, body, needles, whole=whole)
        return chosen_parts(parts, keep, *changes)

    def _journal_changes(self, recorded: int | None) -> tuple[dict[str, Row], set[str]] | None:
        """The rows the journal puts and the checks it drops, on top of an index that recorded
        the folder's time ``recorded``; None unless ``checks/`` is still as the last of them
        recorded it (or the journal cannot be read, or has a line cut short by a crash)."""
        try:
            journal = self._journal()
        except (FileNotFoundError, StoreError):
            return None
        put: dict[str, Row] = {}
        dropped: set[str] = set()
        stamp: object = recorded
        for line in journal:
            try:
                entry = json.loads(line)
                stamp = entry["checks"]
                if "put" in entry:
                    check_id = entry["put"]["id"]
                    put[check_id] = entry["put"]
                    dropped.discard(check_id)
                elif "drop" in entry:
                    put.pop(entry["drop"], None)
                    dropped.add(entry["drop"])
            except (ValueError, TypeError, KeyError, AttributeError):
                return None
        if stamp is None or stamp != self._folder_stamp():
            return None
        return put, dropped

    def _quick_rows(self, words: list[str], keep: dict[str, str]) -> Iterable[Stored] | None:
        """The rows that may hold every word and filter value, when they can be read without
        reading every row as the app keeps them: nothing was written, added or removed in
        ``checks/`` since the index and its journal were written (the folder's time is what
        they recorded). Only the lines of ``index.json`` that hold the words and values are
        parsed. A search compares each row it found with its check file as well, and reads it
        again from the file when that changed: only what the search touches is brought in line.
        None when it cannot be done this way (then every row is read)."""
        if words and not searchable(words):
            return None
        needles = [needle(value) for value in keep.values()] + [word.encode() for word in words]
        if not needles:
            return None  # every row wanted: reading them all is as quick
        try:
            found = rows_holding(self.layout.read(self.layout.index), needles)
        except (FileNotFoundError, StoreError, DamagedFile):
            return None
        changes = None if found is None else self._journal_changes(found.stamp)
        if found is None or changes is None:
            return None
        rows = found.rows
        put, dropped = changes
        rows.update(put)
        for check_id in dropped:
            rows.pop(check_id, None)
        if not words:
            return rows.values()  # a listing, which trusts the folder's time (above)
        for check_id, row in list(rows.items()):
            try:
                info = self.layout.check_file(check_id).stat()
            except OSError:
                return None  # a check file gone: reading it all reports it
            if field(row, "file") != [info.st_mtime_ns, info.st_size]:
                fresh = self._read_row(check_id)
                if fresh is None:
                    return None
                rows[check_id] = {**fresh, "file": [info.st_mtime_ns, info.st_size]}
        return rows.values()


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
