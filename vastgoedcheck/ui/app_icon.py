"""The app's own icon, a house-shaped mark with a tick; drawn without loading the rest of the
app, so the window can show it at once."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap, QPolygonF

from vastgoedcheck import icon_shape as shape

_SIZES = (16, 24, 32, 48, 64, 128, 256)


@cache
def app_icon() -> QIcon:
    """The app's icon: a house-shaped mark with a tick."""
    icon = QIcon()
    for size in _SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        s = float(size)
        house = QPolygonF([QPointF(x * s, y * s) for x, y in shape.HOUSE])
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(*shape.BLUE))
        painter.drawPolygon(house)
        pen = QPen(QColor(*shape.WHITE), max(1.5, s * shape.TICK_WIDTH))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.drawPolyline(QPolygonF([QPointF(x * s, y * s) for x, y in shape.TICK]))
        painter.end()
        icon.addPixmap(pixmap)
    return icon
