"""Manual face marking: a person draws the face the detector missed; it is aligned,
embedded, indexed and marked `manual`.

Disfigured and decomposed faces are exactly the ones a detector misses, so this is a
routine step of post-mortem work, not an exception.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image as PILImage

from athar.casework.domain.commands import Command
from athar.casework.domain.entities import FaceSource
from athar.casework.domain.errors import AtharError, InvalidRequest, NotFoundError
from athar.casework.domain.events import AuditAction
from athar.casework.domain.imaging import MAX_FILE_BYTES, decode
from athar.casework.domain.permissions import Actor, Permission, require
from athar.casework.domain.ports import Box, Detection
from athar.casework.domain.quality import face_size, sharpness, subject_index
from athar.casework.storage.uow import UnitOfWork, execute
from athar.casework.storage.workspace import Workspace

MIN_BOX_PX = 16
"""A smaller box holds too few pixels for the landmark model to place five points."""
QUARTER_TURNS = (0, 90, 180, 270)


@dataclass(frozen=True)
class MarkFace(Command[int]):
    """Command: the face in `box` (upright-photo pixels) is the subject's face.

    rotation: quarter turns counter-clockwise that make the face upright (0 when the
    face is upright in the photo as displayed, 90 when it lies on its right side...).
    """

    photo_id: int
    box: Box
    rotation: int = 0


def handle_mark_face(cmd: MarkFace, uow: UnitOfWork, actor: Actor) -> int:
    """Add the face, embed it with the workspace model and make it searchable.

    The photo's earlier subject face (if any) stays stored but leaves the index: the
    person marking it decided which face is the subject's.

    Returns:
        the new Face id.
    Raises:
        PermissionDenied, NotFoundError, InvalidRequest (box outside the photo or too
        small, bad rotation), ImageRejected (the evidence no longer decodes).
    """
    require(actor, Permission.EDIT_RECORDS)
    if cmd.rotation not in QUARTER_TURNS:
        raise InvalidRequest(f"rotation must be one of {QUARTER_TURNS}")
    ws = uow.ws
    photo = uow.photos.get(cmd.photo_id)
    if photo is None:
        raise NotFoundError(f"no photo with id {cmd.photo_id}")
    sha, side = photo.sha256, photo.side
    uow.release()  # decoding and the model take a while: hold no database lock meanwhile
    pixels = decode(ws.evidence.read(sha)).pixels
    box = _clip(cmd.box, pixels.shape[1], pixels.shape[0])
    with ws.face_model() as model:
        detection = model.locate(pixels, box, cmd.rotation)
        vector = np.asarray(model.embed(pixels, [detection])[0], dtype=np.float32)
    manual = Detection(box, detection.landmarks, 0.0, cmd.rotation, "manual")
    replaced = uow.faces.subjects_of_photo(cmd.photo_id)
    for old in replaced:
        old.is_subject = False
    face = uow.faces.add_detection(cmd.photo_id, manual, size_px=face_size(box),
                                   sharpness=sharpness(pixels, box),
                                   source=FaceSource.MANUAL, is_subject=True)
    uow.faces.add_embedding(face.id, ws.model.model_id, vector)
    uow.record(AuditAction.FACE_MARK, "photo", cmd.photo_id, {
        "face": face.id, "box": [round(v, 1) for v in (box.left, box.top, box.width,
                                                        box.height)],
        "rotation": cmd.rotation, "model_id": ws.model.model_id,
        "replaces_subject": [f.id for f in replaced]})
    uow.commit()
    index = ws.indexes.get(ws.model, side)
    index.remove([f.id for f in replaced])
    index.add([face.id], vector.reshape(1, -1))
    index.save()
    return face.id


def mark_face(ws: Workspace, cmd: MarkFace, actor: Actor) -> int:
    """Mark a face in its own unit of work (see `handle_mark_face`)."""
    return execute(ws, handle_mark_face, cmd, actor)


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


def preview_faces(ws: Workspace, actor: Actor, path: Path, size: int = 120) -> FacePreview:
    """Decode a file and run the detector, so the form shows the faces at once (nothing is
    stored)."""
    require(actor, Permission.ADD_PERSON)
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
        pixels = decode(data).pixels
        with ws.face_model() as model:
            detections = model.detect(pixels)
    except OSError as exc:
        return FacePreview(str(path), error=f"cannot read file: {exc.strerror or exc}")
    except AtharError as exc:
        return FacePreview(str(path), error=str(exc))
    h, w = pixels.shape[:2]
    subject = subject_index([d.box for d in detections], w, h, [d.score for d in detections])
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
