"""Cold start of the desktop app to its first window, side by side with a minimal PySide6
program that only shows a window: with an empty data folder and with --checks checks (default
20,000, made by big_store.py), from source and, when built, from the one-folder bundle.

    .venv/bin/python benchmarks/bench_startup.py [--checks N] [--runs N] [--bundle DIST/APP]

Each figure is the median of --runs fresh processes (after one untimed warm-up run that lets
the system cache the files and the app remember its validated packs), from the moment the
process is started until the window is on screen; the app also reports when its overview was
filled. Targets: ≤ 2× the minimal window empty, ≤ 3× at 20,000 checks.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.big_store import BENCH_PASSPHRASE, folder_key_of, open_store, write_big_store  # noqa: E402
from vastgoedcheck.packs.registry import PackRegistry  # noqa: E402
from vastgoedcheck.ui.app import STARTUP_PROBE_VARIABLE  # noqa: E402

MINIMAL = """
import os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 800)
window.show()
def shown():
    moment = str(time.time())
    with open(os.environ["VASTGOEDCHECK_STARTUP_PROBE"], "w") as probe:
        probe.write(moment + "\\n" + moment + "\\n")
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""


def start_once(command: list[str], environment: dict[str, str], probe: Path) -> tuple[float, float]:
    """Seconds from starting the process to its first window, and to its filled overview."""
    probe.unlink(missing_ok=True)
    started = time.time()
    subprocess.run(command, env=environment, check=True, timeout=300, capture_output=True)
    window, filled = (float(line) for line in probe.read_text(encoding="utf-8").split())
    return window - started, filled - started


def median_start(
    command: list[str], environment: dict[str, str], probe: Path, runs: int
) -> tuple[float, float, float]:
    """Median to the window, median to the filled overview, and the fastest window (least
    disturbed by other work on the machine)."""
    start_once(command, environment, probe)  # warm-up: files cached, packs remembered
    times = [start_once(command, environment, probe) for _ in range(runs)]
    windows = [t[0] for t in times]
    return statistics.median(windows), statistics.median(t[1] for t in times), min(windows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--checks", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--bundle", type=Path, default=REPO / "dist" / "vastgoedcheck")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="vastgoedcheck-start-"))
    probe = work / "probe.txt"
    config = work / "config"
    config.mkdir()
    (config / "settings.ini").write_text(
        "[General]\nexaminer_name=M. Jansen\nexaminer_asked=yes\n", encoding="utf-8"
    )
    environment = {
        **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},  # as installed
        STARTUP_PROBE_VARIABLE: str(probe),
        "VASTGOEDCHECK_CONFIG_DIR": str(config),
        "VASTGOEDCHECK_CACHE_DIR": str(work / "cache"),
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "VASTGOEDCHECK_PASSPHRASE": BENCH_PASSPHRASE,
    }
    registry = PackRegistry.builtin()
    empty = work / "empty"
    folder_key_of(empty)  # set up (a new folder would ask for a passphrase and show its key)
    big = write_big_store(work / "big", registry, args.checks)
    open_store(big, registry, actor="benchmark").close()  # the index is built once, not timed
    load = f", load average {os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else ""
    print(f"{os.cpu_count()} CPUs{load}; Qt platform {environment['QT_QPA_PLATFORM']}; ", end="")
    print(f"median of {args.runs} starts each")

    minimal, _, fastest = median_start(
        [sys.executable, "-c", MINIMAL], environment, probe, args.runs
    )
    print(f"\nminimal PySide6 window: {minimal:.2f} s (fastest {fastest:.2f} s)")
    programs = {"from source": [sys.executable, "-m", "vastgoedcheck"]}
    bundled = args.bundle / "vastgoedcheck"
    if bundled.exists():
        programs["bundled"] = [str(bundled)]
    else:
        print(f"(no bundle at {args.bundle}: build it with `pyinstaller build.spec`)")
    for label, program in programs.items():
        for folder, what, target in ((empty, "empty data folder", 2), (big, f"{args.checks:,}", 3)):
            window, filled, best = median_start(
                [*program, "--data-dir", str(folder)], environment, probe, args.runs
            )
            print(
                f"app {label}, {what}: window {window:.2f} s ({window / minimal:.1f}× minimal, "
                f"target ≤ {target}×; fastest {best:.2f} s, {best / fastest:.1f}×), "
                f"overview filled {filled:.2f} s ({filled / minimal:.1f}×)"
            )


if __name__ == "__main__":
    main()
