"""The store's ``meta.json``: its schema version, the ordered migrations, and the store log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass
from functools import partial
from typing import Any

from vastgoedcheck import __version__
from vastgoedcheck.storage.atomic import open_database
from vastgoedcheck.storage.erasure_log import ERASED, scrub_entry
from vastgoedcheck.storage.errors import DamagedFile
from vastgoedcheck.storage.layout import Layout
from vastgoedcheck.storage.migration_steps import mark_cut_id_numbers

# The layout and file formats this version of the app reads and writes.
SCHEMA_VERSION = 2


@dataclass(frozen=True)
class Migration:
    """Brings a data folder from ``from_version`` to ``from_version + 1``, in place.

    ``apply`` must be safe to run again on a folder it has partly migrated: a crash during a
    migration leaves the schema version unchanged, so the next start runs it again.
    """

    from_version: int
    description: str
    apply: Callable[[Layout], None]


# Run in order, oldest first. Each one is kept forever, so every old folder can be opened.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "ID-document numbers of landlords' drafts that were cut at the wrong end marked unusable",
        mark_cut_id_numbers,
    ),
)


def _scrub(entry: MutableMapping[str, Any], erased: set[str]) -> None:
    scrub_entry(entry, erased)


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).astimezone()


class MetaFile:
    """``meta.json``: table ``meta`` (one record) and table ``log`` (store-wide events)."""

    def __init__(self, layout: Layout) -> None:
        database, self.storage = open_database(layout.meta, layout.guard, layout.key)
        # Opened only to read: what reading finds (a check file gone) is kept in memory here
        # and not written; the next writer finds the same and records it.
        self.read_only = layout.read_only
        self._noticed: list[dict[str, Any]] = []
        self._info = database.table("meta", cache_size=0)
        self._log = database.table("log", cache_size=0)
        # Checks whose file disappeared or was moved aside, until the user acknowledges it.
        self._missing = database.table("missing", cache_size=0)

    def schema_version(self) -> int | None:
        """The recorded schema version; None for a new folder. DamagedFile if unreadable."""
        record = self._info.get(doc_id=1)
        if record is None:
            if self.storage.read() is not None:  # a file, but without its record
                raise DamagedFile(self.storage.path, "no meta record")
            return None
        assert isinstance(record, dict)
        version = record.get("schema_version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 0:
            raise DamagedFile(self.storage.path, "no valid schema version")
        return version

    def create(self) -> None:
        with self.storage.batch():
            self._info.insert(
                {
                    "schema_version": SCHEMA_VERSION,
                    "created_at": now().isoformat(),
                    "created_by_app": __version__,
                }
            )

    def set_schema_version(self, version: int) -> None:
        self._info.update({"schema_version": version}, doc_ids=[1])

    def record(self, action: str, actor: str, **details: Any) -> None:
        """Add one store-wide event (a deletion, an import, a restore, a damaged file…)."""
        if self.read_only:
            return
        self._log.insert({"at": now().isoformat(), "actor": actor, "action": action, **details})

    def entries(self) -> list[dict[str, Any]]:
        return [dict(entry) for entry in self._log.all()]

    def missing(self) -> list[dict[str, Any]]:
        """Checks whose file went missing or was damaged, not yet acknowledged, oldest first."""
        found = [dict(record) for record in self._missing.all()]
        if not all(isinstance(record.get("id"), str) for record in found):
            raise DamagedFile(self.storage.path, "a missing check without id")
        return found + [r for r in self._noticed if r["id"] not in {f["id"] for f in found}]

    def mark_missing(self, check_id: str, row: dict[str, Any] | None, **why: Any) -> bool:
        """Remember that a check's file is gone (``why``: reason, file); False if known."""
        if any(record["id"] == check_id for record in self.missing()):
            return False
        record = {"id": check_id, "at": now().isoformat(), "row": row, **why}
        if self.read_only:
            self._noticed.append(record)
        else:
            self._missing.insert(record)
        return True

    def unmark_missing(self, check_id: str) -> dict[str, Any] | None:
        """Forget a missing check (acknowledged, or its file is back); its record, if any."""
        for record in self._missing.all():
            if record.get("id") == check_id:
                self._missing.remove(doc_ids=[record.doc_id])
                return dict(record)
        return None

    # -- erasure (storage/erasure.py) -------------------------------------------------------

    def record_erasure(self, actor: str, details: dict[str, Any], pending: dict[str, Any]) -> None:
        """In one write: take the erased check's personal data out of the log's entries and the
        list of missing checks, and add its erasure record with the work still to do
        (``pending``: it is the journal the next start finishes an interrupted erasure from)."""
        with self.storage.batch():
            self.scrub({details["check"]})
            self._log.insert(
                {
                    "at": now().isoformat(),
                    "actor": actor,
                    "action": ERASED,
                    **details,
                    "pending": pending,
                }
            )

    def scrub(self, erased: set[str]) -> None:
        """Take the personal data of the ``erased`` checks out of the log's entries and the
        list of missing checks (erasure_log.scrub_entry)."""
        with self.storage.batch():
            for entry in self._log.all():
                if scrub_entry(dict(entry), erased):  # changed in place, keeping the order
                    self._log.update(partial(_scrub, erased=erased), doc_ids=[entry.doc_id])
            for record in self._missing.all():
                if record.get("id") in erased:
                    self._missing.remove(doc_ids=[record.doc_id])

    def erased_ids(self) -> set[str]:
        """The ids of the checks erased from this folder."""
        return {
            str(entry.get("check")) for entry in self._log.all() if entry.get("action") == ERASED
        }

    def pending_erasures(self) -> list[dict[str, Any]]:
        """The erasure records whose work (files, backups) is not finished yet."""
        return [
            dict(entry)
            for entry in self._log.all()
            if entry.get("action") == ERASED and isinstance(entry.get("pending"), dict)
        ]

    def erasure_finished(self, check_id: str) -> None:
        """The erasure of ``check_id`` is complete: its record no longer holds pending work."""
        for entry in self._log.all():
            if (
                entry.get("action") == ERASED
                and entry.get("check") == check_id
                and "pending" in entry
            ):
                self._log.update(lambda doc: doc.pop("pending", None), doc_ids=[entry.doc_id])
