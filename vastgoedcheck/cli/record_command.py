"""``vastgoedcheck record``: record a report made to an authority, a decision not to report,
or a correction of such a record; or list a check's records."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from vastgoedcheck.cli.output import print_json, say
from vastgoedcheck.cli.store_access import add_data_dir_option, full_id, opened_store
from vastgoedcheck.domain.report_record import (
    Indicator,
    RecordKind,
    ReportChannel,
    ReportRecord,
    current_records,
    report_status,
)
from vastgoedcheck.errors import UserError
from vastgoedcheck.i18n import _
from vastgoedcheck.i18n.record_text import record_line, recorded_by, status_name
from vastgoedcheck.storage.record_codec import record_json
from vastgoedcheck.storage.store import Store


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text} is not a date (write it as YYYY-MM-DD)").format(text=repr(text))
        ) from None


def register(commands: Any) -> None:
    record = commands.add_parser(
        "record",
        help=_(
            "record a report made to an authority, or a decision not to report, beside a check "
            "(restricted: never in a report or export for the client)"
        ),
    )
    record.add_argument("id", metavar=_("ID"), help=_("the check's id"))
    record.add_argument(
        "--channel",
        choices=[channel.value for channel in ReportChannel],
        help=_("where the report was made (FIU-Nederland only for Wwft institutions)"),
    )
    record.add_argument(
        "--not-reporting",
        action="store_true",
        help=_("record a decision not to report (with --reasoning)"),
    )
    record.add_argument(
        "--date",
        type=_day,
        metavar=_("YYYY-MM-DD"),
        help=_("the day of the report or decision (default: today)"),
    )
    record.add_argument(
        "--reference", default="", metavar=_("TEXT"), help=_("e.g. FIU-Nederland's number")
    )
    record.add_argument(
        "--indicator",
        choices=[indicator.value for indicator in Indicator],
        help=_("the indicator the report relies on"),
    )
    record.add_argument(
        "--which",
        default="",
        metavar=_("TEXT"),
        help=_("which indicator, e.g. the question: 'BUY-07, cash of €10,000 or more'"),
    )
    record.add_argument(
        "--acknowledgement", default="", metavar=_("TEXT"), help=_("the acknowledgement received")
    )
    record.add_argument("--reasoning", default="", metavar=_("TEXT"), help=_("why"))
    record.add_argument(
        "--corrects",
        metavar=_("RECORD"),
        help=_("replace this record (its id, or the start of it) by the one given; with --reason"),
    )
    record.add_argument("--reason", default="", metavar=_("TEXT"), help=_("why it is corrected"))
    record.add_argument(
        "--list", action="store_true", help=_("list the check's records instead of adding one")
    )
    record.add_argument("--json", action="store_true", help=_("print JSON (with --list)"))
    add_data_dir_option(record)
    record.set_defaults(handler=record_report)


def _new_record(args: argparse.Namespace) -> ReportRecord:
    if args.not_reporting == (args.channel is not None):
        raise UserError(_("give either --channel (a report was made) or --not-reporting"))
    if args.not_reporting and not args.reasoning.strip():
        raise UserError(_("a decision not to report needs its reasoning (--reasoning)"))
    return ReportRecord(
        id="",
        kind=RecordKind.NOT_REPORTING if args.not_reporting else RecordKind.REPORTED,
        on=args.date or dt.date.today(),
        recorded_at=dt.datetime.now(dt.UTC),
        actor="",
        channel=None if args.channel is None else ReportChannel(args.channel),
        reference=args.reference,
        indicator=None if args.indicator is None else Indicator(args.indicator),
        indicator_detail=args.which.strip(),
        acknowledgement=args.acknowledgement.strip(),
        reasoning=args.reasoning,
    )


def _record_id(store: Store, check_id: str, given: str) -> str:
    """The full id of the record ``given`` names (its id or a unique start of it)."""
    ids = [r.id for r in store.report_records(check_id) if r.id.startswith(given.strip())]
    if len(ids) == 1 and given.strip():
        return ids[0]
    if not ids or not given.strip():
        raise UserError(
            _("the check {id} has no report record {record}").format(id=check_id, record=given)
        )
    raise UserError(_("{record} is the start of more than one record's id").format(record=given))


def _list(store: Store, args: argparse.Namespace) -> int:
    records = store.report_records(args.id)
    status = report_status(records)
    if args.json:
        print_json({"status": status, "records": [record_json(r) for r in records]})
        return 0
    say(_("Report status: {status}").format(status=status_name(status)))
    standing = {record.id for record in current_records(records)}
    for record in records:
        line = record_line(record)
        if record.id not in standing:
            line = _("Corrected later: {record}").format(record=line)
        say(f"{record.id[:8]}  {line}")
        say(f"          {recorded_by(record)}")
    return 0


def record_report(args: argparse.Namespace) -> int:
    with opened_store(args, read_only=args.list) as store:  # a listing only reads
        args.id = full_id(store, args.id)
        if args.list:
            return _list(store, args)
        record = _new_record(args)
        if args.corrects is not None:
            if not args.reason.strip():
                raise UserError(_("say why the record is corrected (--reason)"))
            target = _record_id(store, args.id, args.corrects)
            stored = store.correct_report_record(args.id, target, record, args.reason)
        else:
            if args.reason:
                raise UserError(_("--reason is for a correction (with --corrects)"))
            stored = store.record_report(args.id, record)
    say(
        _("Recorded for check {id} as record {record}: {line}").format(
            id=args.id, record=stored.id[:8], line=record_line(stored)
        )
    )
    return 0
