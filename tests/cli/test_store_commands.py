"""The store's commands: import, list, show, export, finalize, amend, delete, backup, restore."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO, run_subprocess

EXAMPLES = REPO / "docs" / "examples"
EXAMPLE_FILES = sorted(p for p in EXAMPLES.glob("*.json") if p.stem != "expected-outcomes")


@pytest.fixture
def data(tmp_path: Path) -> str:
    return str(tmp_path / "data")


def imported(cli: Any, data: str, *files: Path) -> list[str]:
    result = cli("--data-dir", data, "import", *map(str, files))
    assert result.code == 0, result.err
    return result.out.split()


def summaries(cli: Any, data: str, *filters: str) -> list[dict[str, Any]]:
    result = cli("list", "--data-dir", data, "--json", *filters)
    assert result.code == 0, result.err
    rows: list[dict[str, Any]] = json.loads(result.out)
    return rows


def test_import_then_list_shows_every_check(cli, data: str) -> None:  # type: ignore[no-untyped-def]
    ids = imported(cli, data, *EXAMPLE_FILES)
    rows = summaries(cli, data)
    assert sorted(row["id"] for row in rows) == sorted(ids)
    assert {"id", "pack", "status", "outcome", "parties", "created_at", "updated_at"} <= set(
        rows[0]
    )
    buyer = [row for row in rows if row["pack"] == "broker-buyer"]
    assert buyer[0]["parties"] == ["Kees Verhoeven"] and buyer[0]["outcome"] == "must_report"


def test_list_json_gives_each_check_on_a_line_of_its_own(cli, data: str) -> None:  # type: ignore[no-untyped-def]
    """A script can read it whole as JSON, or a person search it line by line."""
    ids = imported(cli, data, *EXAMPLE_FILES)
    lines = cli("list", "--data-dir", data, "--json").out.splitlines()
    assert lines[0] == "[" and lines[-1] == "]" and len(lines) == len(ids) + 2
    for line, check_id in zip(
        lines[1:-1], [row["id"] for row in summaries(cli, data)], strict=True
    ):
        assert json.loads(line.rstrip(","))["id"] == check_id
    assert cli("list", "--data-dir", data, "--json", "--status", "final").out == "[]\n"


def test_list_json_is_the_same_on_an_output_that_takes_only_text(cli, data: str) -> None:  # type: ignore[no-untyped-def]
    """Written as UTF-8 bytes where standard output takes them, as text elsewhere (a program
    that runs the command line with its output in a string): the same JSON either way."""
    import contextlib
    import io

    from vastgoedcheck.cli import main

    imported(cli, data, *EXAMPLE_FILES)
    as_bytes = cli("list", "--data-dir", data, "--json").out
    text_only = io.StringIO()
    with contextlib.redirect_stdout(text_only):
        assert main(["--lang", "en", "list", "--data-dir", data, "--json"]) == 0
    assert text_only.getvalue() == as_bytes
    assert "Kees Verhoeven" in as_bytes


def test_a_check_list_with_text_that_is_not_valid_utf8_is_still_written_as_json(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A lone surrogate (from a file of an earlier version) cannot be written as UTF-8: the
    listing escapes it rather than end in a traceback, one check per line as always."""
    from vastgoedcheck.cli.output import print_check_list

    print_check_list([[{"id": "a", "parties": ["Ay\ud800e"]}, {"id": "b", "parties": []}]])
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 4
    assert json.loads("\n".join(lines))[0]["parties"] == ["Ay\ud800e"]


def test_list_filters_by_status_pack_and_search(cli, data: str) -> None:  # type: ignore[no-untyped-def]
    imported(cli, data, *EXAMPLE_FILES)
    assert {row["pack"] for row in summaries(cli, data, "--pack", "landlord-residential")} == {
        "landlord-residential"
    }
    assert summaries(cli, data, "--status", "final") == []
    assert [row["city"] for row in summaries(cli, data, "--search", "YILMAZ")] == ["Amersfoort"]
    stopped = cli("--lang", "nl", "list", "--data-dir", data, "--pack", "notary-transaction")
    assert "STOP: niet doorgaan" in stopped.out and "Melding aanbevolen" not in stopped.out
    text = cli("list", "--data-dir", data, "--search", "nobody-by-this-name")
    assert text.code == 0 and "No checks found" in text.out


def test_show_prints_the_check_and_its_history(cli, data: str) -> None:  # type: ignore[no-untyped-def]
    [check_id] = imported(cli, data, EXAMPLES / "broker-buyer-cash-deposit.json")
    result = cli("show", check_id, "--data-dir", data)
    assert result.code == 0
    assert "Must report to FIU-Nederland" in result.out
    assert "Party (buyer): Kees Verhoeven" in result.out and "€15,000.00" in result.out
    dutch = cli("--lang", "nl", "show", check_id, "--data-dir", data)
    assert "Partij (koper): Kees Verhoeven" in dutch.out
    shown = json.loads(cli("show", check_id, "--json", "--data-dir", data).out)
    assert shown["check"]["id"] == check_id
    assert [e["action"] for e in shown["events"]] == ["imported"]


def test_export_round_trips_with_import(cli, data: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    [check_id] = imported(cli, data, EXAMPLES / "landlord-rural-drug-offer.json")
    out = tmp_path / "out.json"
    exported = cli("export", check_id, "-o", str(out), "--data-dir", data)
    assert exported.code == 0 and "not encrypted" in exported.err and "confidential" in exported.err
    other = str(tmp_path / "other")
    assert imported(cli, other, out) == [check_id]
    again = tmp_path / "again.json"
    assert cli("export", check_id, "-o", str(again), "--data-dir", other).code == 0
    assert json.loads(again.read_text(encoding="utf-8")) == json.loads(out.read_text("utf-8"))
    shown = json.loads(cli("show", check_id, "--json", "--data-dir", data).out)
    [issued] = [e for e in shown["events"] if e["action"] == "issued"]
    assert issued["new"]["file"] == str(out)


def test_finalize_amend_and_the_old_revision(cli, data: str) -> None:  # type: ignore[no-untyped-def]
    [check_id] = imported(cli, data, EXAMPLES / "landlord-residential-all-clear.json")
    refused = cli("finalize", check_id, "--data-dir", data)
    assert refused.code == 1 and "no decision has been recorded" in refused.err
    done = cli(
        "finalize",
        check_id,
        "--decision",
        "proceed",
        "--reasoning",
        "All clear.",
        "--data-dir",
        data,
    )
    assert done.code == 0 and "fingerprint" in done.out
    amended = cli("amend", check_id, "--reason", "Wrong rent", "--data-dir", data)
    assert amended.code == 0 and "revision 2" in amended.out
    old = json.loads(cli("show", check_id, "--revision", "1", "--json", "--data-dir", data).out)
    assert old["check"]["status"] == "final" and old["check"]["revision"] == 1
    assert [r["status"] for r in old["revisions"]] == ["final", "draft"]


def test_delete_a_draft(cli, data: str) -> None:  # type: ignore[no-untyped-def]
    [check_id] = imported(cli, data, EXAMPLES / "landlord-residential-straw-man.json")
    assert cli("delete", check_id, "--reason", "Test entry", "--data-dir", data).code == 0
    assert summaries(cli, data) == []


def test_backup_and_restore(cli, data: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ids = imported(cli, data, *EXAMPLE_FILES[:3])
    backup = tmp_path / "backup.zip"
    made = cli("backup", "-o", str(backup), "--data-dir", data)
    assert made.code == 0 and "3 checks" in made.out
    cli("delete", ids[0], "--reason", "mistake", "--data-dir", data)
    restored = cli("restore", str(backup), "--data-dir", data)
    assert restored.code == 0 and "Restored 3 checks" in restored.out
    assert sorted(row["id"] for row in summaries(cli, data)) == sorted(ids)


def test_a_refused_file_is_named_and_others_are_still_imported(  # type: ignore[no-untyped-def]
    cli, data: str, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    document = json.loads((EXAMPLES / "landlord-residential-all-clear.json").read_text("utf-8"))
    document["answers"]["RES-99"] = {"value": "no"}
    bad.write_text(json.dumps([document]), encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": ', encoding="utf-8")
    result = cli("--data-dir", data, "import", str(bad), str(broken), str(EXAMPLE_FILES[0]))
    assert result.code == 1
    lines = result.err.strip().splitlines()
    assert len(lines) == 2
    assert "bad.json was not imported: check number 1: " in lines[0]
    assert "RES-99" in lines[0] and "nothing from this file was stored" in lines[0]
    assert "broken.json was not imported" in lines[1] and "line 1" in lines[1]
    assert len(result.out.split()) == 1 and len(summaries(cli, data)) == 1


@pytest.mark.parametrize(
    "args",
    [
        ["show", "7705d89a-269f-4bc1-83c4-c3c0904a5bad"],
        ["export", "7705d89a-269f-4bc1-83c4-c3c0904a5bad", "-o", "x.json"],
        ["finalize", "nonsense"],
        ["amend", "nonsense", "--reason", "x"],
        ["delete", "nonsense", "--reason", "x"],
        ["restore", "missing.zip"],
        ["import", "missing.json"],
    ],
)
def test_user_errors_are_one_sentence_and_exit_code_1(  # type: ignore[no-untyped-def]
    cli, data: str, args: list[str]
) -> None:
    result = cli("--data-dir", data, *args)
    assert result.code == 1
    assert len(result.err.strip().splitlines()) == 1 and "Traceback" not in result.err
    assert result.err.startswith("vastgoedcheck: ")


def test_an_unwritable_export_path_is_one_sentence(cli, data: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    [check_id] = imported(cli, data, EXAMPLE_FILES[0])
    result = cli(
        "export", check_id, "-o", str(tmp_path / "no" / "such" / "x.json"), "--data-dir", data
    )
    assert result.code == 1 and "cannot be written" in result.err


def test_the_data_folder_comes_from_the_environment(tmp_path: Path) -> None:
    folder = tmp_path / "from-env"
    env = {"VASTGOEDCHECK_DATA_DIR": str(folder)}
    result = run_subprocess("--lang", "en", "import", str(EXAMPLE_FILES[0]), env=env)
    assert result.code == 0, result.err
    assert list((folder / "checks").glob("*.json"))
    listed = run_subprocess("--lang", "en", "list", "--json", env=env)
    assert len(json.loads(listed.out)) == 1


def test_messages_are_dutch_by_request(cli, data: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("--lang", "nl", "--data-dir", data, "show", "nonsense")
    assert result.code == 1 and "geen controle nonsense" in result.err


def test_a_damaged_store_is_one_sentence_not_a_traceback(data: str) -> None:
    folder = Path(data)
    assert run_subprocess("--lang", "en", "--data-dir", data, "list").code == 0
    (folder / "meta.json").write_text("{", encoding="utf-8")
    result = run_subprocess("--lang", "en", "--data-dir", data, "list")
    assert result.code == 1 and "Traceback" not in result.err
    assert "meta.json is damaged" in result.err and "restore a backup" in result.err


def test_list_says_a_check_without_answers_has_no_advice_yet(
    cli, data: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    source = json.loads((EXAMPLE_FILES[0]).read_text(encoding="utf-8"))
    source["answers"] = {}
    source.pop("decision", None)
    empty = tmp_path / "empty.json"
    empty.write_text(json.dumps(source), encoding="utf-8")
    [check_id] = imported(cli, data, empty)
    listed = cli("list", "--data-dir", data)
    [line] = [line for line in listed.out.splitlines() if line.startswith(check_id)]
    assert "Incomplete — no advice yet" in line and "Proceed" not in line
    [row] = summaries(cli, data)
    assert row["undecided"] is True
