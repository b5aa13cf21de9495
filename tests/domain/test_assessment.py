"""The DOMAIN §3 risk rules, one rule and one boundary at a time."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.domain.packs_for_tests import amount, flag, make_pack
from vastgoedcheck.domain.assessment import Channel, Outcome, assess
from vastgoedcheck.domain.pack import FlagValue, Role

YES, NO, UNKNOWN, NA = FlagValue.YES, FlagValue.NO, FlagValue.UNKNOWN, FlagValue.NA
CLUSTERS = ("ID", "MON", "STR", "PRC", "USE", "CON", "CTX")


def spread_pack(severity: str, count: int):  # type: ignore[no-untyped-def]
    """``count`` signals of one severity, at most two per cluster (no pattern bonus)."""
    return make_pack(
        [flag(f"TST-{i:02d}", severity, cluster=CLUSTERS[i // 2]) for i in range(count)]
    )


def yes_to(pack, *ids):  # type: ignore[no-untyped-def]
    return {q.id: (YES if q.id in ids else NO) for q in pack.questions}


@pytest.mark.parametrize(
    ("severity", "points"), [("low", 1), ("medium", 3), ("high", 6), ("critical", 10)]
)
def test_a_yes_counts_the_weight_of_its_severity(severity: str, points: int) -> None:
    pack = make_pack([flag("TST-01", severity)])
    assert assess(pack, Role.BROKER, {"TST-01": YES}).score == points


def test_no_and_not_applicable_count_nothing() -> None:
    pack = make_pack([flag("TST-01", "critical"), flag("TST-02", "critical")])
    result = assess(pack, Role.BROKER, {"TST-01": NO, "TST-02": NA})
    assert result.score == 0
    assert result.outcome is Outcome.PROCEED
    assert not result.stop
    assert result.report_channels == ()


def test_unknown_counts_half_for_a_signal_and_asks_to_find_out() -> None:
    pack = make_pack([flag("TST-01", "medium")])
    result = assess(pack, Role.BROKER, {"TST-01": UNKNOWN})
    assert result.score == Decimal("1.5")
    assert any(f.code == "find_out" and f.question_id == "TST-01" for f in result.follow_ups)


def test_unknown_counts_in_full_for_a_duty_item() -> None:
    pack = make_pack([flag("TST-01", "medium", kind="duty", duty_type="edd")])
    assert assess(pack, Role.BROKER, {"TST-01": UNKNOWN}).score == 3


def test_unknown_counts_in_full_for_a_knockout_item_and_stops() -> None:
    pack = make_pack([flag("TST-01", "high", knockout=True)])
    result = assess(pack, Role.BROKER, {"TST-01": UNKNOWN})
    assert result.score == 6
    assert result.stop


def test_unknown_on_a_high_item_asks_for_extra_checks_even_below_the_score() -> None:
    pack = make_pack([flag("TST-01", "high")])
    result = assess(pack, Role.BROKER, {"TST-01": UNKNOWN})
    assert result.score == 3
    assert result.outcome is Outcome.EXTRA_CHECKS


@pytest.mark.parametrize(
    ("severity", "count", "yes", "outcome"),
    [
        ("low", 5, 5, Outcome.PROCEED),  # 5 points
        ("medium", 2, 2, Outcome.EXTRA_CHECKS),  # 6
        ("low", 14, 14, Outcome.EXTRA_CHECKS),  # 14
        ("medium", 5, 5, Outcome.ESCALATE),  # 15
        ("medium", 8, 8, Outcome.ESCALATE),  # 24
        ("low", 14, 0, Outcome.PROCEED),  # 0
    ],
)
def test_score_thresholds_of_the_outcome_ladder(
    severity: str, count: int, yes: int, outcome: Outcome
) -> None:
    pack = spread_pack(severity, count)
    ids = [q.id for q in pack.questions][:yes]
    result = assess(pack, Role.BROKER, yes_to(pack, *ids))
    assert result.patterns == ()
    assert result.outcome is outcome


def test_score_of_25_recommends_a_report() -> None:
    pack = make_pack(
        [flag(f"TST-{i:02d}", "medium", cluster=CLUSTERS[i // 2]) for i in range(8)]
        + [flag("TST-20", "low", cluster="CTX")]
    )
    result = assess(pack, Role.BROKER, yes_to(pack, *[q.id for q in pack.questions]))
    assert result.score == 25
    assert result.outcome is Outcome.REPORT_RECOMMENDED


def test_three_signals_in_one_cluster_form_a_pattern_worth_six_points() -> None:
    pack = make_pack([flag(f"TST-0{i}", "low", cluster="MON") for i in range(1, 4)])
    result = assess(pack, Role.BROKER, yes_to(pack, "TST-01", "TST-02", "TST-03"))
    assert result.score == 3 + 6
    assert [p.cluster.value for p in result.patterns] == ["MON"]
    assert result.patterns[0].question_ids == ("TST-01", "TST-02", "TST-03")
    assert result.outcome is Outcome.EXTRA_CHECKS


def test_two_signals_or_unknowns_do_not_form_a_pattern() -> None:
    pack = make_pack([flag(f"TST-0{i}", "low", cluster="MON") for i in range(1, 4)])
    result = assess(pack, Role.BROKER, {"TST-01": YES, "TST-02": YES, "TST-03": UNKNOWN})
    assert result.patterns == ()
    assert result.score == Decimal("2.5")


def test_one_high_signal_escalates_whatever_the_score() -> None:
    pack = make_pack([flag("TST-01", "high")])
    assert assess(pack, Role.BROKER, {"TST-01": YES}).outcome is Outcome.ESCALATE


def test_one_critical_signal_recommends_a_report() -> None:
    pack = make_pack([flag("TST-01", "critical")])
    result = assess(pack, Role.BROKER, {"TST-01": YES})
    assert result.outcome is Outcome.REPORT_RECOMMENDED
    assert result.report_channels == (Channel.FIU,)


def test_a_knockout_stops_next_to_the_outcome() -> None:
    pack = make_pack([flag("TST-01", "low", knockout=True), flag("TST-02", "low")])
    result = assess(pack, Role.BROKER, {"TST-01": YES, "TST-02": NO})
    assert result.stop
    assert result.outcome is Outcome.PROCEED
    assert result.follow_ups[0].code == "stop_broker"


def test_an_edd_duty_asks_for_extra_checks_with_enhanced_due_diligence() -> None:
    pack = make_pack([flag("TST-01", "medium", kind="duty", duty_type="edd")])
    result = assess(pack, Role.BROKER, {"TST-01": YES})
    assert result.outcome is Outcome.EXTRA_CHECKS
    assert any(f.code == "edd" for f in result.follow_ups)


def test_objective_indicator_for_a_broker_in_a_sale_is_a_duty_to_report_to_fiu() -> None:
    pack = make_pack([flag("TST-01", "critical", kind="objective")])
    result = assess(pack, Role.BROKER, {"TST-01": YES})
    assert result.wwft
    assert result.outcome is Outcome.MUST_REPORT
    assert Channel.FIU in result.report_channels
    codes = [f.code for f in result.follow_ups]
    assert "tipping_off" in codes and "report_content" in codes


def test_objective_indicator_for_a_notary_is_a_duty_to_report() -> None:
    pack = make_pack([flag("TST-01", "critical", kind="objective")], roles=("notary",), deal="any")
    result = assess(pack, Role.NOTARY, {"TST-01": YES}, {"transaction": "mortgage"})
    assert result.outcome is Outcome.MUST_REPORT


def test_a_landlord_is_never_sent_to_fiu() -> None:
    pack = make_pack(
        [flag("TST-01", "critical", kind="objective")], roles=("landlord",), deal="rental"
    )
    result = assess(pack, Role.LANDLORD, {"TST-01": YES})
    assert not result.wwft
    assert result.outcome is Outcome.REPORT_RECOMMENDED
    assert Channel.FIU not in result.report_channels
    assert {Channel.POLICE, Channel.ANONYMOUS} <= set(result.report_channels)
    assert any(reason.code == "fiu_not_open" for reason in result.reasons)


@pytest.mark.parametrize(("rent", "wwft"), [("9999.99", False), ("10000", True), (None, False)])
def test_a_broker_letting_is_a_wwft_institution_from_10000_a_month(
    rent: str | None, wwft: bool
) -> None:
    pack = make_pack([flag("TST-01", "critical", kind="objective")], deal="rental")
    property_data = {} if rent is None else {"rent_monthly": Decimal(rent)}
    result = assess(pack, Role.BROKER, {"TST-01": YES}, property_data)
    assert result.wwft is wwft
    assert (Channel.FIU in result.report_channels) is wwft
    assert (result.outcome is Outcome.MUST_REPORT) is wwft
    assert any(f.code == "record_rent" for f in result.follow_ups) is (rent is None)


def test_incomplete_cdd_with_another_serious_signal_must_be_reported() -> None:
    pack = make_pack([flag("TST-01", "high", kind="duty", duty_type="cdd"), flag("TST-02", "high")])
    result = assess(pack, Role.BROKER, {"TST-01": YES, "TST-02": YES})
    assert result.outcome is Outcome.MUST_REPORT
    assert any(f.code == "cdd_incomplete" for f in result.follow_ups)


def test_incomplete_cdd_alone_is_not_a_duty_to_report() -> None:
    pack = make_pack(
        [flag("TST-01", "high", kind="duty", duty_type="cdd", also_signal=True), flag("TST-02")]
    )
    result = assess(pack, Role.BROKER, {"TST-01": YES, "TST-02": NO})
    assert result.outcome is Outcome.ESCALATE  # the item is also a high signal
    assert any(f.code == "cdd_incomplete" for f in result.follow_ups)


def _cash_pack():  # type: ignore[no-untyped-def]
    threshold = {
        "behavior": "all",
        "conditions": [{"question": "TST-01a", "operator": ">=", "answer": 10000}],
    }
    refuse = {
        "behavior": "all",
        "conditions": [{"question": "TST-01a", "operator": ">", "answer": 2500}],
    }
    return make_pack(
        [
            flag(
                "TST-01",
                "high",
                cluster="MON",
                escalations=[
                    {"when": threshold, "kind": "objective"},
                    {"when": refuse, "knockout": True},
                ],
            ),
            amount("TST-01a", after="TST-01"),
        ]
    )


@pytest.mark.parametrize(
    ("cash", "outcome", "stop"),
    [
        ("2500", Outcome.ESCALATE, False),
        ("2500.01", Outcome.ESCALATE, True),
        ("9999.99", Outcome.ESCALATE, True),
        ("10000", Outcome.MUST_REPORT, True),
    ],
)
def test_a_cash_amount_lifts_a_signal_at_its_thresholds(
    cash: str, outcome: Outcome, stop: bool
) -> None:
    result = assess(_cash_pack(), Role.BROKER, {"TST-01": YES, "TST-01a": Decimal(cash)})
    assert result.outcome is outcome
    assert result.stop is stop


def test_an_answer_to_a_hidden_question_is_not_scored_nor_required() -> None:
    pack = _cash_pack()
    # TST-01a is only shown when TST-01 is "yes"; its amount must not escalate a "no".
    result = assess(pack, Role.BROKER, {"TST-01": NO, "TST-01a": Decimal("50000")})
    assert result.outcome is Outcome.PROCEED
    assert not result.stop
    assert not any(f.code == "unanswered" for f in result.follow_ups)


def test_unanswered_required_questions_are_counted_as_a_follow_up() -> None:
    pack = spread_pack("low", 4)
    result = assess(pack, Role.BROKER, {"TST-00": NO})
    unanswered = [f for f in result.follow_ups if f.code == "unanswered"]
    assert unanswered and unanswered[0].count == 3


def test_acute_danger_adds_safety_advice_and_112() -> None:
    pack = make_pack(
        [flag("TST-01", "critical", cluster="USE", safety=True)], roles=("landlord",), deal="rental"
    )
    result = assess(pack, Role.LANDLORD, {"TST-01": YES})
    assert result.report_channels[0] is Channel.EMERGENCY
    assert any(f.code == "safety" for f in result.follow_ups)


def test_reasons_are_listed_knockouts_first_then_strongest_first() -> None:
    pack = make_pack(
        [
            flag("TST-01", "high"),
            flag("TST-02", "critical", cluster="ID"),
            flag("TST-03", "low", cluster="MON", knockout=True),
        ]
    )
    result = assess(pack, Role.BROKER, {"TST-01": YES, "TST-02": YES, "TST-03": YES})
    assert (result.reasons[0].code, result.reasons[0].question_id) == ("knockout", "TST-03")
    levels = [reason.level for reason in result.reasons[1:]]
    assert levels == sorted(levels, reverse=True)
    assert result.reasons[1].question_id == "TST-02"


def test_under_a_duty_to_report_the_decision_is_asked_for_without_not_reporting() -> None:
    pack = make_pack([flag("TST-01", "critical", kind="objective"), flag("TST-02", "high")])
    must = assess(pack, Role.BROKER, {"TST-01": YES, "TST-02": NO})
    assert must.outcome is Outcome.MUST_REPORT
    codes = [f.code for f in must.follow_ups]
    assert codes[-1] == "record_decision_must_report" and "record_decision" not in codes
    lower = assess(pack, Role.BROKER, {"TST-01": NO, "TST-02": YES})
    assert lower.outcome is not Outcome.MUST_REPORT
    assert lower.follow_ups[-1].code == "record_decision"
