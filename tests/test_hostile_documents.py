"""Whatever a pack or check file holds, the answer is a list of problems, never a crash.

Thousands of random mutations of real documents (keys removed, values replaced by values of
other JSON types, lists emptied) are fed to the validators.
"""

from __future__ import annotations

import copy
import json
import random
from typing import Any

from tests.conftest import REPO
from vastgoedcheck.exchange.reading import InvalidCheck, check_from_document
from vastgoedcheck.packs.loading import pack_from_dict, pack_problems
from vastgoedcheck.packs.registry import PackRegistry

STRANGE_VALUES: list[Any] = [
    None, True, 0, -1, 1.5, 10**30, "", "x" * 5000, "\x00\x1b", "yes", "RES-01", [], {}, [1, "a"],
    {"nl": "", "en": ""}, {"question": 1}, "https://example.org/", "2026-02-30", "NaN",
]  # fmt: skip


def _locations(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _locations(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _locations(child, (*path, index))
    return found


def mutate(document: Any, rng: random.Random) -> Any:
    mutated = copy.deepcopy(document)
    for _ in range(rng.randint(1, 4)):
        locations = [p for p in _locations(mutated) if p]
        path = rng.choice(locations)
        parent = mutated
        for step in path[:-1]:
            parent = parent[step]
        action = rng.random()
        if action < 0.3 and isinstance(parent, dict):
            del parent[path[-1]]
        elif action < 0.4 and isinstance(parent, list):
            parent.clear()
        else:
            parent[path[-1]] = copy.deepcopy(rng.choice(STRANGE_VALUES))
    return mutated


def test_mutated_packs_give_problems_not_crashes() -> None:
    rng = random.Random(20261129)
    original = json.loads(
        (REPO / "resources/checklists/notary-transaction.json").read_text("utf-8")
    )
    for _ in range(400):
        document = mutate(original, rng)
        problems = pack_problems(document)
        if not problems:  # a harmless mutation: the pack must then load
            pack_from_dict(document)
        for problem in problems:
            assert problem.location.startswith("$") and problem.message


def test_mutated_checks_are_read_or_refused(registry: PackRegistry) -> None:
    rng = random.Random(20261129)
    for name in ("broker-buyer-cash-deposit.json", "landlord-residential-hemp-signs.json"):
        original = json.loads((REPO / "docs/examples" / name).read_text("utf-8"))
        for _ in range(300):
            document = mutate(original, rng)
            try:
                check_from_document(document, registry)
            except InvalidCheck as refused:
                assert refused.problems and all(p.message for p in refused.problems)
