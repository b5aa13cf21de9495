"""A check's related checks at 20,000 checks: by the index's keys, or by reading every check.

run: .venv/bin/python benchmarks/bench_related.py [--checks 20000] [--runs 5]

Builds a store with big_store, opens it as the app does (the index read once), and prints the
median time of:
- ``Store.related(id)`` with the rows in memory (the editor's and review's panel);
- ``Store.related(id)`` in a fresh store opened lazily (``vastgoedcheck related ID``: the index
  read for it), whole-process time of the command as well;
- the same answer made by reading every check file and working out its keys (no keys in the
  index);
- the one-time cost of opening a folder whose index was written by an app without the keys
  (every row made anew from the check files).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.big_store import BENCH_PASSPHRASE, folder_key_of, open_store, write_big_store  # noqa: E402
from vastgoedcheck.domain.related import check_keys, identity, related  # noqa: E402
from vastgoedcheck.packs.registry import PackRegistry  # noqa: E402
from vastgoedcheck.storage.store import Store  # noqa: E402


def median_seconds(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def by_reading_every_check(store: Store, check_id: str) -> list[str]:
    keys = check_keys(store.get(check_id))
    others = []
    for path in store.layout.checks.glob("*.json"):
        other = store.get(path.stem)
        others.append((other.id, other.created_at, check_keys(other)))
    return [item.check_id for item in related(check_id, keys, others)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checks", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    registry = PackRegistry.builtin()
    with tempfile.TemporaryDirectory() as temporary:
        folder = write_big_store(Path(temporary) / "data", registry, args.checks)
        with open_store(folder, registry, actor="bench") as store:
            summaries = store.summaries()
            # the check whose keys come up most often (made-up people share names and birth
            # dates): the panel's worst case here
            counts: dict[str, int] = {}
            for s in summaries:
                for key in s.match_keys:
                    counts[identity(key)] = counts.get(identity(key), 0) + 1
            check_id = max(
                summaries, key=lambda s: sum(counts[identity(k)] for k in s.match_keys)
            ).id
            found = [item.summary.id for item in store.related(check_id)]
            in_memory = median_seconds(lambda: store.related(check_id), args.runs)
            naive_runs = max(1, args.runs // 5)
            naive = median_seconds(lambda: by_reading_every_check(store, check_id), naive_runs)
            assert sorted(by_reading_every_check(store, check_id)) == sorted(found)

        def lazily() -> None:
            with open_store(folder, registry, actor="bench", lazy_index=True) as fresh:
                fresh.related(check_id)

        lazy = median_seconds(lazily, args.runs)
        env = {
            **os.environ,
            "VASTGOEDCHECK_DATA_DIR": str(folder),
            "VASTGOEDCHECK_PASSPHRASE": BENCH_PASSPHRASE,
        }
        command = [sys.executable, "-m", "vastgoedcheck", "related", check_id]
        process = median_seconds(
            lambda: subprocess.run(command, env=env, capture_output=True, check=True), args.runs
        )

        index = folder / "index.json"
        key = folder_key_of(folder)
        old = key.open(index.read_bytes(), index.name).replace(b',"rows":2', b"")
        index.write_bytes(key.seal(old, index.name))
        start = time.perf_counter()
        with open_store(folder, registry, actor="bench"):
            pass
        upgrade = time.perf_counter() - start
        start = time.perf_counter()
        with open_store(folder, registry, actor="bench"):
            pass
        normal = time.perf_counter() - start

    print(f"{args.checks:,} checks; the check asked about has {len(found)} related checks")
    print(f"related, rows in memory (the app's panel):     {in_memory * 1000:8.1f} ms")
    print(f"related, fresh lazy store (index read for it): {lazy * 1000:8.1f} ms")
    print(f"vastgoedcheck related ID, whole process:        {process * 1000:8.1f} ms")
    print(f"reading every check and its keys instead:      {naive * 1000:8.1f} ms")
    print(f"first open after the upgrade (rows made anew): {upgrade * 1000:8.1f} ms")
    print(f"open afterwards:                               {normal * 1000:8.1f} ms")
    json.dumps(found)


if __name__ == "__main__":
    main()
