"""``vastgoedcheck templates``: list, show and validate checklist packs."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from vastgoedcheck.cli.output import (
    add_pdf_options,
    fail,
    print_json,
    refuse_inside_data_folder,
    say,
)
from vastgoedcheck.domain.pack import Pack, Question
from vastgoedcheck.errors import UserError
from vastgoedcheck.i18n import _, current_language, ngettext
from vastgoedcheck.i18n.labels import kind_label, role_label, severity_label, type_label
from vastgoedcheck.i18n.pack_review import legal_position_text, review_text
from vastgoedcheck.i18n.pack_text import condition_text
from vastgoedcheck.oserrors import os_reason
from vastgoedcheck.packs.loading import validate_pack_file
from vastgoedcheck.packs.registry import PackRegistry, load_registry
from vastgoedcheck.storage.atomic import write_atomically


def register(commands: Any) -> None:
    parser = commands.add_parser("templates", help=_("list, show and validate checklist packs"))
    actions = parser.add_subparsers(dest="action", metavar=_("ACTION"), required=True)

    listing = actions.add_parser("list", help=_("list the available checklist packs"))
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    listing.set_defaults(handler=list_packs)

    show = actions.add_parser("show", help=_("show one checklist pack"))
    show.add_argument("id", metavar=_("PACK"), help=_("the pack id, e.g. landlord-residential"))
    show.add_argument(
        "--pack-version", metavar=_("VERSION"), help=_("a specific version (default: the newest)")
    )
    show.add_argument("--json", action="store_true", help=_("print the pack file as JSON"))
    show.set_defaults(handler=show_pack)

    printing = actions.add_parser(
        "print", help=_("write a blank checklist as a PDF, to fill in on paper")
    )
    printing.add_argument("id", metavar=_("PACK"), help=_("the pack id, e.g. landlord-residential"))
    add_pdf_options(
        printing, _("language of the checklist (default: the language of the messages)")
    )
    printing.add_argument(
        "--pack-version", metavar=_("VERSION"), help=_("a specific version (default: the newest)")
    )
    printing.set_defaults(handler=print_pack)

    validate = actions.add_parser("validate", help=_("check pack files and report every problem"))
    validate.add_argument(
        "files", nargs="+", type=Path, metavar=_("FILE"), help=_("one or more pack files")
    )
    validate.set_defaults(handler=validate_files)


def list_packs(args: argparse.Namespace) -> int:
    packs = load_registry().latest()
    if args.json:
        print_json(
            [
                {
                    "id": pack.id,
                    "version": pack.version,
                    "roles": [role.value for role in pack.roles],
                    "title": pack.title.to_dict(),
                    "questions": len(pack.questions),
                    "legal_position": pack.legal_position.to_dict()
                    if pack.legal_position
                    else None,
                    "review_by": pack.review_by.isoformat() if pack.review_by else None,
                    "review_due": pack.review_due(dt.date.today()),
                }
                for pack in packs
            ]
        )
        return 0
    language = current_language()
    for pack in packs:
        roles = ", ".join(role_label(role) for role in pack.roles)
        count = ngettext("{count} question", "{count} questions", len(pack.questions)).format(
            count=len(pack.questions)
        )
        say(f"{pack.id:<22} {pack.version:<8} {pack.title.get(language)} ({roles}; {count})")
        review = review_text(pack, dt.date.today())
        if review:
            say(" " * 32 + review)
    return 0


def _find(registry: PackRegistry, pack_id: str, version: str | None) -> Pack:
    pack = registry.get(pack_id, version)
    if pack is None:
        if version and registry.versions(pack_id):
            raise UserError(
                _("The pack {id} has no version {version}.").format(id=pack_id, version=version)
            )
        known = ", ".join(p.id for p in registry.latest())
        raise UserError(
            _("There is no pack {id}; the packs are: {known}.").format(id=pack_id, known=known)
        )
    return pack


def _question_line(question: Question, language: str) -> str:
    marks = []
    if question.severity is not None:
        marks.append(severity_label(question.severity))
    if question.kind is not None:
        marks.append(kind_label(question.kind))
    if question.knockout:
        marks.append(_("knock-out"))
    if question.cluster is not None:
        marks.append(question.cluster.value)
    if not question.scored:
        marks.append(type_label(question.type))
    return f"  {question.id:<9} {question.label.get(language)} [{', '.join(marks)}]"


def show_pack(args: argparse.Namespace) -> int:
    registry = load_registry()
    pack = _find(registry, args.id, args.pack_version)
    if args.json:
        say(registry.file_text(pack).rstrip("\n"))
        return 0
    language = current_language()
    say(f"{pack.title.get(language)} — {pack.id} {pack.version}")
    say(pack.description.get(language))
    say(_("For: {roles}").format(roles=", ".join(role_label(role) for role in pack.roles)))
    position = legal_position_text(pack, language)
    if position:
        say(_("Legal position: {text}").format(text=position))
    review = review_text(pack, dt.date.today())
    if review:
        say(review)
    for section in pack.sections:
        say()
        say(section.title.get(language))
        for question in section.questions:
            say(_question_line(question, language))
            if question.enable_when is not None:
                say(" " * 12 + condition_text(pack, question.enable_when, language))
    return 0


def print_pack(args: argparse.Namespace) -> int:
    from vastgoedcheck.reports.blank import build_blank_checklist  # reportlab: only here

    refuse_inside_data_folder(args.output, args)
    pack = _find(load_registry(), args.id, args.pack_version)
    language = args.report_language or current_language()
    pdf = build_blank_checklist(pack, language, dt.date.today())
    try:
        write_atomically(args.output, pdf)
    except OSError as error:
        raise UserError(
            _("{file} cannot be written ({reason})").format(
                file=args.output, reason=os_reason(error)
            )
        ) from None
    say(
        _("Blank checklist {id} {version} written to {file}").format(
            id=pack.id, version=pack.version, file=args.output
        )
    )
    return 0


def validate_files(args: argparse.Namespace) -> int:
    failed = 0
    for path in args.files:
        problems = validate_pack_file(path)
        if problems:
            failed += 1
            for problem in problems:
                say(problem.describe(str(path)))
        else:
            say(_("{file}: valid").format(file=path))
    if failed:
        return fail(
            ngettext("{count} file has problems.", "{count} files have problems.", failed).format(
                count=failed
            )
        )
    return 0
