"""Conditions are written out the way a person would say them: whole sentences, answers in
quotes, in both languages."""

from __future__ import annotations

from tests.domain.packs_for_tests import amount, flag, make_pack
from vastgoedcheck.i18n import set_language
from vastgoedcheck.i18n.pack_text import condition_text

PACK = make_pack([flag("TST-01"), amount("TST-01a", after="TST-01")])
GROUP = PACK.questions[1].enable_when


def test_a_condition_in_english_and_dutch() -> None:
    assert GROUP is not None
    assert condition_text(PACK, GROUP, "en") == "Only when the answer to TST-01 is 'yes'."
    set_language("nl")
    assert condition_text(PACK, GROUP, "nl") == "Alleen als het antwoord op TST-01 'ja' is."


def test_several_conditions_on_two_questions_are_one_sentence() -> None:
    either = amount("TST-02a", after="TST-01")
    either["enable_when"] = {
        "behavior": "any",
        "conditions": [
            {"question": "TST-01", "operator": "=", "answer": "yes"},
            {"question": "TST-02", "operator": "=", "answer": "unknown"},
        ],
    }
    pack = make_pack([flag("TST-01"), flag("TST-02"), either])
    group = pack.questions[2].enable_when
    assert group is not None
    assert condition_text(pack, group, "en") == (
        "Only when the answer to TST-01 is 'yes' or the answer to TST-02 is 'unknown'."
    )
    set_language("nl")
    assert condition_text(pack, group, "nl") == (
        "Alleen als het antwoord op TST-01 'ja' is of het antwoord op TST-02 'onbekend' is."
    )


def test_choices_are_named_by_their_label(registry) -> None:  # type: ignore[no-untyped-def]
    pack = registry.get("notary-transaction")
    question = pack.question("NOT-14")
    text = condition_text(pack, question.enable_when, "en")
    assert text.startswith("Only when the answer to NOT-00 is '")
    assert "share" in text.lower()


def test_several_answers_to_one_question_are_listed(registry) -> None:  # type: ignore[no-untyped-def]
    pack = registry.get("notary-transaction")
    question = pack.question("NOT-20")
    set_language("nl")
    text = condition_text(pack, question.enable_when, "nl")
    labels = ["'" + choice.label.get("nl") + "'" for choice in pack.question("NOT-00").choices]
    assert text.startswith("Alleen als het antwoord op NOT-00 '") and text.endswith("' is.")
    assert text.count(" of ") == 1 and text.count("NOT-00") == 1
    assert sum(label in text for label in labels) == 3
