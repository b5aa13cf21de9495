"""The checks overview as a Qt table model: each check's summary formatted once, sorted by keys.

``OverviewModel`` formats each check's summary once, when the summaries are loaded, and keeps
a sort key per cell, so showing, sorting and filtering 20,000 checks never formats anything
again. It also sorts itself (Python's sort over those keys takes milliseconds; a
``QSortFilterProxyModel`` calling back into Python for every comparison takes seconds), and
``OverviewFilter`` (overview_filter.py) hands sorting on to it and only filters, comparing the
precomputed keys.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from vastgoedcheck.domain.assessment import Outcome
from vastgoedcheck.domain.check import Status
from vastgoedcheck.i18n import N_, _, current_language
from vastgoedcheck.i18n.completeness_text import incomplete_label
from vastgoedcheck.i18n.formatting import format_datetime, format_short_date, format_time
from vastgoedcheck.i18n.labels import status_label
from vastgoedcheck.i18n.outcome_text import decision_label, outcome_label, stop_label
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage.summary import Summary, search_key
from vastgoedcheck.ui.icons import incomplete_icon, outcome_icon
from vastgoedcheck.ui.retention_words import DUE_LABELS, ERASE, due_kind, retention_tip

ModelIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    PARTIES = 0
    ADDRESS = 1
    REFERENCE = 2
    CHECKLIST = 3
    STATUS = 4
    OUTCOME = 5
    DECISION = 6
    REPORT = 7
    CHANGED = 8
    CREATED = 9
    RETENTION = 10


HEADERS = {
    Column.PARTIES: N_("Parties"),
    Column.ADDRESS: N_("Address"),
    Column.REFERENCE: N_("Own reference"),
    Column.CHECKLIST: N_("Checklist"),
    Column.STATUS: N_("Status"),
    Column.OUTCOME: N_("Outcome"),
    Column.DECISION: N_("Decision"),
    Column.REPORT: N_("Report"),
    Column.CHANGED: N_("Changed"),
    Column.CREATED: N_("Created"),
    Column.RETENTION: N_("Kept until"),
}
# Whether a report was made, as the report filter offers it, and as a cell says it (a check with
# nothing recorded yet, "open", has an empty cell and says so to a screen reader and in a tip).
REPORT_LABELS = {
    "open": N_("No report recorded yet"),
    "reported": N_("Reported"),
    "not_reporting": N_("Decided not to report"),
}
REPORT_CELLS = {"open": "", "reported": N_("reported"), "not_reporting": N_("not reported")}
# The sort key of a cell: folded text, or a number (a moment in microseconds, an outcome rank).
SORT_KEY_ROLE = Qt.ItemDataRole.UserRole + 1
# The id of the check a row shows (the same in every column).
CHECK_ID_ROLE = Qt.ItemDataRole.UserRole + 2
# The outcome filter's value for a knock-out; otherwise it takes an outcome code.
STOP = "stop"
_STOP_RANK = max(Outcome) + 1  # a knock-out weighs more than any outcome
_OUTCOMES = {outcome.code: outcome for outcome in Outcome}
# Dates as shown, by language and day: a few thousand days at most, each formatted once.
_DATES: dict[tuple[str, dt.date], str] = {}


class OverviewRow:
    """One check, formatted for showing, with the keys for sorting and filtering."""

    __slots__ = (
        "changed",
        "check_id",
        "checklist_tip",
        "decision",
        "filter_outcome",
        "filter_text",
        "icon_outcome",
        "keys",
        "outcome_tip",
        "pack",
        "report_status",
        "retention_due",
        "status",
        "summary",
        "texts",
    )

    def __init__(
        self,
        summary: Summary,
        texts: tuple[str, ...],
        keys: tuple[Any, ...],
        tips: tuple[str, str | None],
        filter_text: str,
    ) -> None:
        self.summary = summary  # what the row was made from: a changed summary is made anew
        self.check_id = summary.id
        self.pack = summary.pack
        self.status = summary.status
        self.icon_outcome = _OUTCOMES.get(summary.outcome)
        self.filter_outcome = STOP if summary.stop else summary.outcome
        self.decision = summary.decision
        self.report_status = summary.report_status
        # "erase" or "review" when the check is due (retention_words.due_kind), else None
        self.retention_due = due_kind(summary.erase_on, summary.review_on, dt.date.today())
        self.texts = texts
        self.keys = keys
        self.checklist_tip, self.outcome_tip = tips  # shared by every row of the same kind
        # folded as the store searches (parties, KVK numbers, UBOs, representatives, address,
        # postcode with and without its space, town, own reference), and the checklist
        self.filter_text = filter_text
        self.changed: int = keys[Column.CHANGED]


class _Formatter:
    """Formats summaries in the current language, working out each repeated value once."""

    def __init__(self, registry: PackRegistry) -> None:
        self.registry = registry
        self.language = current_language()
        self._packs: dict[tuple[str, str], tuple[str, str, str]] = {}
        self._statuses: dict[str, tuple[str, str]] = {}
        self._outcomes: dict[tuple[str, bool, bool], tuple[str, int, str | None]] = {}
        self._decisions: dict[str, str] = {}
        self._folded: dict[str, str] = {}
        self.no_name = _("(no name yet)")
        self.today = dt.date.today()

    def _fold(self, text: str) -> str:
        """``search_key(text)``, quicker: plain ASCII only needs lower case, and names and
        towns come back often."""
        if text.isascii():
            return text.lower()
        found = self._folded.get(text)
        if found is None:
            found = self._folded[text] = search_key(text)
        return found

    def row(self, summary: Summary) -> OverviewRow:
        names = "; ".join(summary.parties)
        street, postcode, town = summary.address, summary.postcode, summary.city
        place = f"{postcode} {town}" if postcode and town else postcode or town
        address = f"{street}, {place}" if street and place else street or place
        title, title_key, title_tip = self._pack(summary.pack, summary.pack_version)
        status, status_key = self._status(summary.status)
        outcome, outcome_rank, outcome_tip = self._outcome(
            summary.outcome, summary.stop, summary.undecided
        )
        changed = summary.updated_at or summary.created_at
        parties_key = self._fold(names)
        address_key = self._fold(address)
        decision = self._decision(summary.decision)
        cell = REPORT_CELLS.get(summary.report_status, summary.report_status)
        report = _(cell) if cell else ""
        texts = (
            names or self.no_name,
            address,
            summary.reference,
            title,
            status,
            outcome,
            decision,
            report,
            self._moment(changed),
            self._date(summary.created_at),
            self._retention(summary),
        )
        keys = (
            parties_key,
            address_key,
            self._fold(summary.reference),
            title_key,
            status_key,
            outcome_rank,
            self._fold(decision),
            self._fold(report),
            microseconds(changed),
            microseconds(summary.created_at),
            _retention_key(summary),
        )
        searched = summary.search or f"{parties_key} {address_key} {postcode.replace(' ', '')}"
        filter_text = f"{searched} {title_key}"
        return OverviewRow(summary, texts, keys, (title_tip, outcome_tip), filter_text)

    def _pack(self, pack_id: str, version: str) -> tuple[str, str, str]:
        found = self._packs.get((pack_id, version))
        if found is None:
            pack = self.registry.get(pack_id, version) or self.registry.get(pack_id)
            title = pack.title.get(self.language) if pack is not None else pack_id
            tip = _("{title} (version {version})").format(title=title, version=version)
            found = self._packs[(pack_id, version)] = (title, search_key(title), tip)
        return found

    def _status(self, code: str) -> tuple[str, str]:
        found = self._statuses.get(code)
        if found is None:
            try:
                label = status_label(Status(code))
            except ValueError:
                label = code
            found = self._statuses[code] = (label, search_key(label))
        return found

    def _outcome(self, code: str, stop: bool, undecided: bool) -> tuple[str, int, str | None]:
        found = self._outcomes.get((code, stop, undecided))
        if found is None:
            outcome = _OUTCOMES.get(code)
            label = outcome_label(outcome) if outcome is not None else code
            if undecided and not stop:  # questions that decide the outcome are still open
                found = (incomplete_label(), -2, None)
            elif stop:
                tip = _("{stop}. Outcome: {outcome}").format(stop=stop_label(), outcome=label)
                found = (stop_label(), _STOP_RANK, tip)
            else:
                found = (label, -1 if outcome is None else int(outcome), None)
            self._outcomes[(code, stop, undecided)] = found
        return found

    def _decision(self, code: str) -> str:
        found = self._decisions.get(code)
        if found is None:
            try:
                # the row holds the decision as it means today: the scope no longer matters
                found = decision_label(code, False) if code else ""
            except KeyError:  # a decision this version does not know: its code
                found = code
            self._decisions[code] = found
        return found

    def _retention(self, summary: Summary) -> str:
        """ "to be erased" or "to be reviewed" when due, else the date the check is kept until."""
        due = due_kind(summary.erase_on, summary.review_on, self.today)
        if due is not None:
            return _(DUE_LABELS[due])
        if summary.erase_on is None:
            return ""
        key = (self.language, summary.erase_on)
        text = _DATES.get(key)
        if text is None:
            text = _DATES[key] = format_short_date(summary.erase_on)
        return text

    def _moment(self, moment: dt.datetime | None) -> str:
        """The date and time of day of a change: two changes on one day are told apart."""
        if moment is None:
            return ""
        return f"{self._date(moment)} {format_time(moment.astimezone())}"

    def _date(self, moment: dt.datetime | None) -> str:
        if moment is None:
            return ""
        key = (self.language, moment.astimezone().date())
        text = _DATES.get(key)
        if text is None:
            text = _DATES[key] = format_short_date(key[1])
        return text


def _retention_key(summary: Summary) -> int:
    """Due for erasure first, then due for a review, then by the date kept until (unknown last)."""
    due = due_kind(summary.erase_on, summary.review_on, dt.date.today())
    if due is not None:
        return 0 if due == ERASE else 1
    return 2 + summary.erase_on.toordinal() if summary.erase_on is not None else 10**7


def microseconds(moment: dt.datetime | None) -> int:
    """Microseconds since 1970, as the store's index counts them (0 for no moment)."""
    return 0 if moment is None else round(moment.timestamp() * 1e6)


def _moment_text(moment: dt.datetime | None) -> str | None:
    return None if moment is None else format_datetime(moment.astimezone())


class OverviewModel(QAbstractTableModel):
    """The checks as rows of pre-formatted cells; load them with ``set_summaries``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[OverviewRow] = []
        self.sort_column = int(Column.CHANGED)
        self.sort_order = Qt.SortOrder.DescendingOrder
        self._newest_first: list[OverviewRow] = []  # the base order; ties keep it
        self._sorted_as: tuple[int, Qt.SortOrder] | None = None
        self._positions: dict[str, int] | None = None
        self._made_for: tuple[str, PackRegistry] | None = None  # language and packs of rows

    # -- loading and finding ---------------------------------------------------------------

    def set_summaries(self, summaries: Sequence[Summary], registry: PackRegistry) -> None:
        """Show ``summaries`` in the current order. Each is formatted now, in the current
        language; a summary that is the same as at the last call keeps its formatted row."""
        formatter = _Formatter(registry)
        made: dict[str, OverviewRow] = {}
        if self._made_for == (formatter.language, registry):
            made = {row.check_id: row for row in self.rows}
        rows = []
        for summary in summaries:
            row = made.get(summary.id)
            if row is None or row.summary != summary:
                row = formatter.row(summary)
            rows.append(row)
        self.beginResetModel()
        self._made_for = (formatter.language, registry)
        self._newest_first = sorted(rows, key=_changed, reverse=True)
        self.rows = self._sorted()
        self._sorted_as = (self.sort_column, self.sort_order)
        self._positions = None
        self.endResetModel()

    def check_id(self, row: int) -> str:
        return self.rows[row].check_id

    def row_of(self, check_id: str) -> int | None:
        if self._positions is None:
            self._positions = {row.check_id: n for n, row in enumerate(self.rows)}
        return self._positions.get(check_id)

    # -- sorting ---------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column`` (-1: newest change first); equal keys keep newest change first."""
        self.sort_column, self.sort_order = column, order
        if not self.rows or self._sorted_as == (column, order):
            return  # already in this order (a view may ask twice)
        self.layoutAboutToBeChanged.emit()
        kept = self.persistentIndexList()
        kept_rows = [self.rows[index.row()] for index in kept]
        self.rows = self._sorted()
        self._sorted_as = (column, order)
        self._positions = None
        if kept:
            # a few indexes (the selection, the current cell): find each row where it went
            where: dict[int, int] = {}
            for row in kept_rows:
                if id(row) not in where:
                    where[id(row)] = self.rows.index(row)
            moved = [
                self.index(where[id(row)], index.column())
                for row, index in zip(kept_rows, kept, strict=True)
            ]
            self.changePersistentIndexList(kept, moved)
        self.layoutChanged.emit()

    def _sorted(self) -> list[OverviewRow]:
        column = self.sort_column
        if not 0 <= column < len(Column):
            return list(self._newest_first)
        descending = self.sort_order == Qt.SortOrder.DescendingOrder
        # stable, also when reversed: rows with equal keys stay newest change first
        return sorted(self._newest_first, key=lambda row: row.keys[column], reverse=descending)

    # -- the model -------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return _(HEADERS[Column(section)])
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row.texts[column]
        if role == SORT_KEY_ROLE:
            return row.keys[column]
        if role == CHECK_ID_ROLE:
            return row.check_id
        if role == Qt.ItemDataRole.DecorationRole:
            if column == Column.OUTCOME and row.summary.undecided and not row.summary.stop:
                return incomplete_icon()
            if column == Column.OUTCOME and row.icon_outcome is not None:
                return outcome_icon(row.icon_outcome, row.summary.stop)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(row, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column in (
                Column.PARTIES,
                Column.OUTCOME,
                Column.REPORT,
                Column.CHANGED,
                Column.CREATED,
                Column.RETENTION,
            ):
                return self._tip(row, column) or row.texts[column]
            return None
        return None

    def _tip(self, row: OverviewRow, column: int) -> str | None:
        summary = row.summary
        if column == Column.CHANGED:
            return _moment_text(summary.updated_at or summary.created_at)
        if column == Column.CREATED:
            return _moment_text(summary.created_at)
        if column == Column.STATUS and summary.finalized_at is not None:
            return _("Finalized {moment}").format(moment=_moment_text(summary.finalized_at))
        if column == Column.PARTIES:
            return "\n".join(summary.parties) or None
        if column == Column.ADDRESS:
            return row.texts[column] or None
        if column == Column.CHECKLIST:
            return row.checklist_tip
        if column == Column.REPORT:
            label = REPORT_LABELS.get(summary.report_status)
            return _(label) if label else None
        if column == Column.OUTCOME:
            return row.outcome_tip
        if column == Column.RETENTION:
            return retention_tip(summary)
        return None


def _changed(row: OverviewRow) -> int:
    return row.changed
