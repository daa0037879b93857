"""Quarter-turn views: points map to the view and back exactly, pixels agree with rot90."""

from __future__ import annotations

import numpy as np
import pytest

from athar.casework.domain.ports import Box
from athar.models.geometry import box_to_upright, box_to_view, to_upright, to_view, view


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_point_round_trip(rotation: int) -> None:
    w, h = 40, 25
    for x, y in [(0.0, 0.0), (3.5, 7.25), (39.0, 24.0)]:
        vx, vy = to_view(x, y, rotation, w, h)
        assert to_upright(vx, vy, rotation, w, h) == pytest.approx((x, y))


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_marked_pixel_lands_where_the_mapping_says(rotation: int) -> None:
    w, h = 7, 5
    img = np.zeros((h, w, 3), np.uint8)
    img[1, 4] = 255  # pixel (x=4, y=1); its centre is (4.5, 1.5)
    turned = view(img, rotation)
    vx, vy = to_view(4.5, 1.5, rotation, w, h)
    assert turned[int(vy), int(vx), 0] == 255


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_box_round_trip(rotation: int) -> None:
    box = Box(5, 3, 10, 6)
    assert box_to_upright(*box_to_view(box, rotation, 30, 20), rotation, 30, 20) == box
