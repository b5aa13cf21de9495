"""The check's fingerprint as a QR code, drawn straight onto the page.

reportlab's own encoder makes the code (once: its widget would encode it twice); the dark
modules are drawn as filled rectangles, one per horizontal run, rather than through a
``Drawing``, which would switch the page to Helvetica, a font that is not embedded.
"""

from __future__ import annotations

from reportlab.graphics.barcode import qrencoder
from reportlab.platypus import Flowable

QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks


class QrCode(Flowable):
    def __init__(self, value: str, size: float) -> None:
        super().__init__()
        self.size = size
        code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        code.addData(value)
        code.make()
        count: int = code.getModuleCount()  # type: ignore[no-untyped-call]
        module = size / (count + 2 * QUIET_ZONE)
        self._runs: list[tuple[float, float, float, float]] = []
        for row in range(count):
            y = (count - 1 - row + QUIET_ZONE) * module
            column = 0
            while column < count:
                if not code.isDark(row, column):  # type: ignore[no-untyped-call]
                    column += 1
                    continue
                start = column
                while column < count and code.isDark(row, column):  # type: ignore[no-untyped-call]
                    column += 1
                x = (start + QUIET_ZONE) * module
                self._runs.append((x, y, (column - start) * module, module))

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        self.canv.setFillColorRGB(0, 0, 0)
        for x, y, width, height in self._runs:
            self.canv.rect(x, y, width, height, stroke=0, fill=1)
