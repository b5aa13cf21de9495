"""The residential and commercial letting checklists keep their legal promises: stages, wording,
safety only for acute danger, sanctions for every role, Wwft due diligence only within its scope,
and worked legal cases for both in docs/risk-rules.md (run by tests/domain/test_worked_cases.py)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from vastgoedcheck.domain.assessment import Channel, Outcome, assess
from vastgoedcheck.domain.check import AnswerValue
from vastgoedcheck.domain.conditions import visible_question_ids
from vastgoedcheck.domain.pack import DutyType, FlagValue, Pack, Question, Role
from vastgoedcheck.domain.scope import Scope, wwft_applies
from vastgoedcheck.packs.registry import PackRegistry

REGISTRY = PackRegistry.builtin()
RES = REGISTRY.get("landlord-residential")
COM = REGISTRY.get("landlord-commercial")
PACKS = {"RES": RES, "COM": COM}
RISK_RULES = Path(__file__).parents[2] / "docs" / "risk-rules.md"
# Questions a landlord may only ask from the contract stage on (Wgv, AP): identity, income,
# household, and the sanctions and Wwft due diligence that go with signing.
CONTRACT_STAGE = {
    "RES": {"RES-01", "RES-02", "RES-05", "RES-07", "RES-08", "RES-09", "RES-10", "RES-11",
            "RES-15", "RES-16", "RES-31", "RES-32", "RES-33", "RES-34", "RES-35", "RES-36"},
    "COM": {"COM-04", "COM-24", "COM-25", "COM-26", "COM-27", "COM-28"},
}  # fmt: skip
# Only answers that describe acute danger now offer 112 (DOMAIN R3).
ACUTE = {"RES": {"RES-19", "RES-20", "RES-27"}, "COM": {"COM-14", "COM-15", "COM-20", "COM-21"}}
WWFT_DUE_DILIGENCE = {
    "RES": {"RES-32", "RES-33", "RES-34", "RES-35", "RES-36"},
    "COM": {"COM-25", "COM-26", "COM-27", "COM-28"},
}
CASH = {"RES": ("RES-03", "RES-03a"), "COM": ("COM-08", "COM-08a")}


def pack_of(code: str) -> Pack:
    pack = PACKS[code]
    assert pack is not None
    return pack


def pack_question(pack: Pack, qid: str) -> Question:
    question = pack.question(qid)
    assert question is not None, qid
    return question


def stage_question(pack: Pack) -> str:
    assert pack.stages is not None
    return pack.stages.question


def shown(pack: Pack, stage: str, role: Role, rent: int) -> set[str]:
    property_data = {"rent_monthly": Decimal(rent)}
    scope = Scope(role, wwft_applies(pack, role, property_data))
    return visible_question_ids(pack, {stage_question(pack): stage}, scope)


def test_the_careful_answer_to_identity_income_and_authority_is_the_safe_one() -> None:
    for code, qid in (("RES", "RES-01"), ("RES", "RES-07"), ("COM", "COM-04")):
        question = pack_of(code).question(qid)
        assert question is not None and question.signal_answer is FlagValue.NO, qid


@pytest.mark.parametrize("code", sorted(PACKS))
@pytest.mark.parametrize("role", [Role.LANDLORD, Role.BROKER])
def test_contract_stage_questions_wait_for_the_contract_stage(code: str, role: Role) -> None:
    pack = pack_of(code)
    at_application = shown(pack, "application", role, 12000)
    at_contract = shown(pack, "contract", role, 12000)
    assert not at_application & CONTRACT_STAGE[code]
    wwft = wwft_applies(pack, role, {"rent_monthly": Decimal(12000)})
    expected = {
        qid for qid in CONTRACT_STAGE[code] if pack_question(pack, qid).asked_for(role, wwft)
    }
    assert WWFT_DUE_DILIGENCE[code] <= expected or role is Role.LANDLORD
    assert expected <= at_contract


def test_income_household_and_id_document_wait_for_the_contract_stage() -> None:
    pack = pack_of("RES")
    for name in ("id_document", "household_size", "net_monthly_income"):
        assert not pack.field_asked_at("person", name, "application"), name
        assert pack.field_asked_at("person", name, "contract"), name


@pytest.mark.parametrize("code", sorted(PACKS))
def test_only_acute_danger_carries_the_safety_flag(code: str) -> None:
    assert {q.id for q in pack_of(code).questions if q.safety} == ACUTE[code]


@pytest.mark.parametrize("code", sorted(PACKS))
@pytest.mark.parametrize("role", [Role.LANDLORD, Role.BROKER])
@pytest.mark.parametrize("rent", [1450, 9999, 10000, 25000])
def test_every_role_is_asked_about_sanctions_at_the_contract_stage(
    code: str, role: Role, rent: int
) -> None:
    pack = pack_of(code)
    asked = shown(pack, "contract", role, rent)
    sanctions = [q for q in pack.questions if q.duty_type is DutyType.SANCTIONS and q.id in asked]
    assert len(sanctions) == 1
    assert sanctions[0].knockout
    for category in ("person", "organisation"):
        assert pack.field_need(category, "sanctions_screening") is not None


@pytest.mark.parametrize("code", sorted(PACKS))
@pytest.mark.parametrize(
    ("role", "rent", "wwft"),
    [
        (Role.LANDLORD, 50000, False),
        (Role.BROKER, 9999, False),
        (Role.BROKER, 10000, True),
        (Role.BROKER, 25000, True),
    ],
)
def test_cash_of_10000_goes_to_fiu_exactly_when_the_wwft_applies(
    code: str, role: Role, rent: int, wwft: bool
) -> None:
    pack = pack_of(code)
    flag, amount = CASH[code]
    for cash, objective in ((Decimal(9999), False), (Decimal(10000), True)):
        answers: dict[str, AnswerValue] = {
            stage_question(pack): "contract",
            flag: FlagValue.YES,
            amount: cash,
        }
        result = assess(pack, role, answers, {"rent_monthly": Decimal(rent)})
        assert (Channel.FIU in result.report_channels) is (wwft and objective)
        assert (result.outcome is Outcome.MUST_REPORT) is (wwft and objective)
        assert not result.stop
        if objective and not wwft:
            assert result.outcome is Outcome.REPORT_RECOMMENDED
            assert Channel.POLICE in result.report_channels


@pytest.mark.parametrize("code", sorted(PACKS))
def test_wwft_due_diligence_is_asked_only_of_an_agent_within_the_wwft(code: str) -> None:
    pack = pack_of(code)
    assert WWFT_DUE_DILIGENCE[code] <= shown(pack, "contract", Role.BROKER, 10000)
    assert not WWFT_DUE_DILIGENCE[code] & shown(pack, "contract", Role.BROKER, 9999)
    assert not WWFT_DUE_DILIGENCE[code] & shown(pack, "contract", Role.LANDLORD, 50000)


def test_unknown_stops_only_where_the_fact_must_be_known_before_signing() -> None:
    pack = pack_of("RES")
    threats = assess(pack, Role.LANDLORD, {"RES-00": "application", "RES-27": FlagValue.UNKNOWN})
    assert not threats.stop
    identity = assess(pack, Role.LANDLORD, {"RES-00": "contract", "RES-01": FlagValue.UNKNOWN})
    assert identity.stop
    for question in (*pack.questions, *pack_of("COM").questions):
        if question.knockout and question.unknown_stops:
            assert question.id in CONTRACT_STAGE[question.id[:3]], question.id


# -- the worked legal cases ----------------------------------------------------------------------


def worked_cases() -> list[list[str]]:
    text = RISK_RULES.read_text(encoding="utf-8")
    table = text.split("### RES and COM", 1)[1].split("\n#", 1)[0]
    rows = [line for line in table.splitlines() if line.startswith("| ")]
    return [[cell.strip() for cell in row.strip().strip("|").split("|")] for row in rows[1:]]


def test_the_res_and_com_table_covers_both_packs_and_every_outcome_level() -> None:
    cases = worked_cases()
    assert len(cases) >= 14
    assert {case[2] for case in cases} == {"landlord-residential", "landlord-commercial"}
    assert {case[5] for case in cases} == {level.code for level in Outcome}
