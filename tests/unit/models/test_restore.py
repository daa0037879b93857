"""Chip restoration for degraded faces, and OpenCV's import leaving Qt alone."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import numpy as np
from PIL import Image

from athar.models.restore import FLAT_BELOW, denoise_photo, is_flat, restore_chip


def _face_like(size: int = 150) -> np.ndarray:
    """A smooth synthetic pattern with edges (no real face): gradient, discs, a bar."""
    y, x = np.mgrid[0:size, 0:size].astype(np.float32)
    img = 60 + 120 * x / size
    for cx, cy, r in ((50, 60, 12), (100, 60, 12), (75, 110, 20)):
        img[(x - cx) ** 2 + (y - cy) ** 2 < r * r] = 230
    img[30:38, 30:120] = 20
    return np.repeat(img[..., None], 3, axis=2).clip(0, 255).astype(np.uint8)


def _dark_noisy(clean: np.ndarray, seed: int = 0) -> np.ndarray:
    noise = np.random.default_rng(seed).normal(0, 2.0, clean.shape)
    return (clean.astype(np.float32) * 0.2 + noise).clip(0, 255).astype(np.uint8)


def test_dark_chip_is_stretched_to_the_full_range() -> None:
    out = restore_chip(_dark_noisy(_face_like()))
    assert out.shape == (150, 150, 3)
    assert out.dtype == np.uint8
    assert np.percentile(out, 1) < 30
    assert np.percentile(out, 99) > 225


def test_restoration_removes_the_noise_stretching_brings_up() -> None:
    clean = _face_like().astype(np.float32)
    dark = _dark_noisy(_face_like()).astype(np.float32)
    low, high = np.percentile(dark, (1, 99))
    stretched = np.clip((dark - low) * 255 / (high - low), 0, 255)
    restored = restore_chip(dark.astype(np.uint8)).astype(np.float32)

    def error(img: np.ndarray) -> float:  # after matching levels to the clean pattern
        a = np.polyfit(img.ravel(), clean.ravel(), 1)
        return float(np.abs(np.polyval(a, img) - clean).mean())

    assert error(restored) < 0.6 * error(stretched)


def test_flat_chip_does_not_divide_by_zero() -> None:
    flat = np.full((150, 150, 3), 17, np.uint8)
    assert np.isfinite(restore_chip(flat).astype(np.float32)).all()


def test_qt_starts_after_the_model_code_loaded_opencv() -> None:
    """opencv-python's import points Qt at its bundled Qt 5 plugins (DESIGN.md pitfalls)."""
    code = (
        "import os\n"
        "import athar.models.dlib_backend\n"
        "import cv2\n"
        "assert 'cv2' not in os.environ.get('QT_QPA_PLATFORM_PLUGIN_PATH', ''), os.environ\n"
        "assert 'cv2' not in os.environ.get('QT_QPA_FONTDIR', '')\n"
        "from PySide6.QtWidgets import QApplication, QLabel\n"
        "app = QApplication([])\n"
        "label = QLabel('أثر')\n"
        "label.show()\n"
        "app.processEvents()\n"
        "print(app.platformName())\n"
    )
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM_PLUGIN_PATH", "QT_QPA_FONTDIR")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "offscreen"


def test_photo_denoising_removes_compression_blocks_and_keeps_the_shape() -> None:
    clean = np.tile(_face_like(150), (2, 2, 1))[:280, :260]
    dark = (clean.astype(np.float32) * 0.25).astype(np.uint8)
    buf = io.BytesIO()
    Image.fromarray(dark).save(buf, "JPEG", quality=15)
    compressed = np.asarray(Image.open(io.BytesIO(buf.getvalue())).convert("RGB"))
    out = denoise_photo(compressed)
    assert out.shape == compressed.shape
    assert out.dtype == np.uint8
    assert (out[..., 0] == out[..., 1]).all()
    assert (out[..., 1] == out[..., 2]).all()

    def roughness(img: np.ndarray) -> float:  # energy of 1-px steps inside flat regions
        g = img[..., 0].astype(np.float32)
        flat = np.abs(np.diff(dark[..., 0].astype(np.float32), axis=1)) == 0
        return float(np.abs(np.diff(g, axis=1))[flat].mean())

    assert roughness(out) < 0.7 * roughness(compressed)


def test_a_chip_is_flat_when_its_levels_span_little() -> None:
    chip = _face_like(150)
    low, high = np.percentile(chip.mean(axis=2), (1, 99))
    assert high - low >= FLAT_BELOW
    assert not is_flat(chip)
    dark = (chip.astype(np.float32) * 0.25 + 10).astype(np.uint8)  # a quarter of the light
    assert is_flat(dark)
    assert is_flat(restore_chip(dark)) is False  # restoration stretches it back
