"""Conditions are written out the way a person would say them."""

from __future__ import annotations

from tests.domain.packs_for_tests import amount, flag, make_pack
from vastgoedcheck.i18n import set_language
from vastgoedcheck.i18n.pack_text import condition_text

PACK = make_pack([flag("TST-01"), amount("TST-01a", after="TST-01")])
GROUP = PACK.questions[1].enable_when


def test_a_condition_in_english_and_dutch() -> None:
    assert GROUP is not None
    assert condition_text(PACK, GROUP, "en") == "only when TST-01 is yes"
    set_language("nl")
    assert condition_text(PACK, GROUP, "nl") == "alleen als TST-01 ja is"


def test_choices_are_named_by_their_label(registry) -> None:  # type: ignore[no-untyped-def]
    pack = registry.get("notary-transaction")
    question = pack.question("NOT-14")
    text = condition_text(pack, question.enable_when, "en")
    assert text.startswith("only when NOT-00 is '")
    assert "share" in text.lower()
