"""``vastgoedcheck backup`` and ``restore``: the whole store to one file, and back."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from vastgoedcheck.cli.output import refuse_inside_data_folder, say
from vastgoedcheck.cli.passphrase_source import backup_key_asker, unlocked_key
from vastgoedcheck.cli.store_access import (
    LOCK_WAIT_SECONDS,
    actor,
    add_data_dir_option,
    opened_store,
    warn,
    warn_if_uploaded,
)
from vastgoedcheck.data_location import RefusedFolder, settle_data_folder
from vastgoedcheck.errors import UserError
from vastgoedcheck.i18n import _, ngettext
from vastgoedcheck.packs.registry import load_registry
from vastgoedcheck.storage.errors import StoreDamaged, StoreError
from vastgoedcheck.storage.layout import Layout
from vastgoedcheck.storage.store import Store


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
    refuse_inside_data_folder(args.output, args)
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
    try:
        with opened_store(args, damaged_ok=True) as store:
            count = store.restore(args.file, backup_key_asker(args.file))
            for problem in store.problems:
                warn(problem)
            backups = store.layout.backups
    except StoreDamaged as damage:
        count, backups = _recover(args, str(damage))
    say(
        ngettext(
            "Restored {count} check from {file}; the state before was backed up in {folder}",
            "Restored {count} checks from {file}; the state before was backed up in {folder}",
            count,
        ).format(count=count, file=args.file, folder=backups)
    )
    return 0


def _recover(args: argparse.Namespace, damage: str) -> tuple[int, Path]:
    """Restore into a data folder that cannot be opened as it is (as the app's recovery does)."""
    try:
        folder = settle_data_folder(getattr(args, "data_dir", None)).path
    except RefusedFolder as error:
        raise UserError(str(error)) from None
    warn(damage)
    key = unlocked_key(folder)
    try:
        count = Store.recover(
            folder,
            args.file,
            key=key,
            actor=actor(),
            wait=LOCK_WAIT_SECONDS,
            registry=load_registry(),
            backup_key=backup_key_asker(args.file),
        )
    except StoreError as error:
        raise UserError(str(error)) from None
    return count, Layout(folder).backups
