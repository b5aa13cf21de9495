"""Shared set-up for the store tests: an open store in a temporary folder, and example checks."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO
from tests.stores import open_store
from vastgoedcheck.domain.check import Check, Decision, Party, PartyKind
from vastgoedcheck.domain.pack import Role
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage.store import Store

EXAMPLES = REPO / "docs" / "examples"


def example(name: str) -> dict[str, Any]:
    """One of the documented example checks, as a fresh dict."""
    data: dict[str, Any] = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    return data


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(folder: Path, registry: PackRegistry) -> Iterator[Store]:
    opened = open_store(folder, registry, actor="M. Jansen")
    yield opened
    opened.close()


def new_draft(store: Store, name: str = "Daan Bakker") -> Check:
    """A residential landlord's draft about one tenant."""
    pack = store.registry.get("landlord-residential")
    assert pack is not None
    return store.create(
        pack,
        Role.LANDLORD,
        parties=[Party("tenant", PartyKind.PERSON, {"name": name})],
        property_data={"address": "Oudegracht 101", "postcode": "3511 AD", "city": "Utrecht"},
    )


def complete_draft(store: Store) -> Check:
    """A draft with every required answer and a decision: ready to be finalized."""
    [(check_id, _stored)] = store.import_checks([example("landlord-residential-all-clear")], "t")
    return store.set_decision(check_id, Decision("proceed", "Nothing unusual; lease signed."))
