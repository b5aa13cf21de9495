"""Report records: a report made to an authority, or a decision not to report, with corrections.

Records live beside a check's revisions, not in them: a report is usually made after the check
was finalized, and recording it must not change the fingerprinted revision. A correction is a
new record that names the one it replaces and why; the replaced record stays readable.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum


class RecordKind(StrEnum):
    REPORTED = "reported"
    NOT_REPORTING = "not_reporting"


class ReportChannel(StrEnum):
    FIU = "fiu"  # FIU-Nederland, through its reporting portal (Wwft institutions only)
    POLICE = "police"
    ANONYMOUS = "anonymous"  # Meld Misdaad Anoniem
    MUNICIPALITY = "municipality"


class Indicator(StrEnum):
    OBJECTIVE = "objective"
    SUBJECTIVE = "subjective"


@dataclass(frozen=True)
class ReportRecord:
    """One entry: what was reported where and when (or that and why nothing was reported)."""

    id: str
    kind: RecordKind
    on: dt.date  # the day of the report, or of the decision not to report
    recorded_at: dt.datetime
    actor: str
    channel: ReportChannel | None = None  # for a report
    reference: str = ""  # e.g. FIU-Nederland's reporting number
    indicator: Indicator | None = None
    indicator_detail: str = ""  # which indicator: e.g. "cash of €10,000 or more (BUY-07)"
    acknowledgement: str = ""  # the recipient's acknowledgement, as received
    reasoning: str = ""  # why; required for a decision not to report
    corrects: str | None = None  # the id of the record this one replaces
    correction_reason: str = ""


def current_records(records: Sequence[ReportRecord]) -> list[ReportRecord]:
    """The records that stand: every record no later record corrects, in recorded order."""
    replaced = {record.corrects for record in records if record.corrects}
    return [record for record in records if record.id not in replaced]


def report_status(records: Sequence[ReportRecord]) -> str:
    """``reported`` once a report stands, ``not_reporting`` when the latest standing record is
    a decision not to report, else ``open``."""
    standing = current_records(records)
    if not standing:
        return "open"
    latest = max(standing, key=lambda record: (record.on, record.recorded_at))
    if latest.kind is RecordKind.NOT_REPORTING:
        return "not_reporting"
    return "reported"
