"""How the checks overview holds up with 20,000 checks; run: python benchmarks/bench_overview.py

Prints, in one run, at --checks checks (default 20,000) in a real store (made by big_store.py:
real check files, then the store's own index rebuild):
- opening the store and listing every summary (first open rebuilds the index; then a clean open);
- ``OverviewModel.set_summaries`` (formatting every row once): the first call of the process
  (every date is formatted then), a new model (every row formatted), and the same summaries
  again (a refresh: unchanged rows are reused); the whole ``OverviewPage`` built, and refreshed;
- one search keystroke (the filter change after the pause in typing, with the table on screen),
  one sort by a column header, each the median of several;
- memory: the Python objects the model keeps (tracemalloc), and the growth of resident memory
  in a fresh process per variant;
- the obvious alternative in the same run: a ``QStandardItemModel`` filled with the same
  20,000 × 7 texts (and sort keys in an item role) behind a ``QSortFilterProxyModel``: its
  built-in fixed-string filter over all columns (case-insensitive, but not accent-insensitive
  and not word by word), and a filter that reads an accent-folded search text from an item role
  (what matching like ours takes there), with sorting by the proxy on the sort-key role.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt  # noqa: E402
from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402

from benchmarks.big_store import open_store, write_big_store  # noqa: E402
from vastgoedcheck.i18n import set_language  # noqa: E402
from vastgoedcheck.packs.registry import PackRegistry  # noqa: E402
from vastgoedcheck.storage.summary import Summary, search_key  # noqa: E402
from vastgoedcheck.ui.overview_model import Column, OverviewModel, OverviewRow  # noqa: E402
from vastgoedcheck.ui.overview_page import OverviewPage  # noqa: E402

ACTOR = "M. Jansen"
# What a user types, one keystroke at a time; each prefix is one filter change.
TYPED = ("kowalski", "celik utrecht")
SORTS = (
    (Column.OUTCOME, Qt.SortOrder.DescendingOrder),
    (Column.PARTIES, Qt.SortOrder.AscendingOrder),
    (Column.CREATED, Qt.SortOrder.AscendingOrder),
    (Column.CHANGED, Qt.SortOrder.DescendingOrder),
)
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2  # the alternative's folded search text (column 0)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

TARGET_LOAD_S = 1.5  # store open + summaries + page, at 20,000 checks
TARGET_KEYSTROKE_MS = 150.0  # one filter change, on top of the 250 ms pause in typing
TARGET_SORT_MS = 250.0


# -- measuring -----------------------------------------------------------------------------


def timed(action: Callable[[], object]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def median_s(action: Callable[[], object], repeat: int) -> float:
    return statistics.median(timed(action)[0] for _ in range(repeat))


def keystrokes(words: tuple[str, ...]) -> list[str]:
    """Every text the search box holds while ``words`` are typed, each followed by clearing."""
    texts: list[str] = []
    for word in words:
        texts += [word[:n] for n in range(1, len(word) + 1)]
        texts.append("")
    return texts


def memory_kib() -> tuple[int, int]:
    """(resident now, peak resident) of this process in KiB (Linux; 0, 0 elsewhere)."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return 0, 0
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    return int(fields["VmRSS"].split()[0]), int(fields["VmHWM"].split()[0])


def reset_peak() -> None:
    with suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def verdict(met: bool) -> str:
    return "ok" if met else "MISSED"


# -- the alternative: QStandardItemModel behind a QSortFilterProxyModel ----------------------


def standard_model(rows: list[OverviewRow]) -> QStandardItemModel:
    """The same texts as ``rows``, one QStandardItem per cell, sort keys in SORT_ROLE and the
    folded search text in SEARCH_ROLE of the first column."""
    model = QStandardItemModel(0, len(Column))
    for row in rows:
        items = []
        for column, text in enumerate(row.texts):
            item = QStandardItem(text)
            item.setEditable(False)
            item.setData(row.keys[column], SORT_ROLE)
            items.append(item)
        items[0].setData(row.filter_text, SEARCH_ROLE)
        model.appendRow(items)
    return model


class FoldedSearchFilter(QSortFilterProxyModel):
    """What matching every word without accents takes over a QStandardItemModel: read the
    folded search text of each row from its item."""

    def __init__(self) -> None:
        super().__init__()
        self.words: list[str] = []

    def set_words(self, text: str) -> None:
        self.beginFilterChange()
        self.words = search_key(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self.words:
            return True
        text = self.sourceModel().index(row, 0).data(SEARCH_ROLE)
        return all(word in text for word in self.words)


def shown_table(model: Any) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSortingEnabled(True)
    table.resize(1200, 700)
    table.show()
    QApplication.processEvents()
    return table


def keystroke_timings(apply: Callable[[str], None], texts: list[str]) -> list[float]:
    timings = []
    for text in texts:
        start = time.perf_counter()
        apply(text)
        QApplication.processEvents()  # the table repaints
        timings.append((time.perf_counter() - start) * 1000)
    return timings


def sort_timings(table: QTableView) -> list[float]:
    """Sort as a click on a column header does: the header's sort indicator changes."""
    header = table.horizontalHeader()
    timings = []
    for column, order in SORTS:
        start = time.perf_counter()
        header.setSortIndicator(column, order)
        QApplication.processEvents()
        timings.append((time.perf_counter() - start) * 1000)
    return timings


def ms_line(label: str, timings: list[float], note: str = "") -> None:
    print(
        f"  {label:<48}median {statistics.median(timings):7.1f}   max {max(timings):7.1f}"
        f"   (n={len(timings)}){('   ' + note) if note else ''}"
    )


# -- fresh processes for memory ------------------------------------------------------------


def child(variant: str, folder: Path) -> None:
    """Open the store, list everything, then build one variant's model; print resident sizes."""
    app = QApplication([])
    set_language("en")
    registry = PackRegistry.builtin()
    with open_store(folder, registry, actor=ACTOR) as store:
        summaries = store.summaries()
    model = OverviewModel()
    if variant == "standard":  # format with our model once, keep only the items
        model.set_summaries(summaries, registry)
        rows = model.rows
        model = OverviewModel()
        gc.collect()
        reset_peak()
        before, _peak = memory_kib()
        start = time.perf_counter()
        kept: Any = standard_model(rows)
        del rows
    else:
        gc.collect()
        reset_peak()
        before, _peak = memory_kib()
        start = time.perf_counter()
        model.set_summaries(summaries, registry)
        kept = model
    seconds = time.perf_counter() - start
    del summaries
    gc.collect()
    after, peak = memory_kib()
    print(json.dumps({"before": before, "after": after, "peak": peak, "seconds": seconds}))
    del kept, app


def in_child(variant: str, folder: Path) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", variant, "--folder", str(folder)]
    done = subprocess.run(command, capture_output=True, check=True, text=True, encoding="utf-8")
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


# -- the run -------------------------------------------------------------------------------


def run(folder: Path, count: int) -> None:
    app = QApplication.instance() or QApplication([])
    set_language("en")
    registry = PackRegistry.builtin()
    load = f", load average {os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else ""
    print(
        f"{count:,} checks in {folder} ({os.cpu_count()} CPUs{load}; Qt platform "
        f"{QApplication.platformName()})"
    )

    # 1: the store
    if not (folder / "meta.json").exists():
        seconds, _folder = timed(lambda: write_big_store(folder, registry, count))
        print(f"generated {count:,} check files in {seconds:.1f} s (not part of the app)")
    seconds, store = timed(lambda: open_store(folder, registry, actor=ACTOR))
    print(f"\nstore: first open, rebuilding the index from the check files: {seconds:.2f} s")
    store.close()

    def open_and_list() -> list[Summary]:
        with open_store(folder, registry, actor=ACTOR) as opened:
            return opened.summaries()

    open_list = median_s(open_and_list, 5)
    summaries = open_and_list()
    assert len(summaries) == count, f"{len(summaries)} summaries, {count} expected"
    print(f"store: open + summaries() after a clean close: {open_list:.3f} s (median of 5)")

    # 2: formatting
    print(f"\nOverviewModel.set_summaries, {count:,} rows (s)")
    model = OverviewModel()
    first, _ = timed(lambda: model.set_summaries(summaries, registry))
    anew = median_s(lambda: OverviewModel().set_summaries(summaries, registry), 5)
    same = median_s(lambda: model.set_summaries(summaries, registry), 5)
    for label, seconds in (
        ("first call of the process (every date formatted)", first),
        ("a new model: every row formatted (median of 5)", anew),
        ("the same summaries again: rows reused (median of 5)", same),
    ):
        print(f"  {label:<56}{seconds:7.3f}")
    gc.collect()
    tracemalloc.start()
    fresh = OverviewModel()
    fresh.set_summaries(summaries, registry)
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"  Python memory the model keeps: {current / 2**20:.1f} MiB "
        f"(peak while formatting {peak / 2**20:.1f} MiB; tracemalloc)"
    )
    del fresh

    store = open_store(folder, registry, actor=ACTOR)
    try:
        built, page = timed(lambda: OverviewPage(store))
        page.resize(1200, 700)
        page.show()
        app.processEvents()
        refresh = median_s(page.refresh, 5)
        total = open_list + built
        print(
            f"  OverviewPage built (summaries + set_summaries + widgets): {built:.3f} s; "
            f"refresh(): {refresh:.3f} s (median of 5)"
        )
        print(
            f"  store open + list + page: {total:.2f} s; target ≤ {TARGET_LOAD_S:g} s: "
            f"{verdict(total <= TARGET_LOAD_S)}"
        )

        # 3: keystrokes and sorting, the table on screen
        texts = keystrokes(TYPED)
        print(
            f"\none search keystroke (filter change + repaint, ms; typing {' and '.join(TYPED)!r}"
            f" letter by letter, then clearing; N={count:,})"
        )

        def type_into_page(text: str) -> None:
            page.search.setText(text)
            page.search.returnPressed.emit()  # filter now rather than after the pause

        ours_keys = keystroke_timings(type_into_page, texts)
        median_key = statistics.median(ours_keys)
        ms_line(
            "ours: OverviewFilter",
            ours_keys,
            f"target ≤ {TARGET_KEYSTROKE_MS:g}: {verdict(median_key <= TARGET_KEYSTROKE_MS)}",
        )
        found_ours = {}
        for text in ("celik", "Çelik", "celik utrecht"):
            type_into_page(text)
            found_ours[text] = page.proxy.rowCount()
        type_into_page("")

        print(f"\none sort by a column header (sort + repaint, ms; N={count:,})")
        ours_sorts = sort_timings(page.table)
        ms_line(
            "ours: OverviewModel.sort (via the proxy)",
            ours_sorts,
            f"target ≤ {TARGET_SORT_MS:g}: "
            f"{verdict(statistics.median(ours_sorts) <= TARGET_SORT_MS)}",
        )
        rows = list(page.model.rows)
        page.hide()
    finally:
        store.close()

    # 4: the alternative
    print(f"\nthe alternative: QStandardItemModel, {count:,} × {len(Column)} items")
    filled, standard = timed(lambda: standard_model(rows))
    print(f"  filling it with the formatted texts: {filled:.3f} s (on top of the formatting)")
    plain = QSortFilterProxyModel()
    plain.setSourceModel(standard)
    plain.setFilterKeyColumn(-1)
    plain.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    plain.setSortRole(SORT_ROLE)
    plain_table = shown_table(plain)
    plain_keys = keystroke_timings(plain.setFilterFixedString, texts)
    found_plain = {}
    for text in found_ours:
        plain.setFilterFixedString(text)
        found_plain[text] = plain.rowCount()
    plain.setFilterFixedString("")
    plain_sorts = sort_timings(plain_table)
    plain_table.hide()
    folded = FoldedSearchFilter()
    folded.setSourceModel(standard)
    folded.setSortRole(SORT_ROLE)
    folded_table = shown_table(folded)
    folded_keys = keystroke_timings(folded.set_words, texts)
    folded_sorts = sort_timings(folded_table)
    folded_table.hide()

    print("  one search keystroke (ms, as above)")
    ms_line("ours: OverviewFilter", ours_keys)
    ms_line("standard proxy, setFilterFixedString", plain_keys)
    ms_line("proxy reading a folded text from an item role", folded_keys)
    print("  one sort (ms, as above)")
    ms_line("ours: OverviewModel.sort", ours_sorts)
    ms_line("standard proxy on the sort-key role", plain_sorts)
    ms_line("folded-search proxy on the sort-key role", folded_sorts)
    print("  found (ours / standard fixed string):")
    for text, number in found_ours.items():
        print(f"    {text!r:<18}{number:7,} / {found_plain[text]:7,}")

    # 5: memory, each variant alone in a fresh process
    print(
        f"\nfresh process: resident memory added by the model of {count:,} checks "
        "(MiB; after opening the store and listing the summaries)"
    )
    for label, variant in (("ours: OverviewModel", "ours"), ("QStandardItemModel", "standard")):
        result = in_child(variant, folder)
        kept = (result["after"] - result["before"]) / 1024
        peak = (result["peak"] - result["before"]) / 1024
        print(
            f"  {label:<22}kept {kept:7.1f}   peak {peak:7.1f}   "
            f"(built in {result['seconds']:.3f} s; before: {result['before'] / 1024:.1f})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checks", type=int, default=20_000, help="checks in the store")
    parser.add_argument(
        "--folder", type=Path, help="the store folder; made if missing, kept (default: temporary)"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.folder)
        return
    run_start = time.perf_counter()
    root = Path(tempfile.mkdtemp(prefix="bench-overview-")) if args.folder is None else None
    try:
        run(args.folder or root / "store", args.checks)
    finally:
        if root is not None:
            shutil.rmtree(root, ignore_errors=True)
    print(f"\nwhole run: {time.perf_counter() - run_start:.0f} s")


if __name__ == "__main__":
    main()
