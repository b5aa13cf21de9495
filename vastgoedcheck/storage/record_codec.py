"""Report records as JSON data, as the check file and an internal exchange file keep them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from vastgoedcheck.domain.report_record import (
    Indicator,
    RecordKind,
    ReportChannel,
    ReportRecord,
)

TEXTS = ("reference", "indicator_detail", "acknowledgement", "reasoning", "correction_reason")


def record_json(record: ReportRecord) -> dict[str, Any]:
    """A record as the check file and an internal exchange file keep it."""
    data: dict[str, Any] = {
        "id": record.id,
        "kind": record.kind.value,
        "on": record.on.isoformat(),
        "recorded_at": record.recorded_at.isoformat(),
        "actor": record.actor,
    }
    if record.channel is not None:
        data["channel"] = record.channel.value
    if record.indicator is not None:
        data["indicator"] = record.indicator.value
    if record.corrects is not None:
        data["corrects"] = record.corrects
    for name in TEXTS:
        if getattr(record, name):
            data[name] = getattr(record, name)
    return data


def record_from_json(data: Mapping[str, Any]) -> ReportRecord:
    """The record ``record_json`` wrote; KeyError/ValueError/TypeError when it is not one."""
    channel, indicator = data.get("channel"), data.get("indicator")
    texts = {name: str(data.get(name, "")) for name in TEXTS}
    return ReportRecord(
        id=str(data["id"]),
        kind=RecordKind(data["kind"]),
        on=dt.date.fromisoformat(data["on"]),
        recorded_at=dt.datetime.fromisoformat(data["recorded_at"]),
        actor=str(data["actor"]),
        channel=None if channel is None else ReportChannel(channel),
        indicator=None if indicator is None else Indicator(indicator),
        corrects=data.get("corrects"),
        **texts,
    )
