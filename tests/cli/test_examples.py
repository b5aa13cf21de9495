"""Every example in docs/examples gives the outcome its table promises."""

from __future__ import annotations

import json

import pytest

from tests.conftest import REPO

EXAMPLES = REPO / "docs" / "examples"
EXPECTED = json.loads((EXAMPLES / "expected-outcomes.json").read_text(encoding="utf-8"))


def test_every_example_file_has_an_expected_outcome() -> None:
    assert sorted(EXPECTED) == sorted(
        p.name for p in EXAMPLES.glob("*.json") if p.name != "expected-outcomes.json"
    )


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_gives_its_expected_outcome(cli, name: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("assess", str(EXAMPLES / name), "--json")
    assert result.code == 0, result.err
    assessment = json.loads(result.out)
    expected = EXPECTED[name]
    assert assessment["outcome"] == expected["outcome"]
    assert assessment["stop"] == expected["stop"]
    assert assessment["report_channels"] == expected["report_channels"]


def test_the_examples_are_documented() -> None:
    table = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    for name in EXPECTED:
        assert f"`{name}`" in table
