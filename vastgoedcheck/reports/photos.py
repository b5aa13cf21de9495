"""Photos made ready for a report: turned upright by their EXIF orientation and scaled down."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

# Longest side of a photo in a report: sharp at 12 cm wide, small enough for a 2 MB report.
MAX_SIDE = 1400
JPEG_QUALITY = 78
# Images larger than this are refused rather than decoded (a decompression bomb).
MAX_PIXELS = 80_000_000


@dataclass(frozen=True)
class Photo:
    jpeg: bytes
    width: int
    height: int


def prepared_photo(path: Path) -> Photo | None:
    """The photo at ``path`` as a JPEG for the report, or None when it cannot be read."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                if image.width * image.height > MAX_PIXELS:
                    return None
                # JPEG decodes directly at 1/2, 1/4 or 1/8 size: far faster than full size.
                image.draft("RGB", (MAX_SIDE, MAX_SIDE))
                upright = ImageOps.exif_transpose(image)
                upright.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
                if upright.mode != "RGB":
                    upright = _flattened(upright)
                buffer = io.BytesIO()
                upright.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True)
    except (
        OSError,
        UnidentifiedImageError,
        ValueError,
        Image.DecompressionBombWarning,
        Image.DecompressionBombError,
        SyntaxError,
    ):
        return None
    return Photo(buffer.getvalue(), upright.width, upright.height)


def _flattened(image: Image.Image) -> Image.Image:
    """An RGB copy, transparent parts on white."""
    if image.mode in ("RGBA", "LA", "P"):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, "white")
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")
