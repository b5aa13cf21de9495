"""The README gives a newcomer exactly two set-up commands, and CI runs the test one."""

from __future__ import annotations

import re

from tests.conftest import REPO


def readme_commands() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Get started")
    section = readme[start : readme.index("\n## ", start + 1)]
    return re.findall(r"```\n(.+?)\n```", section)


def test_readme_has_one_command_to_start_the_app_and_one_to_test() -> None:
    install_and_start, install_and_test = readme_commands()
    assert install_and_start.endswith(".venv/bin/vastgoedcheck")
    assert "pytest" in install_and_test and '".[test]"' in install_and_test


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert readme_commands()[1] in ci.splitlines()
