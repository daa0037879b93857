"""Face quality measures that do not depend on the model: size, sharpness, and which
face of a photo is its subject."""

from __future__ import annotations

from dataclasses import dataclass

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


@dataclass(frozen=True)
class SubjectWeights:
    """How much each cue counts in choosing a photo's subject (exponents): the face's
    area, its closeness to the centre, and the detector's confidence relative to the
    photo's other faces."""

    size: float = 1.0
    centre: float = 2.0
    confidence: float = 0.0


SUBJECT_WEIGHTS = SubjectWeights(size=0.5, centre=3.0, confidence=0.0)
"""The weights the import uses, chosen with bench/subject.py on faces-tune: on its 102
real photos with several faces (the subject known from the identity's other photos)
every weighting tried is right; on 271 composites where another person 1.2-1.6 times
larger stands at the side, area x (1 - d)^2 (the rule before) picked the subject in
41.7%, sqrt(area) x (1 - d)^3 in 100% (faces-dev, never tuned on: 41.1% and 100% of 56
composites, 100% of its 11 real group photos either way). The detector's confidence
does not help here: the larger face is also the one HOG is surer of (weight 0.5: 79.6%)."""


def subject_index(boxes: list[Box], width: int, height: int,
                  scores: list[float] | None = None,
                  weights: SubjectWeights = SUBJECT_WEIGHTS) -> int | None:
    """Which face is the photo's subject: large, near the centre, and found with more
    confidence than the others.

    Each face scores area^size x (1 - d)^centre x c^confidence, where d is the distance of
    its box centre from the image centre relative to the image diagonal and c its
    detector score rescaled to 0.25 (the photo's least sure face) .. 1 (its surest).
    """
    if not boxes:
        return None
    cx, cy, diag = width / 2, height / 2, float(np.hypot(width, height)) or 1.0
    rel = [1.0] * len(boxes)
    if scores is not None and len(scores) == len(boxes) and max(scores) > min(scores):
        lo, hi = min(scores), max(scores)
        rel = [0.25 + 0.75 * (s - lo) / (hi - lo) for s in scores]

    def score(i: int) -> float:
        b = boxes[i]
        dist = float(np.hypot(b.left + b.width / 2 - cx, b.top + b.height / 2 - cy)) / diag
        return float((max(b.width * b.height, 1e-9) ** weights.size)
                     * max(1.0 - dist, 0.0) ** weights.centre * rel[i] ** weights.confidence)

    return max(range(len(boxes)), key=score)
