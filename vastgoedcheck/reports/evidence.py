"""Attachments (photos embedded, other files listed with their SHA-256) and the sources of the
signals shown."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, Paragraph, Spacer

from vastgoedcheck.domain.check import Attachment
from vastgoedcheck.domain.pack import Question
from vastgoedcheck.file_types import without_bidi
from vastgoedcheck.i18n import _
from vastgoedcheck.i18n.formatting import format_file_size
from vastgoedcheck.reports.content import ReportContext, bullets, label_table
from vastgoedcheck.reports.escaping import escape
from vastgoedcheck.reports.photos import Photo, prepared_photo
from vastgoedcheck.reports.styles import WIDTH

PHOTO_TYPES = ("image/jpeg", "image/png", "image/gif", "image/bmp", "image/tiff", "image/webp")
PHOTO_EXTENSIONS = (".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".webp")
MAX_PHOTO_WIDTH = WIDTH * 0.8
MAX_PHOTO_HEIGHT = 100 * mm  # two photos with their captions fit on a page


@dataclass(frozen=True)
class Evidence:
    """One attachment of a shown answer; a photo has a number and is prepared in the
    background (``photo`` resolves to None when the image cannot be read)."""

    question: Question
    attachment: Attachment
    number: int | None  # the photo's number in the report; None for other files
    photo: Future[Photo | None] | None


def _is_image(attachment: Attachment) -> bool:
    return attachment.media_type in PHOTO_TYPES or attachment.name.lower().endswith(
        PHOTO_EXTENSIONS
    )


def photo_workers() -> ThreadPoolExecutor:
    """Threads that prepare photos while the pages are laid out (decoding releases the GIL)."""
    return ThreadPoolExecutor(max_workers=os.cpu_count() or 1, thread_name_prefix="photos")


def collect_evidence(context: ReportContext, workers: ThreadPoolExecutor) -> list[Evidence]:
    """The attachments of the answers the report shows; their photos numbered, and started."""
    evidence: list[Evidence] = []
    started: dict[str, Future[Photo | None]] = {}
    seen: set[tuple[str, str]] = set()
    for question in context.shown:
        if not context.may_show_notes(question):
            continue  # the answer only: its attachments are left out (the profile)
        answer = context.check.answers.get(question.id)
        for attachment in answer.attachments if answer is not None else ():
            if (question.id, attachment.sha256) in seen:
                continue
            seen.add((question.id, attachment.sha256))
            if not _is_image(attachment):
                evidence.append(Evidence(question, attachment, None, None))
                continue
            if attachment.sha256 in started:  # the same photo with another answer: shown once
                continue
            started[attachment.sha256] = workers.submit(
                _photo, context.attachment_content, attachment.sha256
            )
            evidence.append(
                Evidence(question, attachment, len(started), started[attachment.sha256])
            )
    return evidence


def _photo(content_of: Callable[[str], bytes], sha256: str) -> Photo | None:
    """The stored photo ``sha256`` made ready for the report; None when it cannot be read
    (missing, damaged or not an image: the report then says so in one sentence)."""
    try:
        content = content_of(sha256)
    except Exception:  # whatever the store refuses with: the photo is shown as unreadable
        return None
    return prepared_photo(content)


def photo_numbers(evidence: list[Evidence]) -> dict[str, int]:
    return {item.attachment.sha256: item.number for item in evidence if item.number is not None}


class _PendingPhoto(Flowable):
    """A photo laid out when the page reaches it: by then its preparation has usually ended.
    An image that cannot be read becomes a sentence saying so."""

    def __init__(self, context: ReportContext, item: Evidence) -> None:
        super().__init__()
        self._context = context
        self._item = item
        self._content: Flowable | None = None
        self.hAlign = "LEFT"
        self.keepWithNext = True  # a photo never parts from its caption

    def _resolved(self) -> Flowable:
        if self._content is None:
            assert self._item.photo is not None
            photo = self._item.photo.result()
            if photo is None:
                text = _(
                    "This image could not be read and is not shown; the file is kept in the "
                    "check as it was added."
                )
                self._content = Paragraph(escape(text), self._context.styles.flag)
            else:
                scale = min(MAX_PHOTO_WIDTH / photo.width, MAX_PHOTO_HEIGHT / photo.height)
                width, height = photo.width * scale, photo.height * scale
                self._content = Image(io.BytesIO(photo.jpeg), width=width, height=height)
        return self._content

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        width, height = self._resolved().wrap(available_width, available_height)
        self.width, self.height = width, height
        return width, height

    def draw(self) -> None:
        self._resolved().drawOn(self.canv, 0, 0)


def _caption(context: ReportContext, item: Evidence) -> str:
    return _("Photo {number}, with {id}: {name} ({size}, SHA-256 {sha256})").format(
        number=item.number,
        id=item.question.id,
        name=context.note_text(without_bidi(item.attachment.name)),
        size=format_file_size(item.attachment.size),
        sha256=item.attachment.sha256,
    )


def attachments(context: ReportContext, evidence: list[Evidence]) -> list[Flowable]:
    if not evidence:
        return []
    styles = context.styles
    flowables: list[Flowable] = [context.heading(_("Attachments"))]
    for item in evidence:
        if item.number is not None:
            flowables += [
                _PendingPhoto(context, item),
                Paragraph(escape(_caption(context, item)), styles.small),
                Spacer(1, 4 * mm),
            ]
    others = [item for item in evidence if item.number is None]
    if others:
        flowables.append(context.subheading(_("Other files")))
        rows = [
            (
                f"{item.question.id}: {context.note_text(without_bidi(item.attachment.name))}",
                _("{size}, SHA-256 {sha256}").format(
                    size=format_file_size(item.attachment.size), sha256=item.attachment.sha256
                ),
            )
            for item in others
        ]
        flowables.extend(label_table(rows, styles, label_width=0.4))
    return flowables


def sources(context: ReportContext) -> list[Flowable]:
    """Where each shown signal comes from: the pack's references (for the user's own file)."""
    if not context.profile.sources:
        return []
    flagged = [q for q in context.shown if q.id in context.flagged and q.sources]
    if not flagged:
        return []
    styles = context.styles
    flowables: list[Flowable] = [context.heading(_("Sources of the signals"))]
    for question in flagged:
        flowables.append(
            Paragraph(
                escape(f"{question.id}  {question.label.get(context.language)}"), styles.cell_bold
            )
        )
        lines = []
        for url in question.sources:
            title = context.pack.references.get(url)
            lines.append(f"{title}: {url}" if title else url)
        flowables.extend(bullets(lines, styles))
    return flowables
