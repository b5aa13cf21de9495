"""The import rules of ARCHITECTURE.md: ui → (reports, storage, i18n, …) → domain, one way only."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from tests.conftest import REPO

PACKAGE = REPO / "vastgoedcheck"
QT_PACKAGES = {"PySide6", "shiboken6"}
# Layers that may only be imported from the layers named with them.
ENTRY = "vastgoedcheck.__main__"
TOP_LAYERS = {
    "vastgoedcheck.ui": {"vastgoedcheck.ui", "vastgoedcheck.cli", ENTRY},
    "vastgoedcheck.cli": {"vastgoedcheck.cli", "vastgoedcheck.ui", ENTRY},
}


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(source: str, module: str) -> set[str]:
    """Every module a source imports, at the top or inside functions, relative ones resolved."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")[: -node.level]
                found.add(".".join([*base, node.module] if node.module else base))
            elif node.module:
                found.add(node.module)
    return found


def all_imports() -> dict[str, set[str]]:
    return {
        module_name(path): imports_of(path.read_text(encoding="utf-8"), module_name(path))
        for path in PACKAGE.rglob("*.py")
    }


def violations(graph: dict[str, set[str]]) -> list[str]:
    problems = []
    stdlib = set(sys.stdlib_module_names)
    for module, imported in graph.items():
        for name in imported:
            top = name.split(".")[0]
            if module.startswith("vastgoedcheck.domain") and not (
                top in stdlib or top == "__future__" or name.startswith("vastgoedcheck.domain")
            ):
                problems.append(
                    f"{module} imports {name}: the domain uses the standard library only"
                )
            if top in QT_PACKAGES and not module.startswith("vastgoedcheck.ui"):
                problems.append(f"{module} imports {name}: only vastgoedcheck.ui may use Qt")
            for layer, allowed in TOP_LAYERS.items():
                if name.startswith(layer) and not module.startswith(tuple(allowed)):
                    problems.append(f"{module} imports {name}: {layer} is a top layer")
    return problems


def test_the_package_keeps_its_layers() -> None:
    graph = all_imports()
    assert "vastgoedcheck.domain.assessment" in graph
    assert violations(graph) == []


def test_the_rules_catch_a_violation() -> None:
    graph = {
        "vastgoedcheck.domain.pack": imports_of("import json\nfrom tinydb import TinyDB", "x"),
        "vastgoedcheck.packs.loading": imports_of(
            "def f():\n    from PySide6.QtWidgets import QWidget", "x"
        ),
        "vastgoedcheck.i18n.formatting": {"vastgoedcheck.cli.output"},
    }
    found = violations(graph)
    assert len(found) == 3
    assert "tinydb" in found[0] and "PySide6" in found[1] and "top layer" in found[2]
