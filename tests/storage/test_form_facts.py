"""The property's facts answer the questions they answer, in the store: visibly taken from the
form, changed by the person at will, and following the form until then."""

from __future__ import annotations

from tests.storage.conftest import new_draft
from vastgoedcheck.domain.assessment import Outcome, assess_check
from vastgoedcheck.domain.check import Answer
from vastgoedcheck.domain.pack import FlagValue, Role
from vastgoedcheck.exchange.reading import check_from_document
from vastgoedcheck.exchange.writing import check_document
from vastgoedcheck.storage.store import Store

PROPERTY = {"address": "Oudegracht 101", "postcode": "3511 AD", "city": "Utrecht"}


def test_partly_cash_answers_the_cash_question_and_the_advice_sees_it(store: Store) -> None:
    check = new_draft(store)
    pack = store.pack_of(check)
    assert assess_check(pack, check).outcome is Outcome.PROCEED
    check = store.set_property(check.id, {**PROPERTY, "payment_method": "mixed"})
    assert check.answers["RES-03"] == Answer(FlagValue.YES, from_form="payment_method")
    assert assess_check(pack, check).outcome > Outcome.PROCEED
    [event] = [e for e in store.events(check.id) if e.target == "RES-03"]
    assert (event.old, event.new) == (None, "yes")
    assert event.reason == "from the parties and property form (payment_method)"


def test_the_persons_answer_replaces_the_prefilled_one_and_a_contradiction_shows(
    store: Store,
) -> None:
    check = new_draft(store)
    store.set_property(check.id, {**PROPERTY, "payment_method": "mixed"})
    check = store.set_answer(check.id, "RES-03", FlagValue.NO)
    assert check.answers["RES-03"] == Answer(FlagValue.NO)
    result = assess_check(store.pack_of(check), check)
    assert any(r.code == "form_contradiction" for r in result.reasons)
    check = store.set_property(check.id, {**PROPERTY, "payment_method": "cash"})
    assert check.answers["RES-03"] == Answer(FlagValue.NO)  # never overwritten


def test_the_same_answer_given_by_the_person_makes_it_theirs(store: Store) -> None:
    check = new_draft(store)
    store.set_property(check.id, {**PROPERTY, "payment_method": "mixed"})
    check = store.set_answer(check.id, "RES-03", FlagValue.YES)
    assert check.answers["RES-03"] == Answer(FlagValue.YES)
    check = store.set_property(check.id, {**PROPERTY, "payment_method": "bank_transfer"})
    assert check.answers["RES-03"] == Answer(FlagValue.YES)


def test_a_prefilled_answer_goes_when_the_form_no_longer_gives_it(store: Store) -> None:
    check = new_draft(store)
    store.set_property(check.id, {**PROPERTY, "payment_method": "cash"})
    check = store.set_property(check.id, {**PROPERTY, "payment_method": "bank_transfer"})
    assert "RES-03" not in check.answers


def test_a_new_check_takes_the_facts_of_its_form(store: Store) -> None:
    pack = store.registry.get("landlord-residential")
    assert pack is not None
    check = store.create(pack, Role.LANDLORD, property_data={**PROPERTY, "payment_method": "cash"})
    assert check.answers["RES-03"] == Answer(FlagValue.YES, from_form="payment_method")


def test_where_an_answer_came_from_travels_with_the_check(store: Store) -> None:
    check = new_draft(store)
    check = store.set_property(check.id, {**PROPERTY, "payment_method": "mixed"})
    pack = store.pack_of(check)
    document = check_document(check, pack)
    assert document["answers"]["RES-03"] == {"value": "yes", "from_form": "payment_method"}
    again, _pack = check_from_document(document, store.registry)
    assert again.answers["RES-03"].from_form == "payment_method"
