"""Choosing a photo's subject by hand: of the faces the detector found in a photo with
several people, the one a person says is the missing person (or the Body). Only the
subject is searched; the others stay stored.
"""

from __future__ import annotations

from dataclasses import dataclass

from athar.casework.domain.commands import Command
from athar.casework.domain.entities import Side
from athar.casework.domain.errors import InvalidRequest, NotFoundError
from athar.casework.domain.events import AuditAction
from athar.casework.domain.permissions import Actor, Permission, require
from athar.casework.storage.uow import UnitOfWork, execute
from athar.casework.storage.workspace import Workspace


@dataclass(frozen=True)
class ChooseSubject(Command[int]):
    """Command: this face, already found on its photo, is the photo's subject."""

    face_id: int


def handle_choose_subject(cmd: ChooseSubject, uow: UnitOfWork, actor: Actor) -> int:
    """Make the face its photo's subject; the earlier subject stays stored but leaves the
    index. Candidates change at the next search.

    Returns:
        the photo's id.
    Raises:
        PermissionDenied, NotFoundError (no such face), InvalidRequest (already the
        subject, or no vector of the workspace's model).
    """
    require(actor, Permission.EDIT_RECORDS)
    face = uow.faces.get(cmd.face_id)
    if face is None:
        raise NotFoundError(f"no face with id {cmd.face_id} (athar photos lists a record's "
                            "photos; athar faces their faces)")
    photo_id, side = face.photo_id, Side(face.photo.side)
    if face.is_subject:
        raise InvalidRequest(f"face {face.id} is already the subject of photo {photo_id}")
    model = uow.ws.model
    try:
        vectors = uow.faces.vectors_of([face.id], model.model_id, model.dim)
    except KeyError:
        raise InvalidRequest(f"face {face.id} has no vector of the workspace's model "
                             f"{model.model_id}: it cannot be searched") from None
    replaced = uow.faces.subjects_of_photo(photo_id)
    for old in replaced:
        old.is_subject = False
    face.is_subject = True
    uow.record(AuditAction.FACE_SUBJECT, "photo", photo_id, {
        "face": face.id, "replaces_subject": [f.id for f in replaced]})
    uow.commit()
    index = uow.ws.indexes.get(model, side)
    index.remove([f.id for f in replaced])
    index.add([face.id], vectors.reshape(1, -1))
    index.save()
    return photo_id


def choose_subject(ws: Workspace, face_id: int, actor: Actor) -> int:
    """Choose a photo's subject in its own unit of work (see `handle_choose_subject`)."""
    return execute(ws, handle_choose_subject, ChooseSubject(face_id), actor)
