"""A check under the Wwft with a matter for FIU-Nederland leaves no trace of it in a report for
the municipality or the police (art. 23 Wwft): no confidentiality banner, no indicator, no
decision, no due diligence finding; the report reads the same as without that matter."""

from __future__ import annotations

import dataclasses

import pytest

from tests.reports.conftest import document, final, flat, read, report, text
from vastgoedcheck.domain.assessment import Outcome, assess_check
from vastgoedcheck.domain.check import Answer, Check, Decision
from vastgoedcheck.domain.pack import FlagValue, Pack
from vastgoedcheck.packs.registry import PackRegistry

REASONING = "Contante aanbetaling van € 15.000 in een sporttas: melden bij FIU-Nederland."
CHECK_ID = "3f1c2b9e-5d7a-4e8b-9c0d-1a2b3c4d5e6f"
OBSERVATION = "Koper wil het pand leeg laten staan en vraagt naar de stroomaansluiting."


def _case(registry: PackRegistry, cash: bool) -> tuple[Check, Pack]:
    """An estate agent's buyer who offers €15,000 in cash (or, without ``cash``, does not),
    and who wants the property for an odd use."""
    data = document("broker-buyer-cash-deposit")
    data["answers"]["BUY-24"] = {"value": "yes", "note": OBSERVATION}
    if cash:
        data["property"].update(
            {"cash_amount": "15000.00", "cash_origin": "Sporttas", "cash_destination": "Kantoor"}
        )
    if not cash:
        data["answers"]["BUY-07"] = {"value": "no"}
        data["answers"].pop("BUY-07a", None)
    check, pack = read(data, registry)
    decision = Decision("must_report", REASONING, None)
    return final(dataclasses.replace(check, id=CHECK_ID, decision=decision)), pack


@pytest.fixture
def fiu_matter(registry: PackRegistry) -> tuple[Check, Pack]:
    check, pack = _case(registry, cash=True)
    result = assess_check(pack, check)
    assert result.wwft and result.outcome is Outcome.MUST_REPORT
    return check, pack


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("recipient", ["municipality", "police"])
def test_no_trace_of_the_fiu_matter_outside_the_exceptions(
    fiu_matter: tuple[Check, Pack], recipient: str, language: str
) -> None:
    content = flat(text(report(*fiu_matter, recipient, language)))
    assert OBSERVATION in content  # what was observed about the property is shared
    for trace in (
        "FIU",
        "art. 23",
        "23 Wwft",
        "onfidential" if language == "en" else "eheimhouding",  # the banner
        "objective indicator" if language == "en" else "objectieve indicator",
        "Must report" if language == "en" else "Meldplicht",
        "BUY-07",  # the cash indicator and the amount asked after it
        "BUY-08",
        "BUY-01",  # client due diligence findings
        "sporttas",
        "Sporttas",  # where the cash came from, a field of the FIU report
        REASONING,
        "15.000" if language == "nl" else "15,000",
    ):
        assert trace not in content, trace


@pytest.mark.parametrize("recipient", ["municipality", "police"])
def test_the_report_reads_the_same_with_or_without_the_fiu_matter(
    registry: PackRegistry, recipient: str
) -> None:
    with_matter = text(report(*_case(registry, cash=True), recipient, "nl"))
    without = text(report(*_case(registry, cash=False), recipient, "nl"))
    assert with_matter == without


def test_fiu_and_the_own_dossier_do_know_of_it(fiu_matter: tuple[Check, Pack]) -> None:
    for recipient in ("fiu", "dossier"):
        content = flat(text(report(*fiu_matter, recipient, "en", internal=recipient == "dossier")))
        assert "Duty of confidentiality (art. 23 Wwft)" in content, recipient
        assert "BUY-07" in content and REASONING in content, recipient
    # The dossier the client may see leaves the decision to report out (DOMAIN §1.6, §4.3);
    # only its internal version holds it.
    plain = flat(text(report(*fiu_matter, "dossier", "en")))
    assert "BUY-07" in plain and REASONING not in plain


def test_a_landlords_municipality_report_keeps_its_signals(registry: PackRegistry) -> None:
    """Outside the Wwft nothing is held back for FIU-Nederland's sake."""
    check, pack = read(document("landlord-residential-hemp-signs"), registry)
    answers = dict(check.answers)
    answers["RES-19"] = Answer(FlagValue.YES, "Sterke hennepgeur bij de voordeur.")
    check = final(dataclasses.replace(check, answers=answers))
    content = flat(text(report(check, pack, "municipality")))
    assert "RES-19" in content and "Sterke hennepgeur" in content
