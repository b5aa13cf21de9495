"""Facts given once are used once: the parties and property form answers the questions it
already answers, and an answer that contradicts the form or another answer is said in the
advice (the pack says which field answers which question)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from vastgoedcheck.domain.assessment import Outcome, assess
from vastgoedcheck.domain.check import Answer
from vastgoedcheck.domain.form_facts import form_answers
from vastgoedcheck.domain.pack import FlagValue, Pack, QuestionType, Role
from vastgoedcheck.i18n import language_scope
from vastgoedcheck.i18n.outcome_text import reason_text
from vastgoedcheck.packs.registry import PackRegistry

YES, NO, UNKNOWN = FlagValue.YES, FlagValue.NO, FlagValue.UNKNOWN


def pack(registry: PackRegistry, pack_id: str) -> Pack:
    found = registry.get(pack_id)
    assert found is not None
    return found


# The cash question of each pack. Where the form says all the question asks ("does the applicant
# want to pay partly in cash?"), its answer is 'yes'; where the question asks more than the form
# says (€10,000 or more, to or through the agent; the purchase rather than the rent), 'unknown':
# the advice is no longer green, and asks to find out.
CASH_QUESTIONS = {
    "landlord-residential": ("RES-03", YES),
    "landlord-commercial": ("COM-08", YES),
    "landlord-rural": ("AGR-03", YES),
    "notary-transaction": ("NOT-03", YES),
    "hospitality-leisure": ("STAY-03", UNKNOWN),
    "broker-buyer": ("BUY-07", UNKNOWN),
    "broker-seller": ("SEL-05", UNKNOWN),
}


@pytest.mark.parametrize(("pack_id", "expected"), CASH_QUESTIONS.items())
@pytest.mark.parametrize("method", ["cash", "mixed"])
def test_a_payment_partly_in_cash_answers_every_packs_cash_question(
    registry: PackRegistry, pack_id: str, expected: tuple[str, FlagValue], method: str
) -> None:
    question_id, answer = expected
    changes = form_answers(pack(registry, pack_id), {"payment_method": method}, {})
    assert changes[question_id] == Answer(answer, from_form="payment_method")


def test_every_pack_with_a_payment_method_has_its_cash_question_answered(
    registry: PackRegistry,
) -> None:
    """No pack asks for the payment method and then ignores it."""
    for found in registry.latest():
        if found.field_need("property", "payment_method") is not None:
            assert found.id in CASH_QUESTIONS, found.id


def test_a_bank_transfer_answers_nothing(registry: PackRegistry) -> None:
    """A transfer does not say that no cash was offered: the question stays the person's."""
    for pack_id in CASH_QUESTIONS:
        assert form_answers(pack(registry, pack_id), {"payment_method": "bank_transfer"}, {}) == {}


def test_the_persons_own_answer_is_never_changed(registry: PackRegistry) -> None:
    residential = pack(registry, "landlord-residential")
    answers = {"RES-03": Answer(NO, note="Betaalt per bank.")}
    assert form_answers(residential, {"payment_method": "mixed"}, answers) == {}


def test_a_prefilled_answer_follows_the_form_and_keeps_its_note(registry: PackRegistry) -> None:
    residential = pack(registry, "landlord-residential")
    given = {"RES-03": Answer(YES, note="Zie formulier.", from_form="payment_method")}
    changes = form_answers(residential, {"payment_method": "bank_transfer"}, given)
    assert changes == {"RES-03": Answer(None, note="Zie formulier.")}
    bare = {"RES-03": Answer(YES, from_form="payment_method")}
    assert form_answers(residential, {}, bare) == {"RES-03": None}


def test_a_notary_gets_the_cash_amount_when_the_whole_price_is_paid_in_cash(
    registry: PackRegistry,
) -> None:
    notary = pack(registry, "notary-transaction")
    assert notary.question("NOT-03a").type is QuestionType.AMOUNT  # type: ignore[union-attr]
    data = {"payment_method": "cash", "price": Decimal("385000")}
    changes = form_answers(notary, data, {})
    assert changes["NOT-03a"] == Answer(Decimal("385000"), from_form="payment_method")
    assert "NOT-03a" not in form_answers(notary, {**data, "payment_method": "mixed"}, {})


def test_partly_cash_is_no_longer_green_for_a_landlord(registry: PackRegistry) -> None:
    residential = pack(registry, "landlord-residential")
    data = {"payment_method": "mixed"}
    answers = {qid: a.value for qid, a in form_answers(residential, data, {}).items() if a}
    result = assess(residential, Role.LANDLORD, answers, data)
    assert result.outcome > Outcome.PROCEED
    assert any(r.question_id == "RES-03" for r in result.reasons)


def test_partly_cash_asks_an_estate_agent_to_find_out(registry: PackRegistry) -> None:
    buyer = pack(registry, "broker-buyer")
    data = {"payment_method": "mixed", "price": Decimal("425000")}
    answers = {qid: a.value for qid, a in form_answers(buyer, data, {}).items() if a}
    result = assess(buyer, Role.BROKER, answers, data)
    assert result.outcome is Outcome.EXTRA_CHECKS
    assert any(f.code == "find_out" and f.question_id == "BUY-07" for f in result.follow_ups)


def test_an_answer_against_the_form_is_a_contradiction(registry: PackRegistry) -> None:
    residential = pack(registry, "landlord-residential")
    result = assess(residential, Role.LANDLORD, {"RES-03": NO}, {"payment_method": "mixed"})
    [reason] = [r for r in result.reasons if r.code == "form_contradiction"]
    assert reason.question_id == "RES-03" and result.outcome is Outcome.EXTRA_CHECKS
    with language_scope("en"):
        text = reason_text(reason, residential, result)
    assert text == (
        "RES-03 is answered 'no', but the parties and property form gives Payment method "
        "'partly cash, partly by bank': correct the answer or the form."
    )
    with language_scope("nl"):
        assert "'nee'" in reason_text(reason, residential, result)


def test_ten_thousand_or_more_in_cash_with_an_amount_below_it_is_a_contradiction(
    registry: PackRegistry,
) -> None:
    buyer = pack(registry, "broker-buyer")
    answers = {"BUY-07": YES, "BUY-07a": Decimal("9000")}
    result = assess(buyer, Role.BROKER, answers, {"transaction": "sale"})
    [reason] = [r for r in result.reasons if r.code == "contradiction"]
    assert reason.question_id == "BUY-07"
    with language_scope("en"):
        text = reason_text(reason, buyer, result)
    assert text.startswith("BUY-07 contradicts another answer: the answer says €10,000 or more")
    answers["BUY-07a"] = Decimal("12000")  # consistent: no contradiction
    result = assess(buyer, Role.BROKER, answers, {"transaction": "sale"})
    assert not any(r.code == "contradiction" for r in result.reasons)
