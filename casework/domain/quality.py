"""Face quality measures that do not depend on the model: size and sharpness."""

from __future__ import annotations

import numpy as np

from athar.casework.domain.ports import Box, Image


def face_size(box: Box) -> float:
    """The shorter side of the face box, in pixels."""
    return float(min(box.width, box.height))


def sharpness(image: Image, box: Box) -> float:
    """Variance of the Laplacian of the grey face crop (higher is sharper; 0 when empty).

    Args:
        image: (h, w, 3) uint8 RGB, upright.
        box: the face box in that image.
    """
    h, w = image.shape[:2]
    x0, y0 = max(int(box.left), 0), max(int(box.top), 0)
    x1, y1 = min(int(box.left + box.width), w), min(int(box.top + box.height), h)
    if x1 - x0 < 3 or y1 - y0 < 3:
        return 0.0
    grey = image[y0:y1, x0:x1].astype(np.float32) @ np.array([0.299, 0.587, 0.114], np.float32)
    lap = (
        grey[:-2, 1:-1] + grey[2:, 1:-1] + grey[1:-1, :-2] + grey[1:-1, 2:] - 4 * grey[1:-1, 1:-1]
    )
    return float(lap.var())


def subject_index(boxes: list[Box], width: int, height: int) -> int | None:
    """Which face is the photo's subject: the largest, nearest the centre.

    Score is area shrunk by the distance of the box centre from the image centre, relative
    to the image diagonal, so a slightly smaller central face beats a large one at the edge.
    """
    if not boxes:
        return None
    cx, cy, diag = width / 2, height / 2, float(np.hypot(width, height)) or 1.0

    def score(b: Box) -> float:
        dist = float(np.hypot(b.left + b.width / 2 - cx, b.top + b.height / 2 - cy)) / diag
        return b.width * b.height * (1.0 - dist) ** 2

    return max(range(len(boxes)), key=lambda i: score(boxes[i]))
