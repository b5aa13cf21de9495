"""What checking a whole backup before a restore costs; run: .venv/bin/python
benchmarks/bench_restore.py [--checks 200 2000]

For each store size, prints:
- unpacking the backup only (``zipfile.extractall``: the obvious alternative, which checks
  nothing and is what a restore did before it read every check in full);
- staging: unpacking member by member within size limits, plus reading ``meta.json`` and every
  revision of every check as an import would (what ``restore`` now does before it changes
  anything), and the part of that spent on the checks;
- the whole ``Store.restore``: staging, the safety backup of the current state, the journaled
  switch, and rebuilding the index.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.big_store import open_store, write_big_store  # noqa: E402
from vastgoedcheck.packs.registry import PackRegistry  # noqa: E402
from vastgoedcheck.storage.backup_reading import stage_backup  # noqa: E402
from vastgoedcheck.storage.checks import damage_in  # noqa: E402
from vastgoedcheck.storage.layout import Layout  # noqa: E402
from vastgoedcheck.storage.meta import SCHEMA_VERSION  # noqa: E402


def _seconds(start: float) -> str:
    return f"{time.perf_counter() - start:7.2f} s"


def measure(count: int, registry: PackRegistry, work: Path) -> None:
    folder = write_big_store(work / f"store-{count}", registry, count)
    store = open_store(folder, registry, actor="bench")
    backup = work / f"backup-{count}.zip"
    store.backup(backup)
    print(f"{count:>6} checks, backup {backup.stat().st_size / 1e6:.1f} MB")

    plain = work / f"plain-{count}"
    start = time.perf_counter()
    with zipfile.ZipFile(backup) as archive:
        archive.extractall(plain)
    print(f"  unpack only (extractall)            {_seconds(start)}")
    shutil.rmtree(plain)

    checking = {"seconds": 0.0}

    def timed(path: Path, check_id: str) -> str | None:
        begin = time.perf_counter()
        try:
            return damage_in(registry, path, check_id)
        finally:
            checking["seconds"] += time.perf_counter() - begin

    scratch = Layout(work / f"scratch-{count}")
    scratch.root.mkdir()
    start = time.perf_counter()
    staged = stage_backup(scratch, backup, SCHEMA_VERSION, timed)
    print(f"  staging, every check read in full   {_seconds(start)}", end="")
    print(f"  (checks: {checking['seconds']:.2f} s, {staged.checks} restorable)")
    shutil.rmtree(scratch.root)

    start = time.perf_counter()
    store.restore(backup)
    print(f"  whole restore                       {_seconds(start)}")
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checks", type=int, nargs="+", default=[200, 2000])
    args = parser.parse_args()
    registry = PackRegistry.builtin()
    with tempfile.TemporaryDirectory() as work:
        for count in args.checks:
            measure(count, registry, Path(work))


if __name__ == "__main__":
    main()
