"""The page around the content: header and footer on every page, page X of Y, PDF metadata."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from vastgoedcheck.i18n import _
from vastgoedcheck.reports.fonts import BOLD, REGULAR, register_fonts
from vastgoedcheck.reports.styles import ACCENT, BOTTOM, MARGIN, MUTED, PAGE, RULE, SIGNAL, TOP


@dataclass(frozen=True)
class PageFrame:
    """The lines every page carries. All of them are plain text, drawn as such (no markup)."""

    title: str  # e.g. "Report for the police · Residential letting"
    marking: str  # "Confidential", and the draft notice when the check is not final
    footer: str  # the user's own reference of the matter, or ""
    footer_detail: str  # when the report was made
    warning: str = ""  # printed under the header on every page (tipping-off)


@dataclass(frozen=True)
class Metadata:
    title: str
    author: str
    subject: str
    keywords: str
    language: str  # BCP 47, e.g. "nl-NL"


def _clip(text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened with an ellipsis to fit ``width`` points."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


class _NumberedCanvas(Canvas):
    """A canvas that draws the header and footer when the page count is known (at save)."""

    def __init__(self, *args: Any, frame: PageFrame, **kwargs: Any) -> None:
        register_fonts()
        # Otherwise every page starts in Helvetica, one of the fonts that is not embedded.
        kwargs["initialFontName"] = REGULAR
        super().__init__(*args, **kwargs)
        self._frame = frame
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._draw_frame(number, total)
            super().showPage()
        super().save()

    def _draw_frame(self, number: int, total: int) -> None:
        frame = self._frame
        width, height = PAGE
        top = height - 12 * mm
        room = width - 2 * MARGIN
        marking_width = stringWidth(frame.marking, BOLD, 9)
        self.setFillColor(ACCENT)
        self.setFont(BOLD, 9)
        self.drawString(MARGIN, top, _clip(frame.title, BOLD, 9, room - marking_width - 12))
        self.setFillColor(SIGNAL)
        self.drawRightString(width - MARGIN, top, frame.marking)
        self.setStrokeColor(RULE)
        self.setLineWidth(0.6)
        self.line(MARGIN, top - 4, width - MARGIN, top - 4)
        if frame.warning:
            self.setFont(BOLD, 7.5)
            self.drawString(MARGIN, top - 13, _clip(frame.warning, BOLD, 7.5, room))
        bottom = BOTTOM - 12 * mm
        self.line(MARGIN, bottom + 10, width - MARGIN, bottom + 10)
        self.setFillColor(MUTED)
        self.setFont(REGULAR, 7)
        self.drawString(MARGIN, bottom, frame.footer)
        self.drawString(MARGIN, bottom - 9, _clip(frame.footer_detail, REGULAR, 7, room - 70))
        self.setFont(BOLD, 8)
        self.drawRightString(
            width - MARGIN,
            bottom - 9,
            _("Page {number} of {total}").format(number=number, total=total),
        )


def render(story: Sequence[Flowable], frame: PageFrame, metadata: Metadata) -> bytes:
    """The PDF of ``story`` on A4 pages with ``frame`` on each of them."""
    # Streams are compressed only, not also written as ASCII85 text (an old 7-bit transport
    # habit): smaller files, and no pure-Python encoding of every photo.
    rl_config.useA85 = 0
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=TOP + (4 * mm if frame.warning else 0),
        bottomMargin=BOTTOM,
        title=metadata.title,
        author=metadata.author,
        subject=metadata.subject,
        keywords=[metadata.keywords],
        creator="vastgoedcheck",
        lang=metadata.language,
    )
    document.build(list(story), canvasmaker=partial(_NumberedCanvas, frame=frame))
    return buffer.getvalue()
