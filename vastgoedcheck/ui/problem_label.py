"""The red text under an input that says what is wrong, readable in light and dark mode alike."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QWidget

# From dark to light; the first that reads well on the background is used.
PROBLEM_REDS = ("#b3261e", "#d32f2f", "#ff8a80", "#ffb4ab")
MINIMUM_CONTRAST = 4.5  # WCAG 2 AA for normal text


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast_ratio(first: QColor, second: QColor) -> float:
    """The WCAG contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def problem_red(background: QColor) -> QColor:
    """A red that reads well on ``background``: dark on a light window, light on a dark one."""
    candidates = [QColor(name) for name in PROBLEM_REDS]
    if background.lightnessF() < 0.5:
        candidates.reverse()
    best = max(candidates, key=lambda colour: contrast_ratio(colour, background))
    for colour in candidates:
        if contrast_ratio(colour, background) >= MINIMUM_CONTRAST:
            return colour
    return best


class ProblemLabel(QLabel):
    """Plain, wrapped text in a red that follows the palette (the system switching to dark
    mode while the app runs too); hidden until there is a problem to show."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._apply_colour()
        self.hide()

    def _apply_colour(self) -> None:
        current = self.palette()
        red = problem_red(current.color(QPalette.ColorRole.Window))
        if current.color(QPalette.ColorRole.WindowText) != red:
            own = QPalette()  # only the text colour: the rest follows the window's palette
            own.setColor(QPalette.ColorRole.WindowText, red)
            self.setPalette(own)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # also when the system's palette changes
            self._apply_colour()
