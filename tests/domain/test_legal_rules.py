"""The legal rules of the risk engine, each on a small pack: Wwft scope, sanctions, the signal
answer, what "unknown" stops, stages, and follow-ups that never contradict a stop."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from tests.domain.packs_for_tests import amount, flag, make_pack, stage_pack
from vastgoedcheck.domain.assessment import Channel, Outcome, assess
from vastgoedcheck.domain.pack import FlagValue, Role
from vastgoedcheck.domain.scope import Scope, field_allowed, wwft_applies
from vastgoedcheck.packs.loading import pack_from_dict, pack_problems

YES, NO, UNKNOWN = FlagValue.YES, FlagValue.NO, FlagValue.UNKNOWN


def codes(items: Any) -> list[str]:
    return [item.code for item in items]


@pytest.mark.parametrize(
    ("role", "deal", "transaction", "rent", "expected"),
    [
        (Role.LANDLORD, "any", "sale", None, False),
        (Role.LANDLORD, "rental", None, "50000", False),
        (Role.BROKER, "sale", None, None, True),
        (Role.BROKER, "rental", None, "9999.99", False),
        (Role.BROKER, "rental", None, "10000", True),
        (Role.BROKER, "rental", None, None, False),
        (Role.BROKER, "any", "rental", "12000", True),
        (Role.BROKER, "any", "operation", None, False),
        (Role.BROKER, "any", "financing", None, False),
        (Role.BROKER, "any", "mortgage", None, False),
        (Role.BROKER, "any", None, None, True),
        (Role.NOTARY, "any", "sale", None, True),
        (Role.NOTARY, "any", "mortgage", None, True),
        (Role.NOTARY, "any", "incorporation", None, True),
        (Role.NOTARY, "any", "share_transfer", None, True),
        (Role.NOTARY, "any", "operation", None, False),
        (Role.NOTARY, "any", "financing", None, False),
        (Role.NOTARY, "any", "rental", "20000", False),
    ],
)
def test_one_rule_decides_whether_the_wwft_applies(
    role: Role, deal: str, transaction: str | None, rent: str | None, expected: bool
) -> None:
    pack = make_pack([flag("TST-01", kind="objective")], ("landlord", "broker", "notary"), deal)
    property_data: dict[str, object] = {}
    if transaction:
        property_data["transaction"] = transaction
    if rent:
        property_data["rent_monthly"] = Decimal(rent)
    assert wwft_applies(pack, role, property_data) is expected
    result = assess(pack, role, {"TST-01": YES}, property_data)
    assert (Channel.FIU in result.report_channels) is expected
    assert (result.outcome is Outcome.MUST_REPORT) is expected


def test_the_signal_can_be_the_answer_no_so_no_question_needs_a_double_negative() -> None:
    pack = make_pack(
        [flag("TST-01", "critical", knockout=True, signal_answer="no", cluster="ID")],
        ("landlord",),
        "rental",
    )
    careful = assess(pack, Role.LANDLORD, {"TST-01": YES})
    assert careful.outcome is Outcome.PROCEED and not careful.stop
    flagged = assess(pack, Role.LANDLORD, {"TST-01": NO})
    assert flagged.stop and flagged.items[0].signal
    assert "knockout" in codes(flagged.reasons)


def test_unknown_stops_only_where_the_pack_says_the_fact_must_be_known() -> None:
    pack = make_pack(
        [
            flag("TST-01", "critical", knockout=True, cluster="ID"),
            flag("TST-02", "critical", knockout=True, unknown_stops=False),
        ],
        ("landlord",),
        "rental",
    )
    assert assess(pack, Role.LANDLORD, {"TST-01": UNKNOWN, "TST-02": NO}).stop
    threatened = assess(pack, Role.LANDLORD, {"TST-01": NO, "TST-02": UNKNOWN})
    assert not threatened.stop
    assert "knockout_unknown" not in codes(threatened.reasons)
    assert "find_out" in codes(threatened.follow_ups)


SANCTIONS = flag("TST-06", "critical", kind="duty", duty_type="sanctions", knockout=True)


@pytest.mark.parametrize("role", [Role.LANDLORD, Role.BROKER, Role.NOTARY])
def test_a_sanctions_hit_answered_stops_for_every_role_and_names_its_route(role: Role) -> None:
    pack = make_pack([SANCTIONS], ("landlord", "broker", "notary"), "any")
    result = assess(pack, role, {"TST-06": YES}, {"transaction": "sale"})
    assert result.stop
    assert "sanctions_hit" in codes(result.reasons)
    steps = codes(result.follow_ups)
    assert not {"proceed_wwft", "proceed_private", "extra_checks_wwft", "edd"} & set(steps)
    if role is Role.LANDLORD:
        assert "sanctions_private" in steps
        assert Channel.SANCTIONS in result.report_channels
        assert Channel.FIU not in result.report_channels
    else:
        assert "sanctions_wwft" in steps
        assert result.outcome is Outcome.MUST_REPORT
        assert Channel.FIU in result.report_channels


def test_a_recorded_hit_stops_and_a_no_hit_answer_beside_it_is_a_contradiction() -> None:
    pack = make_pack([SANCTIONS], ("landlord",), "rental")
    result = assess(pack, Role.LANDLORD, {"TST-06": NO}, screenings=("hit",))
    assert result.stop
    assert result.outcome is not Outcome.PROCEED
    assert {"sanctions_recorded_hit", "sanctions_contradiction"} <= set(codes(result.reasons))
    unsure = assess(pack, Role.LANDLORD, {"TST-06": NO}, screenings=("possible_hit",))
    assert unsure.stop and "sanctions_verify" in codes(unsure.follow_ups)
    clear = assess(pack, Role.LANDLORD, {"TST-06": NO}, screenings=("no_hit",))
    assert not clear.stop and clear.outcome is Outcome.PROCEED


def test_a_failed_due_diligence_stops_without_advice_to_continue() -> None:
    pack = make_pack([flag("TST-02", "critical", kind="duty", duty_type="cdd", knockout=True)])
    result = assess(pack, Role.BROKER, {"TST-02": YES})
    steps = codes(result.follow_ups)
    assert result.stop and "cdd_incomplete" in steps
    assert not {"edd", "extra_checks_wwft", "proceed_wwft"} & set(steps)


def test_a_ubo_register_difference_is_a_duty_to_report_back_not_a_stop() -> None:
    pack = make_pack([flag("TST-03", "medium", kind="duty", duty_type="ubo_discrepancy")])
    result = assess(pack, Role.NOTARY, {"TST-03": YES})
    assert not result.stop and result.outcome is Outcome.PROCEED
    assert "ubo_discrepancy" in codes(result.follow_ups)


def test_an_escalation_can_raise_the_severity_of_a_small_signal() -> None:
    cash = flag(
        "TST-03",
        "low",
        cluster="MON",
        escalations=[
            {
                "when": {
                    "behavior": "all",
                    "conditions": [{"question": "TST-03a", "operator": ">", "answer": 2500}],
                },
                "knockout": True,
                "severity": "high",
            },
            {
                "when": {
                    "behavior": "all",
                    "conditions": [{"question": "TST-03a", "operator": ">=", "answer": 10000}],
                },
                "kind": "objective",
            },
        ],
    )
    pack = make_pack([cash, amount("TST-03a", "TST-03")], ("notary",), "sale")
    small = assess(pack, Role.NOTARY, {"TST-03": YES, "TST-03a": Decimal(2500)})
    assert small.outcome is Outcome.PROCEED and not small.stop
    above = assess(pack, Role.NOTARY, {"TST-03": YES, "TST-03a": Decimal(2600)})
    assert above.stop and above.items[0].severity.value == "high"
    assert above.outcome is Outcome.ESCALATE
    large = assess(pack, Role.NOTARY, {"TST-03": YES, "TST-03a": Decimal(12000)})
    assert large.stop and large.outcome is Outcome.MUST_REPORT


def test_escalate_is_worded_for_the_role_and_never_sends_an_agent_to_the_notary() -> None:
    pack = make_pack([flag("TST-01", "high")], ("broker", "notary"), "sale")
    broker = assess(pack, Role.BROKER, {"TST-01": YES})
    notary = assess(pack, Role.NOTARY, {"TST-01": YES})
    assert "escalate_broker" in codes(broker.follow_ups)
    assert "escalate_notary" in codes(notary.follow_ups)


def test_acute_danger_alone_offers_112_and_a_crime_at_the_property_goes_to_the_police_first() -> (
    None
):
    pack = make_pack(
        [
            flag("TST-01", "critical", cluster="USE", safety=True),
            flag("TST-02", "critical", cluster="USE"),
        ],
        ("landlord", "broker"),
        "rental",
    )
    wwft = {"rent_monthly": Decimal(12000)}
    lab = assess(pack, Role.BROKER, {"TST-01": YES, "TST-02": NO}, wwft)
    assert lab.report_channels[:2] == (Channel.EMERGENCY, Channel.POLICE)
    assert Channel.FIU in lab.report_channels
    quiet = assess(pack, Role.LANDLORD, {"TST-01": NO, "TST-02": YES})
    assert Channel.EMERGENCY not in quiet.report_channels
    assert "safety" not in codes(quiet.follow_ups)


def test_contract_stage_questions_and_fields_wait_for_the_contract_stage() -> None:
    document = stage_pack()
    assert pack_problems(document) == []
    pack = pack_from_dict(document)
    early = assess(pack, Role.LANDLORD, {"TST-00": "application", "TST-01": UNKNOWN})
    assert not early.stop  # the contract-stage question is not even asked yet
    assert not pack.field_asked_at("person", "household_size", "application")
    assert not pack.field_asked_at("person", "household_size", None)
    assert pack.field_asked_at("person", "household_size", "contract")
    assert assess(pack, Role.LANDLORD, {"TST-00": "contract", "TST-01": UNKNOWN}).stop


def test_during_the_tenancy_the_advice_never_says_do_not_sign_yet() -> None:
    pack = pack_from_dict(stage_pack())
    before = assess(pack, Role.LANDLORD, {"TST-00": "contract", "TST-01": NO, "TST-02": YES})
    running = assess(pack, Role.LANDLORD, {"TST-00": "tenancy", "TST-01": NO, "TST-02": YES})
    assert "escalate_private" in codes(before.follow_ups)
    assert "escalate_private_running" in codes(running.follow_ups)
    assert "escalate_private" not in codes(running.follow_ups)
    stopped = assess(pack, Role.LANDLORD, {"TST-00": "tenancy", "TST-01": YES})
    assert "stop_landlord_running" in codes(stopped.follow_ups)
    assert "stop_landlord" not in codes(stopped.follow_ups)


def test_a_stage_list_that_does_not_match_its_question_is_refused() -> None:
    document = stage_pack()
    document["stages"]["order"] = ["application", "tenancy"]
    document["stages"]["fields_from"] = {"keys": {"person": ["nationality"]}}
    messages = [p.message for p in pack_problems(document)]
    assert "the stages must be exactly the choices of the stage question" in messages
    assert "'keys' is not one of the stages" in messages
    assert "the pack does not ask for the field 'nationality'" in messages


@pytest.mark.parametrize("name", ["nationality", "pep", "ubos", "source_of_funds", "birth_place"])
def test_data_only_the_wwft_allows_is_refused_outside_it(name: str) -> None:
    assert not field_allowed(Scope(Role.LANDLORD, wwft=False), name)
    assert not field_allowed(Scope(Role.BROKER, wwft=False), name)
    assert field_allowed(Scope(Role.BROKER, wwft=True), name)
    assert field_allowed(Scope(Role.NOTARY, wwft=True), name)


def test_only_a_notary_may_record_a_bsn() -> None:
    assert not field_allowed(Scope(Role.BROKER, wwft=True), "bsn")
    assert field_allowed(Scope(Role.NOTARY, wwft=True), "bsn")


def test_questions_for_a_wwft_institution_are_asked_only_within_its_scope() -> None:
    pack = make_pack(
        [flag("TST-01", "high"), flag("TST-02", "high", wwft=True, roles=["broker"])],
        ("landlord", "broker"),
        "rental",
    )
    low_rent = assess(pack, Role.BROKER, {"TST-02": YES}, {"rent_monthly": Decimal(2000)})
    assert low_rent.items == ()
    high_rent = assess(pack, Role.BROKER, {"TST-02": YES}, {"rent_monthly": Decimal(12000)})
    assert [item.question_id for item in high_rent.items] == ["TST-02"]
    assert assess(pack, Role.LANDLORD, {"TST-02": YES}).items == ()


def test_the_safety_step_is_given_once_however_many_items_describe_the_danger() -> None:
    pack = make_pack(
        [
            flag("TST-01", "critical", cluster="USE", safety=True),
            flag("TST-02", "critical", cluster="USE", safety=True),
            SANCTIONS,
        ],
        ("landlord",),
        "rental",
    )
    answers = {"TST-01": YES, "TST-02": YES, "TST-06": YES}
    result = assess(pack, Role.LANDLORD, answers, screenings=("hit",))
    assert codes(result.follow_ups).count("safety") == 1
    assert result.follow_ups[0].question_id == "TST-01, TST-02"
    assert codes(result.follow_ups).count("sanctions_private") == 1
