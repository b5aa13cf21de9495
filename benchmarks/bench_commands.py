"""Whole-process cost of command-line commands at 200, 2,000 and 20,000 checks.

run: .venv/bin/python benchmarks/bench_commands.py [--sizes 200,2000,20000] [--runs 7]
     [--code DIR]   (run the commands from another source tree, e.g. an older commit unpacked
                     with `git archive COMMIT | tar -x -C DIR`, to compare before and after)

Builds a store of each size with big_store (realistic checks, 60 % finalized), lets the store
build its index once and makes today's automatic backup, so that neither is measured. Then it
runs each command as a user would, a fresh `python -m vastgoedcheck` process each time, and
prints the median wall-clock and CPU time of ``--runs`` runs per size and the ratio of the
largest size to the smallest (on a machine that is busy with other work, the CPU time is the
steadier figure). A command about one check (show, export, report, import of one file,
finalize) should cost the same however many checks there are (target ≤ 1.2×); a search or a
full listing ≤ 1.5×. `templates list`, which does not open the store, is the floor: starting
Python and loading the app.

It also measures, in-process, what recomputing the fingerprint of a finalized revision costs on
every read (the check against hand-edited files) next to reading that check.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import resource
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

from benchmarks.big_store import BENCH_PASSPHRASE, open_store, write_big_store  # noqa: E402
from vastgoedcheck.exchange.writing import document_fingerprint  # noqa: E402
from vastgoedcheck.packs.registry import PackRegistry  # noqa: E402
from vastgoedcheck.storage import folder_key  # noqa: E402
from vastgoedcheck.storage.check_file import CheckFile  # noqa: E402

EXAMPLE = REPO / "docs" / "examples" / "landlord-residential-all-clear.json"
REASONING = "Advies gelezen en besproken met een collega; besluit vastgelegd."
ONE_CHECK_TARGET = 1.2
LISTING_TARGET = 1.5


class Sized:
    """One store of ``count`` checks, ready for the commands."""

    def __init__(self, root: Path, count: int, registry: PackRegistry, runs: int) -> None:
        self.folder = write_big_store(root / f"store-{count}", registry, count)
        self.work = root / f"work-{count}"
        self.work.mkdir()
        document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
        document.pop("id", None)
        self.import_file = self.work / "one-check.json"
        self.import_file.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        with open_store(self.folder, registry, actor="benchmark") as store:
            finals = store.summaries(status="final")
            self.final_id = finals[len(finals) // 2].id
            stored = store.import_checks([dict(document) for _ in range(runs + 1)], "benchmark")
            self.drafts = [check_id for check_id, _stored in stored]
            store.daily_backup()

    def commands(self) -> dict[str, Callable[[], list[str]]]:
        drafts = iter(self.drafts)
        return {
            "templates list (no store: the floor)": lambda: ["templates", "list"],
            "show ID": lambda: ["show", self.final_id],
            "export ID -o FILE": lambda: [
                "export",
                self.final_id,
                "-o",
                str(self.work / "export.json"),
            ],
            "report ID -o FILE": lambda: [
                "report",
                self.final_id,
                "-o",
                str(self.work / "report.pdf"),
            ],
            "import FILE (one check)": lambda: ["import", str(self.import_file)],
            "finalize ID": lambda: [
                "finalize",
                next(drafts),
                "--decision",
                "proceed",
                "--reasoning",
                REASONING,
            ],
            "list --search 'kowalski utrecht'": lambda: ["list", "--search", "kowalski utrecht"],
            "list --status draft --json": lambda: ["list", "--status", "draft", "--json"],
            "list (every check)": lambda: ["list"],
            "list --json (every check)": lambda: ["list", "--json"],
        }


def run_once(code: Path, folder: Path, arguments: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU time (user + system) of one whole command process."""
    environment = {
        **os.environ,
        "PYTHONPATH": str(code),
        "VASTGOEDCHECK_DATA_DIR": str(folder),
        "VASTGOEDCHECK_PASSPHRASE": BENCH_PASSPHRASE,
    }
    command = [sys.executable, "-m", "vastgoedcheck", "--lang", "en", *arguments]
    # The output goes to a file, as with `vastgoedcheck list --json > checks.json`: read through
    # a pipe by this script, 13 MB of JSON would be timed at the speed this script reads it.
    with tempfile.TemporaryFile() as output:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        done = subprocess.run(  # run outside the repository: `-m` would import from there first
            command, stdout=output, stderr=subprocess.PIPE, env=environment, check=False, cwd=folder
        )
        elapsed = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        error = done.stderr.decode("utf-8", "replace").strip()
        raise SystemExit(f"{' '.join(arguments)} failed: {error}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def fingerprint_cost(folder: Path, registry: PackRegistry, samples: int = 200) -> None:
    """The fingerprint recomputed on a read, next to the read itself (a check not in memory)."""
    with open_store(folder, registry, actor="benchmark") as store:
        ids = [summary.id for summary in store.summaries(status="final")][:samples]
        key = store.layout.key
        documents = [CheckFile(store.layout.check_file(i), None, key).document() for i in ids]
        started = time.perf_counter()
        for document in documents:
            document_fingerprint(document)
        per_fingerprint = (time.perf_counter() - started) / len(documents)
        reads = []
        for check_id in ids:
            store.checks.forget(check_id)
            started = time.perf_counter()
            store.get(check_id)
            reads.append(time.perf_counter() - started)
    read = statistics.median(reads)
    print(
        f"fingerprint recomputed when a finalized revision is read: {per_fingerprint * 1e3:.2f} ms"
        f" per revision; reading the check (not in memory) takes {read * 1e3:.2f} ms median,"
        f" so the check is {per_fingerprint / read:.0%} of a read"
    )


def unlock_cost(folder: Path, repeat: int = 5) -> None:
    """What every command that opens the store pays first: unlocking the data key with the
    passphrase (Argon2id with the folder's parameters)."""
    key_file = folder_key.KeyFile.read(folder)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        key_file.unlock(BENCH_PASSPHRASE)
        times.append(time.perf_counter() - started)
    print(
        f"unlocking the data key with the passphrase (Argon2id, as stored in the key file): "
        f"{statistics.median(times) * 1e3:.0f} ms median of {repeat}, in every command that "
        "opens the store"
    )


def target_of(name: str) -> str:
    if name.startswith("templates"):
        return ""
    return f"≤ {LISTING_TARGET}" if name.startswith("list") else f"≤ {ONE_CHECK_TARGET}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200,2000,20000")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--code", type=Path, default=REPO, help="source tree to run")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    registry = PackRegistry.builtin()
    # As an installed app runs: its modules compiled once (a checkout run with
    # PYTHONDONTWRITEBYTECODE set would compile every module in every command, the same
    # 0.1 s at every size, which would hide how the rest grows).
    compileall.compile_dir(args.code / "vastgoedcheck", quiet=1)
    with tempfile.TemporaryDirectory(prefix="vastgoedcheck-bench-") as temporary:
        root = Path(temporary)
        stores = {size: Sized(root, size, registry, args.runs) for size in sizes}
        commands = {size: stores[size].commands() for size in sizes}
        names = list(commands[sizes[0]])
        timings: dict[str, dict[int, list[tuple[float, float]]]] = {
            n: {s: [] for s in sizes} for n in names
        }
        for _run in range(args.runs):  # rounds, so that a slow moment hits every size alike
            for name in names:
                for size in sizes:
                    arguments = commands[size][name]()
                    timings[name][size].append(run_once(args.code, stores[size].folder, arguments))
        print(f"code: {args.code}; median of {args.runs} runs of the whole process, ms")
        for label, which in (("wall-clock", 0), ("CPU (user + system)", 1)):
            header = "".join(f"{size:>10,}" for size in sizes)
            print(f"\n{label:<40}{header}{'ratio':>8}  target")
            for name in names:
                medians = [
                    statistics.median(run[which] for run in timings[name][size]) * 1e3
                    for size in sizes
                ]
                cells = "".join(f"{median:>10.0f}" for median in medians)
                print(f"{name:<40}{cells}{medians[-1] / medians[0]:>8.2f}  {target_of(name)}")
        fingerprint_cost(stores[sizes[-1]].folder, registry)
        unlock_cost(stores[sizes[-1]].folder)


if __name__ == "__main__":
    main()
