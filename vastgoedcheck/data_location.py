"""Settling which data folder to open: moving it from where earlier versions kept it, refusing
one that a cloud service uploads, and making a new one private to its user."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from vastgoedcheck.cloud_folders import synced_by
from vastgoedcheck.folder_access import make_private_folder
from vastgoedcheck.i18n import _
from vastgoedcheck.paths import data_dir, earlier_default_data_dir, uses_default_data_dir


class RefusedFolder(Exception):
    """A data folder the app does not use; the message is one sentence saying why."""


@dataclass(frozen=True)
class DataFolder:
    path: Path
    notes: tuple[str, ...] = ()  # what the user should be told (a move that failed, …)


def refusal(folder: Path) -> str | None:
    """Why ``folder`` cannot be a data folder, or None when it can."""
    service = synced_by(folder)
    if service is None:
        return None
    return _(
        "the data folder {folder} is in {service}, which uploads it to the cloud (everything "
        "should stay on this computer) and makes conflicting copies; move it to a folder "
        "outside {service} and choose that one"
    ).format(folder=folder, service=service)


def settle_data_folder(chosen: str | Path | None) -> DataFolder:
    """The data folder to open for ``chosen`` (None: the default); RefusedFolder when it is
    in a cloud-synced folder. The default folder of an earlier version is moved to the
    current default first; a new folder is made private to the user."""
    folder = data_dir(chosen)
    notes: list[str] = []
    if uses_default_data_dir(chosen):
        folder, note = _move_from_earlier_default(folder)
        if note:
            notes.append(note)
    reason = refusal(folder)
    if reason is not None:
        raise RefusedFolder(reason)
    if not folder.exists() and not folder.is_symlink():
        try:
            warning = make_private_folder(folder)
        except OSError:
            warning = None  # opening the store says why the folder cannot be used
        if warning:
            notes.append(warning)
    return DataFolder(folder, tuple(notes))


def _holds_anything(folder: Path) -> bool:
    """Whether ``folder`` holds files (also a damaged store, which must not be left behind)."""
    try:
        return folder.is_dir() and any(folder.iterdir())
    except OSError:
        return True  # cannot tell: try to move it, and say so when that fails


def _move_from_earlier_default(folder: Path) -> tuple[Path, str | None]:
    """Move the data of an earlier version's default folder to ``folder`` when there is none
    yet. When it cannot be moved (another program holds one of its files, or it is on another
    drive), it is used where it is, and the user is told."""
    earlier = earlier_default_data_dir()
    if earlier is None or folder.exists() or not _holds_anything(earlier):
        return folder, None
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        os.rename(earlier, folder)
    except OSError as error:
        return earlier, _(
            "the data folder stays in {old} for now: it could not be moved to {new} ({reason}); "
            "it is moved at a start when no other program uses it"
        ).format(old=earlier, new=folder, reason=error.strerror or error)
    return folder, _("the data folder was moved from {old} to {new}").format(
        old=earlier, new=folder
    )
