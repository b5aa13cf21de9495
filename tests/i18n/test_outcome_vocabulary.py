"""One word per outcome level, everywhere: the catalogue and the command line's output use the
outcome labels, never the old alternatives ("pause", "report" for "report recommended")."""

from __future__ import annotations

from typing import Any

from babel.messages.pofile import read_po

from tests.conftest import REPO

CATALOGUE = REPO / "translations" / "nl" / "LC_MESSAGES" / "vastgoedcheck.po"
EXAMPLES = REPO / "docs" / "examples"


def messages() -> list[tuple[str, str]]:
    with CATALOGUE.open("rb") as handle:
        catalog = read_po(handle, locale="nl")
    found = []
    for message in catalog:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        found += [(str(i), str(s)) for i, s in zip(ids, strings, strict=False) if i]
    return found


def test_the_catalogue_has_no_old_alternatives_for_the_outcome_levels() -> None:
    for msgid, msgstr in messages():
        assert "pause" not in msgid.lower(), msgid
        assert "pauze" not in msgstr.lower(), msgstr
        # the score line names the levels by their labels, not as "25: report"
        assert "25: report" not in msgid and "vanaf 25: melden" not in msgstr, msgid


def test_the_command_line_never_puts_a_duty_beside_a_score_threshold(cli: Any) -> None:
    for example in sorted(EXAMPLES.glob("*.json")):
        if example.name == "expected-outcomes.json":
            continue
        output = cli("assess", str(example)).out
        assert "pause" not in output.lower(), example.name
        if "Must report to FIU-Nederland" in output:
            assert "not from the score" in output, example.name
        for line in output.splitlines():
            if "Score " in line and "leads to" in line and "not from the score" not in line:
                assert "'Must report" not in line, example.name
