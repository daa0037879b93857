"""Read models for the desktop screens: collections, Bodies, photos and faces, overview.

Each function opens its own unit of work, checks the caller, and returns frozen
dataclasses (never ORM objects), so a view can hold them on any thread.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, select

from athar.casework import audit
from athar.casework.accounts import Actor, Permission, require
from athar.casework.context import Workspace
from athar.casework.entities import (
    AuditEvent,
    Body,
    Candidate,
    CandidateState,
    Collection,
    Face,
    FaceSource,
    Photo,
    PhotoAnalysis,
    Side,
)
from athar.casework.errors import InvalidRequest, NotFoundError
from athar.casework.ports import Box
from athar.casework.text import clean_name


@dataclass(frozen=True)
class CollectionView:
    """One post-mortem collection and its size."""

    id: int
    name: str
    bodies: int
    photos: int


@dataclass(frozen=True)
class BodySummary:
    """One Body as a grid cell shows it."""

    id: int
    label: str
    collection_id: int
    photos: int
    faces: int
    cover_face_id: int | None
    """The face shown as the Body's thumbnail (the sharpest subject face), if any."""
    cover_photo_id: int | None


@dataclass(frozen=True)
class FaceView:
    """A face region of a photo (upright-image pixel coordinates)."""

    id: int
    photo_id: int
    box: Box
    source: FaceSource
    rotation: int
    method: str
    score: float
    size_px: float
    is_subject: bool


@dataclass(frozen=True)
class PhotoView:
    """One photo of a Body or of a missing person, with its faces."""

    id: int
    sha256: str
    width: int
    height: int
    """Upright size in pixels (EXIF orientation applied), the frame of the face boxes."""
    analysed: bool
    faces: tuple[FaceView, ...]


BODY_FIELDS = ("detainee_no", "branch_no", "forensic_no", "photo_date")
"""The Body numbers a person may edit (each edit audited)."""


@dataclass(frozen=True)
class BodyDetail:
    """A Body page: its numbers and all its photos."""

    id: int
    label: str
    collection: str
    fields: dict[str, str | None]
    photos: tuple[PhotoView, ...]


@dataclass(frozen=True)
class ActivityView:
    """One audit event as the activity list shows it."""

    seq: int
    at: str
    actor: str
    action: str
    object_type: str
    object_id: str


@dataclass(frozen=True)
class Overview:
    """The workspace at a glance."""

    counts: dict[str, int]
    candidates_by_state: dict[str, int]
    identifications_by_state: dict[str, int]
    """Candidates a reviewer proposed as identifications; supervisor sign-off comes later."""
    recent: tuple[ActivityView, ...]


def collections(ws: Workspace, actor: Actor) -> list[CollectionView]:
    """All post-mortem collections with Body and photo counts, by name."""
    require(actor, Permission.VIEW_RECORDS)
    with ws.uow() as uow:
        s = uow.session
        bodies = dict(s.execute(select(Body.collection_id, func.count(Body.id))
                                .group_by(Body.collection_id)).all())
        photos = dict(s.execute(select(Body.collection_id, func.count(Photo.id))
                                .join(Photo, Photo.body_id == Body.id)
                                .group_by(Body.collection_id)).all())
        rows = s.execute(select(Collection.id, Collection.name).order_by(Collection.name))
        return [CollectionView(cid, name, bodies.get(cid, 0), photos.get(cid, 0))
                for cid, name in rows]


def bodies(ws: Workspace, actor: Actor, collection_id: int | None = None) -> list[BodySummary]:
    """Bodies (of one collection, or all) by label, with counts and a cover face.

    Four grouped queries whatever the number of Bodies, so 50,000 stay fast.
    """
    require(actor, Permission.VIEW_RECORDS)
    with ws.uow() as uow:
        s = uow.session
        body_q = select(Body.id, Body.label, Body.collection_id).order_by(Body.label, Body.id)
        photo_q = select(Photo.body_id, func.count(Photo.id), func.min(Photo.id)).where(
            Photo.body_id.is_not(None)).group_by(Photo.body_id)
        face_q = select(Photo.body_id, func.count(Face.id)).join(Face).where(
            Photo.body_id.is_not(None)).group_by(Photo.body_id)
        cover_q = (select(Photo.body_id, Face.id, Face.photo_id, Face.sharpness * Face.size_px)
                   .join(Face).where(Photo.body_id.is_not(None), Face.is_subject))
        if collection_id is not None:
            body_q = body_q.where(Body.collection_id == collection_id)
            in_collection = select(Body.id).where(Body.collection_id == collection_id)
            photo_q = photo_q.where(Photo.body_id.in_(in_collection))
            face_q = face_q.where(Photo.body_id.in_(in_collection))
            cover_q = cover_q.where(Photo.body_id.in_(in_collection))
        photos = {bid: (n, first) for bid, n, first in s.execute(photo_q)}
        faces = dict(s.execute(face_q).all())
        cover: dict[int, tuple[float, int, int]] = {}
        for bid, fid, pid, quality in s.execute(cover_q):
            if bid is None:  # excluded by the query; narrows the type
                continue
            best = cover.get(bid)
            if best is None or (quality or 0.0) > best[0]:
                cover[bid] = (quality or 0.0, fid, pid)
        out = []
        for bid, label, cid in s.execute(body_q):
            n_photos, first_photo = photos.get(bid, (0, None))
            face = cover.get(bid)
            out.append(BodySummary(bid, label, cid, n_photos, faces.get(bid, 0),
                                   face[1] if face else None,
                                   face[2] if face else first_photo))
        return out


@dataclass(frozen=True)
class BodyRecord:
    """One Body as the command line lists it: its numbers and how many photos and faces."""

    id: int
    label: str
    collection: str
    fields: dict[str, str | None]
    photos: int
    faces: int


def find_bodies(ws: Workspace, actor: Actor, collection: str | None = None,
                number: str | None = None) -> list[BodyRecord]:
    """Bodies by collection and label; `number` keeps those whose detainee, branch or
    forensic number equals it (spaces and case ignored).

    Raises:
        NotFoundError: no collection of that name.
    """
    require(actor, Permission.VIEW_RECORDS)
    with ws.uow() as uow:
        s = uow.session
        q = (select(Body, Collection.name).join(Collection, Collection.id == Body.collection_id)
             .order_by(Collection.name, Body.label, Body.id))
        if collection is not None:
            found = uow.owners.find_collection(collection)
            if found is None:
                raise NotFoundError(f"no collection named «{collection}»")
            q = q.where(Body.collection_id == found.id)
        wanted = _number_key(number) if number else None
        rows = [(b, name) for b, name in s.execute(q).all()
                if wanted is None or wanted in {_number_key(getattr(b, k) or "")
                                                for k in ("detainee_no", "branch_no",
                                                          "forensic_no")}]
        ids = [b.id for b, _ in rows]
        photos = dict(s.execute(select(Photo.body_id, func.count(Photo.id))
                                .where(Photo.body_id.in_(ids)).group_by(Photo.body_id)).all())
        faces = dict(s.execute(select(Photo.body_id, func.count(Face.id)).join(Face)
                               .where(Photo.body_id.in_(ids)).group_by(Photo.body_id)).all())
        return [BodyRecord(b.id, b.label, name, {k: getattr(b, k) for k in BODY_FIELDS},
                           photos.get(b.id, 0), faces.get(b.id, 0)) for b, name in rows]


def _number_key(value: str) -> str:
    return "".join(clean_name(value).casefold().split())


def _face_view(f: Face) -> FaceView:
    return FaceView(f.id, f.photo_id, Box(f.box_left, f.box_top, f.box_width, f.box_height),
                    f.source, f.rotation, f.det_method, f.det_score, f.size_px, f.is_subject)


def photo_views(ws: Workspace, photos: list[Photo]) -> tuple[PhotoView, ...]:
    """Photos with their faces (loaded in two queries) and whether the model analysed them."""
    with ws.uow() as uow:
        ids = [p.id for p in photos]
        faces: dict[int, list[FaceView]] = {}
        for f in uow.session.scalars(select(Face).where(Face.photo_id.in_(ids))
                                     .order_by(Face.id)):
            faces.setdefault(f.photo_id, []).append(_face_view(f))
        analysed = set(uow.session.scalars(select(PhotoAnalysis.photo_id).where(
            PhotoAnalysis.photo_id.in_(ids), PhotoAnalysis.model_id == ws.model.model_id)))
    return tuple(PhotoView(p.id, p.sha256, *_upright_size(p), p.id in analysed,
                           tuple(faces.get(p.id, ()))) for p in photos)


def _upright_size(photo: Photo) -> tuple[int, int]:
    """Width and height as displayed: EXIF orientations 5 to 8 swap the file's own."""
    if photo.exif_orientation in (5, 6, 7, 8):
        return photo.height, photo.width
    return photo.width, photo.height


def body_detail(ws: Workspace, actor: Actor, body_id: int) -> BodyDetail:
    """A Body with its numbers, photos and faces.

    Raises:
        NotFound: no such Body.
    """
    require(actor, Permission.VIEW_RECORDS)
    with ws.uow() as uow:
        body = uow.owners.get_body(body_id)
        photos = list(uow.session.scalars(select(Photo).where(Photo.body_id == body_id)
                                          .order_by(Photo.id)))
        detail = (body.id, body.label, body.collection.name,
                  {k: getattr(body, k) for k in BODY_FIELDS})
    return BodyDetail(*detail, photo_views(ws, photos))


@dataclass(frozen=True)
class UpdateBody:
    """Command: change some of a Body's numbers (None leaves a field as it is)."""

    body_id: int
    changes: dict[str, str]


MAX_FIELD = 100


def update_body(ws: Workspace, cmd: UpdateBody, actor: Actor) -> dict[str, list[str | None]]:
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
    with ws.uow() as uow:
        body = uow.owners.get_body(cmd.body_id)
        changed: dict[str, list[str | None]] = {}
        for key, raw in cmd.changes.items():
            new = clean_name(raw) or None
            old = getattr(body, key)
            if new != old:
                setattr(body, key, new)
                changed[key] = [old, new]
        if changed:
            audit.record(uow.session, actor.username, "body.edit", "body", body.id,
                         {"label": body.label, "changes": changed})
            uow.commit()
        return changed


def recent_activity(ws: Workspace, actor: Actor, limit: int = 50, before: int | None = None
                    ) -> list[ActivityView]:
    """The latest audit events, newest first (`before`: only events with a smaller seq)."""
    require(actor, Permission.VIEW_RECORDS)
    with ws.uow() as uow:
        q = select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(limit)
        if before is not None:
            q = q.where(AuditEvent.seq < before)
        return [ActivityView(e.seq, e.at, e.actor, e.action, e.object_type, e.object_id)
                for e in uow.session.scalars(q)]


def overview(ws: Workspace, actor: Actor, recent: int = 12) -> Overview:
    """Counts of everything, candidates by review state, and the latest activity."""
    require(actor, Permission.VIEW_RECORDS)
    with ws.uow() as uow:
        counts = uow.owners.counts()
        s = uow.session
        counts["pm_faces"] = int(s.scalar(
            select(func.count(Face.id)).join(Photo).where(Photo.side == Side.PM)) or 0)
        counts["manual_faces"] = int(s.scalar(
            select(func.count(Face.id)).where(Face.source == FaceSource.MANUAL)) or 0)
        by_state = Counter({CandidateState(state).value: n for state, n in s.execute(
            select(Candidate.state, func.count(Candidate.id)).group_by(Candidate.state)
        )})
    states = {state.value: by_state.get(state.value, 0) for state in CandidateState}
    return Overview(counts, states,
                    {"proposed": states[CandidateState.PROPOSED.value]},
                    tuple(recent_activity(ws, actor, recent)))
