"""``templates validate`` refuses every kind of broken pack file with its location."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_subprocess
from tests.domain.packs_for_tests import flag, pack_document


@pytest.fixture
def good() -> dict[str, Any]:
    return pack_document(
        [
            flag("TST-01", "high"),
            flag(
                "TST-02",
                enable_when={
                    "behavior": "all",
                    "conditions": [{"question": "TST-01", "operator": "=", "answer": "yes"}],
                },
            ),
        ],
        roles=("landlord",),
        deal="rental",
    )


def write(tmp_path: Path, data: Any, name: str = "pack.json") -> Path:
    path = tmp_path / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_valid_pack_passes(cli, tmp_path: Path, good: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    result = cli("templates", "validate", str(write(tmp_path, good)))
    assert result.code == 0
    assert "valid" in result.out


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "the file is empty"),
        (b"   \n\t ", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", "not a UTF-8 text file"),
        (b'{"format": "vastgoedcheck-pack",\n  "id": }', "line 2, column 9"),
        (b"[1, 2, 3]", "must be an object"),
        (b'"just text"', "must be an object"),
        (b'{"format_version": NaN}', "NaN is not a number JSON allows"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    ],
)
def test_unusable_files_are_refused_in_one_sentence(
    cli, tmp_path: Path, content: bytes, expected: str
) -> None:  # type: ignore[no-untyped-def]
    result = cli("templates", "validate", str(write(tmp_path, content)))
    assert result.code == 1
    assert expected in result.out
    assert "Traceback" not in result.out + result.err


def test_a_50_mb_file_is_refused_without_reading_it(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:
        handle.write(b'{"x": "' + b"a" * 50_000_000 + b'"}')
    result = cli("templates", "validate", str(path))
    assert result.code == 1
    assert "50.0 MB" in result.out


def test_missing_file_and_folder_are_refused(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("templates", "validate", str(tmp_path / "nope.json"), str(tmp_path))
    assert result.code == 1
    assert "the file does not exist" in result.out
    assert "this is a folder, not a file" in result.out
    assert "2 files have problems" in result.err


def _break(document: dict[str, Any], change: str) -> None:
    questions = document["sections"][0]["questions"]
    if change == "missing key":
        del document["version"]
    elif change == "unknown key":
        questions[0]["colour"] = "red"
    elif change == "unknown severity":
        questions[0]["severity"] = "extreme"
    elif change == "unknown type":
        questions[0]["type"] = "slider"
    elif change == "missing English":
        del questions[0]["label"]["en"]
    elif change == "blank Dutch":
        questions[0]["guidance"]["nl"] = "   "
    elif change == "duplicate id":
        questions[1]["id"] = "TST-01"
    elif change == "unknown condition target":
        questions[1]["enable_when"]["conditions"][0]["question"] = "TST-99"
    elif change == "forward condition":
        questions[0]["enable_when"] = copy.deepcopy(questions[1]["enable_when"])
        questions[0]["enable_when"]["conditions"][0]["question"] = "TST-02"
    elif change == "impossible answer":
        questions[1]["enable_when"]["conditions"][0]["answer"] = "maybe"
    elif change == "unlisted source":
        questions[0]["sources"] = ["https://elsewhere.example/page"]
    elif change == "choice without choices":
        questions.append(
            {"id": "TST-03", "type": "choice", "label": {"nl": "a", "en": "b"},
             "guidance": {"nl": "a", "en": "b"}}
        )  # fmt: skip
    elif change == "landlord asks nationality":
        document["fields"]["person"]["nationality"] = "optional"
    elif change == "duty without type":
        questions[0]["kind"] = "duty"
    elif change == "flag without sources":
        del questions[0]["sources"]


BROKEN = {
    "missing key": ("$", "the key 'version' is missing"),
    "unknown key": ("$.sections[0].questions[0].colour", "unknown key 'colour'"),
    "unknown severity": ("$.sections[0].questions[0].severity", "'extreme' is not one of"),
    "unknown type": ("$.sections[0].questions[0].type", "'slider' is not one of"),
    "missing English": ("$.sections[0].questions[0].label", "the key 'en' is missing"),
    "blank Dutch": ("$.sections[0].questions[0].guidance.nl", "only white space"),
    "duplicate id": ("$.sections[0].questions[1].id", "is used twice"),
    "unknown condition target": ("enable_when.conditions[0].question", "no question 'TST-99'"),
    "forward condition": ("$.sections[0].questions[0].enable_when", "earlier question"),
    "impossible answer": ("conditions[0].answer", "'maybe' is not a possible answer to TST-01"),
    "unlisted source": ("questions[0].sources[0]", "not listed in the pack's references"),
    "choice without choices": ("$.sections[0].questions[2]", "needs 'choices'"),
    "landlord asks nationality": ("$.fields.person.nationality", "may not ask for 'nationality'"),
    "duty without type": ("$.sections[0].questions[0]", "needs 'duty_type'"),
    "flag without sources": ("$.sections[0].questions[0]", "needs 'sources'"),
}  # fmt: skip


@pytest.mark.parametrize("change", sorted(BROKEN))
def test_each_kind_of_mistake_is_reported_with_its_location(
    cli, tmp_path: Path, good: dict[str, Any], change: str
) -> None:  # type: ignore[no-untyped-def]
    _break(good, change)
    result = cli("templates", "validate", str(write(tmp_path, good)))
    location, message = BROKEN[change]
    assert result.code == 1
    line = next((line for line in result.out.splitlines() if message in line), None)
    assert line is not None, result.out
    assert location in line
    assert line.startswith(str(tmp_path / "pack.json"))


def test_every_problem_of_a_file_is_reported_at_once(
    cli, tmp_path: Path, good: dict[str, Any]
) -> None:  # type: ignore[no-untyped-def]
    for change in (
        "unknown severity",
        "duplicate id",
        "unlisted source",
        "landlord asks nationality",
    ):
        _break(good, change)
    result = cli("templates", "validate", str(write(tmp_path, good)))
    assert result.code == 1
    for change in (
        "unknown severity",
        "duplicate id",
        "unlisted source",
        "landlord asks nationality",
    ):
        assert BROKEN[change][1] in result.out


def test_problems_are_reported_in_dutch_by_default(tmp_path: Path) -> None:
    result = run_subprocess(
        "templates", "validate", str(tmp_path / "nope.json"), env={"LANG": "nl_NL.UTF-8"}
    )
    assert result.code == 1
    assert "het bestand bestaat niet" in result.out
