"""The one way user text reaches reportlab: escaped, so it prints literally and fetches nothing.

Reportlab's ``Paragraph`` reads a small markup language: ``<b>``, ``<img src=…>`` (which reads a
file or URL), ``<a href>``, entities. A name like ``<img src="/etc/passwd"/>`` must print as
those characters, never be obeyed. Long texts are cut into paragraphs of a bounded size: one
paragraph of 100,000 characters takes reportlab seconds to split over pages, many small ones
take milliseconds.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape as _xml_escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

# Characters that are not text (control codes, lone surrogates, non-characters).
_NOT_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# A currency sign before its amount ("€ 10.000"): kept on one line with it.
_CURRENCY_SPACE = re.compile(r"(€|EUR) (?=\d)")
# Longest piece of text put into one paragraph.
CHUNK = 1500


def escape(text: str) -> str:
    """``text`` as paragraph markup that prints it literally, its line breaks kept."""
    text = _NOT_TEXT.sub("\ufffd", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CURRENCY_SPACE.sub("\\1\u00a0", text.replace("\t", "    "))
    return _xml_escape(text).replace("\n", "<br/>")


def _pieces(line: str) -> list[str]:
    """``line`` cut into pieces of at most CHUNK characters, at a space where there is one."""
    pieces = []
    while len(line) > CHUNK:
        cut = line.rfind(" ", CHUNK // 2, CHUNK)
        cut = CHUNK if cut < 0 else cut + 1
        pieces.append(line[:cut])
        line = line[cut:]
    pieces.append(line)
    return pieces


def text_paragraphs(text: str, style: ParagraphStyle, prefix: str = "") -> list[Paragraph]:
    """User text of any length as paragraphs; ``prefix`` is trusted markup put before it."""
    paragraphs: list[Paragraph] = []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    block: list[str] = []
    size = 0

    def flush() -> None:
        nonlocal size
        if block:
            markup = "<br/>".join(escape(line) for line in block)
            lead = prefix if not paragraphs else ""
            paragraphs.append(Paragraph(lead + markup, style))
            block.clear()
            size = 0

    for line in lines:
        for index, piece in enumerate(_pieces(line)):
            if index > 0 or size + len(piece) > CHUNK:  # a cut line continues in a new paragraph
                flush()
            block.append(piece)
            size += len(piece) + 1
    flush()
    return paragraphs
