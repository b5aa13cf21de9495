"""The passphrase of a data folder for a command: from the environment, a prompt, or a refusal."""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path

from vastgoedcheck.errors import UserError
from vastgoedcheck.i18n import _
from vastgoedcheck.storage import folder_key
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.folder_state import FolderState, folder_state
from vastgoedcheck.storage.sealing import DataKey

ENVIRONMENT = "VASTGOEDCHECK_PASSPHRASE"
_unlocked: dict[str, DataKey] = {}  # by key id, for the rest of this command


class NoPassphrase(UserError):
    """Neither the environment nor a terminal gives a passphrase (a script, a scheduled job)."""

    exit_code = 2


def _on_terminal() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def passphrase(prompt: str, *, confirm: str | None = None) -> str:
    """The passphrase: ``VASTGOEDCHECK_PASSPHRASE``, else asked on the terminal (twice when
    ``confirm`` is the second question), else NoPassphrase."""
    return secret(
        ENVIRONMENT,
        prompt,
        confirm=confirm,
        missing=_(
            "the data folder is encrypted and no passphrase was given: set "
            "VASTGOEDCHECK_PASSPHRASE, or run the command in a terminal to be asked for it"
        ),
    )


def secret(variable: str, prompt: str, *, missing: str, confirm: str | None = None) -> str:
    """A passphrase or recovery key: from the environment ``variable``, else asked on the
    terminal without showing it (twice when ``confirm`` is the second question), else
    NoPassphrase with the sentence ``missing``."""
    given = os.environ.get(variable)
    if given:
        return given
    if not _on_terminal():
        raise NoPassphrase(missing)
    try:
        first = getpass.getpass(prompt)
        if confirm is not None and getpass.getpass(confirm) != first:
            raise UserError(_("the two passphrases are not the same; nothing was changed"))
    except EOFError:
        raise NoPassphrase(_("no passphrase was given; nothing was changed")) from None
    return first


def on_terminal() -> bool:
    """Whether the command can ask the user (its input is a terminal)."""
    return _on_terminal()


def unlocked_key(folder: Path) -> DataKey:
    """The data key of ``folder``, unlocked with the passphrase; UserError in one sentence for
    a folder that was never set up, one of an earlier version, or a wrong passphrase."""
    state = folder_state(folder)
    if state is FolderState.NEW:
        raise UserError(
            _(
                "the data folder {folder} has not been set up yet: run vastgoedcheck init to "
                "choose its passphrase"
            ).format(folder=folder)
        )
    if state is FolderState.PLAIN:
        raise UserError(
            _(
                "the data folder {folder} was made by an earlier version and is not encrypted "
                "yet: encrypt it first with vastgoedcheck init (or start the app, which offers "
                "to); nothing was changed"
            ).format(folder=folder)
        )
    try:
        key_file = folder_key.KeyFile.read(folder)
        known = _unlocked.get(key_file.key_id)
        if known is not None:
            return known  # typed once per command, also when a restore must recover
        key = key_file.unlock(passphrase(_("Passphrase for {folder}: ").format(folder=folder)))
    except StoreError as error:
        raise UserError(str(error)) from None
    if not os.environ.get(ENVIRONMENT):
        _unlocked[key.key_id] = key  # typed: not asked twice in one command
    return key


BACKUP_ENVIRONMENT = "VASTGOEDCHECK_BACKUP_PASSPHRASE"


class WrongBackupSecret(UserError):
    """The passphrase or recovery key given for a backup of another data folder is not right."""

    exit_code = 2


def backup_key_asker(source: Path) -> Callable[[folder_key.KeyFile], DataKey]:
    """For a restore of a backup made in another data folder: its key, opened with the
    passphrase of that folder (or its recovery key) from ``VASTGOEDCHECK_BACKUP_PASSPHRASE``
    or asked on the terminal; WrongBackupSecret (exit code 2) when it does not open it."""

    def ask(key_file: folder_key.KeyFile) -> DataKey:
        given = secret(
            BACKUP_ENVIRONMENT,
            _("{file} was made in another data folder; its passphrase (or recovery key): ").format(
                file=source
            ),
            missing=_(
                "{file} was made in another data folder: give that folder's passphrase in "
                "VASTGOEDCHECK_BACKUP_PASSPHRASE, or run the command in a terminal to be asked "
                "for it; nothing was changed"
            ).format(file=source),
        )
        try:
            return key_file.unlock(given)
        except folder_key.WrongPassphrase:
            pass
        try:
            return key_file.unlock_with_recovery_key(given)
        except StoreError:
            raise WrongBackupSecret(
                _(
                    "the passphrase or recovery key of the backup {file} is not right; nothing "
                    "was changed"
                ).format(file=source)
            ) from None

    return ask
