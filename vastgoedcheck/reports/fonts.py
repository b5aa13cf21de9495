"""The embedded DejaVu Sans family: every report uses it, never one of the 14 standard fonts."""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from vastgoedcheck.paths import fonts_dir

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}
_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Load the family once per process (about 50 ms), so that ``<b>`` and ``<i>`` map to it."""
    global _registered
    with _lock:
        if _registered:
            return
        folder = fonts_dir()
        for name, file in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(folder / file)))
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, ITALIC)
        addMapping(REGULAR, 1, 1, BOLD_ITALIC)
        _registered = True
