"""What the Windows/macOS safeguards cost; run: .venv/bin/python benchmarks/bench_platform.py

Prints:
- the pause of today's automatic backup, now made a moment after the app starts (and hourly),
  at 200, 2,000 and --checks checks: the same work the app did before when its window closed,
  only earlier in the day, so that a logout or shutdown with the app open no longer skips it;
- recognising an attachment by its first bytes (shown beside every attachment, and deciding
  whether it may be opened) against guessing from its name, per attachment;
- making and removing a viewing copy (read-only, as on Windows).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.big_store import open_store, write_big_store  # noqa: E402
from vastgoedcheck.file_types import HEAD_BYTES, detect, media_type_of  # noqa: E402
from vastgoedcheck.packs.registry import PackRegistry  # noqa: E402
from vastgoedcheck.ui.viewing_copies import ViewingCopies  # noqa: E402


def backup_pause(root: Path, registry: PackRegistry, count: int) -> tuple[float, float]:
    """Seconds of the day's first backup, and of each later check that finds it made."""
    folder = write_big_store(root / f"store-{count}", registry, count)
    with open_store(folder, registry, actor="bench") as store:
        started = time.perf_counter()
        store.daily_backup(dt.date(2026, 12, 5))
        first = time.perf_counter() - started
        later = []
        for _ in range(20):
            started = time.perf_counter()
            store.daily_backup(dt.date(2026, 12, 5))
            later.append(time.perf_counter() - started)
    return first, statistics.median(later)


def per_attachment(root: Path, repeats: int) -> tuple[float, float]:
    """Microseconds to recognise a stored file by content, and to guess from its name."""
    stored = root / ("ab" * 32)
    stored.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200_000))
    started = time.perf_counter()
    for _ in range(repeats):
        with stored.open("rb") as handle:
            detect(handle.read(HEAD_BYTES))
    content = (time.perf_counter() - started) / repeats
    started = time.perf_counter()
    for _ in range(repeats):
        media_type_of("meterkast.jpg")
    name = (time.perf_counter() - started) / repeats
    return content * 1e6, name * 1e6


def viewing_copy(root: Path, repeats: int) -> tuple[float, float]:
    """Milliseconds to make a 2 MB viewing copy, and to remove a session's copies."""
    stored = root / ("cd" * 32)
    stored.write_bytes(b"%PDF-1.7\n" + bytes(2_000_000))
    made, removed = [], []
    for _ in range(repeats):
        copies = ViewingCopies(root)
        started = time.perf_counter()
        copies.copy(stored, "paspoort.pdf", detect(b"%PDF-"))
        made.append(time.perf_counter() - started)
        started = time.perf_counter()
        copies.remove()
        removed.append(time.perf_counter() - started)
    return statistics.median(made) * 1e3, statistics.median(removed) * 1e3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checks", type=int, default=20_000, help="the largest store")
    args = parser.parse_args()
    registry = PackRegistry.builtin()
    with tempfile.TemporaryDirectory(prefix="bench-platform-") as temporary:
        root = Path(temporary)
        print("Today's automatic backup (made once a day, soon after the start):")
        for count in sorted({200, 2_000, args.checks}):
            first, later = backup_pause(root, registry, count)
            print(
                f"  {count:>6,} checks: first backup {first:.2f} s; "
                f"each later hourly check {later * 1e3:.2f} ms"
            )
        content, name = per_attachment(root, 2_000)
        print("What an attachment is, per attachment shown:")
        print(f"  by its first {HEAD_BYTES} bytes: {content:.1f} µs; by its name: {name:.1f} µs")
        made, removed = viewing_copy(root, 20)
        print("A viewing copy of a 2 MB PDF:")
        print(f"  made in {made:.2f} ms; removed (read-only) in {removed:.2f} ms")


if __name__ == "__main__":
    main()
