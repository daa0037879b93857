"""Restoration of degraded face chips before the descriptor sees them.

Faces found only on the contrast-enhanced picture (dark, flat, compressed photos) reach
the descriptor as dim chips whose few grey levels carry JPEG blocks and noise. Stretching
the chip's levels alone makes that noise as strong as the face (ranks drop); stretching
and then removing the noise with non-local means gives the descriptor a face it knows.
Measured in bench/README.md ("chip restoration"): on the pm-hard photos of faces-dev the
mean reciprocal rank of the true photos in a search went from 0.36 to 0.40, and on a
held-out degradation (colour kept, other darkness, blur and compression) from 0.40 to
0.51.
"""

from __future__ import annotations

import os
from types import ModuleType

import numpy as np

from athar.casework.domain.ports import Image

_CV2_ENVIRONMENT = ("QT_QPA_PLATFORM_PLUGIN_PATH", "QT_QPA_FONTDIR", "LD_LIBRARY_PATH")


def _import_cv2() -> ModuleType:
    """Import OpenCV and undo what its import does to the environment: opencv-python points
    Qt at its own bundled Qt 5 plugins and fonts, which would break Athar's PySide6 windows
    (see DESIGN.md, known pitfalls)."""
    saved = {name: os.environ.get(name) for name in _CV2_ENVIRONMENT}
    import cv2

    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    return cv2


cv2 = _import_cv2()

STRETCH_PERCENTILES = (1.0, 99.0)
"""The chip's levels are stretched so that these percentiles become black and white."""
DENOISE_STRENGTH = 15.0
"""Non-local means filter strength (OpenCV's h, for luminance and colour alike), on the
stretched 0-255 chip. Swept on pm-hard (bench/README.md): 10, 15, 20, 25 all beat no
restoration; 15 ranked best there, 20 on the held-out degradation."""


def restore_chip(chip: Image) -> Image:
    """Stretch a face chip's levels and remove the noise that stretching brings up.

    Args:
        chip: (h, w, 3) uint8 RGB aligned face chip.

    Returns:
        A new (h, w, 3) uint8 chip.
    """
    levels = chip.astype(np.float32)
    low, high = np.percentile(levels, STRETCH_PERCENTILES)
    gain = 255.0 / max(float(high - low), 1.0)
    stretched = np.clip((levels - low) * gain, 0, 255).astype(np.uint8)
    denoised = cv2.fastNlMeansDenoisingColored(
        np.ascontiguousarray(stretched), None, DENOISE_STRENGTH, DENOISE_STRENGTH, 7, 11)
    return np.asarray(denoised, dtype=np.uint8)


FLAT_BELOW = 100.0
"""An aligned face whose grey levels span less than this (1st to 99th percentile, of 255)
is degraded: dark, flat, compressed. On faces-tune (SCRFD-500M crops of every 15th photo)
clean faces span 148-230 (5th-95th percentile), pm-hard faces 21-35; dlib's chips of
every 40th photo: all 56 clean chips span more, all 54 pm-hard chips less. SCRFD finds
most pm-hard faces in its first pass (123 of 140), so the pass that found a face does
not tell a degraded one; the chip's levels do. The bound lies between
the two (stretching such a chip multiplies its contrast by 2.5 or more); it was set from
the clean and pm-hard chips, never from the held-out family."""


def is_flat(chip: Image) -> bool:
    """Whether an aligned face's grey levels span less than FLAT_BELOW: a degraded face,
    restored and mirrored before a model pack embeds it (OnnxPipeline.embed_many; dlib's
    model tells degraded faces by the pass that found them, see DlibPipeline).

    Args:
        chip: (h, w, 3) uint8 aligned face, RGB or BGR.
    """
    low, high = np.percentile(chip.mean(axis=2), (1.0, 99.0))
    return bool(high - low < FLAT_BELOW)


PHOTO_DENOISE_STRENGTH = 10.0
"""Non-local means strength for the whole (grey) photo before the last HOG pass."""


def denoise_photo(image: Image) -> Image:
    """A grey copy of a photo with JPEG blocks and sensor noise removed by non-local means
    (strength 10, 7 px patches, 21 px search window), for face detection only.

    On dark, heavily compressed photos the blocks' edges outweigh the face's in HOG's
    gradients; on the denoised copy, contrast-enhanced, HOG finds some of the faces it
    missed (measured in bench/README.md).

    Args:
        image: (h, w, 3) uint8 RGB.

    Returns:
        (h, w, 3) uint8, the three channels equal.
    """
    grey = cv2.cvtColor(np.ascontiguousarray(image), cv2.COLOR_RGB2GRAY)
    clean = cv2.fastNlMeansDenoising(grey, None, PHOTO_DENOISE_STRENGTH, 7, 21)
    return np.ascontiguousarray(np.repeat(np.asarray(clean, np.uint8)[..., None], 3, axis=2))
