"""``report``, ``verify`` and ``templates print``: files written, logged and verifiable, and
every mistake one sentence with exit code 1."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.conftest import REPO, run_subprocess

EXAMPLES = REPO / "docs" / "examples"


def _text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@pytest.fixture
def data(tmp_path: Path) -> str:
    return str(tmp_path / "data")


def _final_check(cli: Any, data: str, example: str) -> str:
    result = cli("--data-dir", data, "import", str(EXAMPLES / f"{example}.json"))
    assert result.code == 0, result.err
    check_id = result.out.split()[0]
    finalized = cli(
        "--data-dir", data, "finalize", check_id,
        "--decision", "do_not_proceed", "--reasoning", "Signals seen on site.",
    )  # fmt: skip
    assert finalized.code == 0, finalized.err
    return check_id


@pytest.fixture
def broker(cli: Any, data: str) -> str:
    return _final_check(cli, data, "broker-buyer-cash-deposit")


def _issued_events(cli: Any, data: str, check_id: str) -> list[dict[str, Any]]:
    shown = json.loads(cli("--data-dir", data, "show", check_id, "--json").out)
    return [event for event in shown["events"] if event["action"] == "issued"]


def test_a_report_is_written_logged_and_verified(
    cli: Any, data: str, broker: str, tmp_path: Path
) -> None:
    out = tmp_path / "fiu.pdf"
    result = cli("--data-dir", data, "report", broker, "-o", str(out), "--recipient", "fiu")
    assert result.code == 0, result.err
    assert broker in result.out and str(out) in result.out
    [event] = _issued_events(cli, data, broker)
    assert event["new"]["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
    assert event["new"]["recipient"] == "fiu" and event["new"]["revision"] == 1
    assert event["new"]["language"] == "nl"  # the check's own language by default

    verified = cli("--data-dir", data, "verify", str(out))
    assert verified.code == 0, verified.err
    assert broker in verified.out and "revision 1" in verified.out
    assert "FIU-Nederland" in verified.out


def test_verify_rejects_a_copy_with_one_changed_byte(
    cli: Any, data: str, broker: str, tmp_path: Path
) -> None:
    out = tmp_path / "police.pdf"
    assert (
        cli("--data-dir", data, "report", broker, "-o", str(out), "--recipient", "police").code == 0
    )
    content = bytearray(out.read_bytes())
    middle = len(content) // 2
    content[middle] = (content[middle] + 1) % 256
    altered = tmp_path / "police-altered.pdf"
    altered.write_bytes(bytes(content))
    result = cli("--data-dir", data, "verify", str(altered))
    assert result.code == 1
    assert "has been altered" in result.err and broker in result.err
    assert len(result.err.strip().splitlines()) == 1


def test_verify_rejects_a_file_that_is_not_a_pdf(cli: Any, data: str, tmp_path: Path) -> None:
    note = tmp_path / "notes.txt"
    note.write_text("not a report", encoding="utf-8")
    result = cli("--data-dir", data, "verify", str(note))
    assert result.code == 1 and "is not a PDF file" in result.err
    missing = cli("--data-dir", data, "verify", str(tmp_path / "gone.pdf"))
    assert missing.code == 1 and "cannot be read" in missing.err


def test_verify_rejects_a_report_issued_elsewhere(
    cli: Any, broker: str, data: str, tmp_path: Path
) -> None:
    out = tmp_path / "dossier.pdf"
    assert cli("--data-dir", data, "report", broker, "-o", str(out)).code == 0
    other = str(tmp_path / "other-data")
    result = cli("--data-dir", other, "verify", str(out))
    assert result.code == 1 and "was not issued by this installation" in result.err


def test_an_unwritable_output_is_one_sentence_and_logs_nothing(
    cli: Any, data: str, broker: str, tmp_path: Path
) -> None:
    target = tmp_path / "no-such-folder" / "report.pdf"
    result = cli("--data-dir", data, "report", broker, "-o", str(target))
    assert result.code == 1
    assert "cannot be written" in result.err and len(result.err.strip().splitlines()) == 1
    assert not target.exists()
    assert _issued_events(cli, data, broker) == []


def test_unknown_check_and_refused_recipient_are_one_sentence(
    cli: Any, data: str, tmp_path: Path
) -> None:
    landlord = _final_check(cli, data, "landlord-residential-hemp-signs")
    out = tmp_path / "fiu.pdf"
    refused = cli("--data-dir", data, "report", landlord, "-o", str(out), "--recipient", "fiu")
    assert refused.code == 1 and "0900-8844" in refused.err and not out.exists()
    assert "Traceback" not in refused.err
    unknown = cli("--data-dir", data, "report", "no-such-check", "-o", str(out))
    assert unknown.code == 1 and "no-such-check" in unknown.err


def test_a_draft_goes_to_the_dossier_only(cli: Any, data: str, tmp_path: Path) -> None:
    result = cli(
        "--data-dir", data, "import", str(EXAMPLES / "landlord-residential-hemp-signs.json")
    )
    draft = result.out.split()[0]
    police = cli(
        "--data-dir", data, "report", draft, "-o", str(tmp_path / "p.pdf"), "--recipient", "police"
    )
    assert police.code == 1 and "finalize it first" in police.err
    assert cli("--data-dir", data, "report", draft, "-o", str(tmp_path / "d.pdf")).code == 0


def test_the_report_language_is_chosen_apart_from_the_messages(
    cli: Any, data: str, broker: str, tmp_path: Path
) -> None:
    english = tmp_path / "en.pdf"
    dutch = tmp_path / "nl.pdf"
    assert cli("--data-dir", data, "report", broker, "-o", str(english), "--lang", "en").code == 0
    result = cli(
        "--lang", "en", "--data-dir", data, "report", broker, "-o", str(dutch), "--lang", "nl"
    )
    assert result.code == 0 and "written to" in result.out  # messages stay English
    assert result.out.count("\n") == 1  # one line for a script to read; the note beside it:
    assert "this file is not encrypted, unlike the data folder" in result.err
    assert "CONFIDENTIAL" in _text(english) and "VERTROUWELIJK" in _text(dutch)
    assert "€425,000.00" in _text(english) and "€ 425.000,00" in _text(dutch)


def test_the_pdf_says_what_it_is_in_its_metadata(
    cli: Any, data: str, broker: str, tmp_path: Path
) -> None:
    out = tmp_path / "police.pdf"
    cli(
        "--data-dir",
        data,
        "report",
        broker,
        "-o",
        str(out),
        "--recipient",
        "police",
        "--lang",
        "en",
    )
    reader = PdfReader(str(out))
    info = reader.metadata
    assert info is not None
    assert info.title and "Report for the police" in info.title and broker in info.title
    assert info.author == "S. de Wit, De Wit Makelaardij"
    assert info.subject and "police report" in info.subject
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"


def test_a_blank_checklist_writes_the_conditions_out(cli: Any, tmp_path: Path) -> None:
    out = tmp_path / "blank.pdf"
    result = cli("templates", "print", "landlord-residential", "-o", str(out), "--lang", "en")
    assert result.code == 0, result.err
    content = _text(out)
    assert "Residential letting" in content
    assert (
        "RES-19" in content and "Only when the answer to RES-00 is 'During the tenancy'." in content
    )
    assert "☐ yes" in content
    unknown = cli("templates", "print", "no-such-pack", "-o", str(out))
    assert unknown.code == 1 and "no-such-pack" in unknown.err


def test_report_and_verify_as_separate_processes(tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    imported = run_subprocess(
        "--data-dir", data, "import", str(EXAMPLES / "notary-cash-above-2500.json")
    )
    assert imported.code == 0, imported.err
    check_id = imported.out.split()[0]
    out = tmp_path / "dossier.pdf"
    made = run_subprocess("--lang", "en", "--data-dir", data, "report", check_id, "-o", str(out))
    assert made.code == 0, made.err
    verified = run_subprocess("--lang", "en", "--data-dir", data, "verify", str(out))
    assert verified.code == 0 and check_id in verified.out


def test_verify_still_knows_a_report_of_a_deleted_draft(
    cli: Any, data: str, tmp_path: Path
) -> None:
    result = cli(
        "--data-dir", data, "import", str(EXAMPLES / "landlord-residential-all-clear.json")
    )
    draft = result.out.split()[0]
    out = tmp_path / "concept.pdf"
    assert cli("--data-dir", data, "report", draft, "-o", str(out)).code == 0
    deleted = cli("--data-dir", data, "delete", draft, "--reason", "Applicant withdrew")
    assert deleted.code == 0, deleted.err
    verified = cli("--data-dir", data, "verify", str(out))
    assert verified.code == 0 and draft in verified.out
