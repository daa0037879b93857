"""Faces and their embeddings, by side and owner."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from athar.casework.domain.entities import Embedding, Face, FaceSource, Photo, Side, Submission
from athar.casework.domain.ports import Detection, Vectors
from athar.casework.storage.repositories.base import chunks, to_vectors


class FaceRepository:
    """Faces and their embeddings, by side and owner."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def add(self, face: Face) -> Face:
        """Insert a Face."""
        self._s.add(face)
        self._s.flush()
        return face

    def add_detection(self, photo_id: int, detection: Detection, *, size_px: float,
                      sharpness: float, source: FaceSource, is_subject: bool) -> Face:
        """Insert the Face a detector found (or a person drew) on a photo."""
        box = detection.box
        return self.add(Face(
            photo_id=photo_id, box_left=box.left, box_top=box.top, box_width=box.width,
            box_height=box.height, landmarks=[list(p) for p in detection.landmarks],
            det_score=detection.score, det_method=detection.method,
            rotation=detection.rotation, size_px=size_px, sharpness=sharpness,
            source=source, is_subject=is_subject))

    def photos_of(self, face_ids: Iterable[int]) -> dict[int, tuple[int, str]]:
        """face id -> (photo id, the photo's SHA-256)."""
        out: dict[int, tuple[int, str]] = {}
        for chunk in chunks(list(face_ids)):
            rows = self._s.execute(select(Face.id, Photo.id, Photo.sha256)
                                   .join(Photo, Photo.id == Face.photo_id)
                                   .where(Face.id.in_(chunk)))
            out.update({int(f): (int(p), str(h)) for f, p, h in rows})
        return out

    def get(self, face_id: int) -> Face | None:
        """A Face by id."""
        return self._s.get(Face, face_id)

    def subjects_of_photo(self, photo_id: int) -> list[Face]:
        """The photo's face(s) currently marked as its subject."""
        return list(self._s.scalars(select(Face).where(Face.photo_id == photo_id,
                                                       Face.is_subject)))

    def missing_embeddings(self, model_id: str) -> list[tuple[Face, str]]:
        """Every face (subject or not) without a vector of the model, with its photo's
        SHA-256, ordered by photo then face."""
        has_vector = select(Embedding.id).where(Embedding.face_id == Face.id,
                                                Embedding.model_id == model_id).exists()
        rows = self._s.execute(select(Face, Photo.sha256).join(Photo, Photo.id == Face.photo_id)
                               .where(~has_vector).order_by(Face.photo_id, Face.id)).all()
        return [(r[0], str(r[1])) for r in rows]

    def count_embeddings(self, model_id: str) -> tuple[int, int]:
        """(faces with a vector of the model, all faces)."""
        done = self._s.scalar(select(func.count(Embedding.id))
                              .where(Embedding.model_id == model_id)) or 0
        total = self._s.scalar(select(func.count(Face.id))) or 0
        return int(done), int(total)

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
        return [int(r[0]) for r in rows], to_vectors([r[1] for r in rows], dim)

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
        for chunk in chunks(face_ids):
            for face_id, blob in self._s.execute(
                    select(Embedding.face_id, Embedding.vector).where(
                        Embedding.model_id == model_id, Embedding.face_id.in_(chunk))):
                found[int(face_id)] = blob
        return to_vectors([found[i] for i in face_ids], dim)

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
                to_vectors([r[2] for r in rows], dim))

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
        for chunk in chunks(list(face_ids)):
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
