"""``vastgoedcheck init``: a new, encrypted data folder, or one of an earlier version encrypted
(after the user agrees), and its recovery key shown once."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from vastgoedcheck.cli.output import say
from vastgoedcheck.cli.passphrase_source import on_terminal, passphrase, unlocked_key
from vastgoedcheck.cli.store_access import (
    LOCK_WAIT_SECONDS,
    actor,
    add_data_dir_option,
    data_folder,
    warn,
)
from vastgoedcheck.errors import UserError
from vastgoedcheck.i18n import _, ngettext
from vastgoedcheck.packs.registry import load_registry
from vastgoedcheck.storage import folder_key
from vastgoedcheck.storage.conversion import (
    conversion_under_way,
    convert_plain_folder,
    unencrypted_zips_note,
)
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
    init.add_argument(
        "--yes",
        action="store_true",
        help=_(
            "a data folder of an earlier version (not encrypted): encrypt it without asking first"
        ),
    )
    add_data_dir_option(init)
    init.set_defaults(handler=initialise)


def initialise(args: argparse.Namespace) -> int:
    folder = data_folder(args)
    state = folder_state(folder)
    if state is FolderState.ENCRYPTED and conversion_under_way(folder):
        return _finish(folder)
    if state is FolderState.ENCRYPTED:
        raise UserError(
            _("{folder} is already set up with its own passphrase; nothing was changed").format(
                folder=folder
            )
        )
    if state is FolderState.PLAIN:
        _confirm(folder, args.yes)
    chosen = passphrase(
        _("Choose a passphrase for {folder}: ").format(folder=folder),
        confirm=_("The same passphrase again: "),
    )
    converted: int | None = None
    failure: str | None = None
    try:
        folder_key.check_new_passphrase(chosen)
        folder.mkdir(0o700, parents=True, exist_ok=True)
        key, recovery_key = folder_key.create(folder, chosen)
    except OSError as error:
        raise UserError(str(unusable(folder, error))) from None
    except StoreError as error:
        raise UserError(str(error)) from None
    if state is FolderState.PLAIN:  # before the encryption: the key file already needs it
        _show_recovery_key(recovery_key)
        sys.stdout.flush()
    try:
        if state is FolderState.PLAIN:
            converted = convert_plain_folder(folder, key, actor(), program="init")
        Store.open(
            folder, load_registry(), key=key, actor=actor(), wait=LOCK_WAIT_SECONDS, program="init"
        ).close()
    except OSError as error:
        failure = str(unusable(folder, error))
    except StoreError as error:
        failure = str(error)
    if failure is None and converted is None:
        say(
            _("The data folder {folder} is set up; everything stored in it is encrypted.").format(
                folder=folder
            )
        )
    elif failure is None:
        say()
        say(
            ngettext(
                "The {count} check in {folder} is encrypted, with its attachments and the app's "
                "backups; no unencrypted copy of them is left in the folder.",
                "The {count} checks in {folder} are encrypted, with their attachments and the "
                "app's backups; no unencrypted copy of them is left in the folder.",
                converted or 0,
            ).format(count=converted, folder=folder)
        )
        own_zips = unencrypted_zips_note(folder)
        if own_zips is not None:
            warn(own_zips)
    if state is not FolderState.PLAIN:
        _show_recovery_key(recovery_key)  # the key file is written: it works from now on
    if failure is not None:
        raise UserError(failure)
    return 0


def _show_recovery_key(recovery_key: str) -> None:
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


def _confirm(folder: Path, yes: bool) -> None:
    """A folder of an earlier version is encrypted only once the user agrees (or --yes)."""
    if yes:
        return
    if not on_terminal():
        raise UserError(
            _(
                "{folder} holds checks of an earlier version, which are not encrypted yet; to "
                "encrypt them, run vastgoedcheck init in a terminal to be asked, or add --yes; "
                "nothing was changed"
            ).format(folder=folder)
        )
    try:
        answer = input(
            _(
                "{folder} holds checks of an earlier version, which are not encrypted. Encrypt "
                "them now, with the attachments and the app's backups? [y/N] "
            ).format(folder=folder)
        )
    except EOFError:
        answer = ""
    if answer.strip().lower() not in {"y", "yes", _("y"), _("yes")}:
        raise UserError(_("nothing was encrypted and nothing was changed"))


def _finish(folder: Path) -> int:
    """A conversion that was stopped half-way: finished with the passphrase chosen then."""
    key = unlocked_key(folder)
    try:
        converted = convert_plain_folder(folder, key, actor(), program="init")
    except StoreError as error:
        raise UserError(str(error)) from None
    say(
        ngettext(
            "The encryption of {folder} was interrupted; it is now complete ({count} check).",
            "The encryption of {folder} was interrupted; it is now complete ({count} checks).",
            converted,
        ).format(folder=folder, count=converted)
    )
    return 0
