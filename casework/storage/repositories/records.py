"""Read models of the records: collections, Bodies, photos with their faces, persons,
the overview. Frozen views (never ORM objects), so a screen can hold them on any thread."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from athar.casework.domain.entities import (
    Body,
    Candidate,
    CandidateState,
    Collection,
    Face,
    FaceSource,
    MissingPerson,
    Photo,
    PhotoAnalysis,
    Side,
    Submission,
)
from athar.casework.domain.marks import upright_size
from athar.casework.domain.ports import Box
from athar.casework.domain.text import clean_name, search_key


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
    landmarks: tuple[tuple[float, float], ...] = ()
    """The five landmark points, upright-photo pixels (eye corners, nose base)."""


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
ESTIMATE_FIELDS = ("est_sex", "est_age_min", "est_age_max", "death_date")
"""A Body's forensic estimates (records.estimates)."""


@dataclass(frozen=True)
class BodyDetail:
    """A Body page: its numbers and all its photos."""

    id: int
    label: str
    collection: str
    fields: dict[str, str | None]
    photos: tuple[PhotoView, ...]
    estimates: dict[str, object] | None = None
    """The examiner's estimates: est_sex, est_age_min, est_age_max, death_date."""


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
    """Identifications by state (proposed, confirmed, returned, revoked)."""
    recent: tuple[ActivityView, ...]


@dataclass(frozen=True)
class BodyRecord:
    """One Body as the command line lists it: its numbers and how many photos and faces."""

    id: int
    label: str
    collection: str
    fields: dict[str, str | None]
    photos: int
    faces: int


@dataclass(frozen=True)
class PersonSummary:
    """One missing person as the list shows it; `key` is what the filter matches."""

    id: int
    label: str
    name: str | None
    name_ar: str | None
    sex: str | None
    born: str | None
    photos: int
    faces: int
    key: str


@dataclass(frozen=True)
class PersonDetail:
    """A missing person's record and the family's photos (with their faces)."""

    id: int
    label: str
    fields: dict[str, str | None]
    photos: tuple[PhotoView, ...]


@dataclass(frozen=True)
class SubmissionView:
    """A submission as a given user may see it."""

    submission_id: int
    submitter: str | None
    contact: str | None



PERSON_FIELDS = ("name", "name_ar", "sex", "born", "origin", "arrest_date", "arrest_place",
                 "arresting_branch", "description", "known_marks", "father_name",
                 "mother_name")
NUMBER_FIELDS = ("detainee_no", "branch_no", "forensic_no")


def number_key(value: str) -> str:
    """A Body number as compared: spaces and case ignored."""
    return "".join(clean_name(value).casefold().split())


def _face_view(f: Face) -> FaceView:
    return FaceView(f.id, f.photo_id, Box(f.box_left, f.box_top, f.box_width, f.box_height),
                    f.source, f.rotation, f.det_method, f.det_score, f.size_px, f.is_subject,
                    tuple((float(x), float(y)) for x, y in f.landmarks))


def _upright_size(photo: Photo) -> tuple[int, int]:
    """Width and height as displayed: EXIF orientations 5 to 8 swap the file's own."""
    return upright_size(photo.width, photo.height, photo.exif_orientation)


class RecordRepository:
    """The queries behind the record screens and listings."""

    def __init__(self, session: Session) -> None:
        self._s = session

    @staticmethod
    def person_fields(person: MissingPerson) -> dict[str, str | None]:
        """A person's recorded fields by name (never the submitter's contact)."""
        return {k: getattr(person, k) for k in PERSON_FIELDS}

    @staticmethod
    def body_fields(body: Body) -> dict[str, str | None]:
        """A Body's numbers by name."""
        return {k: getattr(body, k) for k in BODY_FIELDS}

    def collections(self) -> list[CollectionView]:
        """All post-mortem collections with Body and photo counts, by name."""
        s = self._s
        bodies = dict(s.execute(select(Body.collection_id, func.count(Body.id))
                                .group_by(Body.collection_id)).all())
        photos = dict(s.execute(select(Body.collection_id, func.count(Photo.id))
                                .join(Photo, Photo.body_id == Body.id)
                                .group_by(Body.collection_id)).all())
        rows = s.execute(select(Collection.id, Collection.name).order_by(Collection.name))
        return [CollectionView(cid, name, bodies.get(cid, 0), photos.get(cid, 0))
                for cid, name in rows]

    def bodies(self, collection_id: int | None = None) -> list[BodySummary]:
        """Bodies (of one collection, or all) by label, with counts and a cover face.

        Four grouped queries whatever the number of Bodies, so 50,000 stay fast.
        """
        s = self._s
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

    def body_records(self, collection_id: int | None, number: str | None) -> list[BodyRecord]:
        """Bodies with their numbers, by collection and label; `number` keeps those whose
        detainee, branch or forensic number equals it (see `number_key`)."""
        s = self._s
        q = (select(Body, Collection.name).join(Collection, Collection.id == Body.collection_id)
             .order_by(Collection.name, Body.label, Body.id))
        if collection_id is not None:
            q = q.where(Body.collection_id == collection_id)
        wanted = number_key(number) if number else None
        rows = [(b, name) for b, name in s.execute(q).all()
                if wanted is None or wanted in {number_key(getattr(b, k) or "")
                                                for k in NUMBER_FIELDS}]
        ids = [b.id for b, _ in rows]
        photos = dict(s.execute(select(Photo.body_id, func.count(Photo.id))
                                .where(Photo.body_id.in_(ids)).group_by(Photo.body_id)).all())
        faces = dict(s.execute(select(Photo.body_id, func.count(Face.id)).join(Face)
                               .where(Photo.body_id.in_(ids)).group_by(Photo.body_id)).all())
        return [BodyRecord(b.id, b.label, name, {k: getattr(b, k) for k in BODY_FIELDS},
                           photos.get(b.id, 0), faces.get(b.id, 0)) for b, name in rows]

    def photo_views(self, photos: list[Photo], model_id: str) -> tuple[PhotoView, ...]:
        """Photos with their faces (two queries) and whether the model analysed them."""
        ids = [p.id for p in photos]
        faces: dict[int, list[FaceView]] = {}
        for f in self._s.scalars(select(Face).where(Face.photo_id.in_(ids)).order_by(Face.id)):
            faces.setdefault(f.photo_id, []).append(_face_view(f))
        analysed = set(self._s.scalars(select(PhotoAnalysis.photo_id).where(
            PhotoAnalysis.photo_id.in_(ids), PhotoAnalysis.model_id == model_id)))
        return tuple(PhotoView(p.id, p.sha256, *_upright_size(p), p.id in analysed,
                               tuple(faces.get(p.id, ()))) for p in photos)

    def photos_of_body(self, body_id: int) -> list[Photo]:
        """A Body's photos, oldest first."""
        return list(self._s.scalars(select(Photo).where(Photo.body_id == body_id)
                                    .order_by(Photo.id)))

    def photos_of_person(self, person_id: int) -> list[Photo]:
        """A missing person's photos (all submissions), oldest first."""
        return list(self._s.scalars(
            select(Photo).join(Submission, Photo.submission_id == Submission.id)
            .where(Submission.person_id == person_id).order_by(Photo.id)))

    def persons(self) -> list[PersonSummary]:
        """All missing persons by label, with photo and face counts (three queries)."""
        s = self._s
        photos = dict(s.execute(
            select(Submission.person_id, func.count(Photo.id))
            .join(Photo, Photo.submission_id == Submission.id)
            .group_by(Submission.person_id)).all())
        faces = dict(s.execute(
            select(Submission.person_id, func.count(Face.id))
            .join(Photo, Photo.submission_id == Submission.id)
            .join(Face, Face.photo_id == Photo.id)
            .group_by(Submission.person_id)).all())
        people = s.scalars(select(MissingPerson).order_by(MissingPerson.label))
        return [PersonSummary(
            p.id, p.label, p.name, p.name_ar, p.sex, p.born, photos.get(p.id, 0),
            faces.get(p.id, 0), search_key(" ".join(x for x in (p.label, p.name, p.name_ar)
                                                   if x)))
            for p in people]

    def face_counts(self) -> tuple[int, int]:
        """Post-mortem faces, and faces marked by hand (both sides)."""
        pm = self._s.scalar(select(func.count(Face.id)).join(Photo)
                            .where(Photo.side == Side.PM)) or 0
        manual = self._s.scalar(select(func.count(Face.id))
                                .where(Face.source == FaceSource.MANUAL)) or 0
        return int(pm), int(manual)

    def candidates_by_state(self) -> dict[str, int]:
        """How many Candidates are in each review state (every state, zero included)."""
        found = Counter({CandidateState(state).value: n for state, n in self._s.execute(
            select(Candidate.state, func.count(Candidate.id)).group_by(Candidate.state))})
        return {state.value: found.get(state.value, 0) for state in CandidateState}
