"""``vastgoedcheck report`` and ``verify``: the PDF of a check for one recipient, and which
check, revision and recipient an exact PDF file was issued for."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from vastgoedcheck.cli.output import (
    add_pdf_options,
    note_plain_file,
    refuse_inside_data_folder,
    revision_number,
    say,
)
from vastgoedcheck.cli.store_access import (
    add_data_dir_option,
    full_id,
    opened_store,
    warn,
    warn_if_uploaded,
)
from vastgoedcheck.errors import UserError
from vastgoedcheck.i18n import _
from vastgoedcheck.jsonfiles import UnreadableFile, read_regular_file
from vastgoedcheck.oserrors import os_reason
from vastgoedcheck.reports.profiles import INTERNAL_DOSSIER, Recipient, recipient_name
from vastgoedcheck.reports.verifying import read_report, verdict
from vastgoedcheck.storage.meta import now

MAX_STATEMENT_BYTES = 1_000_000  # a statement of facts is a page or two of text


def register(commands: Any) -> None:
    report = commands.add_parser("report", help=_("write the PDF report of a check"))
    report.add_argument("id", metavar=_("ID"), help=_("the check's id, or its first characters"))
    add_pdf_options(
        report,
        _("language of the report (default: the language of the check)"),
        _(
            "the PDF to write (default: a name of the recipient, the property and the date in "
            "the current folder, e.g. police-Oudegracht-123-Utrecht-2026-12-05.pdf)"
        ),
    )
    report.add_argument(
        "--recipient",
        choices=[recipient.value for recipient in Recipient],
        default=Recipient.DOSSIER.value,
        help=_(
            "who the report is for: your own dossier (default), the police, the municipality "
            "or RIEC, or FIU-Nederland (estate agents and notaries only)"
        ),
    )
    report.add_argument(
        "--revision",
        type=revision_number,
        metavar=_("N"),
        help=_("an earlier revision (default: the newest)"),
    )
    report.add_argument(
        "--format",
        dest="report_format",
        choices=("pdf", "json"),
        default="pdf",
        help=_(
            "pdf (default), or json: the content of the report for FIU-Nederland as data for "
            "its reporting portal (with --recipient fiu only)"
        ),
    )
    report.add_argument(
        "--internal",
        action="store_true",
        help=_(
            "the internal dossier: with decisions about reporting to FIU-Nederland and the "
            "report records, marked 'internal — not for the client' on every page"
        ),
    )
    report.add_argument(
        "--statement",
        type=Path,
        metavar=_("FILE"),
        help=_(
            "a text file with your statement of facts for this recipient (UTF-8), printed on "
            "the first page of the report"
        ),
    )
    add_data_dir_option(report)
    report.set_defaults(handler=write_report)

    verify = commands.add_parser(
        "verify", help=_("tell which check and revision a PDF report was issued for")
    )
    verify.add_argument("file", type=Path, metavar=_("FILE.pdf"), help=_("the PDF to verify"))
    add_data_dir_option(verify)
    verify.set_defaults(handler=verify_file)


def read_statement(path: Path | None) -> str:
    """The statement of facts in the text file ``path``; "" without one. UserError when the
    file cannot be read or is not text."""
    if path is None:
        return ""
    try:
        content = read_regular_file(path, MAX_STATEMENT_BYTES)
    except UnreadableFile as error:
        reason = error.problem.message
    except OSError as error:
        reason = os_reason(error)
    else:
        try:
            return content.decode("utf-8-sig")
        except UnicodeDecodeError:
            reason = _("it is not text in UTF-8")
    raise UserError(
        _("The statement of facts {file} cannot be read ({reason})").format(
            file=path, reason=reason
        )
    )


def write_report(args: argparse.Namespace) -> int:
    from vastgoedcheck.reports.choice import reporter_warning
    from vastgoedcheck.reports.file_name import report_file_name  # reportlab: only here
    from vastgoedcheck.reports.report import ReportRefused, build_fiu_json, build_report

    recipient = Recipient(args.recipient)
    as_json = args.report_format == "json"
    if as_json and recipient is not Recipient.FIU:
        raise UserError(
            _("Only the report for FIU-Nederland can be written as JSON: add --recipient fiu.")
        )
    if args.internal and recipient is not Recipient.DOSSIER:
        raise UserError(_("--internal is only for the dossier report (--recipient dossier)"))
    statement = read_statement(args.statement)
    with opened_store(args, read_only=True) as store:
        check = store.get(full_id(store, args.id), args.revision)
        store.refuse_if_tampered(check.id, check.revision)  # before the work of building it
        pack = store.pack_of(check)
        language = args.report_language or check.language
        records = store.report_records(check.id) if args.internal else []
        name = report_file_name(check, pack, recipient, language, now().date())
        output: Path = args.output or Path(name).with_suffix(".json" if as_json else ".pdf")
        refuse_inside_data_folder(output, args)
        warn_if_uploaded(output)
        warning = reporter_warning(check.examiner, recipient)
        if warning is not None:
            warn(warning)
        try:
            if as_json:
                content = build_fiu_json(check, pack, language, now(), statement)
            else:
                content = build_report(
                    check,
                    pack,
                    recipient,
                    language,
                    store.attachment_content,
                    now(),
                    internal=args.internal,
                    records=records,
                    statement=statement,
                )
        except ReportRefused as refusal:
            raise UserError(str(refusal)) from None
        store.issue_file(
            check,
            output,
            content,
            kind="report",
            recipient=INTERNAL_DOSSIER if args.internal else recipient.value,
            language=language,
        )
    say(
        _("Report for {recipient} of check {id} (revision {revision}) written to {file}").format(
            recipient=recipient_name(INTERNAL_DOSSIER if args.internal else recipient.value),
            id=check.id,
            revision=check.revision,
            file=output,
        )
    )
    note_plain_file()
    return 0


def verify_file(args: argparse.Namespace) -> int:
    path: Path = args.file
    content = read_report(path)
    if not content.startswith(b"%PDF-"):
        raise UserError(_("{file} is not a PDF file.").format(file=path))
    with opened_store(args, read_only=True) as store:
        issued, lines = verdict(store.issued(), path, content)
    if not issued:
        raise UserError(lines[0])
    for line in lines:
        say(line)
    return 0
