"""What retention costs in a big store; run: .venv/bin/python benchmarks/bench_retention.py

Prints, for a store of --checks checks (made as benchmarks/bench_store.py makes them, written by
an earlier version: their summary rows carry no retention dates) with --backups daily backups:
- the first listing of what is due (each check's dates are worked out once, then kept in the
  index), and the listing after that;
- erasing one check on request: the check's files, the index rewritten, every backup rewritten;
- erasing ten checks at once (as ``retention --apply`` does): each backup rewritten once.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.bench_store import generate  # noqa: E402
from benchmarks.big_store import folder_key_of  # noqa: E402
from vastgoedcheck.packs.registry import PackRegistry  # noqa: E402
from vastgoedcheck.storage.store import Store  # noqa: E402


def timed(action):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checks", type=int, default=20_000)
    parser.add_argument("--backups", type=int, default=7)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="bench-retention-"))
    try:
        registry = PackRegistry.builtin()
        made, variants = timed(lambda: generate(root, args.checks, registry, with_plain=False))
        print(f"{args.checks} checks made in {made:.0f} s")
        key = folder_key_of(variants.store)  # the checks are sealed, as the app seals them
        store = Store.open(variants.store, registry, key=key, actor="bench")
        try:
            start = dt.date(2026, 1, 1)
            for day in range(args.backups):
                store.daily_backup(start + dt.timedelta(days=day))
            size = sum(p.stat().st_size for p in store.layout.backups.glob("*.zip"))
            print(f"{args.backups} backups, {size / 1e6:.0f} MB together")
            later = dt.date.today() + dt.timedelta(days=3 * 365)
            first, due = timed(lambda: store.due(later))
            again, _due = timed(lambda: store.due(later))
            print(f"due(): first listing {first:.2f} s ({len(due)} due), after that {again:.3f} s")
            ids = [summary.id for summary in store.summaries()]
            one, _record = timed(lambda: store.erase(ids[0], reason="benchmark", on_request=True))
            print(f"erase one check (files, index, {args.backups} backups): {one:.2f} s")
            ten, _records = timed(
                lambda: store.erase_many(ids[1:11], reason="benchmark", on_request=True)
            )
            print(f"erase ten checks at once: {ten:.2f} s")
        finally:
            store.close()
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
