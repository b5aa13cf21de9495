"""Writing a check as an exchange document is the exact inverse of reading one."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from tests.conftest import REPO
from vastgoedcheck.domain.fingerprint import canonical_json
from vastgoedcheck.exchange.reading import InvalidCheck, check_from_document
from vastgoedcheck.exchange.writing import check_document, document_fingerprint
from vastgoedcheck.packs.registry import PackRegistry

EXAMPLES = sorted(
    p for p in (REPO / "docs" / "examples").glob("*.json") if p.stem != "expected-outcomes"
)


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((REPO / "docs" / "examples" / name).read_text("utf-8"))
    return data


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_reading_what_was_written_gives_the_same_check(
    registry: PackRegistry, path: object
) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))  # type: ignore[attr-defined]
    check, pack = check_from_document(document, registry)
    written = check_document(check, pack)
    again, _pack = check_from_document(copy.deepcopy(written), registry)
    assert again == check
    assert check_document(again, pack) == written


def test_values_are_written_in_their_standard_form(registry: PackRegistry) -> None:
    document = load("broker-buyer-cash-deposit.json")
    document["property"]["postcode"] = "1234ab"
    document["answers"]["BUY-07a"]["value"] = 15000
    check, pack = check_from_document(document, registry)
    written = check_document(check, pack)
    assert written["property"]["postcode"] == "1234 AB"
    assert written["answers"]["BUY-07a"]["value"] == "15000.00"


def test_the_fingerprint_depends_on_content_not_on_key_order(registry: PackRegistry) -> None:
    check, pack = check_from_document(load("landlord-residential-all-clear.json"), registry)
    document = check_document(check, pack)
    shuffled = copy.deepcopy(dict(reversed(list(document.items()))))
    assert document_fingerprint(shuffled) == document_fingerprint(document)
    assert canonical_json(shuffled) == canonical_json(document)
    document["answers"]["RES-03"]["value"] = "yes"
    assert document_fingerprint(document) != document_fingerprint(shuffled)


def test_embedded_content_and_the_fingerprint_key_do_not_count(registry: PackRegistry) -> None:
    check, pack = check_from_document(load("landlord-residential-all-clear.json"), registry)
    document = check_document(check, pack)
    bare = document_fingerprint(document)
    document["fingerprint"] = "0" * 64
    document["answers"]["RES-03"]["attachments"] = [
        {"name": "a.jpg", "size": 1, "sha256": "1" * 64, "content": "QQ=="}
    ]
    with_attachment = document_fingerprint(document)
    document["answers"]["RES-03"]["attachments"][0].pop("content")
    assert document_fingerprint(document) == with_attachment != bare


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            {"revision": 1, "amends": {"revision": 1, "fingerprint": "a" * 64, "reason": "x"}},
            "must follow the revision it amends",
        ),
        (
            {
                "answers": {
                    "RES-03": {
                        "value": "no",
                        "attachments": [
                            {
                                "name": "a.jpg",
                                "size": 3,
                                "sha256": "a" * 64,
                                "content": "not base64!",
                            }
                        ],
                    }
                }
            },
            "not valid base64",
        ),
    ],
)
def test_links_and_attachments_that_cannot_be_right_are_refused(
    registry: PackRegistry, change: dict[str, Any], expected: str
) -> None:
    document = load("landlord-residential-all-clear.json")
    for key, value in change.items():
        if key == "answers":
            document["answers"].update(value)
        else:
            document[key] = value
    with pytest.raises(InvalidCheck, match=expected):
        check_from_document(document, registry)
