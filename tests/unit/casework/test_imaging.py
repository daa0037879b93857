"""The guarded decode path: every broken or hostile kind is rejected with a reason."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from athar.casework.domain.errors import ImageRejected
from athar.casework.domain.imaging import decode
from imagegen import gradient, jpeg_bytes, png_bomb


def _save(img: Image.Image, fmt: str, **kw: object) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt, **kw)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"plain text, not an image" * 20, "not an image"),
        (jpeg_bytes()[:300], "truncated"),
        (png_bomb(), "decompression bomb"),
        (png_bomb(40_000, 2), "absurd dimensions"),
    ],
)
def test_bad_bytes_are_rejected_with_reason(data: bytes, reason: str) -> None:
    with pytest.raises(ImageRejected, match=reason):
        decode(data)


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "TIFF", "BMP", "WEBP"])
def test_supported_formats_decode_to_rgb(fmt: str) -> None:
    out = decode(_save(gradient(40, 30), fmt))
    assert out.pixels.shape == (30, 40, 3)
    assert out.pixels.dtype == np.uint8
    assert out.format == fmt


@pytest.mark.parametrize("mode", ["CMYK", "P", "L", "LA", "RGBA", "I;16"])
def test_unusual_modes_become_rgb(mode: str) -> None:
    img = gradient(32, 20)
    converted = img.convert("L").convert("I;16") if mode == "I;16" else img.convert(mode)
    fmt = "TIFF" if mode in ("CMYK", "I;16") else "PNG"
    out = decode(_save(converted, fmt))
    assert out.pixels.shape == (20, 32, 3)


def test_sixteen_bit_grey_keeps_its_range() -> None:
    arr = np.tile(np.linspace(0, 65535, 50, dtype=np.uint16), (10, 1))
    out = decode(_save(Image.fromarray(arr), "PNG"))
    assert out.pixels[..., 0].min() == 0
    assert out.pixels[..., 0].max() == 255


def test_animated_image_uses_first_frame() -> None:
    frames = [Image.new("RGB", (16, 16), c) for c in ((255, 0, 0), (0, 0, 255))]
    buf = io.BytesIO()
    frames[0].save(buf, "WEBP", save_all=True, append_images=frames[1:])
    out = decode(buf.getvalue())
    assert out.pixels[8, 8, 0] > 200


def test_exif_orientation_is_applied_to_pixels_only() -> None:
    img = gradient(60, 20)
    exif = Image.Exif()
    exif[0x0112] = 6  # stored sideways: display turned 90 degrees clockwise
    out = decode(_save(img, "JPEG", exif=exif.tobytes()))
    assert (out.width, out.height) == (60, 20)  # the stored grid
    assert out.exif_orientation == 6
    assert out.pixels.shape == (60, 20, 3)  # upright pixels for analysis


def test_wrong_extension_is_decoded_by_content() -> None:
    out = decode(_save(gradient(20, 10), "PNG"))  # whatever the file was called
    assert out.format == "PNG"


def test_huge_exif_block_is_harmless() -> None:
    exif = Image.Exif()
    exif[0x9286] = "x" * 60_000  # UserComment near the 64 KiB APP1 limit
    exif[0x0112] = 3
    out = decode(_save(gradient(30, 20), "JPEG", exif=exif.tobytes()))
    assert out.exif_orientation == 3
    assert out.pixels.shape == (20, 30, 3)


def test_out_of_range_orientation_is_ignored() -> None:
    exif = Image.Exif()
    exif[0x0112] = 99
    out = decode(_save(gradient(30, 20), "JPEG", exif=exif.tobytes()))
    assert out.exif_orientation == 1
    assert out.pixels.shape == (20, 30, 3)
