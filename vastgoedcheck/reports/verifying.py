"""Telling whether a PDF is a report this installation issued, unaltered, and for what."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from vastgoedcheck.errors import UserError
from vastgoedcheck.i18n import _
from vastgoedcheck.i18n.formatting import format_datetime
from vastgoedcheck.jsonfiles import UnreadableFile, read_regular_file
from vastgoedcheck.oserrors import os_reason
from vastgoedcheck.reports.origin import claimed_origin
from vastgoedcheck.reports.profiles import recipient_name
from vastgoedcheck.storage.issued import IssuedFile

# Larger files are not reports of this app; reading them whole would only cost memory.
MAX_VERIFY_BYTES = 500_000_000


def read_report(path: Path) -> bytes:
    """The content of a PDF to verify; UserError when it cannot be one of ours or be read."""
    try:
        return read_regular_file(path, MAX_VERIFY_BYTES)
    except UnreadableFile as error:
        raise UserError(
            _("{file} cannot be read ({reason})").format(file=path, reason=error.problem.message)
        ) from None
    except OSError as error:
        raise UserError(
            _("{file} cannot be read ({reason})").format(file=path, reason=os_reason(error))
        ) from None


def verdict(
    issued_files: Sequence[IssuedFile], path: Path, content: bytes
) -> tuple[bool, list[str]]:
    """Whether the PDF ``content`` (read from ``path``) is one of the ``issued_files`` (the
    store's record of what it handed out), unaltered, and the sentences that say so or why
    not."""
    sha256 = hashlib.sha256(content).hexdigest()
    reports = [item for item in issued_files if item.kind == "report"]
    issued = [item for item in reports if item.sha256 == sha256]
    known_checks = {item.check_id for item in reports}
    if issued and not issued[0].recipient:  # its check was erased since (docs/retention.md)
        first = issued[0]
        return True, [
            _(
                "{file} is an unaltered report of check {id}, revision {revision}, issued on "
                "{when} by {actor}; the check has been erased since."
            ).format(
                file=path,
                id=first.check_id,
                revision=first.revision,
                when=format_datetime(first.at),
                actor=first.actor,
            )
        ]
    if issued:
        first = issued[0]
        lines = [
            _(
                "{file} is the unaltered report for {recipient} of check {id}, revision "
                "{revision}, issued on {when} by {actor}."
            ).format(
                file=path,
                recipient=recipient_name(first.recipient),
                id=first.check_id,
                revision=first.revision,
                when=format_datetime(first.at),
                actor=first.actor,
            )
        ]
        if first.fingerprint:
            lines.append(
                _("Digital fingerprint of the check: {fingerprint}").format(
                    fingerprint=first.fingerprint
                )
            )
        return True, lines
    origin = claimed_origin(content)
    if origin is not None and origin.check_id in known_checks:
        return False, [
            _(
                "{file} has been altered: it says it is a report of check {id}, revision "
                "{revision}, but it matches no file issued by this installation."
            ).format(file=path, id=origin.check_id, revision=origin.revision)
        ]
    return False, [
        _("{file} was not issued by this installation, or it has been altered.").format(file=path)
    ]
