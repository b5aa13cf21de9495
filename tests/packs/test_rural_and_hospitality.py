"""The rural-letting (AGR) and hotel/holiday-park (STAY) checklists keep their legal promises:
stages, the Wwft scope per role and deal, sanctions, what "unknown" stops and 112 only for
acute danger."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from vastgoedcheck.domain.assessment import Channel, Outcome, assess
from vastgoedcheck.domain.check import AnswerValue
from vastgoedcheck.domain.conditions import visible_question_ids
from vastgoedcheck.domain.pack import FlagValue, Pack, Role
from vastgoedcheck.domain.scope import scope_of
from vastgoedcheck.packs.registry import PackRegistry

REGISTRY = PackRegistry.builtin()
YES, NO, UNKNOWN = FlagValue.YES, FlagValue.NO, FlagValue.UNKNOWN
EU_AML_REGULATION_APPLIES = dt.date(2027, 7, 10)


def pack(pack_id: str) -> Pack:
    found = REGISTRY.get(pack_id)
    assert found is not None
    return found


AGR = pack("landlord-rural")
STAY = pack("hospitality-leisure")
YARD = {"AGR-10", "AGR-11", "AGR-12", "AGR-13", "AGR-14", "AGR-15", "AGR-16", "AGR-20"}
FROM_CONTRACT = {"AGR-08", "AGR-21"}
AGR_WWFT = {"AGR-22", "AGR-23", "AGR-24", "AGR-25"}
STAY_WWFT = {"STAY-20", "STAY-21", "STAY-22", "STAY-23"}


def shown(
    p: Pack, role: Role, property_data: dict[str, object], **answers: AnswerValue
) -> set[str]:
    return visible_question_ids(p, answers, scope_of(p, role, property_data))


def test_rural_checklist_asks_identity_sanctions_and_yard_questions_only_at_their_stage() -> None:
    first = shown(AGR, Role.LANDLORD, {}, **{"AGR-00": "first_contact"})
    contract = shown(AGR, Role.LANDLORD, {}, **{"AGR-00": "contract"})
    tenancy = shown(AGR, Role.LANDLORD, {}, **{"AGR-00": "during_letting"})
    assert not first & (FROM_CONTRACT | YARD)
    assert contract >= FROM_CONTRACT and not contract & YARD
    assert tenancy >= FROM_CONTRACT | YARD
    for field in ("id_document", "sanctions_screening", "birth_date"):
        assert not AGR.field_asked_at("person", field, "first_contact"), field
        assert AGR.field_asked_at("person", field, "contract"), field
    assert AGR.field_asked_at("person", "phone", "first_contact")


def test_a_running_tenancy_is_never_told_not_to_sign_yet() -> None:
    result = assess(AGR, Role.LANDLORD, {"AGR-00": "during_letting", "AGR-17": YES})
    assert result.stop
    codes = [f.code for f in result.follow_ups]
    assert "stop_landlord_running" in codes and "stop_landlord" not in codes


@pytest.mark.parametrize(
    ("role", "property_data", "wwft"),
    [
        (Role.LANDLORD, {"rent_monthly": Decimal(50000)}, False),
        (Role.BROKER, {"rent_monthly": Decimal("9999.99")}, False),
        (Role.BROKER, {"rent_monthly": Decimal(10000)}, True),
    ],
)
def test_rural_wwft_questions_and_the_fiu_only_for_a_letting_agent_from_10000(
    role: Role, property_data: dict[str, object], wwft: bool
) -> None:
    visible = shown(AGR, role, property_data, **{"AGR-00": "contract", "AGR-03": YES})
    assert (visible >= AGR_WWFT) is wwft and (not AGR_WWFT & visible) is (not wwft)
    answers = {"AGR-00": "contract", "AGR-03": YES, "AGR-03a": Decimal(15000)}
    result = assess(AGR, role, answers, property_data)
    assert (Channel.FIU in result.report_channels) is wwft
    assert (result.outcome is Outcome.MUST_REPORT) is wwft
    assert result.stop  # cash or off-the-books rent is a knock-out for every role


# Every transaction a hotel or park matter can be, and whether each role is a Wwft institution
# in it: an agent in a purchase or sale or a letting from EUR 10,000 a month, a notary for the
# services of art. 1a lid 4 onder c Wwft, never in an operation or a financing.
STAY_DEALS = [
    ("sale", None, {Role.BROKER: True, Role.NOTARY: True}),
    ("rental", Decimal(15000), {Role.BROKER: True, Role.NOTARY: False}),
    ("rental", Decimal(5000), {Role.BROKER: False, Role.NOTARY: False}),
    ("operation", None, {Role.BROKER: False, Role.NOTARY: False}),
    ("financing", None, {Role.BROKER: False, Role.NOTARY: False}),
    ("mortgage", None, {Role.BROKER: False, Role.NOTARY: True}),
    ("incorporation", None, {Role.BROKER: False, Role.NOTARY: True}),
    ("share_transfer", None, {Role.BROKER: False, Role.NOTARY: True}),
]


@pytest.mark.parametrize("role", [Role.LANDLORD, Role.BROKER, Role.NOTARY])
@pytest.mark.parametrize(("deal", "rent", "within"), STAY_DEALS)
def test_hospitality_cash_goes_to_fiu_exactly_when_the_wwft_applies(
    role: Role, deal: str, rent: Decimal | None, within: dict[Role, bool]
) -> None:
    wwft = within.get(role, False)
    property_data: dict[str, object] = {"transaction": deal}
    if rent is not None:
        property_data["rent_monthly"] = rent
    visible = shown(STAY, role, property_data, **{"STAY-03": YES})
    assert (visible >= STAY_WWFT) is wwft and (not STAY_WWFT & visible) is (not wwft)
    answers = {"STAY-03": YES, "STAY-03a": Decimal(20000)}
    result = assess(STAY, role, answers, property_data)
    assert result.wwft is wwft
    assert (Channel.FIU in result.report_channels) is wwft
    # Outside the Wwft the same cash is still a reason to report, to the police (DOMAIN §3.5).
    assert result.outcome is (Outcome.MUST_REPORT if wwft else Outcome.REPORT_RECOMMENDED)
    if not wwft:
        assert Channel.POLICE in result.report_channels


@pytest.mark.parametrize(("p", "question"), [(AGR, "AGR-21"), (STAY, "STAY-19")], ids=str)
def test_every_role_is_asked_about_sanctions_and_a_hit_stops(p: Pack, question: str) -> None:
    q = p.question(question)
    assert q is not None and q.knockout and q.duty_type is not None
    assert q.duty_type.value == "sanctions" and q.unknown_stops
    for role in p.roles:
        assert q.asked_for(role, wwft=False), role
        answers: dict[str, AnswerValue] = {"AGR-00": "contract", question: YES}
        result = assess(p, role, answers, {"transaction": "operation"})
        assert result.stop and result.outcome >= Outcome.REPORT_RECOMMENDED
    for category in ("person", "organisation"):
        assert p.field_need(category, "sanctions_screening") is not None


@pytest.mark.parametrize("stage", ["first_contact", "contract", "during_letting"])
@pytest.mark.parametrize("question", ["AGR-03", "AGR-04", "AGR-17"])
def test_unknown_on_the_rural_knockouts_is_something_to_find_out_not_a_stop(
    stage: str, question: str
) -> None:
    result = assess(AGR, Role.LANDLORD, {"AGR-00": stage, question: UNKNOWN})
    assert not result.stop
    assert any(f.code == "find_out" and f.question_id == question for f in result.follow_ups)


def test_unknown_stops_where_the_fact_must_be_known_before_signing() -> None:
    screening = assess(AGR, Role.LANDLORD, {"AGR-00": "contract", "AGR-21": UNKNOWN})
    assert screening.stop
    due_diligence = {"AGR-00": "contract", "AGR-22": UNKNOWN}
    assert assess(AGR, Role.BROKER, due_diligence, {"rent_monthly": Decimal(12000)}).stop
    assert assess(STAY, Role.NOTARY, {"STAY-19": UNKNOWN}, {"transaction": "sale"}).stop


def test_112_is_offered_only_for_acute_danger() -> None:
    assert {q.id for q in AGR.questions if q.safety} == {"AGR-11", "AGR-13", "AGR-16", "AGR-17"}
    assert {q.id for q in STAY.questions if q.safety} == {"STAY-09", "STAY-10"}
    sleeping = assess(AGR, Role.LANDLORD, {"AGR-00": "during_letting", "AGR-15": YES})
    hemp_talk = assess(AGR, Role.LANDLORD, {"AGR-00": "first_contact", "AGR-04": YES})
    habitation = assess(STAY, Role.LANDLORD, {"STAY-06": YES}, {"transaction": "rental"})
    for result in (sleeping, hemp_talk, habitation):
        assert Channel.EMERGENCY not in result.report_channels
    waste = assess(AGR, Role.LANDLORD, {"AGR-00": "during_letting", "AGR-13": YES})
    assert Channel.EMERGENCY in waste.report_channels


AVOID_NL = ("gegadigde", "KvK", "verhuurmakelaar", "Tijdens de verhuur", "ernstig risico", '"')


@pytest.mark.parametrize("p", [AGR, STAY], ids=lambda p: p.code)
def test_dutch_texts_use_the_glossary(p: Pack) -> None:
    texts = [p.description.nl]
    for section in p.sections:
        texts += [section.title.nl] + ([section.intro.nl] if section.intro else [])
        for q in section.questions:
            texts += [q.label.nl, q.guidance.nl] + [c.label.nl for c in q.choices]
            texts += [e.reason.nl for e in q.escalations if e.reason]
    for text in texts:
        for word in AVOID_NL:
            assert word not in text, (word, text[:60])
