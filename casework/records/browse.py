"""The records as the screens and the command line read them (collections, Bodies, a
Body's page, the overview, recent activity) and the edit of a Body's numbers.

Each read checks the caller and returns frozen views from the repositories (never ORM
objects), so a view can hold them on any thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from athar.casework.domain.commands import Command
from athar.casework.domain.errors import InvalidRequest, NotFoundError
from athar.casework.domain.events import AuditAction
from athar.casework.domain.permissions import Actor, Permission, require
from athar.casework.domain.text import clean_name
from athar.casework.storage.repositories.audit import AuditFilter
from athar.casework.storage.repositories.records import (
    BODY_FIELDS,
    ESTIMATE_FIELDS,
    ActivityView,
    BodyDetail,
    BodyRecord,
    BodySummary,
    CollectionView,
    FaceView,
    Overview,
    PhotoView,
)
from athar.casework.storage.uow import UnitOfWork, execute
from athar.casework.storage.workspace import Workspace

__all__ = ["BODY_FIELDS", "ActivityView", "AuditFilter", "BodyDetail", "BodyRecord", "BodySummary",
           "CollectionView", "FaceView", "Overview", "PhotoListing", "PhotoView", "UpdateBody",
           "bodies", "photo_list",
           "body_detail", "collections", "find_bodies", "handle_update_body", "overview",
           "recent_activity", "update_body"]


def collections(ws: Workspace, actor: Actor) -> list[CollectionView]:
    """All post-mortem collections with Body and photo counts, by name."""
    require(actor, Permission.VIEW_RECORDS)
    with ws.uow() as uow:
        return uow.records.collections()


def bodies(ws: Workspace, actor: Actor, collection_id: int | None = None) -> list[BodySummary]:
    """Bodies (of one collection, or all) by label, with counts and a cover face."""
    require(actor, Permission.VIEW_RECORDS)
    with ws.uow() as uow:
        return uow.records.bodies(collection_id)


def find_bodies(ws: Workspace, actor: Actor, collection: str | None = None,
                number: str | None = None) -> list[BodyRecord]:
    """Bodies by collection and label; `number` keeps those whose detainee, branch or
    forensic number equals it (spaces and case ignored).

    Raises:
        NotFoundError: no collection of that name.
    """
    require(actor, Permission.VIEW_RECORDS)
    with ws.uow() as uow:
        collection_id = None
        if collection is not None:
            found = uow.owners.find_collection(collection)
            if found is None:
                raise NotFoundError(f"no collection named «{collection}»")
            collection_id = found.id
        return uow.records.body_records(collection_id, number)


def body_detail(ws: Workspace, actor: Actor, body_id: int) -> BodyDetail:
    """A Body with its numbers, photos and faces.

    Raises:
        NotFoundError: no such Body.
    """
    require(actor, Permission.VIEW_RECORDS)
    with ws.uow() as uow:
        body = uow.owners.get_body(body_id)
        photos = uow.records.photos_of_body(body_id)
        return BodyDetail(body.id, body.label, body.collection.name,
                          {k: getattr(body, k) for k in BODY_FIELDS},
                          uow.records.photo_views(photos, ws.model.model_id),
                          {k: getattr(body, k) for k in ESTIMATE_FIELDS})


@dataclass(frozen=True)
class PhotoListing:
    """One photo of a record, as `athar photos` lists it."""

    id: int
    sha256: str
    side: str
    width: int
    height: int
    """Upright size, the frame of face boxes and mark regions."""
    faces: int
    marks: int
    """Marks drawn on it (withdrawn ones not counted)."""
    files: tuple[str, ...]
    """The paths it was imported from."""
    face_views: tuple[FaceView, ...] = ()
    """Its faces (the subject is the one searched)."""


def photo_list(ws: Workspace, actor: Actor, *, body_id: int | None = None,
               person_id: int | None = None) -> list[PhotoListing]:
    """A Body's or a missing person's photos with their ids and SHA-256s.

    Raises:
        NotFoundError: no such Body or person. InvalidRequest: not exactly one given.
    """
    require(actor, Permission.VIEW_RECORDS)
    if (body_id is None) == (person_id is None):
        raise InvalidRequest("name a Body (--body ID) or a missing person (--person ID)")
    with ws.uow() as uow:
        if body_id is not None:
            uow.owners.get_body(body_id)
            photos = uow.records.photos_of_body(body_id)
        else:
            assert person_id is not None
            uow.owners.person(person_id)
            photos = uow.records.photos_of_person(person_id)
        views = uow.records.photo_views(photos, ws.model.model_id)
        marks: dict[int, int] = {}
        for m in uow.marks.views(photo_ids=[p.id for p in photos], include_withdrawn=False):
            marks[m.photo_id or 0] = marks.get(m.photo_id or 0, 0) + 1
        return [PhotoListing(v.id, v.sha256, p.side, v.width, v.height, len(v.faces),
                             marks.get(v.id, 0),
                             tuple(sorted({pr.original_path for pr in p.provenance})),
                             v.faces)
                for p, v in zip(photos, views, strict=True)]


@dataclass(frozen=True)
class UpdateBody(Command[dict[str, list[str | None]]]):
    """Command: change some of a Body's numbers (None leaves a field as it is)."""

    body_id: int
    changes: dict[str, str]


MAX_FIELD = 100


def handle_update_body(cmd: UpdateBody, uow: UnitOfWork, actor: Actor
                       ) -> dict[str, list[str | None]]:
    """Apply the edits; returns {field: [old, new]} for what really changed (audited).

    Raises:
        PermissionDenied: the actor may not edit records.
        InvalidRequest: unknown field, or a value too long.
        NotFound: no such Body.
    """
    require(actor, Permission.EDIT_RECORDS)
    for key, value in cmd.changes.items():
        if key not in BODY_FIELDS:
            raise InvalidRequest(f"{key}: not an editable field of a Body")
        if len(value) > MAX_FIELD:
            raise InvalidRequest(f"{key}: longer than {MAX_FIELD} characters")
    body = uow.owners.get_body(cmd.body_id)
    changed: dict[str, list[str | None]] = {}
    for key, raw in cmd.changes.items():
        new = clean_name(raw) or None
        old = getattr(body, key)
        if new != old:
            setattr(body, key, new)
            changed[key] = [old, new]
    if changed:
        uow.record(AuditAction.BODY_EDIT, "body", body.id,
                   {"label": body.label, "changes": changed})
        uow.commit()
    return changed


def update_body(ws: Workspace, cmd: UpdateBody, actor: Actor) -> dict[str, list[str | None]]:
    """Edit a Body's numbers in their own unit of work (see `handle_update_body`)."""
    return execute(ws, handle_update_body, cmd, actor)


def recent_activity(ws: Workspace, actor: Actor, limit: int = 50, before: int | None = None,
                    where: AuditFilter | None = None) -> list[ActivityView]:
    """The latest audit events, newest first (`before`: only events with a smaller seq;
    `where`: only those by a user, of an action, about an object, between two days)."""
    require(actor, Permission.VIEW_RECORDS)
    with ws.uow() as uow:
        return [ActivityView(e.seq, e.at, e.actor, e.action, e.object_type, e.object_id)
                for e in uow.audit.newest(limit, before, where)]


def overview(ws: Workspace, actor: Actor, recent: int = 12) -> Overview:
    """Counts of everything, candidates by review state, and the latest activity."""
    require(actor, Permission.VIEW_RECORDS)
    with ws.uow() as uow:
        counts = uow.owners.counts()
        counts["pm_faces"], counts["manual_faces"] = uow.records.face_counts()
        states = uow.records.candidates_by_state()
        identified = uow.reviews.counts_by_state()
    return Overview(counts, states, identified, tuple(recent_activity(ws, actor, recent)))
