"""The store log after an erasure: the personal data of erased checks taken out of its entries,
and the minimal, non-identifying erasure record that stays.

The same functions serve the live ``meta.json`` (through ``MetaFile``), the copies of it in the
app's backups and a backup being restored, which all hold the store log as TinyDB tables.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, MutableMapping
from typing import Any

ERASED = "erased"
# What the erasure record says about why the check was erased.
BY_RETENTION = "retention"
ON_REQUEST = "request (AVG art. 17)"
# Store-log fields that may name a person or a file about them, per action, taken out of the
# entries about an erased check. Issued files keep kind, date, SHA-256, revision and
# fingerprint (so ``verify`` can still say that a file came from an erased check).
_PERSONAL_FIELDS = {
    "issued": ("file", "recipient"),
    "imported": ("file",),
    "damaged_file_moved": ("file",),
    "deleted": ("reason",),
}


def about(entry: Mapping[str, Any], erased: set[str] | frozenset[str]) -> bool:
    """Whether a store-log entry concerns one of the ``erased`` checks."""
    if entry.get("check") in erased:
        return True
    checks = entry.get("checks")
    return isinstance(checks, list) and any(check in erased for check in checks)


def scrub_entry(entry: MutableMapping[str, Any], erased: set[str] | frozenset[str]) -> bool:
    """Take the personal data of erased checks out of ``entry`` (in place); whether it changed.
    The erasure records themselves are left as they are: they hold none."""
    if entry.get("action") == ERASED or not about(entry, erased):
        return False
    fields = [name for name in _PERSONAL_FIELDS.get(str(entry.get("action")), ()) if name in entry]
    for name in fields:
        del entry[name]
    return bool(fields)


def scrub_tables(tables: MutableMapping[str, Any], erased: set[str] | frozenset[str]) -> bool:
    """Scrub a ``meta.json`` held as TinyDB tables (``log``, ``missing``) in place: the log's
    entries about erased checks lose their personal data and the erased checks are no longer
    listed as missing. Returns whether anything changed."""
    changed = False
    log = tables.get("log")
    if isinstance(log, dict):
        for entry in log.values():
            if isinstance(entry, dict):
                changed = scrub_entry(entry, erased) or changed
    missing = tables.get("missing")
    if isinstance(missing, dict):
        for key in [k for k, record in missing.items() if _missing_id(record) in erased]:
            del missing[key]
            changed = True
    return changed


def _missing_id(record: object) -> object:
    return record.get("id") if isinstance(record, dict) else None


def erasure_records(entries: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The erasure records in a store log, oldest first (without their pending work)."""
    found = []
    for entry in entries:
        if entry.get("action") == ERASED and isinstance(entry.get("check"), str):
            found.append({key: value for key, value in entry.items() if key != "pending"})
    return found


def add_records(tables: MutableMapping[str, Any], records: Iterable[Mapping[str, Any]]) -> bool:
    """Add the erasure ``records`` a TinyDB ``log`` table does not hold yet; whether any was."""
    log = tables.setdefault("log", {})
    held = {
        entry.get("check")
        for entry in log.values()
        if isinstance(entry, dict) and entry.get("action") == ERASED
    }
    keys = [int(key) for key in log if str(key).isdigit()]
    next_id = max(keys, default=0) + 1
    added = False
    for record in records:
        if record.get("check") in held:
            continue
        log[str(next_id)] = dict(record)
        next_id += 1
        added = True
    return added


def erasure_entry(
    *,
    check_id: str,
    pack: str,
    role: str,
    created: dt.date | None,
    finalized: dt.date | None,
    basis: str,
    rule: str,
    decision: str | None = None,
    questions: Iterable[str] = (),
) -> dict[str, Any]:
    """The details of an erasure record (``MetaFile.record`` adds when and who): the check's id,
    pack, role and dates, why it was erased and — for a rejected applicant — the decision and
    the ids of the questions that led to it. No name, no free text."""
    details: dict[str, Any] = {
        "check": check_id,
        "pack": pack,
        "role": role,
        "created": None if created is None else created.isoformat(),
        "finalized": None if finalized is None else finalized.isoformat(),
        "erased": dt.date.today().isoformat(),
        "basis": basis,
        "rule": rule,
    }
    if decision is not None:
        details["decision"] = decision
        details["questions"] = sorted(set(questions))
    return details
