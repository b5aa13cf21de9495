"""``vastgoedcheck passphrase``: change it, choose a new one with the recovery key, or get a new
recovery key. Only the key file changes: the data key is wrapped again, no check re-encrypted."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from vastgoedcheck.cli.output import say
from vastgoedcheck.cli.passphrase_source import passphrase, secret
from vastgoedcheck.cli.store_access import add_data_dir_option, data_folder
from vastgoedcheck.errors import UserError
from vastgoedcheck.i18n import _
from vastgoedcheck.storage import folder_key
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.folder_state import FolderState, folder_state
from vastgoedcheck.storage.sealing import DataKey

NEW_PASSPHRASE = "VASTGOEDCHECK_NEW_PASSPHRASE"
RECOVERY_KEY = "VASTGOEDCHECK_RECOVERY_KEY"


class WrongSecret(UserError):
    """A wrong passphrase or recovery key: nothing was changed."""

    exit_code = 2


def register(commands: Any) -> None:
    command = commands.add_parser(
        "passphrase",
        help=_(
            "change the data folder's passphrase, choose a new one with the recovery key, or "
            "get a new recovery key (the checks are not encrypted again)"
        ),
    )
    which = command.add_mutually_exclusive_group()
    which.add_argument(
        "--recover",
        action="store_true",
        help=_(
            "the passphrase is forgotten: give the recovery key "
            "($VASTGOEDCHECK_RECOVERY_KEY, or asked) and choose a new passphrase"
        ),
    )
    which.add_argument(
        "--new-recovery-key",
        action="store_true",
        help=_("make a new recovery key (shown once); the old one stops working"),
    )
    add_data_dir_option(command)
    command.set_defaults(handler=change_passphrase)


def _folder(args: argparse.Namespace) -> Path:
    folder = data_folder(args)
    if folder_state(folder) is not FolderState.ENCRYPTED:
        raise UserError(
            _(
                "the data folder {folder} has no passphrase yet: run vastgoedcheck init to "
                "choose one; nothing was changed"
            ).format(folder=folder)
        )
    return folder


def _unlocked(folder: Path, recover: bool) -> DataKey:
    """The data key, opened with the current passphrase or the recovery key; WrongSecret
    (exit code 2) when it is not right."""
    try:
        key_file = folder_key.KeyFile.read(folder)
        if recover:
            given = secret(
                RECOVERY_KEY,
                _("Recovery key for {folder}: ").format(folder=folder),
                missing=_(
                    "no recovery key was given: set VASTGOEDCHECK_RECOVERY_KEY, or run the "
                    "command in a terminal to be asked for it; nothing was changed"
                ),
            )
            return key_file.unlock_with_recovery_key(given)
        return key_file.unlock(
            passphrase(_("Current passphrase for {folder}: ").format(folder=folder))
        )
    except (folder_key.WrongPassphrase, folder_key.WrongRecoveryKey) as error:
        raise WrongSecret(str(error)) from None
    except StoreError as error:
        raise UserError(str(error)) from None


def _new_passphrase() -> str:
    chosen = secret(
        NEW_PASSPHRASE,
        _("New passphrase: "),
        confirm=_("The same passphrase again: "),
        missing=_(
            "no new passphrase was given: set VASTGOEDCHECK_NEW_PASSPHRASE, or run the command "
            "in a terminal to be asked for it; nothing was changed"
        ),
    )
    try:
        folder_key.check_new_passphrase(chosen)
    except StoreError as error:
        raise UserError(str(error)) from None
    return chosen


def change_passphrase(args: argparse.Namespace) -> int:
    folder = _folder(args)
    key = _unlocked(folder, args.recover)
    try:
        if args.new_recovery_key:
            recovery_key = folder_key.replace_recovery_key(folder, key)
            say(_("New recovery key (shown only this once; the old one no longer works):"))
            say(f"    {recovery_key}")
            say()
            say(_("Print it, and keep it apart from this computer."))
            return 0
        folder_key.set_passphrase(folder, key, _new_passphrase())
    except StoreError as error:
        raise UserError(str(error)) from None
    say(
        _(
            "The passphrase of {folder} is changed; the checks were not encrypted again, and "
            "the recovery key still works."
        ).format(folder=folder)
    )
    return 0
