"""``vastgoedcheck related ID``: the other checks with the same property or a same party."""

from __future__ import annotations

import argparse
from typing import Any

from vastgoedcheck.cli.output import print_json, printable, say
from vastgoedcheck.cli.store_access import add_data_dir_option, full_id, opened_store
from vastgoedcheck.domain.check import Status
from vastgoedcheck.domain.related import same_property_since
from vastgoedcheck.i18n import _, ngettext
from vastgoedcheck.i18n.formatting import format_date
from vastgoedcheck.i18n.labels import status_label
from vastgoedcheck.i18n.related_text import (
    last_year,
    link_sentence,
    names_by_key,
    property_count_sentence,
)
from vastgoedcheck.storage.related_checks import RelatedCheck


def register(commands: Any) -> None:
    related = commands.add_parser(
        "related",
        help=_("list the other checks with the same property or a same party"),
        description=_(
            "The other checks in this data folder about the same property (BAG id, or postcode, "
            "house number and addition) or with a same party (KVK number, or name and date of "
            "birth, however spelled)."
        ),
    )
    related.add_argument("id", metavar=_("ID"), help=_("the check's id, or its first characters"))
    related.add_argument("--json", action="store_true", help=_("print JSON"))
    add_data_dir_option(related)
    related.set_defaults(handler=related_checks)


def related_checks(args: argparse.Namespace) -> int:
    with opened_store(args, read_only=True) as store:
        check_id = full_id(store, args.id)
        check = store.get(check_id)
        found = store.related(check_id)
    names = names_by_key(check)
    if args.json:
        print_json([_as_json(item, names) for item in found])
        return 0
    if not found:
        say(_("No other check shares the property or a party with this check."))
        return 0
    say(
        ngettext(
            "{count} other check shares the property or a party with this check:",
            "{count} other checks share the property or a party with this check:",
            len(found),
        ).format(count=len(found))
    )
    for item in found:
        summary = item.summary
        place = ", ".join(part for part in (summary.address, summary.city) if part)
        who = "; ".join(summary.parties) or _("(no party named)")
        made = "" if summary.created_at is None else format_date(summary.created_at.date())
        status = status_label(Status(summary.status)) if summary.status else ""
        line = "  ".join(part for part in (summary.id, made, status, summary.pack) if part)
        say(printable(f"{line}  {who} — {place}" if place else f"{line}  {who}"))
        for link in item.related.links:
            say("    " + printable(link_sentence(link, names)))
    recent = same_property_since((item.related for item in found), last_year())
    if recent:
        say(property_count_sentence(recent))
    return 0


def _as_json(item: RelatedCheck, names: dict[str, str]) -> dict[str, Any]:
    summary = item.summary
    return {
        "id": summary.id,
        "pack": summary.pack,
        "status": summary.status,
        "created_at": None if summary.created_at is None else summary.created_at.isoformat(),
        "parties": list(summary.parties),
        "address": summary.address,
        "postcode": summary.postcode,
        "city": summary.city,
        "reference": summary.reference,
        "shares": [
            {
                "kind": link.kind,
                "key": link.key,
                "role_here": link.role_here or None,
                "role_there": link.role_there or None,
                "text": link_sentence(link, names),
            }
            for link in item.related.links
        ],
    }
