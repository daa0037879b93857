"""Distinctive marks: their categories, the body locations they are recorded at, the
relations an examiner records between an ante-mortem and a post-mortem mark, and the
shapes drawn on photos (validated against the upright photo).

Limb locations name the part and the side (the body's own left and right, as a forensic
examiner records them). A family often does not remember the side: a described mark may
name the part alone (`forearm`), and a query for `forearm` matches both sides.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass

from athar.casework.domain.errors import InvalidRequest


class MarkCategory(enum.StrEnum):
    """What kind of mark (the categories of DVI forms' "particular features")."""

    TATTOO = "tattoo"
    SCAR = "scar"
    MOLE_BIRTHMARK = "mole_birthmark"
    DEFORMITY_AMPUTATION = "deformity_amputation"
    DENTAL = "dental"
    OTHER = "other"


UNSIDED = ("head", "face", "neck", "chest", "abdomen", "back")
LIMB_PARTS = ("upper_arm", "forearm", "hand", "thigh", "lower_leg", "foot")
SIDES = ("left", "right")

LOCATIONS: tuple[str, ...] = UNSIDED + tuple(f"{part}_{side}" for part in LIMB_PARTS
                                             for side in SIDES)
"""Where a mark on a photo is: the fixed list of codes (limbs with their side)."""
DESCRIBED_LOCATIONS: tuple[str, ...] = LOCATIONS + LIMB_PARTS
"""Where a described mark may be: also a limb part alone, when the side is not known."""


CATEGORY_NAMES: dict[str, str] = {
    "tattoo": "tattoo", "scar": "scar", "mole_birthmark": "mole or birthmark",
    "deformity_amputation": "deformity or amputation", "dental": "dental feature",
    "other": "other mark"}
"""How a category reads in English (the desktop and the report translate these)."""

_PART_NAMES = {"upper_arm": "upper arm", "forearm": "forearm", "hand": "hand",
               "thigh": "thigh", "lower_leg": "lower leg", "foot": "foot"}
LOCATION_NAMES: dict[str, str] = {
    **{code: code for code in UNSIDED},
    **{f"{part}_{side}": f"{side} {name}" for part, name in _PART_NAMES.items()
       for side in SIDES},
    **{part: f"{name} (side not known)" for part, name in _PART_NAMES.items()},
}
"""How a location reads in English ("left forearm")."""


class LinkRelation(enum.StrEnum):
    """How an examiner judges an ante-mortem mark against a post-mortem one."""

    CORRESPONDING = "corresponding"
    SIMILAR = "similar"
    NOT_CORRESPONDING = "not_corresponding"


class ShapeKind(enum.StrEnum):
    """The region drawn on a photo (a described mark has none)."""

    RECT = "rect"
    ELLIPSE = "ellipse"
    POLYGON = "poly"


def category(value: str) -> MarkCategory:
    """The category named by `value`.

    Raises:
        InvalidRequest: not a category (the message lists them).
    """
    try:
        return MarkCategory(value.strip().lower())
    except ValueError:
        raise InvalidRequest(f"unknown mark category {value!r}: one of "
                             f"{', '.join(c.value for c in MarkCategory)}") from None


def location(value: str, *, described: bool = False) -> str:
    """The location code `value` (a limb part without side only for described marks).

    Raises:
        InvalidRequest: not a location code (the message lists them).
    """
    code = value.strip().lower()
    allowed = DESCRIBED_LOCATIONS if described else LOCATIONS
    if code not in allowed:
        hint = (" (a limb needs its side on a photo: e.g. forearm_left)"
                if code in LIMB_PARTS else "")
        raise InvalidRequest(f"unknown body location {value!r}{hint}: one of "
                             f"{', '.join(allowed)}")
    return code


def part_of(code: str) -> str:
    """The location without its side (`forearm_left` -> `forearm`; `chest` stays)."""
    for side in SIDES:
        if code.endswith(f"_{side}"):
            return code[: -len(side) - 1]
    return code


def location_matches(query: str, code: str) -> bool:
    """Whether a mark at `code` answers a query (or a described mark) at `query`: the same
    code, or a limb part without side against either side of it."""
    if query == code:
        return True
    if query in LIMB_PARTS:
        return part_of(code) == query
    if code in LIMB_PARTS:
        return part_of(query) == code
    return False


def query_location(value: str) -> str:
    """A location to search by: any code, or a limb part to match both sides.

    Raises:
        InvalidRequest: not a location code.
    """
    return location(value, described=True)


MAX_POLYGON_POINTS = 500


@dataclass(frozen=True)
class Shape:
    """A region in the upright photo's pixel coordinates.

    rect and ellipse: (x, y, width, height), the ellipse inscribed in that box;
    poly: (x1, y1, x2, y2, ...), at least three distinct points.
    """

    kind: ShapeKind
    coords: tuple[float, ...]

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """The bounding box (x, y, width, height)."""
        if self.kind is ShapeKind.POLYGON:
            xs, ys = self.coords[0::2], self.coords[1::2]
            return min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)
        x, y, w, h = self.coords
        return x, y, w, h

    @property
    def points(self) -> list[tuple[float, float]]:
        """A polygon's points (the box corners for a rect or an ellipse)."""
        if self.kind is ShapeKind.POLYGON:
            return list(zip(self.coords[0::2], self.coords[1::2], strict=True))
        x, y, w, h = self.coords
        return [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]

    def text(self) -> str:
        """The command-line form (`rect:X,Y,W,H`, `poly:X1,Y1,...`)."""
        return f"{self.kind.value}:" + ",".join(_num(v) for v in self.coords)

    def validated(self, width: int, height: int) -> Shape:
        """This shape, checked to be a real region inside a width x height photo.

        Raises:
            InvalidRequest: a coordinate that is not a finite number, a box without area,
                a polygon with fewer than three distinct points or no area, or any part
                outside the photo (the message gives the photo's size).
        """
        if not all(math.isfinite(v) for v in self.coords):
            raise InvalidRequest("a mark's coordinates must be finite numbers")
        if self.kind is ShapeKind.POLYGON:
            _check_polygon(self.coords)
        else:
            if len(self.coords) != 4:
                raise InvalidRequest(f"a {self.kind.value} needs x, y, width and height")
            if self.coords[2] <= 0 or self.coords[3] <= 0:
                raise InvalidRequest(f"a {self.kind.value} needs a width and a height "
                                     "above zero")
        x, y, w, h = self.bounds
        if x < 0 or y < 0 or x + w > width or y + h > height:
            raise InvalidRequest(
                f"the mark's region ({_num(x)},{_num(y)} to {_num(x + w)},{_num(y + h)}) "
                f"lies outside the photo, which is {width} x {height} pixels upright")
        return self


def _check_polygon(coords: tuple[float, ...]) -> None:
    if not coords:
        raise InvalidRequest("the polygon is empty: give at least three points")
    if len(coords) % 2:
        raise InvalidRequest("a polygon's coordinates come in x,y pairs: one is missing")
    points = list(zip(coords[0::2], coords[1::2], strict=True))
    if len(set(points)) < 3:
        raise InvalidRequest("a polygon needs at least three distinct points")
    if len(points) > MAX_POLYGON_POINTS:
        raise InvalidRequest(f"a polygon has at most {MAX_POLYGON_POINTS} points")
    area = sum(x1 * y2 - x2 * y1
               for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True))
    if abs(area) < 1e-6:
        raise InvalidRequest("the polygon's points lie on one line: it encloses nothing")


def _num(value: float) -> str:
    return f"{value:g}"


def parse_shape(text: str) -> Shape:
    """A shape from its command-line form: `rect:X,Y,W,H`, `ellipse:X,Y,W,H` or
    `poly:X1,Y1,X2,Y2,...` (not yet checked against a photo).

    Raises:
        InvalidRequest: an unknown kind or a value that is not a number.
    """
    kind_text, sep, rest = text.strip().partition(":")
    try:
        kind = ShapeKind(kind_text.strip().lower())
    except ValueError:
        raise InvalidRequest(f"unknown shape {kind_text!r}: rect:X,Y,W,H, "
                             "ellipse:X,Y,W,H or poly:X1,Y1,X2,Y2,...") from None
    parts = [p for p in rest.replace(" ", "").split(",") if p] if sep else []
    try:
        coords = tuple(float(p) for p in parts)
    except ValueError:
        raise InvalidRequest(f"the shape {text!r} holds a value that is not a "
                             "number") from None
    return Shape(kind, coords)


def upright_size(width: int, height: int, exif_orientation: int) -> tuple[int, int]:
    """A stored photo's size as displayed (EXIF orientations 5 to 8 swap the sides)."""
    return (height, width) if exif_orientation in (5, 6, 7, 8) else (width, height)
