"""``vastgoedcheck import`` and ``export``: checks in and out as exchange-format files."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from vastgoedcheck import APP_NAME
from vastgoedcheck.cli.output import refuse_inside_data_folder, say
from vastgoedcheck.cli.store_access import add_data_dir_option, opened_store, warn_if_uploaded
from vastgoedcheck.exchange.reading import MAX_CHECK_FILE_BYTES
from vastgoedcheck.i18n import _
from vastgoedcheck.jsonfiles import UnreadableFile, read_json_file
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
        help=_("a file with one check, or a JSON list of checks"),
    )
    add_data_dir_option(importing)
    importing.set_defaults(handler=import_files)

    exporting = commands.add_parser("export", help=_("write a stored check to an exchange file"))
    exporting.add_argument("id", metavar=_("ID"), help=_("the check's id"))
    exporting.add_argument(
        "-o", "--output", type=Path, required=True, metavar=_("FILE.json"), help=_("where to write")
    )
    exporting.add_argument("--revision", type=int, metavar=_("N"), help=_("an earlier revision"))
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


def documents_in(path: Path) -> list[object]:
    """The check documents in an exchange file: one check, or a list of them."""
    data = read_json_file(path, MAX_CHECK_FILE_BYTES)
    if isinstance(data, list):
        if not data:
            raise StoreError(_("the file holds an empty list, no checks"))
        return data
    return [data]


def _import_one(store: Store, path: Path) -> bool:
    """Import one file; print its ids; False (after saying why) when it was refused."""
    try:
        results = store.import_checks(documents_in(path), path.name)
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
    imported: list[bool] = []
    with opened_store(args) as store:
        for position, path in enumerate(args.files):
            try:
                imported.append(_import_one(store, path))
            except KeyboardInterrupt:
                untried = [str(p) for p in args.files[position + 1 :]]
                message = _(
                    "interrupted: nothing from {file} was stored; files not tried: {untried}"
                ).format(file=path, untried=", ".join(untried) or _("none"))
                print(f"{APP_NAME}: {message}", file=sys.stderr)
                return 130
    return 0 if all(imported) else 1


def export_check(args: argparse.Namespace) -> int:
    output: Path = args.output
    refuse_inside_data_folder(output, args)
    warn_if_uploaded(output)
    with opened_store(args) as store:
        check = store.get(args.id, args.revision)
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
    return 0
