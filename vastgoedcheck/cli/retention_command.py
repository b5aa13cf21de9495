"""``vastgoedcheck retention``: what is due for erasure or review, erasing it, and one check's
retention (the end of the relationship, an adjusted date with a reason)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from vastgoedcheck.cli.output import print_json, printable, say
from vastgoedcheck.cli.store_access import add_data_dir_option, full_id, opened_store
from vastgoedcheck.domain.retention import DueCheck, RetentionStatus, Rule
from vastgoedcheck.errors import UserError
from vastgoedcheck.i18n import _, ngettext
from vastgoedcheck.i18n.formatting import format_date
from vastgoedcheck.i18n.retention_text import basis_text, retention_line

# What ``--ended`` takes to say the end is not known after all.
NOT_ENDED = "none"


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text} is not a date; write it as YYYY-MM-DD").format(text=repr(text))
        ) from None


def end_date(text: str) -> dt.date | None:
    return None if text.strip().lower() == NOT_ENDED else iso_date(text)


def register(commands: Any) -> None:
    retention = commands.add_parser(
        "retention",
        help=_(
            "list the checks due for erasure or review (--apply erases them), or show and set "
            "one check's retention"
        ),
    )
    retention.add_argument(
        "id",
        nargs="?",
        metavar=_("ID"),
        help=_(
            "one check: show its retention, or change it with --ended, --keep-until or --review-on"
        ),
    )
    retention.add_argument(
        "--as-of",
        type=iso_date,
        metavar=_("DATE"),
        help=_("list what is due on this day (YYYY-MM-DD; default today)"),
    )
    retention.add_argument("--json", action="store_true", help=_("print JSON"))
    retention.add_argument(
        "--apply",
        action="store_true",
        help=_("erase the checks that are due for erasure today (reviews are only listed)"),
    )
    retention.add_argument(
        "--yes", action="store_true", help=_("erase without asking (with --apply)")
    )
    retention.add_argument(
        "--ended",
        type=end_date,
        metavar=_("DATE"),
        help=_(
            "the end of the business relationship, the tenancy or the matter; for a rejected "
            "applicant the day the selection was final ('none': not ended)"
        ),
    )
    retention.add_argument(
        "--keep-until",
        type=iso_date,
        metavar=_("DATE"),
        help=_("erase the check on this day instead (with --reason; never before the law allows)"),
    )
    retention.add_argument(
        "--review-on",
        type=iso_date,
        metavar=_("DATE"),
        help=_("after a review: keep the check and review it again on this day (with --reason)"),
    )
    retention.add_argument(
        "--reason",
        metavar=_("TEXT"),
        help=_("why the date is changed (with --keep-until or --review-on)"),
    )
    add_data_dir_option(retention)
    retention.set_defaults(handler=retention_command, ended=False)


def retention_command(args: argparse.Namespace) -> int:
    dated = args.keep_until is not None or args.review_on is not None
    changing = args.ended is not False or dated
    if args.id is None:
        if changing or args.reason is not None:
            raise UserError(_("give the check's id to change its retention"))
        return _due(args)
    if args.apply or args.as_of is not None:
        raise UserError(_("--apply and --as-of list all checks; leave out the id"))
    if dated != (args.reason is not None):
        raise UserError(_("give --keep-until or --review-on together with --reason"))
    if not changing:
        return _show(args)
    with opened_store(args) as store:
        check_id = full_id(store, args.id)
        status = store.retention(check_id)
        if args.ended is not False:
            status = store.set_relationship_end(check_id, args.ended)
        if args.keep_until is not None:
            status = store.adjust_retention(check_id, args.keep_until, args.reason)
        if args.review_on is not None:
            status = store.adjust_review(check_id, args.review_on, args.reason)
    _print_status(check_id, status, args.json)
    return 0


def _show(args: argparse.Namespace) -> int:
    with opened_store(args, read_only=True) as store:
        check_id = full_id(store, args.id)
        status = store.retention(check_id)
    _print_status(check_id, status, args.json)
    return 0


def status_json(status: RetentionStatus) -> dict[str, Any]:
    def day(value: dt.date | None) -> str | None:
        return None if value is None else value.isoformat()

    return {
        "rule": status.rule.value,
        "basis": basis_text(status.basis),
        "erase_on": day(status.erase_on),
        "review_on": day(status.review_on),
        "legal_until": day(status.legal_until),
        "relationship_end": day(status.relationship_end),
        "adjusted_reason": status.adjusted_reason,
        "review_reason": status.review_reason,
        "needs_relationship_end": status.needs_relationship_end,
    }


def status_lines(status: RetentionStatus) -> list[str]:
    """The retention of a check as ``show`` and ``retention ID`` print it."""
    lines = [
        _("Retention: {line}").format(line=retention_line(status)),
        "  " + basis_text(status.basis),
    ]
    if status.review_on is not None and (
        status.erase_on is not None or status.needs_relationship_end
    ):
        lines.append(
            "  " + _("To be reviewed on {date}").format(date=format_date(status.review_on))
        )
    if status.relationship_end is not None:
        label = (
            _("Selection final: {date}")
            if status.rule is Rule.REJECTED_APPLICANT
            else _("End of the relationship: {date}")
        )
        lines.append("  " + label.format(date=format_date(status.relationship_end)))
    if status.review_reason:
        lines.append(
            "  " + _("Kept after a review: {reason}").format(reason=printable(status.review_reason))
        )
    if status.adjusted_reason:
        lines.append(
            "  " + _("Date changed: {reason}").format(reason=printable(status.adjusted_reason))
        )
    return lines


def _print_status(check_id: str, status: RetentionStatus, as_json: bool) -> None:
    if as_json:
        print_json({"id": check_id, **status_json(status)})
        return
    say(_("Check {id}").format(id=check_id))
    for line in status_lines(status):
        say(line)


def _due(args: argparse.Namespace) -> int:
    today = dt.date.today()
    as_of = args.as_of or today
    if args.apply and as_of > today:
        raise UserError(
            _("--apply erases only what is due today; leave out --as-of or give an earlier date")
        )
    with opened_store(args, read_only=not args.apply) as store:
        due = store.due(as_of)
        to_erase = [item for item in due if item.kind == "erase"]
        erased: list[str] = []
        if args.apply and to_erase:
            _confirm(to_erase, args.yes)
            records = store.erase_many(
                [item.check_id for item in to_erase],
                reason=_("retention period ended"),
                on_request=False,
            )
            erased = [record.check_id for record in records]
    if args.json:
        print_json(
            [
                {
                    "id": item.check_id,
                    "label": item.label,
                    "pack": item.pack_id,
                    "due_on": item.due_on.isoformat(),
                    "kind": item.kind,
                    "erased": item.check_id in erased,
                }
                for item in due
            ]
        )
        return 0
    _print_due(due, as_of, erased)
    return 0


def _print_due(due: list[DueCheck], as_of: dt.date, erased: list[str]) -> None:
    if not due:
        say(_("Nothing is due for erasure or review on {date}.").format(date=format_date(as_of)))
        return
    for item in due:
        if item.check_id in erased:
            line = _("{id}  erased (due on {date})  {label}")
        elif item.kind == "erase":
            line = _("{id}  erase on {date}  {label}")
        else:
            line = _("{id}  review on {date}  {label}")
        say(
            line.format(
                id=item.check_id, date=format_date(item.due_on), label=printable(item.label)
            )
        )
    if erased:
        say(
            ngettext("{count} check erased", "{count} checks erased", len(erased)).format(
                count=len(erased)
            )
        )


def _confirm(items: list[DueCheck], yes: bool) -> None:
    """Ask on a terminal before erasing; without one, only with ``--yes``."""
    if yes:
        return
    if not sys.stdin.isatty():
        raise UserError(_("erasing cannot be undone; add --yes to erase without being asked"))
    for item in items:
        say(f"  {item.check_id}  {printable(item.label)}")
    question = _(
        "Erase the checks listed above for good, also from the backups in the data folder? [y/N] "
    )
    answer = input(question).strip().lower()
    if answer not in (_("y"), _("yes"), "y", "yes"):
        raise UserError(_("nothing was erased"))
