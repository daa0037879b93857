"""Synthetic test images (no real faces): valid, broken and hostile files."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import numpy as np
from PIL import Image


def gradient(width: int = 64, height: int = 48) -> Image.Image:
    """A smooth RGB gradient: a valid image with no face in it."""
    x = np.linspace(0, 255, width, dtype=np.float32)
    y = np.linspace(0, 255, height, dtype=np.float32)[:, None]
    rgb = np.stack([np.broadcast_to(x, (height, width)), np.broadcast_to(y, (height, width)),
                    np.full((height, width), 128, np.float32)], axis=-1)
    return Image.fromarray(rgb.astype(np.uint8))


def jpeg_bytes(img: Image.Image | None = None, **save: object) -> bytes:
    """JPEG bytes of an image (a gradient by default)."""
    buf = io.BytesIO()
    (img or gradient()).save(buf, "JPEG", **save)
    return buf.getvalue()


def corrupt_jpeg() -> bytes:
    """A JPEG whose entropy-coded scan is broken by stray marker bytes."""
    noise = np.random.default_rng(0).integers(0, 255, (48, 64, 3), dtype=np.uint8)
    data = bytearray(jpeg_bytes(Image.fromarray(noise)))
    start = data.find(b"\xff\xda") + 300
    for k in range(start, start + 400):
        data[k] = 0xFF if k % 7 == 0 else data[k] ^ 0x33
    return bytes(data)


def png_bomb(width: int = 100_000, height: int = 100_000) -> bytes:
    """A tiny PNG whose header claims enormous dimensions (a decompression bomb)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1024)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def write_bad_inputs(folder: Path) -> dict[str, str]:
    """Write one file of every bad-input kind; returns file name -> expected reason word."""
    folder.mkdir(parents=True, exist_ok=True)
    good = jpeg_bytes()
    files = {
        "empty.jpg": (b"", "empty"),
        "truncated.jpg": (good[: len(good) // 2], "truncated"),
        "corrupt.jpg": (corrupt_jpeg(), "corrupt"),
        "notes.jpg": (b"these are notes, not a photo\n" * 10, "not an image"),
        "bomb.png": (png_bomb(), "decompression bomb"),
        "noface.jpg": (good, "no face"),
    }
    for name, (data, _) in files.items():
        (folder / name).write_bytes(data)
    (folder / "gone.jpg").symlink_to(folder / "does-not-exist.jpg")
    reasons = {name: reason for name, (_, reason) in files.items()}
    reasons["gone.jpg"] = "cannot be read"
    return reasons
