"""``vastgoedcheck report`` as the recipient reads it: page 1 is the case with the reporter's
statement of facts, the file is named after the matter, a missing examiner is said, and
FIU-Nederland can be told of a must-report matter before the check is finalized."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.conftest import REPO

EXAMPLES = REPO / "docs" / "examples"
STATEMENT = "On 3 December at 14:00 I saw the attic windows taped over and smelt hemp."


def _pages(path: Path) -> list[str]:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def _import(cli: Any, data: str, tmp_path: Path, example: str, **examiner: str) -> str:
    document = json.loads((EXAMPLES / f"{example}.json").read_text(encoding="utf-8"))
    document["examiner"] = {**document.get("examiner", {}), **examiner}
    source = tmp_path / f"{example}.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    result = cli("--data-dir", data, "import", str(source))
    assert result.code == 0, result.err
    return str(result.out.split()[0])


def _finalize(cli: Any, data: str, check_id: str) -> None:
    finalized = cli(
        "--data-dir", data, "finalize", check_id,
        "--decision", "report_police", "--reasoning", "Signals seen on site.",
    )  # fmt: skip
    assert finalized.code == 0, finalized.err


@pytest.fixture
def data(tmp_path: Path) -> str:
    return str(tmp_path / "data")


@pytest.fixture
def landlord(cli: Any, data: str, tmp_path: Path) -> str:
    check_id = _import(
        cli, data, tmp_path, "landlord-residential-hemp-signs",
        phone="030 123 45 67", email="m.jansen@example.nl",
    )  # fmt: skip
    _finalize(cli, data, check_id)
    return check_id


@pytest.mark.parametrize("recipient", ["dossier", "police", "municipality"])
def test_page_one_is_who_what_signals_and_statement_not_the_ids(
    cli: Any, data: str, landlord: str, tmp_path: Path, recipient: str
) -> None:
    statement = tmp_path / "statement.txt"
    statement.write_text(STATEMENT, encoding="utf-8")
    out = tmp_path / "report.pdf"
    result = cli(
        "--data-dir", data, "report", landlord, "-o", str(out),
        "--recipient", recipient, "--statement", str(statement), "--lang", "en",
    )  # fmt: skip
    assert result.code == 0, result.err
    pages = _pages(out)
    first = pages[0]
    for seen in ("M. Jansen", "030 123 45 67", "m.jansen@example.nl"):  # who and how to reach
        assert seen in first
    assert "Oudegracht 101, 3511 AD Utrecht" in first and "Daan Bakker" in first  # the matter
    assert "The signals in brief" in first and "⚠ RES-19" in first
    assert STATEMENT in first
    assert "Legal basis" in first
    assert landlord not in first and "Revision" not in first and "SHA-256" not in first
    assert landlord in pages[-1]  # the record of the report, at the end
    assert "vastgoedcheck: note:" not in result.err  # the examiner is named and reachable


def test_a_missing_or_unreadable_statement_is_one_sentence_and_no_report(
    cli: Any, data: str, landlord: str, tmp_path: Path
) -> None:
    out = tmp_path / "report.pdf"
    missing = cli(
        "--data-dir", data, "report", landlord, "-o", str(out),
        "--statement", str(tmp_path / "nowhere.txt"),
    )  # fmt: skip
    assert missing.code != 0 and not out.exists()
    assert missing.err.count("\n") == 1 and "statement of facts" in missing.err
    assert "Traceback" not in missing.err
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\xff\xfe")
    unreadable = cli(
        "--data-dir", data, "report", landlord, "-o", str(out), "--statement", str(binary)
    )
    assert unreadable.code != 0 and not out.exists()
    assert "not text in UTF-8" in unreadable.err and unreadable.err.count("\n") == 1


@pytest.mark.parametrize(
    ("language", "name"),
    [
        ("nl", "politie-Oudegracht-101-Utrecht-"),
        ("en", "police-Oudegracht-101-Utrecht-"),
    ],
)
def test_the_default_file_names_the_recipient_and_the_matter_in_the_reports_language(
    cli: Any,
    data: str,
    landlord: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    name: str,
) -> None:
    folder = tmp_path / "here"
    folder.mkdir()
    monkeypatch.chdir(folder)
    result = cli(
        "--data-dir", data, "report", landlord, "--recipient", "police", "--lang", language
    )
    assert result.code == 0, result.err
    [written] = folder.iterdir()
    assert written.name.startswith(name) and written.suffix == ".pdf"
    assert written.name[len(name) : -4].count("-") == 2  # the date, e.g. 2026-12-05


def test_a_report_without_a_reachable_examiner_is_said_before_it_is_made(
    cli: Any, data: str, tmp_path: Path
) -> None:
    check_id = _import(cli, data, tmp_path, "landlord-residential-hemp-signs")  # no phone, e-mail
    _finalize(cli, data, check_id)
    out = tmp_path / "police.pdf"
    result = cli("--data-dir", data, "report", check_id, "-o", str(out), "--recipient", "police")
    assert result.code == 0
    assert "will not say who reports or how to reach them" in result.err
    assert out.exists()


def test_fiu_details_of_a_draft_with_the_objective_indicator_are_marked_on_every_page(
    cli: Any, data: str, tmp_path: Path
) -> None:
    check_id = _import(cli, data, tmp_path, "broker-buyer-cash-deposit")  # a draft, BUY-07 yes
    out = tmp_path / "fiu.pdf"
    result = cli(
        "--data-dir", data, "report", check_id, "-o", str(out), "--recipient", "fiu", "--lang", "en"
    )
    assert result.code == 0, result.err
    pages = _pages(out)
    assert "Made from a draft: the check is not finalized yet." in pages[0]
    for page in pages:
        assert "MADE FROM A DRAFT · CONFIDENTIAL" in page
    police = cli(
        "--data-dir", data, "report", check_id, "-o", str(tmp_path / "p.pdf"),
        "--recipient", "police",
    )  # fmt: skip
    assert police.code != 0 and "draft" in police.err  # the police still get a final record
