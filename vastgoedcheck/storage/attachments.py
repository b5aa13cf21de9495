"""Attachment content, stored once per SHA-256 under ``attachments/``, never changed."""

from __future__ import annotations

import hashlib
from pathlib import Path

from vastgoedcheck.domain.check import MAX_ATTACHMENT_BYTES
from vastgoedcheck.i18n import _
from vastgoedcheck.oserrors import os_reason
from vastgoedcheck.storage.atomic import (
    PRIVATE_FOLDER,
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

    def content(self, sha256: str) -> bytes:
        """The plain content of a stored attachment: FileNotFoundError when it is not there,
        FileUnreadable when it cannot be read, DamagedFile when it does not open."""
        return self.layout.read(self.path(sha256))

    def add_bytes(self, content: bytes) -> str:
        """Store ``content`` (if it is not there yet, sealed) and return its SHA-256."""
        sha256 = hashlib.sha256(content).hexdigest()
        target = self.path(sha256)
        if not target.is_file():
            try:
                target.parent.mkdir(PRIVATE_FOLDER, parents=True, exist_ok=True)
                self.layout.write(target, content)
            except OSError as error:
                raise _write_error(error) from error
        return sha256

    def add_file(self, source: Path) -> tuple[str, int]:
        """Copy the file at ``source`` in (sealed); return its SHA-256 and size."""
        try:
            size = source.stat().st_size
            if not source.is_file():
                raise StoreError(_("{file} is not a file").format(file=source))
            if size > MAX_ATTACHMENT_BYTES:
                raise _too_large(source)
            # Read whole, once (an attachment is at most MAX_ATTACHMENT_BYTES), and sealed as
            # one record: AES-GCM authenticates the content as a whole.
            content = source.read_bytes()
            if len(content) > MAX_ATTACHMENT_BYTES:  # grew while being read
                raise _too_large(source)
            return self.add_bytes(content), len(content)
        except FileNotFoundError:
            raise StoreError(_("{file} does not exist").format(file=source)) from None
        except PermissionError:
            raise StoreError(
                _("{file} cannot be read (no permission)").format(file=source)
            ) from None
        except OSError as error:
            raise _write_error(error) from error


def _too_large(source: Path) -> StoreError:
    return StoreError(
        _("{file} is larger than {limit} MB; attach a smaller copy").format(
            file=source.name, limit=MAX_ATTACHMENT_BYTES // 1_000_000
        )
    )


def _write_error(error: OSError) -> StoreWriteError:
    return StoreWriteError(
        _("the attachment could not be saved ({reason}); nothing was changed").format(
            reason=os_reason(error)
        )
    )
