"""``vastgoedcheck finalize``, ``amend`` and ``delete``: the life cycle of a stored check."""

from __future__ import annotations

import argparse
from typing import Any

from vastgoedcheck.cli.output import say
from vastgoedcheck.cli.store_access import add_data_dir_option, full_id, opened_store
from vastgoedcheck.domain.check import Decision
from vastgoedcheck.domain.decisions import DecisionCode
from vastgoedcheck.errors import UserError
from vastgoedcheck.i18n import _

# The decisions a user can record (FIU-Nederland only for a Wwft institution: refused by the
# store otherwise); earlier versions' codes are still read, no longer written.
DECISIONS = tuple(code.value for code in DecisionCode)


def register(commands: Any) -> None:
    finalize = commands.add_parser(
        "finalize",
        help=_("finalize a complete draft: it becomes read-only, with a digital fingerprint"),
    )
    finalize.add_argument("id", metavar=_("ID"), help=_("the check's id, or its first characters"))
    finalize.add_argument(
        "--decision",
        choices=DECISIONS,
        help=_("record your decision first (with --reasoning)"),
    )
    finalize.add_argument(
        "--reasoning", metavar=_("TEXT"), help=_("why you decided so (with --decision)")
    )
    add_data_dir_option(finalize)
    finalize.set_defaults(handler=finalize_check)

    amend = commands.add_parser(
        "amend", help=_("start a correction of a finalized check, as a new revision")
    )
    amend.add_argument("id", metavar=_("ID"), help=_("the check's id, or its first characters"))
    amend.add_argument("--reason", required=True, metavar=_("TEXT"), help=_("why it is corrected"))
    add_data_dir_option(amend)
    amend.set_defaults(handler=amend_check)

    delete = commands.add_parser(
        "delete",
        help=_(
            "delete a draft, or erase a finalized check on request (art. 17 GDPR); a Wwft "
            "record is kept for its legal period"
        ),
    )
    delete.add_argument("id", metavar=_("ID"), help=_("the check's id, or its first characters"))
    delete.add_argument(
        "--reason",
        required=True,
        metavar=_("TEXT"),
        help=_("why it is deleted (a draft's reason is logged; an erasure's is not kept)"),
    )
    add_data_dir_option(delete)
    delete.set_defaults(handler=delete_check)


def finalize_check(args: argparse.Namespace) -> int:
    if (args.decision is None) != (args.reasoning is None):
        raise UserError(_("give --decision and --reasoning together"))
    with opened_store(args) as store:
        check_id = full_id(store, args.id)
        if args.decision is not None:
            store.set_decision(check_id, Decision(args.decision, args.reasoning))
        check = store.finalize(check_id)
    say(
        _("Check {id} is finalized; its digital fingerprint is {fingerprint}").format(
            id=check.id, fingerprint=check.fingerprint
        )
    )
    return 0


def amend_check(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        check = store.amend(full_id(store, args.id), args.reason)
    assert check.amends is not None
    say(
        _("Check {id}: revision {revision} is a draft that corrects revision {previous}").format(
            id=check.id, revision=check.revision, previous=check.amends.revision
        )
    )
    return 0


def delete_check(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        check_id = full_id(store, args.id)
        erasures = len(store.erasures())
        store.delete(check_id, args.reason)
        erased = len(store.erasures()) > erasures
    if erased:
        say(
            _(
                "Check {id} is erased, also from the backups in the data folder; the store log "
                "keeps only a record without personal data"
            ).format(id=check_id)
        )
    else:
        say(_("Check {id} is deleted").format(id=check_id))
    return 0
