"""Each recipient gets what its profile promises and nothing it leaves out, and its first page
says which is which."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from tests.reports.conftest import (
    FINGERPRINT,
    document,
    final,
    flat,
    pages,
    read,
    report,
    text,
)
from vastgoedcheck.domain.check import Amendment, Check
from vastgoedcheck.domain.pack import Pack
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.reports.report import ReportRefused

IBAN = "NL91ABNA0417164300"
PASSPORT = "SPECI2014"
USE_NOTE = "Koper wil het pand leeg laten staan en vraagt naar de stroomaansluiting."
MONEY_NOTE = f"Broer betaalt mee via rekening {IBAN} en € 50.000 contant; paspoort {PASSPORT}."


def _broker_case(registry: PackRegistry) -> tuple[Check, Pack]:
    """A buyer who pays cash, with identity, payment details and notes full of money."""
    data: dict[str, Any] = document("broker-buyer-cash-deposit")
    buyer = data["parties"][0]
    buyer.update(
        {
            "address": "Stationsweg 12",
            "postcode": "3811 AB",
            "city": "Amersfoort",
            "phone": "06 98765432",
            "source_of_funds": "Erfenis van een oom in Spanje",
        }
    )
    data["property"].update({"payer_iban": IBAN, "payer_name": "K. Verhoeven", "woz_value": 390000})
    data["answers"]["BUY-24"] = {"value": "yes", "note": USE_NOTE}
    data["answers"]["BUY-16"] = {"value": "yes", "note": MONEY_NOTE}
    data["answers"]["BUY-07"]["note"] = "Contant in een sporttas op kantoor aangeboden."
    return read(data, registry)


@pytest.fixture
def broker(registry: PackRegistry) -> tuple[Check, Pack]:
    check, pack = _broker_case(registry)
    return final(check), pack


def test_the_dossier_holds_everything(broker: tuple[Check, Pack]) -> None:
    content = flat(text(report(*broker, "dossier")))
    for expected in (
        "Kees Verhoeven",
        PASSPORT,
        IBAN,
        "€425,000.00",
        "Score:",
        "Must report to FIU-Nederland without delay",
        USE_NOTE,
        MONEY_NOTE,
        "BUY-01",  # an answer that is no signal
        "Signature",
    ):
        assert expected in content, expected
    # An (old) decision to report in a Wwft matter is restricted: only the internal version
    # carries it (art. 23 Wwft).
    assert "Signals observed; reporting." not in content
    internal = flat(text(report(*broker, "dossier", internal=True)))
    assert "Signals observed; reporting." in internal


def test_the_police_get_the_facts_without_the_internal_score(
    broker: tuple[Check, Pack],
) -> None:
    content = flat(text(report(*broker, "police")))
    for expected in ("Kees Verhoeven", "Stationsweg 12", "Lindenlaan 4", USE_NOTE, "BUY-16"):
        assert expected in content, expected
    assert "Broer betaalt mee via rekening" in content  # a note of an observed signal
    assert "Score" not in content
    assert "Must report" not in content  # the advice is internal
    assert PASSPORT not in content  # no ID-document number, not even in a note
    # The cash indicator is for FIU-Nederland only (art. 23 Wwft), with its note.
    assert "BUY-07" not in content and "sporttas" not in content
    assert "BUY-01 " not in content  # answers that are no signal are left out
    assert "Erfenis" not in content  # source of funds


def test_the_municipality_gets_no_money_and_no_document_numbers(
    broker: tuple[Check, Pack],
) -> None:
    content = flat(text(report(*broker, "municipality")))
    assert "Lindenlaan 4" in content and "Kees Verhoeven" in content
    assert USE_NOTE in content  # an observation about the use of the property
    for left_out in (IBAN, PASSPORT, "425", "390", "50.000", "Erfenis", "sporttas", "Score"):
        assert left_out not in content, left_out
    assert "Broer betaalt mee via rekening [removed]" in content


def test_fiu_gets_identity_transaction_indicators_and_the_tipping_off_warning(
    broker: tuple[Check, Pack],
) -> None:
    texts = pages(report(*broker, "fiu"))
    content = flat("\n".join(texts))
    for expected in (
        "Kees Verhoeven",
        f"passport {PASSPORT}",
        IBAN,
        "€425,000.00",
        "Objective indicators met",
        "BUY-07",
        "€15,000.00",  # the cash amount, asked after BUY-07
        "Signals observed; reporting.",  # why it is unusual: the recorded reasoning
    ):
        assert expected in content, expected
    assert "Score" not in content
    assert "Duty of confidentiality (art. 23 Wwft)" in flat(texts[0])
    for page in texts:  # the warning is repeated at the top of every page
        assert "art. 23 Wwft" in page


@pytest.mark.parametrize("recipient", ["dossier", "police", "municipality", "fiu"])
def test_the_first_page_says_what_the_report_holds_and_leaves_out(
    broker: tuple[Check, Pack], recipient: str
) -> None:
    first = flat(pages(report(*broker, recipient))[0])
    assert "About this report" in first
    assert "Left out" in first or "Nothing is left out" in first


def test_fiu_is_refused_for_a_landlord_and_the_open_channels_are_named(
    registry: PackRegistry,
) -> None:
    check, pack = read(document("landlord-residential-hemp-signs"), registry)
    with pytest.raises(ReportRefused) as refused:
        report(final(check), pack, "fiu")
    message = str(refused.value)
    assert "FIU-Nederland" in message and "landlords" in message
    for channel in ("0900-8844", "Meld Misdaad Anoniem", "municipality"):
        assert channel in message
    assert "\n" not in message


def test_an_authority_gets_no_report_of_a_draft(registry: PackRegistry) -> None:
    check, pack = read(document("landlord-residential-hemp-signs"), registry)
    with pytest.raises(ReportRefused, match="draft"):
        report(check, pack, "police")
    draft = pages(report(check, pack, "dossier"))  # the user's own file may show a draft
    assert "Draft: this check is not finalized." in flat(draft[0])
    assert "Digital fingerprint (SHA-256)" not in "\n".join(draft)


def test_every_page_carries_title_marking_page_number_and_date(
    broker: tuple[Check, Pack],
) -> None:
    texts = pages(report(*broker, "dossier"))
    assert len(texts) > 1
    for number, page in enumerate(texts, start=1):
        assert "Dossier report" in page
        assert "CONFIDENTIAL" in page
        assert f"Page {number} of {len(texts)}" in page
        assert "Report made 9 Mar 2026" in page
    # The fingerprint is in the record of the report, at the end, not on the first page.
    assert FINGERPRINT not in texts[0]
    assert FINGERPRINT in texts[-1].replace("\n", "")


def test_an_amended_check_names_the_revision_it_corrects(broker: tuple[Check, Pack]) -> None:
    check, pack = broker
    amended = dataclasses.replace(
        check,
        revision=2,
        amends=Amendment(1, "e" * 64, "Wrong cash amount typed in BUY-07a"),
    )
    first = flat(pages(report(amended, pack, "police"))[-1])
    assert "Corrects revision 1 (digital fingerprint" in first
    assert "e" * 64 in first.replace(" ", "")  # the fingerprint may wrap
    assert "Wrong cash amount typed in BUY-07a" in first
    assert "Revision 2" in first


@pytest.mark.parametrize(
    ("language", "heading", "role", "severity"),
    [
        ("nl", "1. Koper (persoon): ", "Rol makelaar", "kritiek · objectieve indicator"),
        ("en", "1. Buyer (person): ", "Role estate agent", "critical · objective indicator"),
    ],
)
def test_the_report_reads_as_whole_labels_in_each_language(
    broker: tuple[Check, Pack], language: str, heading: str, role: str, severity: str
) -> None:
    content = flat(text(report(*broker, "dossier", language, internal=True)))
    assert heading in content and role in content
    assert severity in content
    if language == "nl":
        assert "Controle-id" in content and "Digitale vingerafdruk (SHA-256)" in content
        assert "Gecontroleerd als" not in content
        assert "Besluit: Melden (kanaal niet vastgelegd) (9 mrt 2026, 14:30:00)" in content
        assert "(9 van 9 beantwoord, 1 signaal)" in content


def test_a_stopped_check_with_a_report_advice_says_both_in_one_sentence(
    registry: PackRegistry,
) -> None:
    check, pack = read(document("landlord-residential-straw-man"), registry)
    content = flat(text(report(final(check), pack, "dossier", "nl")))
    outcome = content[content.index("Uitkomst van de controle") :]
    assert outcome.startswith("Uitkomst van de controle STOP: niet doorgaan; melding aanbevolen")
    # a stop without a report advice is the stop alone, not beside a contradicting level
    check, pack = read(document("notary-cash-above-2500"), registry)
    content = flat(text(report(final(check), pack, "dossier", "nl")))
    outcome = content[content.index("Uitkomst van de controle") :]
    assert outcome.startswith("Uitkomst van de controle STOP: niet doorgaan Score: 6")


def test_the_checklists_legal_position_is_for_the_own_file_not_for_an_authority(
    broker: tuple[Check, Pack],
) -> None:
    position = flat(broker[1].legal_position.en if broker[1].legal_position else "")
    assert position
    assert position[:60] in flat(text(report(*broker, "dossier")))
    for recipient in ("police", "municipality", "fiu"):
        assert position[:60] not in flat(text(report(*broker, recipient))), recipient


def test_a_draft_without_answers_says_incomplete_in_its_outcome(registry: PackRegistry) -> None:
    data = document("landlord-residential-all-clear")
    data["answers"] = {}
    check, pack = read(data, registry)
    content = flat(text(report(check, pack, "dossier", "nl")))
    outcome = content[content.index("Uitkomst van de controle") :]
    assert outcome.startswith("Uitkomst van de controle Onvolledig — nog geen advies")
    assert "vragen die de uitkomst bepalen zijn nog niet beantwoord (RES-00, " in outcome
    assert "Doorgaan" not in outcome.split("Waarom")[0]
