"""The check's fingerprint as a QR code, drawn straight onto the page.

reportlab's own encoder makes the code; its modules are drawn as filled squares here rather
than through a ``Drawing``, which would switch the page to Helvetica, a font not embedded.
"""

from __future__ import annotations

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.platypus import Flowable


class QrCode(Flowable):
    def __init__(self, value: str, size: float) -> None:
        super().__init__()
        self.size = size
        widget = QrCodeWidget(value)
        left, bottom, right, top = widget.getBounds()
        scale = size / max(right - left, top - bottom)
        self._squares = [
            (shape.x * scale, shape.y * scale, shape.width * scale, shape.height * scale)
            for shape in widget.draw().contents  # type: ignore[no-untyped-call]
            if getattr(shape, "fillColor", None) is not None
        ]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        self.canv.setFillColorRGB(0, 0, 0)
        for x, y, width, height in self._squares:
            self.canv.rect(x, y, width, height, stroke=0, fill=1)
