"""Pictures for the screens: face crops, photo thumbnails and full photos, cached encrypted.

Everything is derived from the read-only evidence and named by its source (photo or
face id, size, blur): the cache under `cache/` can be deleted at any time. Cache files
are sealed with the workspace key like every other file, so a thumbnail never lies on
disk in the clear. Returned images are PNG bytes (lossless, any toolkit decodes them).
"""

from __future__ import annotations

import io
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from athar.casework.domain.errors import AtharError, NotFoundError
from athar.casework.domain.imaging import decode
from athar.casework.domain.marks import ShapeKind
from athar.casework.domain.permissions import Actor, Permission, require
from athar.casework.storage.workspace import Workspace

CACHE_VERSION = "1"
FACE_MARGIN = 0.35
"""Context kept around a face box in a crop, as a fraction of the box size."""
BLUR_RADIUS_FRACTION = 1 / 18
MARK_MARGIN = 0.25
"""Context kept around a mark's region in its crop, as a fraction of its larger side."""
MARK_OUTLINE = (255, 200, 0)


TEMPLATE = np.array([[0.70, 0.40], [0.58, 0.41], [0.30, 0.40], [0.42, 0.41], [0.50, 0.60]])
"""Where the five landmarks (eye corners from the photo's right to left, then the nose
base) fall in an aligned face, as fractions of its side."""


def _similarity(src: np.ndarray, dst: np.ndarray) -> np.ndarray:
    """The 3x3 similarity (rotation, uniform scale, shift) that best maps the (5, 2) points
    `src` onto `dst` in the least-squares sense (Umeyama's method)."""
    mu_s, mu_d = src.mean(axis=0), dst.mean(axis=0)
    a, b = src - mu_s, dst - mu_d
    cov = b.T @ a / len(src)
    u, sing, vt = np.linalg.svd(cov)
    d = np.eye(2)
    if np.linalg.det(u) * np.linalg.det(vt) < 0:
        d[1, 1] = -1
    rot = u @ d @ vt
    scale = float(np.trace(np.diag(sing) @ d) / max(float((a ** 2).sum() / len(src)), 1e-12))
    out = np.eye(3)
    out[:2, :2] = scale * rot
    out[:2, 2] = mu_d - scale * rot @ mu_s
    return out


@dataclass(frozen=True)
class Picture:
    """One rendered picture: PNG bytes and its size in pixels."""

    png: bytes
    width: int
    height: int


class PictureService:
    """Renders and caches pictures of one workspace (safe to call from worker threads)."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self._cipher = ws.keys.file_cipher()

    # -- public ---------------------------------------------------------------------------

    def face_crop(self, actor: Actor, face_id: int, size: int = 160) -> Picture:
        """The face turned upright, with some context, fitted in size x size pixels.

        Raises:
            NotFoundError: no such face. ImageRejected: its evidence no longer decodes.
        """
        require(actor, Permission.VIEW_RECORDS)
        def render() -> Image.Image:
            with self.ws.uow() as uow:
                face = uow.faces.get(face_id)
                if face is None:
                    raise NotFoundError(f"no face with id {face_id}")
                sha = face.photo.sha256
                left, top, width, height = (face.box_left, face.box_top, face.box_width,
                                            face.box_height)
                rotation = face.rotation
            image = self._upright(sha)
            mx, my = width * FACE_MARGIN, height * FACE_MARGIN
            crop = image.crop((round(max(0, left - mx)), round(max(0, top - my)),
                               round(min(image.width, left + width + mx)),
                               round(min(image.height, top + height + my))))
            if rotation:
                crop = crop.rotate(rotation, expand=True)
            crop.thumbnail((size, size), Image.Resampling.LANCZOS)
            return crop

        return self._cached(f"face:{face_id}:{size}", render)

    def aligned_face(self, actor: Actor, face_id: int, size: int = 320) -> Picture:
        """The face warped so that its five landmarks fall on the common template: two
        faces aligned this way can be laid over each other (size x size pixels).

        Raises:
            NotFoundError: no such face. ImageRejected: its evidence no longer decodes.
        """
        require(actor, Permission.VIEW_RECORDS)

        def render() -> Image.Image:
            with self.ws.uow() as uow:
                face = uow.faces.get(face_id)
                if face is None:
                    raise NotFoundError(f"no face with id {face_id}")
                sha, points = face.photo.sha256, np.asarray(face.landmarks, np.float64)
            image = self._upright(sha)
            inverse = _similarity(TEMPLATE * size, points)  # output pixel -> photo pixel
            return image.transform((size, size), Image.Transform.AFFINE,
                                   tuple(inverse[:2].ravel()), Image.Resampling.BICUBIC)

        return self._cached(f"aligned:{face_id}:{size}", render)

    def mark_crop(self, actor: Actor, mark_id: int, size: int = 200) -> Picture:
        """The region of a mark with some context and its outline drawn, fitted in size x
        size pixels.

        Raises:
            NotFoundError: no such mark, or a mark described without a photo.
            ImageRejected: its evidence no longer decodes.
        """
        require(actor, Permission.VIEW_RECORDS)

        def render() -> Image.Image:
            with self.ws.uow() as uow:
                views = uow.marks.views(mark_ids=[mark_id])
            shape = views[0].shape if views else None
            sha = views[0].photo_sha256 if views else None
            if shape is None or sha is None:
                raise NotFoundError(f"mark {mark_id} has no region on a photo to show")
            image = self._upright(sha)
            x, y, w, h = shape.bounds
            margin = max(w, h) * MARK_MARGIN + 4
            left, top = max(0, round(x - margin)), max(0, round(y - margin))
            right = min(image.width, round(x + w + margin))
            bottom = min(image.height, round(y + h + margin))
            crop = image.crop((left, top, right, bottom))
            pen = ImageDraw.Draw(crop)
            width = max(2, round(max(crop.size) / 150))
            points = [(px - left, py - top) for px, py in shape.points]
            if shape.kind is ShapeKind.ELLIPSE:
                pen.ellipse((x - left, y - top, x + w - left, y + h - top),
                            outline=MARK_OUTLINE, width=width)
            else:
                pen.polygon(points, outline=MARK_OUTLINE, width=width)
            crop.thumbnail((size, size), Image.Resampling.LANCZOS)
            return crop

        return self._cached(f"mark:{mark_id}:{size}:{self._mark_revision(mark_id)}", render)

    def _mark_revision(self, mark_id: int) -> int:
        with self.ws.uow() as uow:
            mark = uow.marks.get(mark_id)
            if mark is None:
                raise NotFoundError(f"no mark with id {mark_id}")
            return mark.revision

    def photo(self, actor: Actor, photo_id: int, max_side: int = 0, blur: bool = False
              ) -> Picture:
        """The whole photo upright, fitted in max_side (0: full size), optionally blurred.

        Raises:
            NotFoundError: no such photo. ImageRejected: its evidence no longer decodes.
        """
        require(actor, Permission.VIEW_RECORDS)
        def render() -> Image.Image:
            with self.ws.uow() as uow:
                photo = uow.photos.get(photo_id)
                if photo is None:
                    raise NotFoundError(f"no photo with id {photo_id}")
                sha = photo.sha256
            image = self._upright(sha)
            if max_side:
                image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
            if blur:
                radius = max(4.0, max(image.size) * BLUR_RADIUS_FRACTION)
                image = image.filter(ImageFilter.GaussianBlur(radius))
            return image

        return self._cached(f"photo:{photo_id}:{max_side}:{int(blur)}", render)

    # -- internals ------------------------------------------------------------------------

    def _cached(self, key: str, render: Callable[[], Image.Image]) -> Picture:
        """The cached picture for key, else render it, cache it and return it."""
        cached = self._load(key)
        return cached if cached is not None else self._store(key, render())

    def _upright(self, sha256: str) -> Image.Image:
        decoded = decode(self.ws.evidence.read(sha256))
        return Image.fromarray(decoded.pixels)

    def _path(self, key: str) -> str:
        name = self.ws.keys.evidence_name(f"cache:{CACHE_VERSION}:{key}")
        return str(self.ws.paths.cache / name[:2] / name)

    def _load(self, key: str) -> Picture | None:
        path = self._path(key)
        try:
            with open(path, "rb") as fh:
                png = self._cipher.open(fh.read(), key.encode())
            with Image.open(io.BytesIO(png)) as img:
                return Picture(png, img.width, img.height)
        except (OSError, AtharError, ValueError):
            return None  # missing or damaged cache entry: render again

    def _store(self, key: str, image: Image.Image) -> Picture:
        buf = io.BytesIO()
        image.save(buf, format="PNG", compress_level=1)
        png = buf.getvalue()
        path = self._path(key)
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            part = f"{os.path.basename(path)}.{os.getpid()}.{threading.get_ident()}.part"
            tmp = str(self.ws.paths.tmp / part)
            with open(tmp, "wb") as fh:
                fh.write(self._cipher.seal(png, key.encode()))
            os.replace(tmp, path)
        except OSError:
            pass  # a cache that cannot be written only costs a re-render
        return Picture(png, image.width, image.height)
