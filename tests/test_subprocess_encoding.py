"""Text read from a subprocess in tests and benchmarks is decoded as UTF-8 on every system:
with ``text=True`` alone, Windows would decode it with its ANSI code page (cp1252)."""

from __future__ import annotations

import ast

from tests.conftest import REPO


def text_calls_without_encoding(source: str) -> list[int]:
    """Lines of calls that ask for text (``text=True``, ``universal_newlines=True``) but do not
    name the encoding."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        keywords = {keyword.arg: keyword.value for keyword in node.keywords if keyword.arg}
        wants_text = any(
            isinstance(value, ast.Constant) and value.value is True
            for value in (keywords.get("text"), keywords.get("universal_newlines"))
        )
        if wants_text and "encoding" not in keywords:
            lines.append(node.lineno)
    return lines


def test_every_text_subprocess_names_utf_8() -> None:
    found = [
        f"{path.relative_to(REPO)}:{line}"
        for folder in ("tests", "benchmarks")
        for path in sorted((REPO / folder).rglob("*.py"))
        for line in text_calls_without_encoding(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_rule_sees_a_call_without_encoding() -> None:
    source = (
        "subprocess.run(['x'], text=True)\n"
        "subprocess.run(['x'], text=True, encoding='utf-8')\n"
        "subprocess.Popen(['x'], universal_newlines=True)\n"
        "subprocess.run(['x'], text=False)\n"
    )
    assert text_calls_without_encoding(source) == [1, 3]
