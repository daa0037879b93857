"""Quarter-turn views of an image and the mapping of points between view and upright frame.

A view with rotation r is `np.rot90(upright, r // 90)`: r degrees counter-clockwise.
Coordinates are continuous pixel coordinates (x right, y down) on an image of width w
and height h (the upright image's size).
"""

from __future__ import annotations

import numpy as np

from athar.casework.domain.ports import Box, Image

QUARTER_TURNS = (0, 90, 180, 270)


def view(image: Image, rotation: int) -> Image:
    """The image turned `rotation` degrees counter-clockwise (contiguous copy when turned)."""
    if rotation == 0:
        return image
    return np.ascontiguousarray(np.rot90(image, rotation // 90))


def to_upright(x: float, y: float, rotation: int, w: int, h: int) -> tuple[float, float]:
    """Map a point of the rotated view back to the upright image."""
    if rotation == 90:
        return w - y, x
    if rotation == 180:
        return w - x, h - y
    if rotation == 270:
        return y, h - x
    return x, y


def to_view(x: float, y: float, rotation: int, w: int, h: int) -> tuple[float, float]:
    """Map a point of the upright image into the rotated view."""
    if rotation == 90:
        return y, w - x
    if rotation == 180:
        return w - x, h - y
    if rotation == 270:
        return h - y, x
    return x, y


def box_to_upright(
    left: float, top: float, right: float, bottom: float, rotation: int, w: int, h: int
) -> Box:
    """Map a view box (by its corners) to an upright-image Box."""
    x0, y0 = to_upright(left, top, rotation, w, h)
    x1, y1 = to_upright(right, bottom, rotation, w, h)
    return Box(min(x0, x1), min(y0, y1), abs(x1 - x0), abs(y1 - y0))


def box_to_view(box: Box, rotation: int, w: int, h: int) -> tuple[float, float, float, float]:
    """Map an upright Box into the view: (left, top, right, bottom)."""
    x0, y0 = to_view(box.left, box.top, rotation, w, h)
    x1, y1 = to_view(box.left + box.width, box.top + box.height, rotation, w, h)
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)
