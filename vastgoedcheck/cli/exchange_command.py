"""``vastgoedcheck import`` and ``export``: checks in and out as exchange-format files."""

from __future__ import annotations

import argparse
import glob
import json
import sys
from pathlib import Path
from typing import Any

from vastgoedcheck import APP_NAME
from vastgoedcheck.cli.output import (
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
from vastgoedcheck.exchange.files import NotACheck, documents_in
from vastgoedcheck.i18n import _, ngettext
from vastgoedcheck.jsonfiles import UnreadableFile
from vastgoedcheck.oserrors import os_reason
from vastgoedcheck.storage.errors import ImportPartlyStored, StoreError
from vastgoedcheck.storage.store import Store


def register(commands: Any) -> None:
    importing = commands.add_parser(
        "import", help=_("store the checks in exchange-format files (all of a file, or none)")
    )
    importing.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar=_("FILE"),
        help=_(
            "a file with one check, or a JSON list of checks; a folder or a pattern (*.json) "
            "imports every check file in it and passes by the files that are not checks"
        ),
    )
    add_data_dir_option(importing)
    importing.set_defaults(handler=import_files)

    exporting = commands.add_parser("export", help=_("write a stored check to an exchange file"))
    exporting.add_argument("id", metavar=_("ID"), help=_("the check's id, or its first characters"))
    exporting.add_argument(
        "-o", "--output", type=Path, required=True, metavar=_("FILE.json"), help=_("where to write")
    )
    exporting.add_argument(
        "--revision", type=revision_number, metavar=_("N"), help=_("an earlier revision")
    )
    exporting.add_argument(
        "--internal",
        action="store_true",
        help=_(
            "for your own records only: with decisions about reporting to FIU-Nederland and the "
            "report records (never give this file to the client)"
        ),
    )
    add_data_dir_option(exporting)
    exporting.set_defaults(handler=export_check)


def files_named(arguments: list[Path]) -> list[Path]:
    """The files the arguments name. A folder gives its files (not those in its subfolders,
    nor hidden ones); a name with ``*``, ``?`` or ``[`` that is no file is a pattern, expanded
    here because the Windows command prompt does not do it. UserError for a pattern that
    matches nothing."""
    found: list[Path] = []
    for argument in arguments:
        if argument.is_dir():
            try:
                inside = sorted(p for p in argument.iterdir() if not p.name.startswith("."))
            except OSError as error:
                raise UserError(
                    _("the folder {folder} cannot be read ({reason})").format(
                        folder=argument, reason=os_reason(error)
                    )
                ) from None
            found += [path for path in inside if path.is_file()]
        elif not argument.exists() and glob.has_magic(str(argument)):
            matches = sorted(Path(name) for name in glob.glob(str(argument)))
            if not matches:
                raise UserError(_("no file matches {pattern}").format(pattern=argument))
            found += [path for path in matches if path.is_file()]
        else:
            found.append(argument)
    return found


def _import_one(store: Store, path: Path) -> bool | NotACheck:
    """Import one file; print its ids; False (after saying why) when it was refused, NotACheck
    (saying what it is) when it holds no check at all."""
    try:
        results = store.import_checks(documents_in(path), path.name)
    except NotACheck as other:
        return other
    except UnreadableFile as error:
        problem = error.problem.describe("").lstrip(": ")
    except ImportPartlyStored as error:  # not "nothing was stored": say exactly what is
        print(f"{APP_NAME}: {path}: {error}", file=sys.stderr)
        return False
    except StoreError as error:
        problem = str(error)
    except Exception as error:
        problem = _("an unexpected error ({error})").format(error=repr(error)[:200])
    else:
        for check_id, stored in results:
            say(check_id if stored else _("{id} (already stored, unchanged)").format(id=check_id))
        for notice in store.import_notices:
            print(f"{APP_NAME}: {path}: {notice}", file=sys.stderr)
        return True
    message = _("{file} was not imported: {problem}; nothing from this file was stored").format(
        file=path, problem=problem
    )
    print(f"{APP_NAME}: {message}", file=sys.stderr)
    return False


def import_files(args: argparse.Namespace) -> int:
    files = files_named(args.files)
    if not files:
        raise UserError(
            _("there are no files to import in {folders}").format(
                folders=", ".join(str(p) for p in args.files)
            )
        )
    imported: list[bool] = []
    skipped: list[tuple[Path, NotACheck]] = []
    with opened_store(args) as store:
        for position, path in enumerate(files):
            try:
                outcome = _import_one(store, path)
            except KeyboardInterrupt:
                untried = [str(p) for p in files[position + 1 :]]
                message = _(
                    "interrupted: nothing from {file} was stored; files not tried: {untried}"
                ).format(file=path, untried=", ".join(untried) or _("none"))
                print(f"{APP_NAME}: {message}", file=sys.stderr)
                return 130
            if isinstance(outcome, NotACheck):
                skipped.append((path, outcome))
            else:
                imported.append(outcome)
    if skipped:
        named = ", ".join(
            _("{file} ({what})").format(file=path, what=what) for path, what in skipped
        )
        note = ngettext(
            "{count} file is not a check and was passed by: {files}",
            "{count} files are not checks and were passed by: {files}",
            len(skipped),
        ).format(count=len(skipped), files=named)
        if not imported:
            raise UserError(_("nothing was imported: {note}").format(note=note))
        warn(note)
    return 0 if all(imported) else 1


def export_check(args: argparse.Namespace) -> int:
    output: Path = args.output
    refuse_inside_data_folder(output, args)
    warn_if_uploaded(output)
    with opened_store(args, read_only=True) as store:
        check = store.get(full_id(store, args.id), args.revision)
        document = store.export_document(check.id, check.revision, internal=args.internal)
        payload = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        store.issue_file(
            check,
            output,
            payload,
            kind="export",
            recipient="exchange_internal" if args.internal else "exchange",
            language=check.language,
        )
    say(
        _("Check {id} (revision {revision}) written to {file}").format(
            id=check.id, revision=check.revision, file=output
        )
    )
    note_plain_file()
    return 0
