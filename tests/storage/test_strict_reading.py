"""Hostile exchange files: what an import refuses, and stored files that can no longer be read."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from tests.storage.conftest import example
from tests.stores import read_plain, write_plain
from vastgoedcheck.exchange.reading import InvalidCheck, read_check_file
from vastgoedcheck.packs.registry import PackRegistry

MAX_ATTACHMENT_BYTES = 50_000_000  # the documented limit (docs/storage.md, section 5)


def _write(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=True), encoding="utf-8")
    return path


def _import(cli: Any, data: Path, *files: Path) -> Any:
    return cli("--data-dir", str(data), "import", *map(str, files))


@pytest.mark.parametrize("revision", [1.0, 2.0, True, "1"])
def test_a_revision_that_is_not_a_whole_number_is_refused(
    cli: Any, tmp_path: Path, revision: object
) -> None:
    document = example("landlord-residential-all-clear")
    document["revision"] = revision
    result = _import(cli, tmp_path / "data", _write(tmp_path / "check.json", document))
    assert result.code == 1
    assert "$.revision" in result.err and "whole number" in result.err
    assert "Traceback" not in result.err
    listed = cli("--data-dir", str(tmp_path / "data"), "list", "--json")
    assert json.loads(listed.out) == []


def test_a_stored_check_with_a_revision_that_is_no_number_is_reported_not_a_traceback(
    cli: Any, tmp_path: Path
) -> None:
    """What an earlier version stored for ``"revision": 1.0``: every command says so, once."""
    data = tmp_path / "data"
    [check_id] = _import(
        cli, data, _write(tmp_path / "c.json", example("landlord-residential-all-clear"))
    ).out.split()
    path = data / "checks" / f"{check_id}.json"
    content = json.loads(read_plain(path).decode("utf-8"))
    content["revisions"] = {"1.0": content["revisions"]["1"]}
    write_plain(path, json.dumps(content))
    for command in (
        ["show", check_id],
        ["export", check_id, "-o", str(tmp_path / "out.json")],
        ["report", check_id, "-o", str(tmp_path / "out.pdf")],
        ["delete", check_id, "--reason", "test"],
        ["list"],
    ):
        result = cli("--data-dir", str(data), *command)
        assert "Traceback" not in result.err, command
        if command[0] in ("show", "export", "report"):
            assert result.code == 1 and check_id in result.err, command
        else:  # a draft that cannot be read can still be deleted
            assert result.code == 0, command
    assert json.loads(cli("--data-dir", str(data), "list", "--json").out) == []
    assert not path.exists()
    assert list((data / "damaged").iterdir())  # kept for inspection, not thrown away


def test_duplicate_keys_are_refused(tmp_path: Path, registry: PackRegistry) -> None:
    text = json.dumps(example("landlord-residential-all-clear"))
    path = tmp_path / "twice.json"
    path.write_text(text[:-1] + ', "status": "final"}', encoding="utf-8")
    with pytest.raises(InvalidCheck, match="'status' occurs twice"):
        read_check_file(path, registry)


def test_a_lone_surrogate_is_one_sentence_and_later_files_are_still_imported(
    cli: Any, tmp_path: Path
) -> None:
    first = example("landlord-residential-all-clear")
    broken = example("landlord-residential-all-clear")
    broken["parties"][0]["name"] = "Daan \ud800 Bakker"
    batch = _write(tmp_path / "batch.json", [first, broken])
    later = _write(tmp_path / "later.json", example("landlord-residential-hemp-signs"))
    result = _import(cli, tmp_path / "data", batch, later)
    assert result.code == 1
    assert "Traceback" not in result.err
    [message] = result.err.strip().splitlines()
    assert "batch.json was not imported" in message and "surrogate" in message
    listed = json.loads(cli("--data-dir", str(tmp_path / "data"), "list", "--json").out)
    assert len(listed) == 1  # the later file, not the first check of the batch


def test_an_embedded_attachment_over_the_limit_is_refused(
    tmp_path: Path, registry: PackRegistry
) -> None:
    content = b"\0" * (MAX_ATTACHMENT_BYTES + 1)
    document = example("landlord-residential-all-clear")
    question = next(iter(document["answers"]))
    document["answers"][question]["attachments"] = [
        {
            "sha256": hashlib.sha256(content).hexdigest(),
            "name": "groot.pdf",
            "size": len(content),
            "media_type": "application/pdf",
            "content": base64.b64encode(content).decode("ascii"),
        }
    ]
    path = _write(tmp_path / "big.json", document)
    with pytest.raises(InvalidCheck, match="larger than 50 MB"):
        read_check_file(path, registry)


@pytest.mark.parametrize("control", ["\u202e", "\u202a", "\u2066", "\u2069"])
def test_direction_controls_in_names_are_refused(cli: Any, tmp_path: Path, control: str) -> None:
    document = example("landlord-residential-all-clear")
    document["parties"][0]["name"] = f"Daan {control}rekkaB"
    result = _import(cli, tmp_path / "data", _write(tmp_path / "c.json", document))
    assert result.code == 1 and "direction" in result.err
    assert control not in result.err
