"""The one guarded path from untrusted bytes to an upright RGB array."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from athar.casework.domain.errors import ImageRejected
from athar.casework.domain.ports import Image as RGBImage

SUPPORTED_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".webp"})
ALLOWED_FORMATS = frozenset({"JPEG", "MPO", "PNG", "TIFF", "BMP", "WEBP"})
MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_PIXELS = 120_000_000
"""Larger than any camera in use (a 100 MP medium-format frame), far below a bomb."""
MAX_SIDE = 30_000
EXIF_ORIENTATION = 0x0112


@dataclass(frozen=True)
class DecodedImage:
    """A decoded photo: the stored file's facts plus the upright pixels used for analysis.

    Attributes:
        pixels: (h, w, 3) uint8 RGB, EXIF orientation applied (the file is never changed).
        format: the Pillow format name of the file ("JPEG", "PNG", ...).
        width: width of the stored file's pixel grid (before orientation).
        height: height of the stored file's pixel grid (before orientation).
        exif_orientation: the EXIF orientation tag (1 when absent).
    """

    pixels: RGBImage
    format: str
    width: int
    height: int
    exif_orientation: int


def _open(data: bytes) -> Image.Image:
    if not data:
        raise ImageRejected("empty file (0 bytes)")
    try:
        img = Image.open(io.BytesIO(data))
    except UnidentifiedImageError as exc:
        raise ImageRejected("not an image, or an unsupported image format") from exc
    except Image.DecompressionBombError as exc:
        raise ImageRejected(f"decompression bomb guard: {exc}") from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise ImageRejected(f"corrupt or truncated image header: {exc}") from exc
    if img.format not in ALLOWED_FORMATS:
        raise ImageRejected(f"unsupported image format {img.format}")
    return img


def _check_size(img: Image.Image) -> None:
    width, height = img.size
    if width <= 0 or height <= 0 or width > MAX_SIDE or height > MAX_SIDE:
        raise ImageRejected(f"absurd dimensions {width}x{height}")
    if width * height > MAX_PIXELS:
        raise ImageRejected(
            f"decompression bomb guard: {width}x{height} pixels exceeds {MAX_PIXELS:,}"
        )


def _orientation(img: Image.Image) -> int:
    try:
        value = img.getexif().get(EXIF_ORIENTATION, 1)
    except (OSError, SyntaxError, ValueError, TypeError):
        return 1  # unreadable EXIF: keep the stored orientation
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def _to_rgb(img: Image.Image) -> RGBImage:
    if img.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        arr = np.asarray(img, dtype=np.float64)
        top = 65535.0 if img.mode.startswith("I;16") or arr.max(initial=0) > 255 else 255.0
        grey = np.clip(arr * (255.0 / top), 0, 255).astype(np.uint8)
        return np.ascontiguousarray(np.stack([grey] * 3, axis=-1))
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        canvas = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        img = Image.alpha_composite(canvas, rgba)
    return np.ascontiguousarray(np.asarray(img.convert("RGB"), dtype=np.uint8))


def decode(data: bytes) -> DecodedImage:
    """Decode untrusted image bytes, first frame only, with size and format guards.

    Raises:
        ImageRejected: empty, not an image, unsupported, too large, truncated or corrupt.
    """
    if len(data) > MAX_FILE_BYTES:
        raise ImageRejected(f"file larger than {MAX_FILE_BYTES // 2**20} MiB")
    img = _open(data)
    _check_size(img)
    fmt, (width, height) = str(img.format), img.size
    orientation = _orientation(img)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img.seek(0)
            img.load()
            upright = ImageOps.exif_transpose(img) if orientation != 1 else img
            pixels = _to_rgb(upright)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageRejected(f"decompression bomb guard: {exc}") from exc
    except (OSError, SyntaxError, ValueError, EOFError, MemoryError) as exc:
        raise ImageRejected(f"corrupt or truncated image: {exc}") from exc
    return DecodedImage(pixels, fmt, width, height, orientation)
