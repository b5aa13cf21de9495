"""``vastgoedcheck history``: every event in a check's audit trail, in the user's language."""

from __future__ import annotations

import argparse
from typing import Any

from vastgoedcheck.cli.output import print_json, printable, say
from vastgoedcheck.cli.store_access import add_data_dir_option, full_id, opened_store
from vastgoedcheck.domain.assessment import assess_check
from vastgoedcheck.i18n import _
from vastgoedcheck.i18n.formatting import format_datetime
from vastgoedcheck.reports.event_text import event_text
from vastgoedcheck.storage.audit import AuditEvent, event_record


def register(commands: Any) -> None:
    history = commands.add_parser(
        "history", help=_("show every change of a check: who, when and what (its audit trail)")
    )
    history.add_argument("id", metavar=_("ID"), help=_("the check's id, or its first characters"))
    history.add_argument("--json", action="store_true", help=_("print JSON"))
    add_data_dir_option(history)
    history.set_defaults(handler=show_history)


def event_line(event: AuditEvent, *, wwft: bool = False) -> str:
    """One event: when, who, revision and what happened (``wwft``: see ``event_text``)."""
    return printable(
        _("{when}  {actor}  revision {revision}: {what}").format(
            when=format_datetime(event.at),
            actor=event.actor,
            revision=event.revision,
            what=event_text(event, wwft=wwft),
        )
    )


def show_history(args: argparse.Namespace) -> int:
    with opened_store(args, read_only=True) as store:
        check_id = full_id(store, args.id)
        events = store.events(check_id)
        check = store.get(check_id)
        wwft = assess_check(store.pack_of(check), check).wwft
    if args.json:
        print_json([event_record(event) for event in events])
        return 0
    say(_("Audit trail of check {id}:").format(id=check_id))
    for event in events:
        say("  " + event_line(event, wwft=wwft))
    return 0
