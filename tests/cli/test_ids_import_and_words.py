"""Shortened ids, importing a folder that holds other files too, and the command line's own
words (argparse's messages, the audit trail) in the user's language."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO, run_subprocess

EXAMPLES = REPO / "docs" / "examples"


@pytest.fixture
def data(tmp_path: Path) -> str:
    return str(tmp_path / "data")


def with_id(tmp_path: Path, example: str, check_id: str) -> Path:
    """An example check under the id given, as a file."""
    document = json.loads((EXAMPLES / f"{example}.json").read_text(encoding="utf-8"))
    document["id"] = check_id
    path = tmp_path / f"{check_id}.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


TWINS = ("abcd1234-0000-4000-8000-000000000001", "abcd1234-0000-4000-8000-000000000002")
OTHER = "0123fedc-0000-4000-8000-000000000003"


@pytest.fixture
def three(cli: Any, data: str, tmp_path: Path) -> None:
    files = [
        with_id(tmp_path, "landlord-residential-all-clear", TWINS[0]),
        with_id(tmp_path, "landlord-residential-hemp-signs", TWINS[1]),
        with_id(tmp_path, "notary-cash-above-2500", OTHER),
    ]
    assert cli("--data-dir", data, "import", *map(str, files)).code == 0


def test_a_unique_start_of_an_id_names_the_check(cli: Any, data: str, three: None) -> None:
    shown = cli("--data-dir", data, "show", "0123")
    assert shown.code == 0 and f"Check {OTHER}:" in shown.out
    assert cli("--data-dir", data, "show", "ABCD1234-0000-4000-8000-000000000002").code == 0
    deleted = cli(
        "--data-dir", data, "delete", "abcd1234-0000-4000-8000-0000000000", "--reason", "x"
    )
    assert deleted.code == 1  # still two: nothing is deleted
    assert cli("--data-dir", data, "delete", TWINS[1][:-1] + "2", "--reason", "test").code == 0
    shown = cli("--data-dir", data, "show", "abcd")
    assert shown.code == 0 and TWINS[0] in shown.out


def test_an_ambiguous_start_lists_the_candidates(cli: Any, data: str, three: None) -> None:
    result = cli("--lang", "nl", "--data-dir", data, "show", "abcd")
    assert result.code == 1 and result.out == ""
    first, *candidates = result.err.strip().splitlines()
    assert "abcd is het begin van de id van 2 controles; geef meer tekens van de id" in first
    assert [line.split()[0] for line in candidates] == list(TWINS)
    assert all("concept" in line for line in candidates)


def test_an_id_that_begins_no_check_is_said_so(cli: Any, data: str, three: None) -> None:
    for given in ("ffff", "not-an-id"):
        result = cli("--data-dir", data, "show", given)
        assert result.code == 1 and f"there is no check {given}" in result.err


def test_importing_a_folder_passes_by_what_is_not_a_check(
    cli: Any, data: str, tmp_path: Path
) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "huurder.json").write_bytes(
        (EXAMPLES / "landlord-residential-all-clear.json").read_bytes()
    )
    (folder / "rapport.pdf").write_bytes(b"%PDF-1.4 not a check")
    (folder / "lees mij.txt").write_text("notes", encoding="utf-8")
    (folder / "checklist.json").write_bytes(
        (REPO / "resources" / "checklists" / "landlord-residential.json").read_bytes()
    )
    (folder / ".DS_Store").write_bytes(b"\x00\x01")
    result = cli("--lang", "nl", "--data-dir", data, "import", str(folder))
    assert result.code == 0 and len(result.out.split()) == 1
    assert "3 bestanden zijn geen controle en zijn overgeslagen" in result.err
    assert "rapport.pdf (een PDF-bestand)" in result.err
    assert "checklist.json (een checklist)" in result.err
    assert "lees mij.txt (geen JSON-bestand)" in result.err
    assert "DS_Store" not in result.err and "$" not in result.err
    pattern = cli("--data-dir", data, "import", str(folder / "*.json"))  # as typed on Windows
    assert pattern.code == 0 and len(pattern.out.split()) == 1
    assert "1 file is not a check and was passed by" in pattern.err


def test_a_folder_without_checks_imports_nothing_and_says_why(
    cli: Any, data: str, tmp_path: Path
) -> None:
    (tmp_path / "leeg").mkdir()
    (tmp_path / "leeg" / "foto.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    result = cli("--data-dir", data, "import", str(tmp_path / "leeg"))
    assert result.code == 1
    assert "nothing was imported: 1 file is not a check" in result.err
    nothing = cli("--data-dir", data, "import", str(tmp_path / "nowhere-*.json"))
    assert nothing.code == 1 and "no file matches" in nothing.err


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["lsit"], "ongeldige keuze: 'lsit' (kies uit "),
        (["show"], "de volgende argumenten zijn verplicht: ID"),
        (["export", "abc"], "de volgende argumenten zijn verplicht: -o/--output"),
        (["show", "abc", "--revision", "x"], "'x' is geen revisienummer"),
        (["list", "--sta", "draft", "--s", "x"], "is niet eenduidig"),
    ],
)
def test_the_parsers_own_messages_are_in_dutch(args: list[str], expected: str) -> None:
    result = run_subprocess("--lang", "nl", *args)
    assert result.code == 1 and expected in result.err
    assert result.err.startswith("gebruik: ")
    said = result.err.strip().splitlines()[-1]  # the error, after the usage lines
    for english in ("usage", "error:", "invalid", "choose from", "required", " int"):
        assert english not in said


def test_help_is_in_dutch() -> None:
    result = run_subprocess("--lang", "nl", "report", "--help")
    assert result.code == 0 and result.out.startswith("gebruik: vastgoedcheck report")
    assert (
        "argumenten:" in result.out and "opties:" in result.out and "[--revision N]" in result.out
    )
    for english in ("usage", "positional", "options", "REVISION", " id\n"):
        assert english not in result.out


def test_the_history_says_every_event_in_the_users_language(
    cli: Any, data: str, tmp_path: Path
) -> None:
    path = with_id(tmp_path, "landlord-residential-all-clear", OTHER)
    assert cli("--data-dir", data, "import", str(path)).code == 0
    finalized = cli(
        "--data-dir",
        data,
        "finalize",
        "0123",
        "--decision",
        "proceed",
        "--reasoning",
        "Niets bijzonders.",
    )
    assert finalized.code == 0, finalized.err
    assert cli("--data-dir", data, "amend", "0123", "--reason", "typefout in de naam").code == 0
    dutch = cli("--lang", "nl", "--data-dir", data, "history", "0123")
    assert dutch.code == 0
    assert f"Wijzigingsgeschiedenis van controle {OTHER}:" in dutch.out
    for sentence in (
        f"revisie 1: geïmporteerd uit {OTHER}.json",
        "revisie 1: besluit vastgelegd: Doorgaan",
        "revisie 1: definitief gemaakt, met de digitale vingerafdruk ",
        "revisie 2: correctie gestart als revisie 2: typefout in de naam",
    ):
        assert sentence in dutch.out
    for english in ("decision", "finalized", "imported", "amended", "revision"):
        assert english not in dutch.out
    english_out = cli("--lang", "en", "--data-dir", data, "history", "0123").out
    assert "revision 1: decision recorded: Proceed" in english_out
    shown = cli("--lang", "nl", "--data-dir", data, "show", "0123")
    assert "besluit vastgelegd: Doorgaan" in shown.out and " decision" not in shown.out
