"""Attachment content, stored once per SHA-256 under ``attachments/``, never changed."""

from __future__ import annotations

import hashlib
from pathlib import Path

from vastgoedcheck.domain.check import MAX_ATTACHMENT_BYTES
from vastgoedcheck.i18n import _
from vastgoedcheck.oserrors import os_reason
from vastgoedcheck.storage import fileops
from vastgoedcheck.storage.atomic import (
    PRIVATE_FOLDER,
    discard,
    flush_to_disk,
    fsync_folder,
    private_temporary,
    write_atomically,
)
from vastgoedcheck.storage.errors import StoreError, StoreWriteError
from vastgoedcheck.storage.layout import Layout

__all__ = ["MAX_ATTACHMENT_BYTES", "AttachmentFiles"]
_CHUNK = 1 << 20


class AttachmentFiles:
    def __init__(self, layout: Layout) -> None:
        self.layout = layout

    def path(self, sha256: str) -> Path:
        return self.layout.attachment_file(sha256)

    def has(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def add_bytes(self, content: bytes) -> str:
        """Store ``content`` (if it is not there yet) and return its SHA-256."""
        sha256 = hashlib.sha256(content).hexdigest()
        target = self.path(sha256)
        if not target.is_file():
            try:
                target.parent.mkdir(PRIVATE_FOLDER, parents=True, exist_ok=True)
                write_atomically(target, content)
            except OSError as error:
                raise _write_error(error) from error
        return sha256

    def add_file(self, source: Path) -> tuple[str, int]:
        """Copy the file at ``source`` in; return its SHA-256 and size."""
        try:
            size = source.stat().st_size
            if not source.is_file():
                raise StoreError(_("{file} is not a file").format(file=source))
            if size > MAX_ATTACHMENT_BYTES:
                raise StoreError(
                    _("{file} is larger than {limit} MB; attach a smaller copy").format(
                        file=source.name, limit=MAX_ATTACHMENT_BYTES // 1_000_000
                    )
                )
            self.layout.attachments.mkdir(PRIVATE_FOLDER, parents=True, exist_ok=True)
            digest = hashlib.sha256()
            temporary, handle = private_temporary(self.layout.attachments / "incoming")
            try:
                with handle as writer, source.open("rb") as reader:
                    while chunk := reader.read(_CHUNK):
                        digest.update(chunk)
                        writer.write(chunk)
                    writer.flush()
                    flush_to_disk(writer.fileno())
                sha256 = digest.hexdigest()
                target = self.path(sha256)
                if not target.is_file():  # content already stored is not stored twice
                    target.parent.mkdir(PRIVATE_FOLDER, exist_ok=True)
                    fileops.replace(temporary, target)
                    fsync_folder(target.parent)
            finally:
                discard(temporary)
        except FileNotFoundError:
            raise StoreError(_("{file} does not exist").format(file=source)) from None
        except PermissionError:
            raise StoreError(
                _("{file} cannot be read (no permission)").format(file=source)
            ) from None
        except OSError as error:
            raise _write_error(error) from error
        return sha256, size


def _write_error(error: OSError) -> StoreWriteError:
    return StoreWriteError(
        _("the attachment could not be saved ({reason}); nothing was changed").format(
            reason=os_reason(error)
        )
    )
