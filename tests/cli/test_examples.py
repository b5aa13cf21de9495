"""Every example in docs/examples gives the outcome its table promises."""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import REPO

EXAMPLES = REPO / "docs" / "examples"
EXPECTED = json.loads((EXAMPLES / "expected-outcomes.json").read_text(encoding="utf-8"))
CURRENT_VERSIONS = {
    path.stem: json.loads(path.read_text(encoding="utf-8"))["version"]
    for path in (REPO / "resources" / "checklists").glob("*.json")
}


def test_every_example_file_has_an_expected_outcome() -> None:
    assert sorted(EXPECTED) == sorted(
        p.name for p in EXAMPLES.glob("*.json") if p.name != "expected-outcomes.json"
    )


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_gives_its_expected_outcome(cli, name: str) -> None:  # type: ignore[no-untyped-def]
    expected = EXPECTED[name]
    result = cli("assess", str(EXAMPLES / name), "--json")
    assert result.code == 0, result.err
    assessment = json.loads(result.out)
    assert assessment["outcome"] == expected["outcome"]
    assert assessment["stop"] == expected["stop"]
    assert assessment["report_channels"] == expected["report_channels"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_uses_the_current_version_of_its_pack(name: str) -> None:
    pack = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))["pack"]
    assert pack["version"] == CURRENT_VERSIONS[pack["id"]]


def test_the_examples_are_documented() -> None:
    table = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    for name in EXPECTED:
        assert f"`{name}`" in table


def test_the_example_in_the_exchange_format_is_the_example_file() -> None:
    text = (REPO / "docs" / "exchange-format.md").read_text(encoding="utf-8")
    section = text.split("## 2. A complete example", 1)[1]
    block = re.search(r"```json\n(.*?)\n```", section, re.DOTALL)
    assert block is not None
    shown = json.loads(block.group(1))
    assert shown == json.loads((EXAMPLES / "broker-buyer-cash-deposit.json").read_text("utf-8"))
