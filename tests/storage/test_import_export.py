"""Import and export in the exchange format: round trips, and refused files store nothing."""

from __future__ import annotations

import base64
import copy
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.storage.conftest import EXAMPLES, complete_draft, example
from tests.stores import open_store
from vastgoedcheck.domain.check import Status
from vastgoedcheck.domain.pack import FlagValue
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.store import Store

EXAMPLE_NAMES = sorted(p.stem for p in EXAMPLES.glob("*.json") if p.stem != "expected-outcomes")


def stored_files(store: Store) -> list[Path]:
    return sorted(p for p in store.layout.checks.rglob("*") if p.is_file()) + sorted(
        p for p in store.layout.attachments.rglob("*") if p.is_file()
    )


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_import_export_import_gives_the_same_check(
    store: Store, registry: PackRegistry, tmp_path: Path, name: str
) -> None:
    [(check_id, stored)] = store.import_checks([example(name)], f"{name}.json")
    assert stored
    exported = store.export_document(check_id)
    elsewhere = open_store(tmp_path / "other", registry, actor="colleague")
    try:
        assert elsewhere.import_checks([copy.deepcopy(exported)], "x.json") == [(check_id, True)]
        assert elsewhere.get(check_id) == store.get(check_id)
        assert elsewhere.export_document(check_id) == exported
    finally:
        elsewhere.close()


def test_a_finalized_amended_check_keeps_its_fingerprint_on_the_way(
    store: Store, registry: PackRegistry, tmp_path: Path
) -> None:
    final = store.finalize(complete_draft(store).id)
    store.amend(final.id, "Wrong rent")
    store.set_answer(final.id, "RES-03", FlagValue.YES)
    second = store.finalize(final.id)
    exported = store.export_document(final.id)
    assert exported["fingerprint"] == second.fingerprint
    assert exported["amends"]["fingerprint"] == final.fingerprint
    elsewhere = open_store(tmp_path / "other", registry, actor="colleague")
    try:
        elsewhere.import_checks([exported], "x.json")
        assert elsewhere.get(final.id) == second
        assert elsewhere.get(final.id).status is Status.FINAL
    finally:
        elsewhere.close()


def test_an_attachment_travels_inside_the_exported_file(
    store: Store, registry: PackRegistry, tmp_path: Path
) -> None:
    photo = tmp_path / "voordeur.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 a photo of the front door")
    [(check_id, _)] = store.import_checks([example("landlord-residential-hemp-signs")], "x")
    attachment = store.add_attachment(check_id, "RES-19", photo)
    exported = store.export_document(check_id)
    [entry] = exported["answers"]["RES-19"]["attachments"]
    assert base64.b64decode(entry["content"]) == photo.read_bytes()
    elsewhere = open_store(tmp_path / "other", registry, actor="colleague")
    try:
        elsewhere.import_checks([exported], "x.json")
        stored = elsewhere.attachment_content(attachment.sha256)
        assert stored == photo.read_bytes()
    finally:
        elsewhere.close()


def _without_format_version(d: dict[str, Any]) -> None:
    d["format_version"] = 2


def _tampered_attachment(d: dict[str, Any]) -> None:
    content = b"not the photo"
    d["answers"]["RES-03"]["attachments"] = [
        {
            "name": "x.jpg",
            "size": len(content),
            "sha256": hashlib.sha256(b"the photo").hexdigest(),
            "content": base64.b64encode(content).decode(),
        }
    ]


REFUSED: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "unknown format version": (_without_format_version, "format_version"),
    "unknown pack": (lambda d: d["pack"].update(id="garage-letting"), "no pack 'garage-letting'"),
    "unknown pack version": (lambda d: d["pack"].update(version="2019.1"), "no version '2019.1'"),
    "unknown question": (lambda d: d["answers"].update({"RES-99": {"value": "no"}}), "RES-99"),
    "wrong value type": (lambda d: d["answers"]["RES-03"].update(value=True), "RES-03"),
    "control characters in a name": (
        lambda d: d["parties"][0].update(name="Daan\x07Bakker"),
        "parties[0].name",
    ),
    "oversized note": (lambda d: d["answers"]["RES-03"].update(note="x" * 20_001), "too long"),
    "BSN in a note": (lambda d: d["answers"]["RES-03"].update(note="111222333"), "BSN"),
    "attachment that does not match": (_tampered_attachment, "does not match"),
    "final without decision": (lambda d: d.update(status="final"), "no decision"),
}


@pytest.mark.parametrize("case", REFUSED.values(), ids=REFUSED.keys())
def test_a_file_with_one_bad_check_stores_nothing(
    store: Store, case: tuple[Callable[[dict[str, Any]], None], str]
) -> None:
    change, expected = case
    good = example("landlord-residential-straw-man")
    bad = example("landlord-residential-all-clear")
    bad["id"] = "1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed"
    change(bad)
    with pytest.raises(StoreError) as refused:
        store.import_checks([good, bad], "batch.json")
    message = str(refused.value)
    assert message.startswith("check 1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed: ")
    assert expected in message
    assert "\n" not in message
    assert store.summaries() == [] and stored_files(store) == []


def test_an_unchanged_reimport_is_accepted_and_a_changed_one_refused(store: Store) -> None:
    document = example("landlord-residential-all-clear")
    document["id"] = "1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed"
    document["created_at"] = "2026-11-20T10:00:00+01:00"
    store.import_checks([document], "a.json")
    assert store.import_checks([document], "a.json") == [(document["id"], False)]
    changed = copy.deepcopy(document)
    changed["answers"]["RES-03"]["value"] = "yes"
    with pytest.raises(StoreError, match="different draft with this id"):
        store.import_checks([changed], "b.json")
    assert store.get(document["id"]).answers["RES-03"].value is FlagValue.NO


def test_reimporting_a_finalized_check_never_changes_it(store: Store) -> None:
    final = store.finalize(complete_draft(store).id)
    exported = store.export_document(final.id)
    before = store.layout.check_file(final.id).read_bytes()
    assert store.import_checks([copy.deepcopy(exported)], "again.json") == [(final.id, False)]
    exported["answers"]["RES-03"]["value"] = "yes"
    exported.pop("fingerprint")
    exported["status"] = "draft"
    exported.pop("finalized_at")
    with pytest.raises(StoreError, match="never changes a finalized check"):
        store.import_checks([exported], "changed.json")
    assert store.layout.check_file(final.id).read_bytes() == before


def test_a_finalized_check_whose_content_was_changed_is_refused(store: Store) -> None:
    final = store.finalize(complete_draft(store).id)
    exported = store.export_document(final.id)
    store.close()
    exported["parties"][0]["name"] = "Someone Else"
    exported["id"] = "1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed"
    other = open_store(store.layout.root.parent / "other", store.registry, actor="x")
    try:
        with pytest.raises(StoreError, match="changed after it was finalized"):
            other.import_checks([exported], "forged.json")
        assert other.summaries() == []
    finally:
        other.close()


def test_a_check_without_id_gets_one_and_keeps_it(store: Store) -> None:
    document = example("landlord-rural-drug-offer")
    assert "id" not in document
    [(check_id, _)] = store.import_checks([document], "rural.json")
    assert store.get(check_id).id == check_id
    assert store.export_document(check_id)["id"] == check_id


def test_a_file_holding_the_same_check_twice_is_refused(store: Store) -> None:
    document = example("landlord-residential-all-clear")
    document["id"] = "1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed"
    with pytest.raises(StoreError, match="more than once"):
        store.import_checks([document, document], "twice.json")
    assert store.summaries() == []
