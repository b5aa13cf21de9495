"""Photos made ready for a report: turned upright by their EXIF orientation and scaled down."""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

# Longest side of a photo in a report: about 180 dpi at 14 cm wide, and exactly what a JPEG of
# 4000 (or 8000) pixels decodes to at 1/4 (1/8) of its size, which is several times faster than
# decoding it whole. The original stays in the check, listed by its SHA-256.
MAX_SIDE = 1000
JPEG_QUALITY = 78
MAX_PIXELS = 80_000_000  # Pillow warns from 89 million


@dataclass(frozen=True)
class Photo:
    jpeg: bytes
    width: int
    height: int


def prepared_photo(path: Path) -> Photo | None:
    """The photo at ``path`` as a JPEG for the report, or None when it cannot be read.

    The result is kept for the rest of the session (a few dozen photos): making the dossier,
    the police report and the municipality's report of one check decodes each photo once."""
    try:
        status = path.stat()
    except OSError:
        return None
    return _prepared(str(path), status.st_size, status.st_mtime_ns)


@functools.lru_cache(maxsize=48)
def _prepared(path: str, size: int, modified_ns: int) -> Photo | None:
    """The photo at ``path`` (size and time of change make the cache key, with the path)."""
    try:
        with Image.open(path) as image:
            # Checked before decoding, below Pillow's own warning limit: a huge image is
            # refused rather than decoded (a decompression bomb).
            if image.width * image.height > MAX_PIXELS:
                return None
            # A JPEG decodes directly at 1/2, 1/4 or 1/8 of its size, no smaller than asked.
            scale = MAX_SIDE / max(image.size)
            if scale < 1:
                image.draft("RGB", (round(image.width * scale), round(image.height * scale)))
            upright = ImageOps.exif_transpose(image)
            upright.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.BICUBIC)
            if upright.mode != "RGB":
                upright = _flattened(upright)
            buffer = io.BytesIO()
            upright.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True)
    except (OSError, UnidentifiedImageError, ValueError, Image.DecompressionBombError, SyntaxError):
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
