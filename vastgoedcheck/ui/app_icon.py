"""The app's own icon, a house-shaped mark with a tick; drawn without loading the rest of the
app, so the window can show it at once."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap, QPolygonF

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
        house = QPolygonF(
            [
                QPointF(x * s, y * s)
                for x, y in [
                    (0.5, 0.06),
                    (0.95, 0.45),
                    (0.84, 0.45),
                    (0.84, 0.94),
                    (0.16, 0.94),
                    (0.16, 0.45),
                    (0.05, 0.45),
                ]
            ]
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#1f4e79"))
        painter.drawPolygon(house)
        pen = QPen(QColor("#ffffff"), max(1.5, s * 0.09))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.drawPolyline(
            QPolygonF(
                [
                    QPointF(0.32 * s, 0.66 * s),
                    QPointF(0.46 * s, 0.8 * s),
                    QPointF(0.70 * s, 0.52 * s),
                ]
            )
        )
        painter.end()
        icon.addPixmap(pixmap)
    return icon
