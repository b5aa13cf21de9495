"""Opening the store for a command: the data folder, who is acting, and errors as sentences."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from vastgoedcheck.cli.output import UserError
from vastgoedcheck.cli.templates_command import load_registry
from vastgoedcheck.cloud_folders import upload_warning
from vastgoedcheck.data_location import RefusedFolder, settle_data_folder
from vastgoedcheck.i18n import _
from vastgoedcheck.storage.errors import StoreDamaged, StoreError, StoreTooNew
from vastgoedcheck.storage.store import Store

# How long a command waits for another running copy to let go of the data folder.
LOCK_WAIT_SECONDS = 2.0


def add_data_dir_option(parser: argparse.ArgumentParser, *, suppress: bool = True) -> None:
    """``--data-dir``, accepted before and after the sub-command."""
    parser.add_argument(
        "--data-dir",
        metavar=_("FOLDER"),
        default=argparse.SUPPRESS if suppress else None,
        help=_(
            "the folder with the checks (default: $VASTGOEDCHECK_DATA_DIR, else the user's "
            "application data folder)"
        ),
    )


def actor() -> str:
    """Who is making the changes, for the audit trail: the computer's login name."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return _("unknown user")


def warn(message: str) -> None:
    print(_("vastgoedcheck: note: {message}").format(message=message), file=sys.stderr)


def warn_if_uploaded(target: Path) -> None:
    """A note before a report or backup is written to a folder that a cloud service uploads."""
    warning = upload_warning(target)
    if warning is not None:
        warn(warning)


@contextmanager
def opened_store(args: Any, *, damaged_ok: bool = False) -> Iterator[Store]:
    """The store in the chosen data folder, closed afterwards; store errors become UserError
    (``damaged_ok``: except StoreDamaged for a folder that only a backup can bring back).

    After a command that succeeded, today's automatic backup is made if there is none yet.
    """
    try:
        settled = settle_data_folder(getattr(args, "data_dir", None))
    except RefusedFolder as error:
        raise UserError(str(error)) from None
    for note in settled.notes:
        warn(note)
    try:
        store = Store.open(
            settled.path,
            load_registry(),
            actor=actor(),
            wait=LOCK_WAIT_SECONDS,
            lazy_index=True,  # read only by the commands that list
        )
    except StoreTooNew as error:
        raise UserError(str(error)) from None
    except StoreDamaged as error:
        if damaged_ok:
            raise
        raise UserError(str(error)) from None
    except StoreError as error:
        raise UserError(str(error)) from None
    told = 0

    def tell() -> None:  # problems are found at opening, and when the index is first read
        nonlocal told
        for problem in store.problems[told:]:
            warn(problem)
        told = len(store.problems)

    try:
        tell()
        yield store
        tell()
        try:
            store.daily_backup()
        except StoreError as error:
            warn(str(error))
    except StoreError as error:
        raise UserError(str(error)) from None
    finally:
        store.close()
