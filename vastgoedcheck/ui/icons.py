"""Icons drawn by the app itself: the outcome marks, each a different shape and sign, so the
outcome never rests on colour alone (the app's own icon: app_icon.py)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPen, QPixmap, QPolygonF

from vastgoedcheck.domain.assessment import Outcome
from vastgoedcheck.ui.app_icon import app_icon as app_icon

# (shape, fill colour, sign) per outcome: circle ✓, circle ?, diamond !, triangle !, octagon !
_MARKS: dict[Outcome, tuple[str, str, str]] = {
    Outcome.PROCEED: ("circle", "#2e7d32", "✓"),
    Outcome.EXTRA_CHECKS: ("circle", "#1565c0", "?"),
    Outcome.ESCALATE: ("diamond", "#ef6c00", "!"),
    Outcome.REPORT_RECOMMENDED: ("triangle", "#c62828", "!"),
    Outcome.MUST_REPORT: ("octagon", "#8e0000", "!"),
}
_STOP_MARK = ("octagon", "#212121", "✕")
_INCOMPLETE_MARK = ("circle", "#616161", "…")  # no advice yet: questions that decide it are open
OUTCOME_COLOURS = {outcome: QColor(colour) for outcome, (_shape, colour, _sign) in _MARKS.items()}
_SIZES = (16, 24, 32, 48, 64)


def _outline(shape: str, size: float) -> QPolygonF | None:
    s, m = size, size * 0.06
    if shape == "diamond":
        points = [(s / 2, m), (s - m, s / 2), (s / 2, s - m), (m, s / 2)]
    elif shape == "triangle":
        points = [(s / 2, m), (s - m, s - m * 1.5), (m, s - m * 1.5)]
    elif shape == "octagon":
        a = s * 0.3
        points = [
            (a, m),
            (s - a, m),
            (s - m, a),
            (s - m, s - a),
            (s - a, s - m),
            (a, s - m),
            (m, s - a),
            (m, a),
        ]
    else:
        return None
    return QPolygonF([QPointF(x, y) for x, y in points])


def _draw(shape: str, colour: str, sign: str, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#ffffff"), max(1.0, size / 32)))
    painter.setBrush(QBrush(QColor(colour)))
    outline = _outline(shape, size)
    if outline is None:
        margin = size * 0.06
        painter.drawEllipse(QRectF(margin, margin, size - 2 * margin, size - 2 * margin))
    else:
        painter.drawPolygon(outline)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(7, round(size * (0.5 if shape == "triangle" else 0.62))))
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    text_box = QRectF(0, size * (0.12 if shape == "triangle" else 0), size, size)
    painter.drawText(text_box, Qt.AlignmentFlag.AlignCenter, sign)
    painter.end()
    return pixmap


def _icon(shape: str, colour: str, sign: str) -> QIcon:
    icon = QIcon()
    for size in _SIZES:
        icon.addPixmap(_draw(shape, colour, sign, size))
    return icon


@cache
def outcome_icon(outcome: Outcome, stop: bool = False) -> QIcon:
    """The mark of an outcome; a knock-out (stop) has its own black octagon with a cross."""
    return _icon(*(_STOP_MARK if stop else _MARKS[outcome]))


@cache
def incomplete_icon() -> QIcon:
    """The mark of an advice that has too little to go on yet: a grey circle with an ellipsis."""
    return _icon(*_INCOMPLETE_MARK)
