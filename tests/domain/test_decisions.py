"""The decisions a user can record are the ones their role can make, and older decision codes
read as the decision they meant."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from tests.storage.conftest import example
from vastgoedcheck.domain.assessment import assess_check
from vastgoedcheck.domain.decisions import (
    DecisionCode,
    advised,
    current_code,
    decisions_for,
    duty_to_report,
    fiu_decision,
)
from vastgoedcheck.exchange.reading import check_from_document
from vastgoedcheck.i18n import set_language
from vastgoedcheck.i18n.outcome_text import decision_label, headline, reason_text
from vastgoedcheck.packs.registry import PackRegistry


def assessed(registry: PackRegistry, document: dict[str, Any]):  # type: ignore[no-untyped-def]
    check, pack = check_from_document(document, registry)
    return assess_check(pack, check)


def test_a_landlord_is_never_offered_a_report_to_fiu_nederland(registry: PackRegistry) -> None:
    result = assessed(registry, example("landlord-residential-straw-man"))
    offered = decisions_for(result.wwft)
    assert DecisionCode.REPORT_FIU not in offered
    assert {DecisionCode.REPORT_POLICE, DecisionCode.REPORT_MUNICIPALITY} <= set(offered)
    # the advice points to the police (and the stop), never to FIU-Nederland
    assert advised(result) == (DecisionCode.REPORT_POLICE, DecisionCode.DO_NOT_PROCEED)


def test_a_notary_in_a_wwft_transfer_is_offered_fiu_nederland(registry: PackRegistry) -> None:
    check, pack = check_from_document(example("notary-cash-above-2500"), registry)
    assert DecisionCode.REPORT_FIU in decisions_for(assess_check(pack, check).wwft)
    # the same notary, in a matter outside art. 1a lid 4 sub c Wwft (a letting), is not
    letting = replace(check, property={**check.property, "transaction": "rental"})
    assert DecisionCode.REPORT_FIU not in decisions_for(assess_check(pack, letting).wwft)


def test_an_objective_indicator_is_a_duty_and_advises_the_report(registry: PackRegistry) -> None:
    result = assessed(registry, example("broker-buyer-cash-deposit"))
    assert duty_to_report(result)
    assert advised(result)[0] is DecisionCode.REPORT_FIU


def test_old_decision_codes_read_as_the_decision_they_meant() -> None:
    assert current_code("extra_checks", wwft=False) == "proceed_with_conditions"
    assert current_code("stop", wwft=True) == "do_not_proceed"
    assert current_code("must_report", wwft=True) == "report_fiu"
    # a landlord cannot have reported to FIU-Nederland: the channel is unknown, said so
    assert decision_label("must_report", wwft=False) == "Report (channel not recorded)"
    assert decision_label("report_recommended", wwft=True) == "Report (channel not recorded)"
    assert decision_label("extra_checks", wwft=True) == "Proceed with conditions"
    assert fiu_decision("must_report", wwft=True) and not fiu_decision("must_report", wwft=False)
    assert fiu_decision("report_fiu", wwft=True) and not fiu_decision("report_police", True)


def test_decisions_are_worded_as_decisions_not_as_advice_levels() -> None:
    labels = {decision_label(code.value, wwft=True) for code in DecisionCode}
    assert labels.isdisjoint({"Report recommended", "Must report to FIU-Nederland without delay"})
    set_language("nl")
    assert decision_label("report_fiu", wwft=True) == "Melden bij FIU-Nederland"
    assert decision_label("proceed_with_conditions", wwft=True) == "Doorgaan onder voorwaarden"


def test_a_stop_and_a_report_advice_are_one_sentence(registry: PackRegistry) -> None:
    result = assessed(registry, example("landlord-residential-straw-man"))
    assert headline(result) == "STOP: do not proceed; a report is recommended"


def test_the_score_line_never_reads_as_deciding_a_duty_to_report(
    registry: PackRegistry,
) -> None:
    document = example("broker-buyer-cash-deposit")
    check, pack = check_from_document(document, registry)
    result = assess_check(pack, check)
    score = [r for r in result.reasons if r.code == "score"]
    lines = [reason_text(r, pack, result) for r in score]
    for line in lines:
        assert "follows from the other reasons, not from the score" in line
        assert "25: report" not in line
