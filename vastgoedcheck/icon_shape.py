"""The shape of the app's icon, a blue house with a white tick, in fractions of its size: drawn
by the window (ui/app_icon.py) and, at build time, into the bundle's icon files."""

from __future__ import annotations

HOUSE = (
    (0.5, 0.06),
    (0.95, 0.45),
    (0.84, 0.45),
    (0.84, 0.94),
    (0.16, 0.94),
    (0.16, 0.45),
    (0.05, 0.45),
)
TICK = ((0.32, 0.66), (0.46, 0.8), (0.70, 0.52))
TICK_WIDTH = 0.09  # of the icon's size
BLUE = (0x1F, 0x4E, 0x79)
WHITE = (0xFF, 0xFF, 0xFF)
