"""``vastgoedcheck init``: a new, encrypted data folder, and its recovery key shown once."""

from __future__ import annotations

import argparse
from typing import Any

from vastgoedcheck.cli.output import say
from vastgoedcheck.cli.passphrase_source import passphrase
from vastgoedcheck.cli.store_access import (
    LOCK_WAIT_SECONDS,
    actor,
    add_data_dir_option,
    warn,
)
from vastgoedcheck.data_location import RefusedFolder, settle_data_folder
from vastgoedcheck.errors import UserError
from vastgoedcheck.i18n import _
from vastgoedcheck.packs.registry import load_registry
from vastgoedcheck.storage import folder_key
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.folder_backups import unusable
from vastgoedcheck.storage.folder_state import FolderState, folder_state
from vastgoedcheck.storage.store import Store


def register(commands: Any) -> None:
    init = commands.add_parser(
        "init",
        help=_(
            "set up a new data folder: choose its passphrase and get its recovery key (the "
            "checks in it are encrypted)"
        ),
    )
    add_data_dir_option(init)
    init.set_defaults(handler=initialise)


def initialise(args: argparse.Namespace) -> int:
    try:
        settled = settle_data_folder(getattr(args, "data_dir", None))
    except RefusedFolder as error:
        raise UserError(str(error)) from None
    for note in settled.notes:
        warn(note)
    folder = settled.path
    state = folder_state(folder)
    if state is FolderState.ENCRYPTED:
        raise UserError(
            _("{folder} is already set up with its own passphrase; nothing was changed").format(
                folder=folder
            )
        )
    if state is FolderState.PLAIN:
        raise UserError(
            _(
                "{folder} already holds checks of an earlier version, which are not encrypted; "
                "init sets up only a new data folder, so nothing was changed"
            ).format(folder=folder)
        )
    chosen = passphrase(
        _("Choose a passphrase for {folder}: ").format(folder=folder),
        confirm=_("The same passphrase again: "),
    )
    try:
        folder_key.check_new_passphrase(chosen)
        folder.mkdir(0o700, parents=True, exist_ok=True)
        key, recovery_key = folder_key.create(folder, chosen)
        Store.open(
            folder, load_registry(), key=key, actor=actor(), wait=LOCK_WAIT_SECONDS, program="init"
        ).close()
    except OSError as error:
        raise UserError(str(unusable(folder, error))) from None
    except StoreError as error:
        raise UserError(str(error)) from None
    say(
        _("The data folder {folder} is set up; everything stored in it is encrypted.").format(
            folder=folder
        )
    )
    say()
    say(_("Recovery key (shown only this once):"))
    say(f"    {recovery_key}")
    say()
    say(
        _(
            "With the recovery key you can choose a new passphrase if you forget yours; without "
            "both, the checks cannot be read by anyone. Print it, and keep it apart from this "
            "computer."
        )
    )
    return 0
