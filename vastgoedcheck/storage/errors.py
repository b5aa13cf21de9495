"""What can go wrong in the store; every message is one translated sentence for the user."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from vastgoedcheck.i18n import _, ngettext

if TYPE_CHECKING:  # errors are imported early, by the window's first lines
    from vastgoedcheck.domain.completeness import Gaps


class StoreError(Exception):
    """Something the user can understand and act on, e.g. an unknown check id."""


class StoreWriteError(StoreError):
    """A file could not be written (disk full, no permission); nothing was changed."""


class ImportPartlyStored(StoreWriteError):
    """An import that was stopped left checks that could not be removed again; the message
    names them."""


class StoreLocked(StoreError):
    """Another running copy of the app has the data folder open."""


class StoreDamaged(StoreError):
    """The store cannot be opened as it is: restore a backup (or update the app)."""


class StoreTooNew(StoreDamaged):
    """The data folder was written by a newer version of the app: update the app (restoring a
    backup would throw the newer work away)."""


class UnreadableStoreFile(StoreError):
    """A file of the store that is there but cannot be read (no permission, a disk error): it
    is not damaged, so it is reported and left where it is."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            _(
                "{file} cannot be read ({reason}); nothing was moved or changed: close it in any "
                "other program, make sure it is on this computer and readable, and try again"
            ).format(file=path, reason=reason)
        )
        self.path = path


class DamagedFile(Exception):
    """A file that is not what the store wrote: truncated, garbled or of the wrong shape."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(f"{path}: {detail}")
        self.path = path
        self.detail = detail


class NotComplete(StoreError):
    """A check that cannot be finalized yet; ``gaps`` says what is missing."""

    def __init__(self, check_id: str, missing: Gaps) -> None:
        parts = []
        if missing.unanswered:
            shown = ", ".join(missing.unanswered[:5]) + ("…" if len(missing.unanswered) > 5 else "")
            parts.append(
                ngettext(
                    "{count} required question is unanswered ({ids})",
                    "{count} required questions are unanswered ({ids})",
                    len(missing.unanswered),
                ).format(count=len(missing.unanswered), ids=shown)
            )
        if missing.no_party:
            parts.append(_("no party is named"))
        if missing.no_decision:
            parts.append(_("no decision has been recorded"))
        super().__init__(
            _("the check {id} cannot be finalized yet: {missing}").format(
                id=check_id, missing="; ".join(parts)
            )
        )
        self.gaps = missing


class StoreReadOnly(StoreError):
    """A change was asked of a data folder opened only to read, without the writer's lock."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "the data folder was opened only to read it, so nothing was changed; close the "
                "app or the command that is using it, and try again"
            )
        )


class RetentionHold(StoreError):
    """An erasure or an earlier erasure date the law does not allow yet: a Wwft record within
    its 5 years (art. 33 and 34 Wwft), or one whose relationship has not ended. The sentence
    says until when."""
