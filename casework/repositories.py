"""Repositories: every query of the core lives here."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from athar.casework.entities import (
    Body,
    Candidate,
    Collection,
    Embedding,
    Face,
    MissingPerson,
    Photo,
    PhotoAnalysis,
    Provenance,
    Side,
    Submission,
)
from athar.casework.errors import NotFoundError
from athar.casework.ports import Vectors


class OwnerRepository:
    """Collections, Bodies, MissingPersons and Submissions."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def collection(self, name: str) -> Collection:
        """The collection of that name, created when new."""
        found = self._s.scalars(select(Collection).where(Collection.name == name)).first()
        if found is None:
            found = Collection(name=name)
            self._s.add(found)
            self._s.flush()
        return found

    def find_collection(self, name: str) -> Collection | None:
        """The collection of that name, if any (nothing is created)."""
        return self._s.scalars(select(Collection).where(Collection.name == name)).first()

    def find_body(self, collection_id: int, label: str) -> Body | None:
        """The Body with that label in the collection, if any (nothing is created)."""
        return self._s.scalars(
            select(Body).where(Body.collection_id == collection_id, Body.label == label)
        ).first()

    def person_for_source(self, source_label: str, source_key: str) -> int | None:
        """The MissingPerson whose submission came from that folder of that import."""
        return self._s.scalars(
            select(Submission.person_id).where(Submission.source_label == source_label,
                                               Submission.source_key == source_key)
            .order_by(Submission.id)
        ).first()

    def body(self, collection_id: int, label: str) -> Body:
        """The Body with that label in the collection, created when new."""
        found = self._s.scalars(
            select(Body).where(Body.collection_id == collection_id, Body.label == label)
        ).first()
        if found is None:
            found = Body(collection_id=collection_id, label=label)
            self._s.add(found)
            self._s.flush()
        return found

    def person_by_label(self, label: str) -> MissingPerson | None:
        """The MissingPerson with that label, if any."""
        return self._s.scalars(select(MissingPerson).where(MissingPerson.label == label)).first()

    def person(self, person_id: int) -> MissingPerson:
        """A MissingPerson by id, or NotFoundError."""
        found = self._s.get(MissingPerson, person_id)
        if found is None:
            raise NotFoundError(f"no missing person with id {person_id}")
        return found

    def get_body(self, body_id: int) -> Body:
        """A Body by id, or NotFoundError."""
        found = self._s.get(Body, body_id)
        if found is None:
            raise NotFoundError(f"no body with id {body_id}")
        return found

    def submission(self, person: MissingPerson, source_label: str,
                   source_key: str | None = None) -> Submission:
        """The person's submission from that source (and folder), created when new."""
        found = self._s.scalars(
            select(Submission).where(
                Submission.person_id == person.id, Submission.source_label == source_label,
                Submission.source_key.is_(None) if source_key is None
                else Submission.source_key == source_key,
            )
        ).first()
        if found is None:
            found = Submission(person_id=person.id, source_label=source_label,
                               source_key=source_key)
            self._s.add(found)
            self._s.flush()
        return found

    def filed_as(self, photo: Photo) -> str:
        """Where a photo is filed, in words: «Body «B» of collection «C»» or a person."""
        if photo.body_id is not None:
            body = self.get_body(photo.body_id)
            return f"Body {body.id} «{body.label}» of collection «{body.collection.name}»"
        if photo.submission_id is not None:
            sub = self._s.get(Submission, photo.submission_id)
            if sub is not None:
                return f"missing person {sub.person_id} «{sub.person.label}»"
        return "no record"

    def owner_of_photo(self, photo: Photo) -> tuple[int | None, int | None]:
        """(Body id, MissingPerson id) the photo is filed under (one of them is None)."""
        if photo.submission_id is None:
            return photo.body_id, None
        sub = self._s.get(Submission, photo.submission_id)
        return None, sub.person_id if sub is not None else None

    def person_ids(self) -> list[int]:
        """Every MissingPerson id, ascending."""
        return list(self._s.scalars(select(MissingPerson.id).order_by(MissingPerson.id)))

    def labels(self, kind: type[Body] | type[MissingPerson], ids: Iterable[int]) -> dict[int, str]:
        """id -> label for Bodies or MissingPersons."""
        out: dict[int, str] = {}
        for chunk in _chunks(list(ids)):
            rows = self._s.execute(select(kind.id, kind.label).where(kind.id.in_(chunk)))
            out.update({int(i): str(label) for i, label in rows})
        return out

    def counts(self) -> dict[str, int]:
        """How many of each entity the workspace holds."""
        def count(model: type[object]) -> int:
            return int(self._s.scalar(select(func.count()).select_from(model)) or 0)

        return {
            "collections": count(Collection),
            "bodies": count(Body),
            "missing_persons": count(MissingPerson),
            "photos": count(Photo),
            "faces": count(Face),
            "embeddings": count(Embedding),
            "candidates": count(Candidate),
        }


class PhotoRepository:
    """Photos, their provenance and analysis records."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def by_sha(self, sha256: str) -> Photo | None:
        """The Photo stored under that hash, if any."""
        return self._s.scalars(select(Photo).where(Photo.sha256 == sha256)).first()

    def add(self, photo: Photo) -> Photo:
        """Insert a Photo."""
        self._s.add(photo)
        self._s.flush()
        return photo

    def add_provenance(self, photo: Photo, path: str, target: str, actor: str) -> bool:
        """Record an import of the photo from a path; False when that path was known."""
        known = self._s.scalars(
            select(Provenance.id).where(
                Provenance.photo_id == photo.id,
                Provenance.original_path == path,
                Provenance.target == target,
            )
        ).first()
        if known is not None:
            return False
        self._s.add(Provenance(photo_id=photo.id, original_path=path, target=target,
                               imported_by=actor))
        self._s.flush()
        return True

    def is_analysed(self, photo_id: int, model_id: str) -> bool:
        """Whether the model has already analysed the photo."""
        return self._s.scalars(
            select(PhotoAnalysis.id).where(
                PhotoAnalysis.photo_id == photo_id, PhotoAnalysis.model_id == model_id
            )
        ).first() is not None

    def mark_analysed(self, photo_id: int, model_id: str, faces: int) -> None:
        """Record that the photo's faces are stored and embedded by the model."""
        self._s.add(PhotoAnalysis(photo_id=photo_id, model_id=model_id, faces_found=faces))

    def done_paths(self, target_prefix: str, model_id: str) -> set[str]:
        """Original paths already imported under a target prefix and analysed by the model."""
        rows = self._s.execute(
            select(Provenance.original_path)
            .join(PhotoAnalysis, PhotoAnalysis.photo_id == Provenance.photo_id)
            .where(Provenance.target.startswith(target_prefix, autoescape=True),
                   PhotoAnalysis.model_id == model_id)
        )
        return {str(p) for (p,) in rows}

    def analysed_hashes(self, model_id: str) -> set[str]:
        """Hashes of every photo the model has analysed."""
        rows = self._s.execute(
            select(Photo.sha256).join(PhotoAnalysis, PhotoAnalysis.photo_id == Photo.id)
            .where(PhotoAnalysis.model_id == model_id)
        )
        return {str(h) for (h,) in rows}

    def all_hashes(self) -> list[str]:
        """Every stored photo hash."""
        return [str(h) for h in self._s.scalars(select(Photo.sha256).order_by(Photo.id))]


CHUNK = 900
"""Ids per IN (...) clause: well under SQLite's bound-parameter limit."""


def _chunks(ids: list[int]) -> list[list[int]]:
    return [ids[i:i + CHUNK] for i in range(0, len(ids), CHUNK)]


def _to_vectors(blobs: Sequence[bytes], dim: int) -> Vectors:
    if not blobs:
        return np.zeros((0, dim), dtype=np.float32)
    return np.frombuffer(b"".join(blobs), dtype=np.float32).reshape(len(blobs), dim).copy()


class FaceRepository:
    """Faces and their embeddings, by side and owner."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def add(self, face: Face) -> Face:
        """Insert a Face."""
        self._s.add(face)
        self._s.flush()
        return face

    def add_embedding(self, face_id: int, model_id: str, vector: Vectors) -> None:
        """Store one (dim,) float32 unit vector of the face."""
        vec = np.ascontiguousarray(vector, dtype=np.float32).ravel()
        self._s.add(Embedding(face_id=face_id, model_id=model_id, dim=int(vec.shape[0]),
                              vector=vec.tobytes()))

    def subject_vectors(self, model_id: str, side: Side, dim: int) -> tuple[list[int], Vectors]:
        """All searchable faces of a side: face ids ascending and (n, dim) float32 vectors."""
        rows = self._s.execute(
            select(Embedding.face_id, Embedding.vector)
            .join(Face, Face.id == Embedding.face_id)
            .join(Photo, Photo.id == Face.photo_id)
            .where(Embedding.model_id == model_id, Photo.side == side, Face.is_subject)
            .order_by(Embedding.face_id)
        ).all()
        return [int(r[0]) for r in rows], _to_vectors([r[1] for r in rows], dim)

    def subject_ids(self, model_id: str, side: Side) -> list[int]:
        """Face ids of all searchable faces of a side (ascending), without their vectors."""
        # EXISTS on (face_id, model_id) is answered from that unique index alone, so the
        # vector blobs (most of the table's pages) are never read or decrypted.
        has_vector = select(Embedding.id).where(Embedding.face_id == Face.id,
                                                Embedding.model_id == model_id).exists()
        rows = self._s.scalars(
            select(Face.id).join(Photo, Photo.id == Face.photo_id)
            .where(Photo.side == side, Face.is_subject, has_vector).order_by(Face.id))
        return [int(r) for r in rows]

    def vectors_of(self, face_ids: list[int], model_id: str, dim: int) -> Vectors:
        """The model's vectors of these faces, in the order given."""
        found: dict[int, bytes] = {}
        for chunk in _chunks(face_ids):
            for face_id, blob in self._s.execute(
                    select(Embedding.face_id, Embedding.vector).where(
                        Embedding.model_id == model_id, Embedding.face_id.in_(chunk))):
                found[int(face_id)] = blob
        return _to_vectors([found[i] for i in face_ids], dim)

    def owner_faces(self, side: Side, owner_ids: Iterable[int], model_id: str, dim: int
                    ) -> tuple[list[int], list[int], Vectors]:
        """Searchable faces of Bodies (PM) or MissingPersons (AM).

        Returns:
            face ids, their owner ids, and (n, dim) float32 vectors, ordered by face id.
        """
        ids = list(owner_ids)
        if not ids:
            return [], [], np.zeros((0, dim), dtype=np.float32)
        owner = self._owner_column(side)
        stmt = (
            select(Face.id, owner, Embedding.vector)
            .join(Embedding, Embedding.face_id == Face.id)
            .join(Photo, Photo.id == Face.photo_id)
            .where(Embedding.model_id == model_id, Face.is_subject, Photo.side == side)
            .order_by(Face.id)
        )
        if side is Side.AM:
            stmt = stmt.join(Submission, Submission.id == Photo.submission_id)
        rows = self._s.execute(stmt.where(owner.in_(ids))).all()
        return ([int(r[0]) for r in rows], [int(r[1]) for r in rows],
                _to_vectors([r[2] for r in rows], dim))

    @staticmethod
    def _owner_column(side: Side):  # type: ignore[no-untyped-def]  # column type varies
        return Photo.body_id if side is Side.PM else Submission.person_id

    def owners_of(self, side: Side, face_ids: Iterable[int]) -> dict[int, int]:
        """face id -> Body id (PM) or MissingPerson id (AM)."""
        owner = self._owner_column(side)
        stmt = select(Face.id, owner).join(Photo, Photo.id == Face.photo_id)
        if side is Side.AM:
            stmt = stmt.join(Submission, Submission.id == Photo.submission_id)
        out: dict[int, int] = {}
        for chunk in _chunks(list(face_ids)):
            rows = self._s.execute(stmt.where(Face.id.in_(chunk)))
            out.update({int(f): int(o) for f, o in rows if o is not None})
        return out

    def model_sides(self) -> list[tuple[str, Side, int]]:
        """Each (model id, side, dim) that has searchable embeddings."""
        rows = self._s.execute(
            select(Embedding.model_id, Photo.side, Embedding.dim)
            .join(Face, Face.id == Embedding.face_id)
            .join(Photo, Photo.id == Face.photo_id)
            .where(Face.is_subject)
            .distinct()
        )
        return [(str(m), Side(s), int(d)) for m, s, d in rows]

    def orphans(self) -> tuple[int, int]:
        """Faces of analysed photos without any embedding, and embeddings without a face."""
        no_vec = self._s.scalar(
            select(func.count()).select_from(Face)
            .where(~Face.embeddings.any())
        ) or 0
        no_face = self._s.scalar(
            select(func.count()).select_from(Embedding)
            .where(~Embedding.face_id.in_(select(Face.id)))
        ) or 0
        return int(no_vec), int(no_face)


class CandidateRepository:
    """Candidates (MissingPerson and Body pairs)."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def for_person(self, person_id: int) -> dict[int, Candidate]:
        """body id -> Candidate of the person."""
        rows = self._s.scalars(select(Candidate).where(Candidate.person_id == person_id))
        return {c.body_id: c for c in rows}

    def for_body(self, body_id: int) -> dict[int, Candidate]:
        """person id -> Candidate of the body."""
        rows = self._s.scalars(select(Candidate).where(Candidate.body_id == body_id))
        return {c.person_id: c for c in rows}

    def add(self, candidate: Candidate) -> None:
        """Insert a Candidate."""
        self._s.add(candidate)
