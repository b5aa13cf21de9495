"""Page size, colours and paragraph styles of every report."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Table, TableStyle

from vastgoedcheck.reports.fonts import BOLD, ITALIC, REGULAR, register_fonts

PAGE = A4
MARGIN = 18 * mm
TOP = 26 * mm  # room for the header
BOTTOM = 24 * mm  # room for the footer
WIDTH = PAGE[0] - 2 * MARGIN

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
ACCENT = colors.HexColor("#1f3a5f")
RULE = colors.HexColor("#b8c2cc")
SHADE = colors.HexColor("#eef2f6")
SIGNAL = colors.HexColor("#a33b00")
WARNING_FILL = colors.HexColor("#fff3e0")


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    legend: ParagraphStyle  # small print that stays with what follows
    label: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    flag: ParagraphStyle
    note: ParagraphStyle
    bullet: ParagraphStyle
    warning: ParagraphStyle


def make_styles() -> Styles:
    register_fonts()
    body = ParagraphStyle(
        "body",
        fontName=REGULAR,
        bulletFontName=REGULAR,  # reportlab's default for bullets is Helvetica, not embedded
        fontSize=9.5,
        leading=12.5,
        textColor=INK,
        spaceAfter=3,
    )
    cell = ParagraphStyle("cell", parent=body, spaceAfter=0)
    return Styles(
        title=ParagraphStyle(
            "title", parent=body, fontName=BOLD, fontSize=17, leading=21, textColor=ACCENT
        ),
        subtitle=ParagraphStyle(
            "subtitle", parent=body, fontSize=11, leading=14, textColor=MUTED, spaceAfter=8
        ),
        heading=ParagraphStyle(
            "heading",
            parent=body,
            fontName=BOLD,
            fontSize=12.5,
            leading=16,
            textColor=ACCENT,
            spaceBefore=12,
            spaceAfter=5,
            keepWithNext=True,
        ),
        subheading=ParagraphStyle(
            "subheading",
            parent=body,
            fontName=BOLD,
            fontSize=10.5,
            leading=13.5,
            spaceBefore=8,
            spaceAfter=3,
            keepWithNext=True,
        ),
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8, leading=10, textColor=MUTED),
        legend=ParagraphStyle(
            "legend", parent=body, fontSize=8, leading=10, textColor=MUTED, keepWithNext=True
        ),
        label=ParagraphStyle("label", parent=cell, textColor=MUTED),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=BOLD),
        flag=ParagraphStyle("flag", parent=cell, fontName=BOLD, textColor=SIGNAL),
        note=ParagraphStyle(
            "note", parent=body, fontName=ITALIC, leftIndent=12, textColor=INK, spaceAfter=2
        ),
        bullet=ParagraphStyle("bullet", parent=body, leftIndent=12, bulletIndent=2),
        warning=ParagraphStyle("warning", parent=body, fontName=BOLD, fontSize=10, leading=13.5),
    )


def grid(
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    commands: Iterable[tuple[Any, ...]] = (),
    *,
    split_rows: bool = False,
) -> Table:
    """A left-aligned table, cells on top, in the report's font: reportlab's tables otherwise
    switch to Helvetica, a font that is not embedded. ``split_rows`` lets a row taller than a
    page continue on the next one."""
    table = Table(
        [list(row) for row in rows],
        colWidths=list(widths),
        hAlign="LEFT",
        splitInRow=1 if split_rows else 0,
    )
    table.setStyle(
        TableStyle(
            [("FONT", (0, 0), (-1, -1), REGULAR, 9), ("VALIGN", (0, 0), (-1, -1), "TOP"), *commands]
        )
    )
    return table
