"""Attachments (photos embedded, other files listed with their SHA-256) and the sources of the
signals shown."""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, Paragraph, Spacer

from vastgoedcheck.domain.check import Attachment
from vastgoedcheck.domain.pack import Question
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
    """One attachment of a shown answer; ``photo`` is set for a readable image."""

    question: Question
    attachment: Attachment
    is_image: bool
    photo: Photo | None
    number: int | None  # the photo's number in the report


def _is_image(attachment: Attachment) -> bool:
    return attachment.media_type in PHOTO_TYPES or attachment.name.lower().endswith(
        PHOTO_EXTENSIONS
    )


def collect_evidence(context: ReportContext) -> list[Evidence]:
    """The attachments of the answers the report shows, photos decoded and numbered."""
    evidence: list[Evidence] = []
    seen: set[tuple[str, str]] = set()
    count = 0
    for question in context.shown:
        answer = context.check.answers.get(question.id)
        for attachment in answer.attachments if answer is not None else ():
            if (question.id, attachment.sha256) in seen:
                continue
            seen.add((question.id, attachment.sha256))
            image = _is_image(attachment)
            photo = prepared_photo(context.attachment_path(attachment.sha256)) if image else None
            number = None
            if photo is not None:
                count += 1
                number = count
            evidence.append(Evidence(question, attachment, image, photo, number))
    return evidence


def photo_numbers(evidence: list[Evidence]) -> dict[str, int]:
    return {e.attachment.sha256: e.number for e in evidence if e.number is not None}


def _photo(context: ReportContext, item: Evidence) -> list[Flowable]:
    assert item.photo is not None and item.number is not None
    photo = item.photo
    scale = min(MAX_PHOTO_WIDTH / photo.width, MAX_PHOTO_HEIGHT / photo.height)
    image = Image(io.BytesIO(photo.jpeg), width=photo.width * scale, height=photo.height * scale)
    image.hAlign = "LEFT"
    image.keepWithNext = True  # never a photo at the foot of a page and its caption on the next
    caption = _("Photo {number}, with {id}: {name} ({size}, SHA-256 {sha256})").format(
        number=item.number,
        id=item.question.id,
        name=item.attachment.name,
        size=format_file_size(item.attachment.size),
        sha256=item.attachment.sha256,
    )
    return [image, Paragraph(escape(caption), context.styles.small), Spacer(1, 4 * mm)]


def attachments(context: ReportContext, evidence: list[Evidence]) -> list[Flowable]:
    if not evidence:
        return []
    styles = context.styles
    flowables: list[Flowable] = [context.heading(_("Attachments"))]
    for item in evidence:
        if item.photo is not None:
            flowables.extend(_photo(context, item))
    others = [item for item in evidence if item.photo is None]
    if others:
        flowables.append(context.subheading(_("Other files")))
        rows = []
        for item in others:
            description = _("{size}, SHA-256 {sha256}").format(
                size=format_file_size(item.attachment.size), sha256=item.attachment.sha256
            )
            if item.is_image:
                description += ". " + _(
                    "This image could not be read and is not shown; the file is kept in the "
                    "check as it was added."
                )
            rows.append((f"{item.question.id}: {item.attachment.name}", description))
        flowables.extend(label_table(rows, styles, label_width=0.4))
    return flowables


def sources(context: ReportContext) -> list[Flowable]:
    """Where each shown signal comes from: the pack's references."""
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
