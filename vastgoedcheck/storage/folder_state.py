"""Whether a data folder is new, plain (of an earlier version) or encrypted, and the key check."""

from __future__ import annotations

import enum
from pathlib import Path

from vastgoedcheck.i18n import _
from vastgoedcheck.oserrors import os_reason
from vastgoedcheck.storage import folder_key
from vastgoedcheck.storage.atomic import PRIVATE_FOLDER
from vastgoedcheck.storage.errors import StoreError
from vastgoedcheck.storage.sealing import DataKey


class FolderState(enum.Enum):
    NEW = "new"  # no key file and no meta.json: nothing stored yet
    PLAIN = "plain"  # meta.json without a key file: a folder of an earlier version
    ENCRYPTED = "encrypted"  # a key file: every store file is sealed with its data key


class FolderNotSetUp(StoreError):
    """A folder that has no data key yet: it must be set up (a passphrase chosen) first."""


class PlainFolder(StoreError):
    """A folder of an earlier version, not encrypted yet."""


class WrongKey(StoreError):
    """A data key that belongs to another data folder."""


def folder_state(root: Path) -> FolderState:
    if folder_key.has_key_file(root):
        return FolderState.ENCRYPTED
    if (root / "meta.json").exists():
        return FolderState.PLAIN
    return FolderState.NEW


def refuse_unless_keyed(root: Path, key: DataKey) -> None:
    """StoreError unless ``root`` is an encrypted data folder whose key is ``key``: a new
    folder (FolderNotSetUp), a plain one (PlainFolder), another folder's key (WrongKey); the
    key file's own errors (damaged, unreadable) as they are. Nothing is changed."""
    state = folder_state(root)
    if state is FolderState.NEW:
        try:  # a folder that cannot even be made says so, rather than asking to set it up
            root.mkdir(PRIVATE_FOLDER, parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(
                _("the data folder {folder} cannot be used ({reason})").format(
                    folder=root, reason=os_reason(error)
                )
            ) from None
        raise FolderNotSetUp(
            _(
                "the data folder {folder} has not been set up yet: choose a passphrase for it "
                "first (vastgoedcheck init, or start the app)"
            ).format(folder=root)
        )
    if state is FolderState.PLAIN:
        raise PlainFolder(
            _(
                "the data folder {folder} was made by an earlier version and is not encrypted "
                "yet: encrypt it first with vastgoedcheck init (or start the app, which offers "
                "to); nothing was changed"
            ).format(folder=root)
        )
    if folder_key.KeyFile.read(root).key_id != key.key_id:
        raise WrongKey(
            _(
                "this key belongs to another data folder, not to {folder}; nothing was changed"
            ).format(folder=root)
        )
