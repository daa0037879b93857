"""Manual face marking: a person draws the face the detector missed; it is aligned,
embedded, indexed and marked `manual`.

Disfigured and decomposed faces are exactly the ones a detector misses, so this is a
routine step of post-mortem work, not an exception.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image as PILImage
from sqlalchemy import select

from athar.casework import audit
from athar.casework.accounts import Actor, Permission, require
from athar.casework.context import Workspace
from athar.casework.entities import Face, FaceSource, Photo
from athar.casework.errors import AtharError, InvalidRequest, NotFoundError
from athar.casework.imaging import MAX_FILE_BYTES, decode
from athar.casework.ports import Box, Detection, FacePipeline, Image
from athar.casework.quality import face_size, sharpness, subject_index

MIN_BOX_PX = 16
"""A smaller box holds too few pixels for the landmark model to place five points."""
QUARTER_TURNS = (0, 90, 180, 270)


@dataclass(frozen=True)
class MarkFace:
    """Command: the face in `box` (upright-photo pixels) is the subject's face.

    rotation: quarter turns counter-clockwise that make the face upright (0 when the
    face is upright in the photo as displayed, 90 when it lies on its right side...).
    """

    photo_id: int
    box: Box
    rotation: int = 0


class FaceMarker:
    """Marks faces by hand; holds one model pipeline, loaded on first use."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self._pipeline: FacePipeline | None = None
        self._lock = threading.Lock()

    def _model(self) -> FacePipeline:
        if self._pipeline is None:
            self._pipeline = self.ws.pipeline_factory()
        return self._pipeline

    def detect(self, pixels: Image) -> list[Detection]:
        """Run the workspace model's detector (for previews; nothing is stored)."""
        with self._lock:
            return self._model().detect(pixels)

    def mark(self, cmd: MarkFace, actor: Actor) -> int:
        """Add the face, embed it with the workspace model and make it searchable.

        The photo's earlier subject face (if any) stays stored but leaves the index:
        the person marking it decided which face is the subject's.

        Returns:
            the new Face id.
        Raises:
            PermissionDenied, NotFoundError, InvalidRequest (box outside the photo or
            too small, bad rotation), ImageRejected (the evidence no longer decodes).
        """
        require(actor, Permission.EDIT_RECORDS)
        if cmd.rotation not in QUARTER_TURNS:
            raise InvalidRequest(f"rotation must be one of {QUARTER_TURNS}")
        with self.ws.uow() as uow:
            photo = uow.session.get(Photo, cmd.photo_id)
            if photo is None:
                raise NotFoundError(f"no photo with id {cmd.photo_id}")
            sha, side = photo.sha256, photo.side
        pixels = decode(self.ws.evidence.read(sha)).pixels
        box = _clip(cmd.box, pixels.shape[1], pixels.shape[0])
        with self._lock:  # one pipeline, not re-entrant
            model = self._model()
            detection = model.locate(pixels, box, cmd.rotation)
            vector = np.asarray(model.embed(pixels, [detection])[0], dtype=np.float32)
        info = self.ws.model
        index = self.ws.indexes.get(info, side)
        with self.ws.uow() as uow:
            replaced = list(uow.session.scalars(select(Face).where(
                Face.photo_id == cmd.photo_id, Face.is_subject)))
            for old in replaced:
                old.is_subject = False
            face = uow.faces.add(Face(
                photo_id=cmd.photo_id, box_left=box.left, box_top=box.top,
                box_width=box.width, box_height=box.height,
                landmarks=[list(p) for p in detection.landmarks], det_score=0.0,
                det_method="manual", rotation=cmd.rotation, size_px=face_size(box),
                sharpness=sharpness(pixels, box), source=FaceSource.MANUAL, is_subject=True))
            uow.faces.add_embedding(face.id, info.model_id, vector)
            audit.record(uow.session, actor.username, "face.mark", "photo", cmd.photo_id, {
                "face": face.id, "box": [round(v, 1) for v in
                                         (box.left, box.top, box.width, box.height)],
                "rotation": cmd.rotation, "model_id": info.model_id,
                "replaces_subject": [f.id for f in replaced]})
            uow.commit()
            face_id = face.id
        index.remove([f.id for f in replaced])
        index.add([face_id], vector.reshape(1, -1))
        index.save()
        return face_id


def _clip(box: Box, width: int, height: int) -> Box:
    left, top = max(0.0, box.left), max(0.0, box.top)
    right = min(float(width), box.left + box.width)
    bottom = min(float(height), box.top + box.height)
    if right - left < MIN_BOX_PX or bottom - top < MIN_BOX_PX:
        raise InvalidRequest(
            f"the face box must lie on the photo and be at least {MIN_BOX_PX} pixels wide "
            "and high")
    return Box(left, top, right - left, bottom - top)


@dataclass(frozen=True)
class FacePreview:
    """The faces found in a file about to be added (nothing stored yet)."""

    path: str
    crops: tuple[bytes, ...] = ()
    """PNG face crops, upright, subject first."""
    thumbnail: bytes | None = None
    """The whole photo, upright, fitted in the crop size (PNG)."""
    error: str | None = None
    """Why the file cannot be used (it will be skipped with this reason on import)."""


def preview_faces(marker: FaceMarker, path: Path, size: int = 120) -> FacePreview:
    """Decode a file and run the detector, so the form shows the faces at once."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
        pixels = decode(data).pixels
        detections = marker.detect(pixels)
    except OSError as exc:
        return FacePreview(str(path), error=f"cannot read file: {exc.strerror or exc}")
    except AtharError as exc:
        return FacePreview(str(path), error=str(exc))
    h, w = pixels.shape[:2]
    subject = subject_index([d.box for d in detections], w, h)
    order = sorted(range(len(detections)), key=lambda i: i != subject)
    image = PILImage.fromarray(pixels)
    whole = image.copy()
    whole.thumbnail((size, size))
    buf = io.BytesIO()
    whole.save(buf, format="PNG")
    thumbnail = buf.getvalue()
    crops = []
    for i in order:
        b = detections[i].box
        crop = image.crop((round(max(0, b.left)), round(max(0, b.top)),
                           round(min(w, b.left + b.width)), round(min(h, b.top + b.height))))
        if detections[i].rotation:
            crop = crop.rotate(detections[i].rotation, expand=True)
        crop.thumbnail((size, size))
        buf = io.BytesIO()
        crop.save(buf, format="PNG")
        crops.append(buf.getvalue())
    return FacePreview(str(path), tuple(crops), thumbnail)
