"""Page 1 of every report, read as its recipient reads it: who reports and how to reach them,
the user's own reference, the matter, the signals in brief with their amounts, the reporter's
statement and the legal basis; the ids and fingerprint only in the record at the end."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tests.reports.conftest import FINGERPRINT, ISSUED_AT, document, final, flat, pages, read
from vastgoedcheck.domain.check import Check, Examiner
from vastgoedcheck.domain.pack import Pack
from vastgoedcheck.packs.registry import PackRegistry
from vastgoedcheck.reports.profiles import Recipient
from vastgoedcheck.reports.report import build_report

REPORTER = Examiner("S. de Wit", "De Wit Makelaardij", "033 765 43 21", "s.dewit@example.nl")
STATEMENT = {
    "nl": "Op 2 december bood de koper op kantoor een sporttas met contant geld aan.",
    "en": "On 2 December the buyer offered a sports bag with cash at our office.",
}
SIGNALS = {"nl": "De signalen in het kort", "en": "The signals in brief"}
LEGAL = {
    Recipient.DOSSIER: "art. 33 Wwft",
    Recipient.POLICE: "art. 33 lid 2 onder b UAVG",
    Recipient.MUNICIPALITY: "art. 6 lid 1 onder f AVG",
    Recipient.FIU: "art. 16 Wwft",
}
LEGAL_EN = {
    Recipient.DOSSIER: "Wwft art. 33",
    Recipient.POLICE: "UAVG art. 33(2)(b)",
    Recipient.MUNICIPALITY: "GDPR art. 6(1)(f)",
    Recipient.FIU: "Wwft art. 16",
}


@pytest.fixture
def broker(registry: PackRegistry) -> tuple[Check, Pack]:
    check, pack = read(document("broker-buyer-cash-deposit"), registry)
    return dataclasses.replace(final(check), reference="DOS-2026/0412"), pack


def _report(
    check: Check, pack: Pack, recipient: Recipient, language: str, statement: str = ""
) -> list[str]:
    pdf = build_report(
        check,
        pack,
        recipient,
        language,
        lambda sha: Path("/nonexistent") / sha,
        ISSUED_AT,
        reporter=REPORTER,
        statement=statement,
    )
    return [flat(page) for page in pages(pdf)]


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("recipient", list(Recipient))
def test_page_one_is_the_case_and_the_ids_come_last(
    broker: tuple[Check, Pack], recipient: Recipient, language: str
) -> None:
    check, pack = broker
    texts = _report(check, pack, recipient, language, STATEMENT[language])
    first = texts[0]
    for seen in REPORTER.name, REPORTER.organisation, REPORTER.phone, REPORTER.email:
        assert seen in first  # who reports and how to reach them
    assert "DOS-2026/0412" in first  # the user's own reference
    assert "Lindenlaan 4, 1234 AB Amersfoort" in first and "Kees Verhoeven" in first
    assert SIGNALS[language] in first
    assert STATEMENT[language] in first
    assert (LEGAL if language == "nl" else LEGAL_EN)[recipient] in first
    assert check.id not in first and FINGERPRINT not in first
    assert check.id in texts[-1] and FINGERPRINT in texts[-1].replace(" ", "")


def test_the_signals_in_brief_carry_the_amount_for_those_who_may_see_it(
    broker: tuple[Check, Pack],
) -> None:
    check, pack = broker
    fiu = _report(check, pack, Recipient.FIU, "en")[0]
    assert "⚠ BUY-07" in fiu and "€15,000.00" in fiu
    # The objective indicator of a Wwft matter is for FIU-Nederland only (art. 23 Wwft).
    police = " ".join(_report(check, pack, Recipient.POLICE, "en"))
    assert "BUY-07" not in police and "€15,000.00" not in police


def test_the_sources_of_the_signals_are_for_the_dossier_only(
    broker: tuple[Check, Pack],
) -> None:
    check, pack = broker
    assert "Sources of the signals" in " ".join(_report(check, pack, Recipient.DOSSIER, "en"))
    for recipient in (Recipient.POLICE, Recipient.MUNICIPALITY, Recipient.FIU):
        assert "Sources of the signals" not in " ".join(_report(check, pack, recipient, "en"))


def test_a_report_without_a_statement_says_so_rather_than_leaving_a_gap(
    broker: tuple[Check, Pack],
) -> None:
    check, pack = broker
    first = _report(check, pack, Recipient.POLICE, "en")[0]
    assert "The reporter has written no statement of facts for this report." in first
