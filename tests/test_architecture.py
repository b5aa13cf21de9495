"""The import rules of ARCHITECTURE.md: ui → (reports, storage, i18n, …) → domain, one way only:
the desktop app does not import the command line, and no two packages import each other."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from tests.conftest import REPO

PACKAGE = REPO / "vastgoedcheck"
QT_PACKAGES = {"PySide6", "shiboken6"}
# Layers that may only be imported from the layers named with them. The command line starts
# the desktop app (cli → ui); the app shares what it needs with the command line from below.
ENTRY = "vastgoedcheck.__main__"
TOP_LAYERS = {
    "vastgoedcheck.ui": {"vastgoedcheck.ui", "vastgoedcheck.cli", ENTRY},
    "vastgoedcheck.cli": {"vastgoedcheck.cli", ENTRY},
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


def unit(module: str) -> str | None:
    """The package (or top-level module) a module belongs to: ``storage`` for
    ``vastgoedcheck.storage.index``, ``paths`` for ``vastgoedcheck.paths``."""
    parts = module.split(".")
    if parts[0] != "vastgoedcheck" or len(parts) == 1:
        return None  # outside the app, or its version module: imports nothing of ours
    return parts[1]


def package_cycles(graph: dict[str, set[str]]) -> list[str]:
    """Every pair of packages that import each other, directly or through others, with the
    imports that make one direction of it."""
    edges: dict[tuple[str, str], list[str]] = {}
    for module, imported in graph.items():
        for name in imported:
            source, target = unit(module), unit(name)
            if source and target and source != target:
                edges.setdefault((source, target), []).append(f"{module} → {name}")
    following: dict[str, set[str]] = {}
    for source, target in edges:
        following.setdefault(source, set()).add(target)

    def reaches(start: str, goal: str) -> bool:
        seen, todo = set(), [start]
        while todo:
            for nxt in following.get(todo.pop(), ()):
                if nxt == goal:
                    return True
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return False

    return [
        f"{source} → {target} (" + ", ".join(sorted(found)[:3]) + f") and back from {target}"
        for (source, target), found in sorted(edges.items())
        if reaches(target, source)
    ]


def test_no_two_packages_import_each_other() -> None:
    assert package_cycles(all_imports()) == []


def test_the_cycle_rule_catches_a_cycle_through_a_third_package() -> None:
    graph = {
        "vastgoedcheck.packs.semantics": {"vastgoedcheck.exchange.values"},
        "vastgoedcheck.exchange.reading": {"vastgoedcheck.storage.errors"},
        "vastgoedcheck.storage.index": {"vastgoedcheck.packs.registry", "json"},
        "vastgoedcheck.domain.pack": {"dataclasses"},
    }
    found = package_cycles(graph)
    assert len(found) == 3 and found[0].startswith("exchange → storage")


def test_the_desktop_app_does_not_import_the_command_line() -> None:
    found = violations({"vastgoedcheck.ui.given_file": {"vastgoedcheck.cli.output"}})
    assert found == [
        "vastgoedcheck.ui.given_file imports vastgoedcheck.cli.output: vastgoedcheck.cli is a "
        "top layer"
    ]
