"""Photos made ready for a report: turned upright by their EXIF orientation and scaled down."""

from __future__ import annotations

import hashlib
import io
import threading
from collections import OrderedDict
from dataclasses import dataclass

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


CACHED = 48
_cache: OrderedDict[bytes, Photo | None] = OrderedDict()
_cache_lock = threading.Lock()


def prepared_photo(content: bytes) -> Photo | None:
    """The photo ``content`` as a JPEG for the report, or None when it cannot be read.

    The result is kept for the rest of the session (a few dozen photos), by the content's
    SHA-256: making the dossier, the police report and the municipality's report of one check
    decodes each photo once."""
    digest = hashlib.sha256(content).digest()
    with _cache_lock:
        if digest in _cache:
            _cache.move_to_end(digest)
            return _cache[digest]
    photo = _prepared(content)
    with _cache_lock:
        _cache[digest] = photo
        while len(_cache) > CACHED:
            _cache.popitem(last=False)
    return photo


def clear_cache() -> None:
    """Forget the photos prepared so far (for measuring)."""
    with _cache_lock:
        _cache.clear()


def _prepared(content: bytes) -> Photo | None:
    try:
        with Image.open(io.BytesIO(content)) as image:
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
