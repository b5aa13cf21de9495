"""Files handed out by a command that only read the data folder, kept in ``pending/`` until
the next writer enters them in the check's audit trail and the store log.

A report or an export can be made while the desktop app has the folder open: the command does
not take the writer's lock, so it may not write a check file or ``meta.json`` (the app could
overwrite that write with its own). It writes one new file per issued file instead, under a
name nobody else uses, atomically. Whoever holds the lock enters these records (at opening, at
closing, before a backup) and removes them; until then every reader of the audit trail and the
list of issued files reads them too. Entering is idempotent, so a stop half-way repeats it.
"""

from __future__ import annotations

import contextlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vastgoedcheck.storage import fileops
from vastgoedcheck.storage.atomic import PRIVATE_FOLDER
from vastgoedcheck.storage.audit import AuditEvent, event_record
from vastgoedcheck.storage.errors import DamagedFile, StoreError
from vastgoedcheck.storage.layout import CHECK_ID, Layout

_PREFIX = "issued-"


@dataclass(frozen=True)
class PendingIssue:
    """One file handed out by a reader: its audit event and its store-log entry."""

    path: Path
    check_id: str
    event: dict[str, Any]  # as in a check file's ``events`` table
    entry: dict[str, Any]  # as in the store log

    def same_event(self, record: dict[str, Any]) -> bool:
        return _same(record, self.event, record.get("new"), self.event.get("new"))

    def same_entry(self, entry: dict[str, Any]) -> bool:
        return _same(entry, self.entry, entry, self.entry)


def _same(a: dict[str, Any], b: dict[str, Any], a_details: Any, b_details: Any) -> bool:
    return (
        a.get("action") == "issued"
        and a.get("at") == b.get("at")
        and isinstance(a_details, dict)
        and isinstance(b_details, dict)
        and a_details.get("sha256") == b_details.get("sha256")
    )


def write_pending(layout: Layout, check_id: str, event: AuditEvent, entry: dict[str, Any]) -> None:
    """Record one issued file for the next writer; OSError when it cannot be written."""
    layout.pending.mkdir(PRIVATE_FOLDER, exist_ok=True)
    stamp = event.at.strftime("%Y%m%dT%H%M%S%f")
    path = layout.pending / f"{_PREFIX}{stamp}-{uuid.uuid4().hex}.json"
    record = {"check": check_id, "event": event_record(event), "entry": entry}
    layout.write(path, json.dumps(record, ensure_ascii=False).encode("utf-8"))


def read_pending(layout: Layout) -> list[PendingIssue]:
    """The records waiting in ``pending/``, oldest first; a file that is gone by the time it is
    read (entered meanwhile) or cannot be read is passed by."""
    try:
        names = sorted(
            path
            for path in layout.pending.iterdir()
            if path.name.startswith(_PREFIX) and path.name.endswith(".json")
        )
    except OSError:
        return []
    found = []
    for path in names:
        try:
            record = json.loads(layout.read(path))
            check_id, event, entry = record["check"], record["event"], record["entry"]
        except (OSError, StoreError, DamagedFile, ValueError, TypeError, KeyError):
            continue
        if (
            isinstance(check_id, str)
            and CHECK_ID.fullmatch(check_id)
            and isinstance(event, dict)
            and isinstance(entry, dict)
        ):
            found.append(PendingIssue(path, check_id, event, entry))
    return found


def enter_pending(
    layout: Layout,
    add_event: Callable[[PendingIssue], None],
    log: Callable[[PendingIssue], None],
) -> int:
    """Enter every waiting record (only the holder of the lock may): ``add_event`` puts it in
    the check's trail and ``log`` in the store log, each skipping what is already there; then
    its file is removed. A record whose check cannot be written now stays for the next time.
    Returns how many were entered."""
    entered = 0
    for pending in read_pending(layout):
        try:
            add_event(pending)
            log(pending)
        except StoreError:
            continue
        with contextlib.suppress(OSError, StoreError):
            fileops.remove(pending.path, missing_ok=True)
        entered += 1
    return entered
