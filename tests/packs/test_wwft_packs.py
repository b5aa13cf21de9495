"""The estate-agent and notary packs (BUY, SEL, NOT) keep the promises of the legal review."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from vastgoedcheck.domain.assessment import Channel, Outcome, assess
from vastgoedcheck.domain.check import AnswerValue
from vastgoedcheck.domain.pack import DutyType, FieldNeed, FlagValue, Kind, Pack, Severity
from vastgoedcheck.packs.registry import PackRegistry

REGISTRY = PackRegistry.builtin()
WWFT_PACKS = ("broker-buyer", "broker-seller", "notary-transaction")
SALE = {"transaction": "sale"}
YES, NO = FlagValue.YES, FlagValue.NO


def pack(pack_id: str) -> Pack:
    found = REGISTRY.get(pack_id)
    assert found is not None
    return found


def dutch_texts(p: Pack) -> list[str]:
    texts = [p.title.nl, p.description.nl]
    for section in p.sections:
        texts.append(section.title.nl)
        if section.intro is not None:
            texts.append(section.intro.nl)
        for question in section.questions:
            texts += [question.label.nl, question.guidance.nl]
            texts += [c.label.nl for c in question.choices]
            texts += [e.reason.nl for e in question.escalations if e.reason is not None]
    return texts


@pytest.mark.parametrize("pack_id", WWFT_PACKS)
def test_a_sanctions_hit_stops_and_is_screened_for_every_party(pack_id: str) -> None:
    p = pack(pack_id)
    sanctions = [q for q in p.questions if q.duty_type is DutyType.SANCTIONS]
    assert len(sanctions) == 1, "one sanctions question per pack"
    question = sanctions[0]
    assert question.knockout and question.severity is Severity.CRITICAL
    result = assess(p, p.roles[0], {question.id: YES}, SALE)
    assert result.stop
    assert all(f.code != "edd" for f in result.follow_ups), "a hit is no case for EDD"
    for kind in ("person", "organisation"):
        assert p.fields[kind]["sanctions_screening"] is FieldNeed.REQUIRED


@pytest.mark.parametrize(("pack_id", "own", "others"), [
    ("broker-buyer", "BUY-08", "BUY-27"),
    ("notary-transaction", "NOT-04", "NOT-24"),
])  # fmt: skip
def test_only_the_institutions_own_police_report_is_the_objective_indicator(
    pack_id: str, own: str, others: str
) -> None:
    p = pack(pack_id)
    own_q, others_q = p.question(own), p.question(others)
    assert own_q is not None and others_q is not None
    assert own_q.kind is Kind.OBJECTIVE and "zelf" in own_q.label.nl
    assert others_q.kind is Kind.SIGNAL and "door anderen" in others_q.label.nl
    reported_ourselves = assess(p, p.roles[0], {own: YES}, SALE)
    assert reported_ourselves.outcome is Outcome.MUST_REPORT
    assert Channel.FIU in reported_ourselves.report_channels
    reported_by_others = assess(p, p.roles[0], {others: YES}, SALE)
    assert reported_by_others.outcome is Outcome.ESCALATE
    assert not reported_by_others.stop


def test_a_sellers_cash_third_party_and_foreign_account_requests_are_weighed_apart() -> None:
    p = pack("broker-seller")
    assert p.question("SEL-05b") is None, "the mixed multiple choice is split into flags"
    weights = {q.id: q.severity for q in p.questions if q.id in ("SEL-05", "SEL-17", "SEL-18")}
    assert weights == {"SEL-05": Severity.HIGH, "SEL-17": Severity.HIGH, "SEL-18": Severity.MEDIUM}

    def outcome(answers: dict[str, AnswerValue]) -> Outcome:
        return assess(p, p.roles[0], answers, SALE).outcome

    assert outcome({"SEL-05": YES, "SEL-05a": Decimal(12000)}) is Outcome.MUST_REPORT
    assert outcome({"SEL-05": YES, "SEL-05a": Decimal(5000)}) is Outcome.ESCALATE
    assert outcome({"SEL-17": YES}) is Outcome.ESCALATE
    # An own account abroad is a weak signal alone; in the seller's own country it is no signal.
    assert outcome({"SEL-18": YES}) is Outcome.PROCEED
    assert outcome({"SEL-18": NO}) is Outcome.PROCEED


def test_the_two_notary_cash_reasons_each_say_their_own_part() -> None:
    cash = pack("notary-transaction").question("NOT-03")
    assert cash is not None
    refuse = next(e for e in cash.escalations if e.knockout)
    report = next(e for e in cash.escalations if e.kind is Kind.OBJECTIVE)
    assert refuse.reason is not None and report.reason is not None
    for lang in ("nl", "en"):
        refuse_text, report_text = refuse.reason.get(lang), report.reason.get(lang)
        assert "FIU" not in refuse_text
        assert "2.500" not in report_text and "2,500" not in report_text
        assert refuse_text not in report_text and report_text not in refuse_text


# STYLE-nl: the statutory and proper names, one quotation style, "u heeft".
AVOID = re.compile(
    r"zonder vertraging|\bde FIU\b|tipping-off|hoog-risico|\bu hebt\b|reden hebt|\bKvK\b|[‘’]"
    r"|sanctietreffer\?|opknippen ontloopt|aan de deal"
)


@pytest.mark.parametrize("pack_id", WWFT_PACKS)
def test_the_dutch_uses_the_legal_terms(pack_id: str) -> None:
    found = [m.group(0) for text in dutch_texts(pack(pack_id)) for m in AVOID.finditer(text)]
    assert found == []


@pytest.mark.parametrize(("pack_id", "questions"), [
    ("broker-buyer", ("BUY-01", "BUY-02", "BUY-03", "BUY-10", "BUY-11")),
    ("broker-seller", ("SEL-01", "SEL-02")),
    ("notary-transaction", ("NOT-01", "NOT-02", "NOT-09")),
])  # fmt: skip
def test_a_careful_professional_answers_the_due_diligence_steps_yes(
    pack_id: str, questions: tuple[str, ...]
) -> None:
    p = pack(pack_id)
    for qid in questions:
        question = p.question(qid)
        assert question is not None and question.signal_answer is NO, qid
        done = assess(p, p.roles[0], {qid: YES}, SALE)
        assert done.outcome is Outcome.PROCEED and not done.stop, qid
        assert assess(p, p.roles[0], {qid: NO}, SALE).outcome is not Outcome.PROCEED, qid


@pytest.mark.parametrize(("cash", "outcome", "stop", "fiu"), [
    (100, Outcome.PROCEED, False, False),
    (2500, Outcome.PROCEED, False, False),  # up to and including €2,500: the KNB rule allows it
    (2600, Outcome.ESCALATE, True, False),  # above it: refuse the cash
    (12000, Outcome.MUST_REPORT, True, True),  # from €10,000: the objective indicator as well
])  # fmt: skip
def test_cash_at_the_notary_follows_the_knb_rule(
    cash: int, outcome: Outcome, stop: bool, fiu: bool
) -> None:
    p = pack("notary-transaction")
    result = assess(p, p.roles[0], {"NOT-03": YES, "NOT-03a": Decimal(cash)}, SALE)
    assert (result.outcome, result.stop, Channel.FIU in result.report_channels) == (
        outcome,
        stop,
        fiu,
    )


@pytest.mark.parametrize(("pack_id", "structure", "register"), [
    ("broker-buyer", "BUY-02", "BUY-02a"),
    ("broker-seller", "SEL-02", "SEL-02a"),
    ("notary-transaction", "NOT-02", "NOT-02a"),
])  # fmt: skip
def test_a_ubo_register_difference_is_reported_back_not_a_stop(
    pack_id: str, structure: str, register: str
) -> None:
    p = pack(pack_id)
    question = p.question(register)
    assert question is not None and question.duty_type is DutyType.UBO_DISCREPANCY
    differs = assess(p, p.roles[0], {structure: YES, register: YES}, SALE)
    assert not differs.stop and differs.report_channels == ()
    assert any(f.code == "ubo_discrepancy" for f in differs.follow_ups)
    unknown_structure = assess(p, p.roles[0], {structure: NO}, SALE)
    assert unknown_structure.stop


@pytest.mark.parametrize(
    ("pack_id", "structure", "register"),
    [
        ("broker-buyer", "BUY-02", "BUY-02a"),
        ("broker-seller", "SEL-02", "SEL-02a"),
        ("notary-transaction", "NOT-02", "NOT-02a"),
    ],
)
def test_the_ubo_register_is_asked_about_only_for_a_party_with_ubos(
    pack_id: str, structure: str, register: str
) -> None:
    """A natural person has no UBO: with the structure question not applicable, the question
    whether the UBO register differs is not asked at all."""
    from vastgoedcheck.domain.conditions import visible_question_ids

    p = pack(pack_id)
    assert register not in visible_question_ids(p, {structure: FlagValue.NA})
    assert register in visible_question_ids(p, {structure: FlagValue.YES})
