"""The app's icon files for the bundle (.png, .ico, .icns), drawn at build time with Pillow.

The shape is the one the app draws for its windows (vastgoedcheck/ui/icons.py): a blue house
with a white tick. Drawn here, nothing is downloaded and no binary file is committed; it is our
own work under the project's licence.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

from vastgoedcheck import icon_shape as shape

BLUE, WHITE = (*shape.BLUE, 255), (*shape.WHITE, 255)
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def draw(size: int) -> Image.Image:
    """The icon at ``size`` pixels square, drawn four times larger and scaled down smoothly."""
    big = size * 4
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.polygon([(x * big, y * big) for x, y in shape.HOUSE], fill=BLUE)
    width = max(2, round(big * shape.TICK_WIDTH))
    points = [(x * big, y * big) for x, y in shape.TICK]
    pen.line(points, fill=WHITE, width=width, joint="curve")
    for x, y in (points[0], points[-1]):  # round caps
        radius = width / 2
        pen.ellipse((x - radius, y - radius, x + radius, y + radius), fill=WHITE)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def write_icons(folder: Path) -> dict[str, Path]:
    """Write vastgoedcheck.png (256 px), .ico (16–256 px) and .icns (16–1024 px) to
    ``folder`` and return their paths by suffix."""
    folder.mkdir(parents=True, exist_ok=True)
    large = draw(1024)
    paths = {suffix: folder / f"vastgoedcheck.{suffix}" for suffix in ("png", "ico", "icns")}
    draw(256).save(paths["png"])
    large.save(paths["ico"], sizes=ICO_SIZES)
    large.save(paths["icns"])
    return paths
