"""Photos, their provenance and analysis records."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from athar.casework.domain.entities import Photo, PhotoAnalysis, Provenance


class PhotoRepository:
    """Photos, their provenance and analysis records."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def by_sha(self, sha256: str) -> Photo | None:
        """The Photo stored under that hash, if any."""
        return self._s.scalars(select(Photo).where(Photo.sha256 == sha256)).first()

    def get(self, photo_id: int) -> Photo | None:
        """A Photo by id."""
        return self._s.get(Photo, photo_id)

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
