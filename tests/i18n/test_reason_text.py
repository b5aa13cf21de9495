"""Each reason line says why it applies, once: an amount that makes an item both a knock-out and
an objective indicator explains each in its own line, without repeating the other."""

from __future__ import annotations

from decimal import Decimal

from tests.domain.packs_for_tests import amount, flag, make_pack
from vastgoedcheck.domain.assessment import assess
from vastgoedcheck.domain.pack import FlagValue, Role
from vastgoedcheck.i18n.outcome_text import reason_text


def escalation(operator: str, limit: int, text: str, **change: object) -> dict[str, object]:
    return {
        "when": {
            "behavior": "all",
            "conditions": [{"question": "TST-03a", "operator": operator, "answer": limit}],
        },
        "reason": {"nl": text, "en": text},
        **change,
    }


def test_the_knock_out_and_the_indicator_each_give_their_own_reason_once() -> None:
    cash = flag(
        "TST-03",
        "low",
        cluster="MON",
        escalations=[
            escalation(">", 2500, "Refuse the cash.", knockout=True),
            escalation(">=", 10000, "Report the transaction.", kind="objective"),
        ],
    )
    pack = make_pack([cash, amount("TST-03a", "TST-03")], ("notary",), "sale")
    result = assess(pack, Role.NOTARY, {"TST-03": FlagValue.YES, "TST-03a": Decimal(12000)})
    lines = {reason.code: reason_text(reason, pack, result) for reason in result.reasons}
    assert "Refuse the cash." in lines["knockout"]
    assert "Report the transaction." not in lines["knockout"]
    assert "Report the transaction." in lines["objective"]
    assert "Refuse the cash." not in lines["objective"]
