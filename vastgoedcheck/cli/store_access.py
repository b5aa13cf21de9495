"""Opening the store for a command: the data folder, who is acting, and errors as sentences."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from vastgoedcheck.cli.output import printable
from vastgoedcheck.cli.passphrase_source import unlocked_key
from vastgoedcheck.cloud_folders import upload_warning
from vastgoedcheck.data_location import RefusedFolder, settle_data_folder
from vastgoedcheck.domain.check import Status
from vastgoedcheck.errors import UserError
from vastgoedcheck.i18n import _, ngettext
from vastgoedcheck.i18n.labels import status_label
from vastgoedcheck.packs.registry import load_registry
from vastgoedcheck.storage.errors import StoreDamaged, StoreError, StoreTooNew
from vastgoedcheck.storage.store import Store

# How long a command waits for another running copy to let go of the data folder.
LOCK_WAIT_SECONDS = 2.0
# Checks named when a shortened id fits several.
AMBIGUOUS_SHOWN = 20


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


def data_folder(args: Any) -> Path:
    """The data folder the command works on (``--data-dir``, the environment or the default),
    with what settling it had to say printed as notes; UserError for a refused folder."""
    try:
        settled = settle_data_folder(getattr(args, "data_dir", None))
    except RefusedFolder as error:
        raise UserError(str(error)) from None
    for note in settled.notes:
        warn(note)
    return settled.path


@contextmanager
def opened_store(
    args: Any, *, damaged_ok: bool = False, read_only: bool = False
) -> Iterator[Store]:
    """The store in the chosen data folder, closed afterwards; store errors become UserError
    (``damaged_ok``: except StoreDamaged for a folder that only a backup can bring back).

    ``read_only``: a command that only reads (and may hand out a report or an export) opens
    the folder without the writer's lock, so it also works while the app has it open.

    After a command that succeeded with the lock, today's automatic backup is made if there is
    none yet.
    """
    folder = data_folder(args)
    program = getattr(args, "command", None)
    key = unlocked_key(folder)
    try:
        if read_only:
            store = Store.open_to_read(
                folder,
                load_registry(),
                key=key,
                actor=actor(),
                wait=LOCK_WAIT_SECONDS,
                program=program,
            )
        else:
            store = Store.open(
                folder,
                load_registry(),
                key=key,
                actor=actor(),
                wait=LOCK_WAIT_SECONDS,
                lazy_index=True,  # read only by the commands that list
                program=program,
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
        if not store.read_only:  # a reader writes nothing in the folder
            try:
                store.daily_backup()
            except StoreError as error:
                warn(str(error))
    except StoreError as error:
        raise UserError(str(error)) from None
    finally:
        store.close()


def full_id(store: Store, given: str) -> str:
    """The id of the one check whose id begins with ``given`` (as in git, any unique start of
    it will do); UserError listing the candidates when there are several. An id that begins
    no check's id is given back, for the store to say that there is no such check."""
    found = store.ids_starting_with(given)
    if len(found) == 1:
        return found[0]
    if not found:
        return given.strip()
    lines = [
        ngettext(
            "{given} is the start of the ids of {count} check; give more of the id:",
            "{given} is the start of the ids of {count} checks; give more of the id:",
            len(found),
        ).format(given=given, count=len(found))
    ]
    for check_id in found[:AMBIGUOUS_SHOWN]:
        summary = store.brief_summary(check_id)
        if summary is None:
            lines.append(f"  {check_id}")
            continue
        status = (
            _("missing")
            if summary.missing
            else status_label(Status(summary.status))
            if summary.status in {s.value for s in Status}
            else "?"
        )
        names = "; ".join(summary.parties) or _("(no party named)")
        lines.append(printable(f"  {check_id}  {status}  {names}"))
    if len(found) > AMBIGUOUS_SHOWN:
        more = len(found) - AMBIGUOUS_SHOWN
        lines.append(
            "  " + ngettext("… and {count} more", "… and {count} more", more).format(count=more)
        )
    raise UserError("\n".join(lines))
