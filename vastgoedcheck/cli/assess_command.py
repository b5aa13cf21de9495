"""``vastgoedcheck assess``: the advice for one check file, without storing anything."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from vastgoedcheck.cli.output import print_json, say
from vastgoedcheck.domain.assessment import Assessment, assess_check
from vastgoedcheck.domain.check import Check
from vastgoedcheck.domain.pack import Pack
from vastgoedcheck.errors import UserError
from vastgoedcheck.exchange.reading import InvalidCheck, read_check_file
from vastgoedcheck.i18n import _, current_language
from vastgoedcheck.i18n.completeness_text import advice_headline, open_text
from vastgoedcheck.i18n.formatting import format_number
from vastgoedcheck.i18n.labels import role_label
from vastgoedcheck.i18n.outcome_text import (
    advice_parts,
    decision_label,
    follow_up_text,
    reason_text,
)
from vastgoedcheck.i18n.pack_review import review_text
from vastgoedcheck.packs.registry import load_registry


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "assess", help=_("give the outcome for a check file, without storing anything")
    )
    parser.add_argument(
        "file", type=Path, metavar=_("CHECK.json"), help=_("one check in the exchange format")
    )
    parser.add_argument("--json", action="store_true", help=_("print JSON"))
    parser.set_defaults(handler=run)


def assessment_document(check: Check, pack: Pack, result: Assessment) -> dict[str, Any]:
    """The assessment as JSON data, with every text in the active language."""
    return {
        "check": check.id,
        "pack": {"id": pack.id, "version": pack.version},
        "role": check.role.value,
        "language": current_language(),
        "outcome": result.outcome.code,
        "stop": result.stop,
        "score": result.score,
        "wwft": result.wwft,
        "complete": result.complete,
        "open_questions": list(result.open_questions),
        "reasons": [
            {
                "code": reason.code,
                "level": reason.level.code,
                "item": reason.question_id,
                "text": reason_text(reason, pack, result),
            }
            for reason in result.reasons
        ],
        "follow_ups": [
            {"code": f.code, "item": f.question_id, "text": follow_up_text(f, pack)}
            for f in result.follow_ups
        ],
        "report_channels": [channel.value for channel in result.report_channels],
        "patterns": [
            {"cluster": p.cluster.value, "items": list(p.question_ids)} for p in result.patterns
        ],
    }


def print_assessment(check: Check, pack: Pack, result: Assessment) -> None:
    language = current_language()
    say(
        _("Check {id}: {pack} ({pack_id} {version}), as {role}").format(
            id=check.id,
            pack=pack.title.get(language),
            pack_id=pack.id,
            version=pack.version,
            role=role_label(check.role),
        )
    )
    if pack.review_due(dt.date.today()):
        say(review_text(pack, dt.date.today()))
    say(_("Outcome: {outcome}").format(outcome=advice_headline(result)))
    if not result.complete:
        say(open_text(result))
    say(_("Score: {score}").format(score=format_number(result.score)))
    if check.decision is not None:
        say(
            _("Your recorded decision: {decision}. {reasoning}").format(
                decision=decision_label(check.decision.outcome, result.wwft),
                reasoning=check.decision.reasoning,
            )
        )
    for title, lines in advice_parts(result, pack):
        say()
        say(f"{title}:")
        for line in lines:
            say(f"  - {line}")


def run(args: argparse.Namespace) -> int:
    registry = load_registry()
    try:
        check, pack = read_check_file(args.file, registry)
    except InvalidCheck as error:
        raise UserError(
            _("{file} cannot be assessed: {problem}").format(
                file=args.file, problem=error.headline()
            )
        ) from None
    result = assess_check(pack, check)
    if args.json:
        print_json(assessment_document(check, pack, result))
    else:
        print_assessment(check, pack, result)
    return 0
