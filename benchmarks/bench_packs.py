"""How long pack loading and one assessment take; run: .venv/bin/python benchmarks/bench_packs.py

Prints, in one run:
- loading the seven built-in packs with full validation (schema + semantic rules), against
  plain json.load of the same files (the obvious alternative: trusting the files);
- one assessment of a fully answered check, for the largest pack;
- the start of the command line (`templates list`), as a user waits for it.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from vastgoedcheck.domain.assessment import assess  # noqa: E402
from vastgoedcheck.domain.pack import FlagValue, QuestionType, Role  # noqa: E402
from vastgoedcheck.packs.registry import PackRegistry  # noqa: E402
from vastgoedcheck.paths import checklists_dir  # noqa: E402


def median_ms(action: Callable[[], object], repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def main() -> None:
    files = sorted(checklists_dir().glob("*.json"))
    PackRegistry.builtin()  # warm up: compile the schema validator once, as a run does
    validated = median_ms(PackRegistry.builtin, 20)
    plain = median_ms(lambda: [json.loads(f.read_text("utf-8")) for f in files], 20)
    print(f"load 7 packs, validated:     {validated:8.2f} ms (median of 20)")
    print(
        f"load 7 packs, json.load only:{plain:8.2f} ms"
        f"  → validation costs {validated - plain:.1f} ms"
    )

    registry = PackRegistry.builtin()
    pack = max(registry.latest(), key=lambda p: len(p.questions))
    answers = {q.id: FlagValue.YES for q in pack.questions if q.type is QuestionType.FLAG}
    for question in pack.questions:
        if question.type is QuestionType.CHOICE:
            answers[question.id] = question.choice_values()[-1]  # type: ignore[assignment]
    role = pack.roles[0]
    one = median_ms(lambda: assess(pack, Role(role), answers), 500)
    print(f"assess {pack.id} ({len(answers)} answers): {one * 1000:8.1f} µs (median of 500)")

    command = [sys.executable, "-m", "vastgoedcheck", "templates", "list"]
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True, cwd=REPO)
        runs.append((time.perf_counter() - start) * 1000)
    print(
        f"`vastgoedcheck templates list`, whole process: {statistics.median(runs):.0f} ms"
        " (median of 5)"
    )


if __name__ == "__main__":
    main()
