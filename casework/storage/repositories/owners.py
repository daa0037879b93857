"""Collections, Bodies, MissingPersons and Submissions."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from athar.casework.domain.entities import (
    Body,
    Candidate,
    Collection,
    Embedding,
    Face,
    MissingPerson,
    Photo,
    Submission,
)
from athar.casework.domain.errors import NotFoundError
from athar.casework.storage.repositories.base import chunks


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

    def unique_person_label(self, wanted: str) -> str:
        """`wanted`, or `wanted #2`, `#3`... when a person already has that label."""
        label, n = wanted, 1
        while self.person_by_label(label) is not None:
            n += 1
            label = f"{wanted} #{n}"
        return label

    def add_person(self, person: MissingPerson) -> MissingPerson:
        """Insert a MissingPerson."""
        self._s.add(person)
        self._s.flush()
        return person

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

    def all_bodies(self) -> list[Body]:
        """Every Body, by id."""
        return list(self._s.scalars(select(Body).order_by(Body.id)))

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
        for chunk in chunks(list(ids)):
            rows = self._s.execute(select(kind.id, kind.label).where(kind.id.in_(chunk)))
            out.update({int(i): str(label) for i, label in rows})
        return out

    def body_labels(self, ids: Iterable[int]) -> dict[int, tuple[str, str]]:
        """Body id -> (label, collection name)."""
        out: dict[int, tuple[str, str]] = {}
        for chunk in chunks(list(ids)):
            rows = self._s.execute(select(Body.id, Body.label, Collection.name)
                                   .join(Collection, Body.collection_id == Collection.id)
                                   .where(Body.id.in_(chunk)))
            out.update({int(i): (str(label), str(name)) for i, label, name in rows})
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
