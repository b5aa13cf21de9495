"""The report for FIU-Nederland as the reporting form asks for it: the transaction's time and
place, the amounts, the cash with its origin and destination, the parties by role — in the PDF
in the form's order, and as JSON for the portal's upload route."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO
from tests.reports.conftest import ISSUED_AT, document, final, flat, read, report, text
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.reports.report import ReportRefused, build_fiu_json

TRANSACTION = {
    "transaction_date": "2026-11-28",
    "transaction_place": "Utrecht, kantoor Makelaardij Domstad",
    "cash_amount": "15000.00",
    "cash_origin": "meegebracht door de koper, herkomst niet aangetoond",
    "cash_destination": "derdengeldenrekening van het kantoor",
}


def _cash_deposit(registry: PackRegistry) -> Any:
    data = document("broker-buyer-cash-deposit")
    data["property"].update(TRANSACTION)
    data["reference"] = "VK-2026-118"
    data["examiner"] = {"name": "J. de Makelaar", "phone": "030 123 4567"}
    return read(data, registry)


def test_the_fiu_pdf_lays_out_the_form_in_its_order(registry: PackRegistry) -> None:
    check, pack = _cash_deposit(registry)
    content = flat(text(report(final(check), pack, "fiu", "en")))
    order = [
        "For the reporting form of FIU-Nederland",
        "Who reports",
        "Own reference VK-2026-118",
        "Indicators",
        "Objective indicator",
        "Transaction: nature, time and place",
        "Date of the transaction 28 November 2026",
        "Place of the transaction Utrecht, kantoor Makelaardij Domstad",
        "Amounts, and for cash its origin and destination",
        "Amount paid in cash €15,000.00",
        "Where the cash comes from meegebracht door de koper, herkomst niet aangetoond",
        "Where the cash goes to derdengeldenrekening van het kantoor",
        "Party: buyer",
        "Kees Verhoeven",
    ]
    content = content[content.find(order[0]) :]  # after the case on the first page
    positions = [content.find(phrase) for phrase in order]
    assert -1 not in positions, [p for p, at in zip(order, positions, strict=True) if at < 0]
    assert positions == sorted(positions)


def test_the_fiu_form_is_in_dutch_for_a_dutch_report(registry: PackRegistry) -> None:
    check, pack = _cash_deposit(registry)
    content = flat(text(report(final(check), pack, "fiu", "nl")))
    assert "Datum van de transactie 28 november 2026" in content
    assert "Waar het contante geld vandaan komt meegebracht door de koper" in content


def test_the_json_holds_the_same_facts_under_the_portals_terms(registry: PackRegistry) -> None:
    check, pack = _cash_deposit(registry)
    data = json.loads(build_fiu_json(final(check), pack, "en", ISSUED_AT, "Cash at the desk."))
    deal = data["transaction"]
    assert deal["date_transaction"] == "2026-11-28"
    assert deal["transaction_location"] == TRANSACTION["transaction_place"]
    assert deal["transaction_description"] == "sale"
    assert deal["cash"] == {
        "amount_local": "15000.00",
        "from_funds_origin": TRANSACTION["cash_origin"],
        "to_funds_destination": TRANSACTION["cash_destination"],
    }
    assert data["entity_reference"] == "VK-2026-118"
    assert data["reporting_person"] == {"name": "J. de Makelaar", "phone": "030 123 4567"}
    assert data["reason"] == "Cash at the desk."
    assert data["report_indicators"][0]["kind"] == "objective"
    [buyer] = data["parties"]
    assert buyer["role"] == "buyer" and buyer["person"]["name"] == "Kees Verhoeven"
    assert buyer["person"]["id_document"]["number"]  # art. 16 lid 2 sub b: type and number
    assert data["check"]["fingerprint"] == final(check).fingerprint


def test_no_json_for_fiu_is_made_for_a_landlord(registry: PackRegistry) -> None:
    check, pack = read(document("landlord-residential-hemp-signs"), registry)
    with pytest.raises(ReportRefused, match="FIU-Nederland"):
        build_fiu_json(final(check), pack, "en", ISSUED_AT)


def test_a_landlord_cannot_record_where_cash_comes_from(registry: PackRegistry) -> None:
    from vastgoedcheck.exchange.reading import InvalidCheck

    data = document("landlord-residential-hemp-signs")
    data["property"]["cash_origin"] = "van de huurder"
    with pytest.raises(InvalidCheck, match="cash"):
        read(data, registry)


def test_the_command_writes_the_json_and_logs_it(cli: Any, tmp_path: Path) -> None:
    data_dir = str(tmp_path / "data")
    source = document("broker-buyer-cash-deposit")
    source["property"].update(TRANSACTION)
    source["decision"] = {"outcome": "must_report", "reasoning": "Cash of €15,000 at the desk."}
    path = tmp_path / "check.json"
    path.write_text(json.dumps(source), encoding="utf-8")
    imported = cli("--data-dir", data_dir, "import", str(path))
    assert imported.code == 0, imported.err
    check_id = imported.out.split()[0]
    assert cli("--data-dir", data_dir, "finalize", check_id).code == 0
    out = tmp_path / "fiu.json"
    made = cli(
        "--data-dir", data_dir, "report", check_id, "--recipient", "fiu", "--format", "json",
        "-o", str(out),
    )  # fmt: skip
    assert made.code == 0, made.err
    assert json.loads(out.read_text(encoding="utf-8"))["transaction"]["cash"]["amount_local"]
    shown = json.loads(cli("--data-dir", data_dir, "show", check_id, "--json").out)
    assert [e["new"]["recipient"] for e in shown["events"] if e["action"] == "issued"] == ["fiu"]

    refused = cli("--data-dir", data_dir, "report", check_id, "--format", "json", "-o", str(out))
    assert refused.code == 1 and "--recipient fiu" in refused.err
    assert "Traceback" not in refused.err


def test_the_mapping_is_documented_for_every_key() -> None:
    from vastgoedcheck.reports.fiu_form import CASH_FIELDS, PROPERTY_FIELDS, TRANSACTION_FIELDS

    page = (REPO / "docs" / "fiu-export.md").read_text(encoding="utf-8")
    for key, field in (*TRANSACTION_FIELDS, *CASH_FIELDS, *PROPERTY_FIELDS):
        assert f"`{key}`" in page and f"`{field}`" in page
