"""``vastgoedcheck backup`` and ``restore``: the whole store to one file, and back."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from vastgoedcheck.cli.output import say
from vastgoedcheck.cli.store_access import add_data_dir_option, opened_store, warn, warn_if_uploaded
from vastgoedcheck.i18n import _, ngettext


def register(commands: Any) -> None:
    backup = commands.add_parser("backup", help=_("write a backup of all checks to one file"))
    backup.add_argument(
        "-o", "--output", type=Path, required=True, metavar=_("FILE.zip"), help=_("where to write")
    )
    add_data_dir_option(backup)
    backup.set_defaults(handler=make_backup)

    restore = commands.add_parser(
        "restore",
        help=_("replace all checks by those in a backup (the current state is backed up first)"),
    )
    restore.add_argument("file", type=Path, metavar=_("FILE.zip"), help=_("the backup"))
    add_data_dir_option(restore)
    restore.set_defaults(handler=restore_backup)


def make_backup(args: argparse.Namespace) -> int:
    warn_if_uploaded(args.output)
    with opened_store(args) as store:
        count = store.backup(args.output)
    say(
        ngettext(
            "Backup of {count} check written to {file}",
            "Backup of {count} checks written to {file}",
            count,
        ).format(count=count, file=args.output)
    )
    return 0


def restore_backup(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        count = store.restore(args.file)
        for problem in store.problems:
            warn(problem)
    say(
        ngettext(
            "Restored {count} check from {file}; the state before was backed up in {folder}",
            "Restored {count} checks from {file}; the state before was backed up in {folder}",
            count,
        ).format(count=count, file=args.file, folder=store.layout.backups)
    )
    return 0
