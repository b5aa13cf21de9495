"""The filter in front of the checks overview: search words, status, checklist, outcome,
decision, report status, period and what is due for erasure or review, each compared with keys
the model worked out once."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QObject, QSortFilterProxyModel, Qt

from vastgoedcheck.storage.summary import search_key
from vastgoedcheck.ui.overview_model import ModelIndex, OverviewModel, microseconds

# The retention filter's value for checks due for erasure or for a review.
DUE = "due"


class Period(Enum):
    """How recently a check must have changed to be shown."""

    ANY = "any"
    WEEK = "week"  # the last 7 days
    MONTH = "month"  # the last 30 days
    YEAR = "year"  # the last 12 months

    def since(self, now: dt.datetime) -> dt.datetime | None:
        if self is Period.WEEK:
            return now - dt.timedelta(days=7)
        if self is Period.MONTH:
            return now - dt.timedelta(days=30)
        if self is Period.YEAR:
            day = now.date()
            try:
                return now.replace(year=day.year - 1)
            except ValueError:  # 29 February
                return now.replace(year=day.year - 1, day=28)
        return None


class OverviewFilter(QSortFilterProxyModel):
    """Shows the checks that match every filter; sorting is done by the ``OverviewModel``.

    ``sort`` is handed on to the source model, so the proxy keeps the source's order
    (its own ``sortColumn()`` stays -1): ask ``sort_column``/``sort_order`` instead.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model: OverviewModel | None = None
        self.search = ""
        self.status: str | None = None
        self.pack: str | None = None
        self.outcome: str | None = None
        self.decision: str | None = None  # a decision code, "" for none recorded yet
        self.report_status: str | None = None
        self.period = Period.ANY
        self.retention: str | None = None  # DUE (erasure or review), "erase" or "review"
        self._words: list[str] = []
        self._since: int | None = None
        self._filtering = False  # any filter set: False lets every row through at once

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        if not isinstance(model, OverviewModel):
            raise TypeError("OverviewFilter filters an OverviewModel")
        self._model = model
        super().setSourceModel(model)

    # -- the filters -----------------------------------------------------------------------

    def set_search(self, text: str) -> None:
        """Show checks whose parties, KVK numbers, UBOs, representatives, address, postcode,
        town, own reference or checklist hold every word."""
        words = search_key(text).split()
        if words != self._words:
            self._change(lambda: self._set_search(text, words))
        else:
            self.search = text

    def _set_search(self, text: str, words: list[str]) -> None:
        self.search, self._words = text, words

    def set_status(self, status: str | None) -> None:
        if status != self.status:
            self._change(lambda: setattr(self, "status", status))

    def set_pack(self, pack_id: str | None) -> None:
        if pack_id != self.pack:
            self._change(lambda: setattr(self, "pack", pack_id))

    def set_outcome(self, outcome: str | None) -> None:
        """An outcome code, ``STOP`` for knock-outs (whatever their outcome), or None."""
        if outcome != self.outcome:
            self._change(lambda: setattr(self, "outcome", outcome))

    def set_decision(self, decision: str | None) -> None:
        """A decision code, "" for checks without a recorded decision, or None for any."""
        if decision != self.decision:
            self._change(lambda: setattr(self, "decision", decision))

    def set_report_status(self, report_status: str | None) -> None:
        if report_status != self.report_status:
            self._change(lambda: setattr(self, "report_status", report_status))

    def set_retention(self, due: str | None) -> None:
        """``DUE`` for checks due for erasure or a review, "erase" or "review" for one of the
        two, None for any."""
        if due != self.retention:
            self._change(lambda: setattr(self, "retention", due))

    def set_period(self, period: Period, now: dt.datetime | None = None) -> None:
        """Show checks changed since ``period`` before ``now`` (default: this moment)."""
        since = period.since(now or dt.datetime.now(dt.UTC))
        limit = None if since is None else microseconds(since)
        if period is not self.period or limit != self._since:
            self._change(lambda: self._set_period(period, limit))

    def _set_period(self, period: Period, limit: int | None) -> None:
        self.period, self._since = period, limit

    def clear(self) -> None:
        """Show every check again."""
        if self.is_filtered():
            self._change(self._clear)

    def _clear(self) -> None:
        self.search, self._words = "", []
        self.status = self.pack = self.outcome = self.decision = self.report_status = None
        self.retention = None
        self.period, self._since = Period.ANY, None

    def is_filtered(self) -> bool:
        return bool(
            self._words
            or self.status is not None
            or self.pack is not None
            or self.outcome is not None
            or self.decision is not None
            or self.report_status is not None
            or self.retention is not None
            or self._since is not None
        )

    def _change(self, apply: Any) -> None:
        self.beginFilterChange()
        apply()
        self._filtering = self.is_filtered()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        assert self._model is not None
        if not self._filtering:
            return True
        row = self._model.rows[source_row]
        if self.status is not None and row.status != self.status:
            return False
        if self.pack is not None and row.pack != self.pack:
            return False
        if self.outcome is not None and row.filter_outcome != self.outcome:
            return False
        if self.decision is not None and row.decision != self.decision:
            return False
        if self.report_status is not None and row.report_status != self.report_status:
            return False
        if self._since is not None and row.changed < self._since:
            return False
        if self.retention is not None and (
            row.retention_due is None or self.retention not in (DUE, row.retention_due)
        ):
            return False
        text = row.filter_text
        return all(word in text for word in self._words)

    # -- sorting, by the source model ------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self._model is not None:
            self._model.sort(column, order)

    def sort_column(self) -> int:
        return -1 if self._model is None else self._model.sort_column

    def sort_order(self) -> Qt.SortOrder:
        return Qt.SortOrder.AscendingOrder if self._model is None else self._model.sort_order

    # -- finding ---------------------------------------------------------------------------

    def check_id(self, row: int) -> str:
        """The id of the check in the filter's ``row``."""
        assert self._model is not None
        return self._model.check_id(self.mapToSource(self.index(row, 0)).row())
