"""``vastgoedcheck list`` and ``show``: the stored checks, and one check in full."""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
from itertools import chain
from typing import Any

from vastgoedcheck.cli.assess_command import print_assessment
from vastgoedcheck.cli.history_command import event_line
from vastgoedcheck.cli.output import (
    print_check_list,
    print_json,
    printable,
    revision_number,
    say,
    say_lines,
)
from vastgoedcheck.cli.retention_command import status_json, status_lines
from vastgoedcheck.cli.store_access import add_data_dir_option, full_id, opened_store
from vastgoedcheck.domain.assessment import Outcome, assess_check
from vastgoedcheck.domain.check import Check, Status
from vastgoedcheck.domain.decisions import REPORT_UNSPECIFIED, DecisionCode
from vastgoedcheck.domain.pack import Pack
from vastgoedcheck.exchange.writing import check_document
from vastgoedcheck.file_types import without_bidi
from vastgoedcheck.i18n import _, current_language, ngettext
from vastgoedcheck.i18n.completeness_text import incomplete_label
from vastgoedcheck.i18n.field_labels import party_role_label
from vastgoedcheck.i18n.formatting import stored_moment_formatter
from vastgoedcheck.i18n.labels import answer_text, status_label
from vastgoedcheck.i18n.outcome_text import level_headline
from vastgoedcheck.storage.audit import AuditEvent
from vastgoedcheck.storage.store import Store
from vastgoedcheck.storage.summary import (
    NO_DECISION,
    REPORT_STATUSES,
    Filters,
    Listed,
    Summary,
    search_key,
)

HISTORY_SHOWN = 10  # latest audit events in the text output of ``show``


def register(commands: Any) -> None:
    listing = commands.add_parser("list", help=_("list the stored checks"))
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    listing.add_argument("--status", choices=[s.value for s in Status], help=_("only this status"))
    listing.add_argument("--pack", metavar=_("PACK"), help=_("only checks made with this pack"))
    listing.add_argument(
        "--search",
        metavar=_("TEXT"),
        default="",
        help=_(
            "only checks whose party names, KVK numbers, UBOs, representatives, address, "
            "postcode, city or own reference contain every word of TEXT"
        ),
    )
    listing.add_argument(
        "--decision",
        choices=[*(code.value for code in DecisionCode), REPORT_UNSPECIFIED, "none"],
        help=_("only checks with this recorded decision (none: no decision yet)"),
    )
    listing.add_argument(
        "--report-status",
        choices=REPORT_STATUSES,
        help=_("only checks that were reported, decided not to report, or are still open"),
    )
    add_data_dir_option(listing)
    listing.set_defaults(handler=list_checks)

    show = commands.add_parser("show", help=_("show one stored check in full"))
    show.add_argument("id", metavar=_("ID"), help=_("the check's id, or its first characters"))
    show.add_argument(
        "--revision", type=revision_number, metavar=_("N"), help=_("an earlier revision")
    )
    show.add_argument("--json", action="store_true", help=_("print JSON"))
    add_data_dir_option(show)
    show.set_defaults(handler=show_check)

    acknowledge = commands.add_parser(
        "acknowledge",
        help=_("stop listing a check whose file is missing from the data folder (logged)"),
    )
    acknowledge.add_argument("id", metavar=_("ID"), help=_("the missing check's id"))
    add_data_dir_option(acknowledge)
    acknowledge.set_defaults(handler=acknowledge_missing)


def _matches(summary: Summary, args: argparse.Namespace) -> bool:
    words = search_key(args.search).split()
    text = search_key(" ".join([*summary.parties, summary.address, summary.postcode, summary.city]))
    return (
        (args.status is None or summary.status == args.status)
        and (args.pack is None or summary.pack == args.pack)
        and (_decision(args) is None or summary.decision == _decision(args))
        and (args.report_status is None or summary.report_status == args.report_status)
        and all(word in text for word in words)
    )


def _decision(args: argparse.Namespace) -> str | None:
    """The decision asked for: a decision code, NO_DECISION for "none", or None for any."""
    return (
        None if args.decision is None else NO_DECISION if args.decision == "none" else args.decision
    )


def _who(parties: Sequence[str], address: str, city: str) -> str:
    place = f"{address}, {city}" if address and city else address or city
    who = "; ".join(parties) or _("(no party named)")
    return printable(f"{who} — {place}" if place else who)


def list_checks(args: argparse.Namespace) -> int:
    filters = Filters(args.search, args.status, args.pack, _decision(args), args.report_status)
    with opened_store(args, read_only=True) as store:
        if args.json:  # written part by part, the checks found missing last
            print_check_list(
                chain(store.summaries_json_in_parts(filters), _missing_json(store, args))
            )
            return 0
        found = 0
        texts: dict[tuple[str, str, bool, bool, str], str] = {}
        for part in store.listed_in_parts(filters):  # written part by part
            say_lines(_listed_lines(part, texts))
            found += len(part)
        missing = [summary for summary in store.missing_checks() if _matches(summary, args)]
    if not found and not missing:
        say(_("No checks found."))
        return 0
    say_lines(
        [
            "  ".join(
                [
                    summary.id,
                    _("MISSING: the file is gone")
                    if summary.missing == "gone"
                    else _("MISSING: the file was damaged and moved aside"),
                    printable(summary.pack),
                    _who(summary.parties, summary.address, summary.city),
                ]
            )
            for summary in missing
        ]
    )
    say(ngettext("{count} check", "{count} checks", found).format(count=found))
    if missing:
        say(
            ngettext(
                "{count} check is missing from the data folder: restore it from a backup, or "
                "acknowledge it with: vastgoedcheck acknowledge ID",
                "{count} checks are missing from the data folder: restore them from a backup, or "
                "acknowledge each with: vastgoedcheck acknowledge ID",
                len(missing),
            ).format(count=len(missing))
        )
    return 0


def _missing_json(store: Store, args: argparse.Namespace) -> Iterator[list[dict[str, Any]]]:
    """The checks found missing, as the last part of a JSON listing: asked for once the rest has
    been read, as reading the index is what finds a file gone."""
    yield [summary.as_json() for summary in store.missing_checks() if _matches(summary, args)]


def _listed_lines(
    found: list[Listed], texts: dict[tuple[str, str, bool, bool, str], str]
) -> list[str]:
    """One line per check: id, status, advice, pack, last change, parties and place (``texts``:
    the status, advice and pack of each kind of check, made once for all parts of a listing)."""
    when = stored_moment_formatter()
    tampered_text = "  " + _("CHANGED AFTER FINALIZING")
    lines = []
    for (  # a listing of 20,000 checks: the fields unpacked at once
        check_id,
        status,
        outcome,
        stop,
        undecided,
        pack,
        created_at,
        updated_at,
        parties,
        address,
        city,
        tampered,
    ) in found:
        kind = (status, outcome, stop, undecided, pack)
        text = texts.get(kind)
        if text is None:
            # A stop with a report advice is one sentence, as on the review page.
            advice = (
                incomplete_label()
                if undecided and not stop
                else level_headline(Outcome[outcome.upper()], stop)
            )
            text = texts[kind] = f"{status_label(Status(status))}  {advice}  {printable(pack)}"
        moment = updated_at or created_at
        changed = "" if moment is None else when(moment)
        line = f"{check_id}  {text}  {changed}  {_who(parties, address, city)}"
        lines.append(line + tampered_text if tampered else line)
    return lines


def acknowledge_missing(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        check_id = full_id(store, args.id)
        store.acknowledge_missing(check_id)
    say(_("Check {id} is no longer listed as missing").format(id=check_id))
    return 0


def _event_json(event: AuditEvent) -> dict[str, Any]:
    return {
        "at": event.at.isoformat(),
        "actor": event.actor,
        "revision": event.revision,
        "action": event.action,
        "target": event.target,
        "old": event.old,
        "new": event.new,
        "reason": event.reason,
    }


def show_check(args: argparse.Namespace) -> int:
    with opened_store(args, read_only=True) as store:
        check_id = full_id(store, args.id)
        check = store.get(check_id, args.revision)
        pack = store.pack_of(check)
        revisions = store.revisions(check_id)
        events = store.events(check_id)
        tampered = store.tampered(check_id)  # and the store's problems say so on stderr
        retention = store.retention(check_id)
    if args.json:
        print_json(
            {
                "check": check_document(check, pack),
                "revisions": [
                    {
                        "revision": r.revision,
                        "status": r.status.value,
                        "finalized_at": r.finalized_at.isoformat() if r.finalized_at else None,
                        "fingerprint": r.fingerprint,
                        "amendment_reason": r.amends.reason if r.amends else None,
                    }
                    for r in revisions
                ],
                "events": [_event_json(event) for event in events],
                "tampered": tampered,
                "retention": status_json(retention),
            }
        )
        return 0
    _print_check(check, pack, revisions, events)
    for line in status_lines(retention):
        say(line)
    return 0


def _print_check(
    check: Check, pack: Pack, revisions: list[Check], events: list[AuditEvent]
) -> None:
    assessment = assess_check(pack, check)
    print_assessment(check, pack, assessment)
    say()
    say(
        _("Revision {revision} of {count}, {status}").format(
            revision=check.revision, count=len(revisions), status=status_label(check.status)
        )
    )
    if check.amends is not None:
        say(
            _("Amends revision {revision}: {reason}").format(
                revision=check.amends.revision, reason=check.amends.reason
            )
        )
    if check.fingerprint:
        say(_("Digital fingerprint: {fingerprint}").format(fingerprint=check.fingerprint))
    for party in check.parties:
        say(
            _("Party ({role}): {name}").format(
                role=party_role_label(party.role), name=printable(party.name)
            )
        )
    place = ", ".join(
        str(check.property[key]) for key in ("address", "postcode", "city") if key in check.property
    )
    if place:
        say(_("Property: {place}").format(place=place))
    say()
    say(_("Answers:"))
    language = current_language()
    for section in pack.sections:
        answered = [q for q in section.questions if q.id in check.answers]
        if not answered:
            continue
        say(f"  {section.title.get(language)}")
        for question in answered:
            answer = check.answers[question.id]
            say(f"    {question.id}  {question.label.get(language)}")
            say(f"        {answer_text(question, answer.value)}")
            if answer.note:
                say("        " + _("Note: {note}").format(note=answer.note))
            for attachment in answer.attachments:
                name = printable(without_bidi(attachment.name))
                say("        " + _("Attachment: {name}").format(name=name))
    say()
    say(_("Latest changes:"))
    for event in events[-HISTORY_SHOWN:]:
        say("  " + event_line(event, wwft=assessment.wwft))
    if len(events) > HISTORY_SHOWN:
        say("  " + _("(every change: vastgoedcheck history {id})").format(id=check.id))
