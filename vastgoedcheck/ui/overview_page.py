"""The overview of all checks: search, filters, the table, and a welcome on the first run."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vastgoedcheck.domain.assessment import Outcome
from vastgoedcheck.domain.check import Status
from vastgoedcheck.domain.decisions import REPORT_UNSPECIFIED, DecisionCode
from vastgoedcheck.i18n import _, current_language, ngettext
from vastgoedcheck.i18n.formatting import (
    format_date,
    format_number,
    format_short_date,
    format_time,
)
from vastgoedcheck.i18n.labels import status_label
from vastgoedcheck.i18n.outcome_text import decision_label, outcome_label, stop_label
from vastgoedcheck.storage.store import Store
from vastgoedcheck.ui.feedback import attempt
from vastgoedcheck.ui.icons import outcome_icon
from vastgoedcheck.ui.overview_filter import DUE, OverviewFilter, Period
from vastgoedcheck.ui.overview_model import (
    REPORT_CELLS,
    REPORT_LABELS,
    STOP,
    Column,
    OverviewModel,
)
from vastgoedcheck.ui.retention_words import DUE_LABELS, ERASE, REVIEW
from vastgoedcheck.ui.welcome_panel import make_welcome

SEARCH_DELAY_MS = 250  # filter once typing pauses, not at every key
_WIDEST_DATE = dt.date(2026, 9, 30)  # "30 September 2026": about the longest date written


class ChecksTable(QTableView):
    """The table of checks; Enter or Return opens the current check (as a double click does)."""

    open_current = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_current.emit()
            event.accept()
            return
        super().keyPressEvent(event)


FILTER_WIDTH_IN_CHARACTERS = 11


class OverviewPage(QWidget):
    """Every check in the store, newest change first; opens one or starts a new one."""

    open_requested = Signal(str)  # the id of the check to open
    new_requested = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None, *, fill: bool = True) -> None:
        """Without ``fill`` the page waits for ``refresh`` (the window is shown first)."""
        super().__init__(parent)
        self.store = store
        self.setObjectName("overviewPage")
        self.model = OverviewModel(self)
        self.proxy = OverviewFilter(self)
        self.proxy.setSourceModel(self.model)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)

        self.stack = QStackedWidget()
        self.stack.setObjectName("overviewStack")
        self.welcome, self.welcome_new = make_welcome()
        self.welcome_new.clicked.connect(self.new_requested)
        self.list_panel = self._make_list()
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.list_panel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        if fill:
            self.refresh()
        else:
            self.stack.setCurrentWidget(self.list_panel)
            self.count_label.setText(_("Listing the checks…"))

    # -- building --------------------------------------------------------------------------

    def _make_list(self) -> QWidget:
        panel = QWidget()
        panel.setObjectName("checksPanel")

        self.search = QLineEdit()
        self.search.setObjectName("overviewSearch")
        self.search.setPlaceholderText(
            _("Search names, addresses, postcodes, KVK numbers, references…")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(_("Search checks"))
        self.search.textChanged.connect(self._search_typed)
        self.search.returnPressed.connect(self._apply_search)
        self.search.installEventFilter(self)
        search_label = QLabel(_("&Search"))
        search_label.setBuddy(self.search)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # not on other pages
        find.activated.connect(self._focus_search)
        find.setWhatsThis(_("Go to the search box"))  # Help → Keyboard shortcuts lists it
        find.setProperty("where", _("All checks"))

        self.new_button = QPushButton(_("&New check"))
        self.new_button.setObjectName("newCheck")
        self.new_button.clicked.connect(self.new_requested)

        self.retention_filter = self._combo("retentionFilter")
        for text, due in (
            (_("Any retention"), None),
            (_("To be erased or reviewed"), DUE),
            (_("To be erased"), ERASE),
            (_("To be reviewed"), REVIEW),
        ):
            self.retention_filter.addItem(text, due)
        # the top row has room: every choice is shown whole
        self.retention_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        retention_label = QLabel(_("R&etention"))
        retention_label.setBuddy(self.retention_filter)

        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        top.addWidget(retention_label)  # the filter row below is full on a small screen
        top.addWidget(self.retention_filter)
        top.addWidget(self.new_button)

        self.status_filter = self._combo("statusFilter")
        self.status_filter.addItem(_("All statuses"), None)
        for status in Status:
            self.status_filter.addItem(status_label(status), status.value)
        self.checklist_filter = self._combo("checklistFilter")
        self.checklist_filter.addItem(_("All checklists"), None)
        self.outcome_filter = self._combo("outcomeFilter")
        self.outcome_filter.addItem(_("All outcomes"), None)
        for outcome in Outcome:
            self.outcome_filter.addItem(outcome_icon(outcome), outcome_label(outcome), outcome.code)
        self.outcome_filter.addItem(outcome_icon(Outcome.PROCEED, True), stop_label(), STOP)
        self.decision_filter = self._combo("decisionFilter")
        self.decision_filter.addItem(_("All decisions"), None)
        self.decision_filter.addItem(_("No decision yet"), "")
        for decided in DecisionCode:
            self.decision_filter.addItem(decision_label(decided, True), decided.value)
        # an earlier version's report decision, whose channel was not recorded
        self.decision_filter.addItem(decision_label(REPORT_UNSPECIFIED, False), REPORT_UNSPECIFIED)
        self.report_filter = self._combo("reportFilter")
        self.report_filter.addItem(_("Reported or not"), None)
        for code, report in REPORT_LABELS.items():
            self.report_filter.addItem(_(report), code)
        self.period_filter = self._combo("periodFilter")
        for period, text in (
            (Period.ANY, _("Any time")),
            (Period.WEEK, _("Last 7 days")),
            (Period.MONTH, _("Last 30 days")),
            (Period.YEAR, _("Last 12 months")),
        ):
            self.period_filter.addItem(text, period.value)

        filters = QHBoxLayout()
        for text, combo in (
            (_("S&tatus"), self.status_filter),
            (_("Check&list"), self.checklist_filter),
            (_("&Outcome"), self.outcome_filter),
            (_("&Decision"), self.decision_filter),
            (_("Re&port"), self.report_filter),
            (_("C&hanged"), self.period_filter),
        ):
            label = QLabel(text)
            label.setBuddy(combo)
            filters.addWidget(label)
            filters.addWidget(combo)
            filters.addSpacing(label.fontMetrics().averageCharWidth() * 2)
        self.filter_combos = (
            self.status_filter,
            self.checklist_filter,
            self.outcome_filter,
            self.decision_filter,
            self.report_filter,
            self.period_filter,
            self.retention_filter,
        )
        for combo in self.filter_combos:
            combo.currentIndexChanged.connect(self._filters_chosen)
        filters.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("checkCount")
        top.insertWidget(2, self.count_label)

        self.table = self._make_table()

        self.no_match = QWidget()
        self.no_match.setObjectName("noMatchPanel")
        message = QLabel(_("No checks match your search and filters."))
        message.setObjectName("noMatchText")
        message.setWordWrap(True)
        message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clear_button = QPushButton(_("Clear &filters"))
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.clicked.connect(self.clear_filters)
        no_match_layout = QVBoxLayout(self.no_match)
        no_match_layout.addStretch(1)
        no_match_layout.addWidget(message)
        no_match_layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignCenter)
        no_match_layout.addStretch(2)

        self.results = QStackedWidget()
        self.results.setObjectName("resultsStack")
        self.results.addWidget(self.table)
        self.results.addWidget(self.no_match)

        layout = QVBoxLayout(panel)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.results, 1)

        order = [
            self.search,
            self.retention_filter,
            self.new_button,
            self.status_filter,
            self.checklist_filter,
            self.outcome_filter,
            self.decision_filter,
            self.report_filter,
            self.period_filter,
            self.table,
            self.clear_button,
        ]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        return panel

    def _combo(self, name: str) -> QComboBox:
        """A filter: as wide as a short choice, so the row fits a small or 200 % screen (the
        list that drops down shows the long choices whole)."""
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(FILTER_WIDTH_IN_CHARACTERS)
        return combo

    def _make_table(self) -> ChecksTable:
        table = ChecksTable()
        table.setObjectName("checksTable")
        table.setAccessibleName(_("Checks"))
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move inside it
        table.verticalHeader().hide()
        rows = table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(round(table.fontMetrics().lineSpacing() * 1.7))
        header = table.horizontalHeader()
        header.setSectionsMovable(False)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        metrics = table.fontMetrics()
        em = metrics.horizontalAdvance("M")
        padding = 2 * em
        for column in (Column.PARTIES, Column.ADDRESS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        widest_date = metrics.horizontalAdvance(format_date(_WIDEST_DATE))
        moment = dt.datetime.combine(_WIDEST_DATE, dt.time(23, 59))
        widest_moment = metrics.horizontalAdvance(f"30-09-2026 {format_time(moment)}")
        widths = {
            Column.REFERENCE: 7 * em,
            Column.DECISION: 9 * em,
            Column.REPORT: max(metrics.horizontalAdvance(_(t)) for t in REPORT_CELLS.values() if t),
            Column.CHECKLIST: 11 * em,
            Column.STATUS: max(metrics.horizontalAdvance(status_label(s)) for s in Status),
            Column.OUTCOME: min(
                12 * em,
                em + max(metrics.horizontalAdvance(outcome_label(o)) for o in Outcome),
            ),
            Column.CHANGED: widest_moment,
            Column.CREATED: widest_date,
            Column.RETENTION: max(
                metrics.horizontalAdvance(format_short_date(_WIDEST_DATE)),
                *(metrics.horizontalAdvance(_(label)) for label in DUE_LABELS.values()),
            ),
        }
        for column, width in widths.items():
            header_text = self.model.headerData(column, Qt.Orientation.Horizontal)
            width = max(width, metrics.horizontalAdvance(str(header_text)) + em)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width + padding)
        header.setSortIndicator(Column.CHANGED, Qt.SortOrder.DescendingOrder)
        table.setSortingEnabled(True)
        table.doubleClicked.connect(self._open_index)
        table.open_current.connect(self._open_current)
        return table

    # -- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the checks again; the sort, the filters and the selected check stay."""
        summaries = attempt(self, self.store.summaries)
        if summaries is None:
            return
        selected = self.selected_check()
        self._fill_checklists({summary.pack for summary in summaries})
        if self.proxy.period is not Period.ANY:
            self.proxy.set_period(self.proxy.period)  # "the last 7 days" from now on
        self.model.set_summaries(summaries, self.store.registry)
        if selected is not None:
            self.select_check(selected, reveal=False)
        self._update_state()

    def _fill_checklists(self, used: set[str]) -> None:
        """The checklists on offer: the installed ones and any that a stored check uses."""
        language = current_language()
        titles = {pack.id: pack.title.get(language) for pack in self.store.registry.latest()}
        for pack_id in used - titles.keys():
            titles[pack_id] = pack_id
        combo = self.checklist_filter
        chosen = combo.currentData()
        combo.blockSignals(True)
        try:
            while combo.count() > 1:
                combo.removeItem(1)
            for pack_id, title in sorted(titles.items(), key=lambda item: item[1].casefold()):
                combo.addItem(title, pack_id)
            found = combo.findData(chosen) if chosen is not None else 0
            combo.setCurrentIndex(max(found, 0))
        finally:
            combo.blockSignals(False)
        if chosen is not None and combo.currentData() != chosen:
            self.proxy.set_pack(None)  # the checklist is no longer there

    # -- selecting and opening -------------------------------------------------------------

    def selected_check(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.check_id(rows[0].row()) if rows else None

    def select_check(self, check_id: str, *, reveal: bool = True) -> bool:
        """Select the check and scroll to it; with ``reveal`` the filters are cleared when they
        hide it. False when the store has no such check (or it stays hidden)."""
        row = self.model.row_of(check_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid() and reveal:
            self.clear_filters()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(self.proxy.check_id(index.row()))

    def _open_current(self) -> None:
        self._open_index(self.table.currentIndex())

    # -- searching and filtering -----------------------------------------------------------

    def _search_typed(self, text: str) -> None:
        if text.strip():
            self._search_timer.start()
        else:  # cleared: show everything at once
            self._apply_search()

    def _apply_search(self) -> None:
        self._search_timer.stop()
        self.proxy.set_search(self.search.text())
        self._update_state()

    def _filters_chosen(self) -> None:
        self.proxy.set_status(self.status_filter.currentData())
        self.proxy.set_pack(self.checklist_filter.currentData())
        self.proxy.set_outcome(self.outcome_filter.currentData())
        self.proxy.set_decision(self.decision_filter.currentData())
        self.proxy.set_report_status(self.report_filter.currentData())
        self.proxy.set_period(Period(self.period_filter.currentData() or Period.ANY.value))
        self.proxy.set_retention(self.retention_filter.currentData())
        self._update_state()

    def clear_filters(self) -> None:
        """Empty the search and show every status, checklist, outcome, decision, report status
        and period."""
        self._search_timer.stop()
        blockers = [QSignalBlocker(widget) for widget in (self.search, *self.filter_combos)]
        self.search.clear()
        for combo in self.filter_combos:
            combo.setCurrentIndex(0)
        for blocker in blockers:
            blocker.unblock()
        self.proxy.clear()
        self._update_state()

    def _focus_search(self) -> None:
        if self.stack.currentWidget() is self.list_panel:
            self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.search.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The Down arrow in the search box moves on to the table, at its first row."""
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.proxy.rowCount() > 0
        ):
            self._apply_search()
            if not self.table.currentIndex().isValid():
                flags = (
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows
                )
                self.table.selectionModel().setCurrentIndex(self.proxy.index(0, 0), flags)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return super().eventFilter(watched, event)

    # -- what is shown ---------------------------------------------------------------------

    def _update_state(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        if shown == total:
            text = ngettext("{total} check", "{total} checks", total)
        else:
            text = ngettext("{shown} of {total} check", "{shown} of {total} checks", total)
        self.count_label.setText(
            text.format(shown=format_number(shown), total=format_number(total))
        )
        self.stack.setCurrentWidget(self.welcome if total == 0 else self.list_panel)
        self.results.setCurrentWidget(self.table if shown or not total else self.no_match)
