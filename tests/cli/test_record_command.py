"""``record``, and ``report``/``export`` with and without ``--internal``: report records on the
command line, audited and correctable, and never in what the client may see."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.conftest import REPO

EXAMPLES = REPO / "docs" / "examples"


def page_texts(path: Path) -> list[str]:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


@pytest.fixture
def data(tmp_path: Path) -> str:
    return str(tmp_path / "data")


def imported(cli: Any, data: str, example: str) -> str:
    result = cli("--data-dir", data, "import", str(EXAMPLES / f"{example}.json"))
    assert result.code == 0, result.err
    return str(result.out.split()[0])


def records(cli: Any, data: str, check_id: str) -> dict[str, Any]:
    result = cli("--data-dir", data, "record", check_id, "--list", "--json")
    assert result.code == 0, result.err
    found: dict[str, Any] = json.loads(result.out)
    return found


def test_a_report_and_its_correction_are_recorded_and_audited(cli: Any, data: str) -> None:
    broker = imported(cli, data, "broker-buyer-cash-deposit")
    made = cli(
        "--data-dir", data, "record", broker, "--channel", "fiu", "--date", "2026-12-04",
        "--reference", "FIU-2026-0042", "--indicator", "objective",
        "--which", "BUY-07: cash of €10,000 or more", "--acknowledgement", "received 4 Dec",
    )  # fmt: skip
    assert made.code == 0, made.err
    assert "reported to FIU-Nederland; reference FIU-2026-0042" in made.out
    [first] = records(cli, data, broker)["records"]
    assert first["indicator"] == "objective" and first["indicator_detail"].startswith("BUY-07")

    refused = cli(
        "--data-dir", data, "record", broker, "--corrects", first["id"][:8],
        "--channel", "fiu", "--reference", "FIU-2026-0043",
    )  # fmt: skip
    assert refused.code == 1 and "--reason" in refused.err
    corrected = cli(
        "--data-dir", data, "record", broker, "--corrects", first["id"][:8],
        "--channel", "fiu", "--reference", "FIU-2026-0043", "--indicator", "objective",
        "--reason", "Typing error in the reporting number",
    )  # fmt: skip
    assert corrected.code == 0, corrected.err
    listing = records(cli, data, broker)
    assert listing["status"] == "reported"
    old, new = listing["records"]
    assert old == first  # still readable as it was
    assert new["corrects"] == first["id"]
    assert new["correction_reason"] == "Typing error in the reporting number"
    text = cli("--data-dir", data, "record", broker, "--list").out
    assert "Corrected later: On 4 December 2026: reported to FIU-Nederland" in text
    history = cli("--data-dir", data, "show", broker).out
    assert "report record added" in history and "report record corrected" in history


def test_a_decision_not_to_report_needs_its_reasoning_and_sets_the_status(
    cli: Any, data: str
) -> None:
    landlord = imported(cli, data, "landlord-residential-straw-man")
    bare = cli("--data-dir", data, "record", landlord, "--not-reporting")
    assert bare.code == 1 and "reasoning" in bare.err and "Traceback" not in bare.err
    made = cli(
        "--data-dir", data, "record", landlord, "--not-reporting",
        "--reasoning", "The applicant withdrew before any agreement.",
    )  # fmt: skip
    assert made.code == 0, made.err
    assert records(cli, data, landlord)["status"] == "not_reporting"
    listing = json.loads(cli("--data-dir", data, "list", "--json").out)
    assert [row["report_status"] for row in listing if row["id"] == landlord] == ["not_reporting"]


def test_what_the_role_cannot_have_done_is_one_sentence(cli: Any, data: str) -> None:
    landlord = imported(cli, data, "landlord-residential-straw-man")
    fiu = cli("--data-dir", data, "record", landlord, "--channel", "fiu")
    assert fiu.code == 1 and "only takes reports from Wwft institutions" in fiu.err
    broker = imported(cli, data, "broker-buyer-cash-deposit")
    duty = cli("--data-dir", data, "record", broker, "--not-reporting", "--reasoning", "x")
    assert duty.code == 1 and "art. 16 Wwft" in duty.err
    both = cli("--data-dir", data, "record", broker, "--channel", "fiu", "--not-reporting")
    assert both.code == 1 and "either --channel" in both.err
    assert records(cli, data, broker)["records"] == []


def test_the_internal_dossier_is_marked_on_every_page_and_only_it_holds_records(
    cli: Any, data: str, tmp_path: Path
) -> None:
    broker = imported(cli, data, "broker-buyer-cash-deposit")
    decided = cli(
        "--data-dir", data, "finalize", broker, "--decision", "report_fiu",
        "--reasoning", "Cash deposit of €15,000 offered; reported to FIU-Nederland.",
    )  # fmt: skip
    assert decided.code == 0, decided.err
    cli("--data-dir", data, "record", broker, "--channel", "fiu", "--reference", "FIU-77")

    internal = tmp_path / "internal.pdf"
    made = cli(
        "--data-dir", data, "report", broker, "-o", str(internal), "--internal", "--lang", "en"
    )  # fmt: skip
    assert made.code == 0, made.err
    pages = page_texts(internal)
    assert len(pages) > 1
    assert all("INTERNAL — NOT FOR THE CLIENT" in page for page in pages)
    whole = " ".join(pages)
    assert "FIU-77" in whole and "Decision: Report to FIU-Nederland" in whole

    dossier = tmp_path / "dossier.pdf"
    assert cli("--data-dir", data, "report", broker, "-o", str(dossier), "--lang", "en").code == 0
    plain = " ".join(page_texts(dossier))
    assert "INTERNAL" not in plain
    for restricted in (
        "FIU-77",
        "Decision: Report to FIU-Nederland",
        "reported to FIU-Nederland",
        "Cash deposit of €15,000 offered",  # the decision's reasoning
        "Report records",
    ):
        assert restricted not in plain, restricted

    dutch = tmp_path / "intern.pdf"
    cli("--data-dir", data, "report", broker, "-o", str(dutch), "--internal", "--lang", "nl")
    assert all("INTERN — NIET VOOR DE CLIËNT" in page for page in page_texts(dutch))

    police = cli(
        "--data-dir", data, "report", broker, "--recipient", "fiu", "-o",
        str(tmp_path / "fiu.pdf"), "--internal",
    )  # fmt: skip
    assert police.code == 1 and "only for the dossier report" in police.err


def test_export_leaves_restricted_data_out_unless_internal(
    cli: Any, data: str, tmp_path: Path
) -> None:
    broker = imported(cli, data, "broker-buyer-cash-deposit")
    cli("--data-dir", data, "finalize", broker, "--decision", "report_fiu", "--reasoning", "x")
    cli("--data-dir", data, "record", broker, "--channel", "fiu", "--reference", "FIU-77")

    plain = tmp_path / "plain.json"
    refused = cli("--data-dir", data, "export", broker, "-o", str(plain))
    assert refused.code == 1 and "art. 23 Wwft" in refused.err and not plain.exists()

    internal = tmp_path / "internal.json"
    assert cli("--data-dir", data, "export", broker, "-o", str(internal), "--internal").code == 0
    document = json.loads(internal.read_text(encoding="utf-8"))
    assert document["decision"]["outcome"] == "report_fiu"
    assert [r["reference"] for r in document["report_records"]] == ["FIU-77"]

    # the internal file brings the records into another data folder, and verifies there
    other = str(tmp_path / "other")
    assert cli("--data-dir", other, "import", str(internal)).code == 0
    assert [r["reference"] for r in records(cli, other, broker)["records"]] == ["FIU-77"]
    assert "tampered" not in cli("--data-dir", other, "show", broker).out

    # a draft's FIU decision is simply left out of a plain export, with no record
    draft = imported(cli, str(tmp_path / "third"), "broker-buyer-cash-deposit")
    third = str(tmp_path / "third")
    cli("--data-dir", third, "finalize", draft, "--decision", "report_fiu", "--reasoning", "x")
    cli("--data-dir", third, "amend", draft, "--reason", "a typing error")
    cli("--data-dir", third, "record", draft, "--channel", "fiu", "--reference", "FIU-88")
    out = tmp_path / "draft.json"
    assert cli("--data-dir", third, "export", draft, "-o", str(out)).code == 0
    text = out.read_text(encoding="utf-8")
    assert "report_fiu" not in text and "FIU-88" not in text and "report_records" not in text


def test_an_old_decision_code_is_still_read_from_an_exchange_file(
    cli: Any, data: str, tmp_path: Path
) -> None:
    document = json.loads((EXAMPLES / "landlord-residential-straw-man.json").read_text("utf-8"))
    document["decision"] = {"outcome": "must_report", "reasoning": "Gemeld bij de politie."}
    old = tmp_path / "old.json"
    old.write_text(json.dumps(document), encoding="utf-8")
    result = cli("assess", str(old))
    assert result.code == 0, result.err
    assert "Your recorded decision: Report (channel not recorded)." in result.out
    check_id = imported(cli, data, "landlord-residential-all-clear")
    assert check_id
    assert cli("--data-dir", data, "import", str(old)).code == 0
