"""Distinctive marks, their history and the links between them; their read models."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from athar.casework.domain.entities import (
    Body,
    Mark,
    MarkLink,
    MarkRevision,
    MissingPerson,
    Photo,
    Side,
    Submission,
)
from athar.casework.domain.marks import Shape, ShapeKind


@dataclass(frozen=True)
class MarkView:
    """One mark as the screens and the command line show it."""

    id: int
    side: Side
    photo_id: int | None
    """None for a mark a family described without a photo."""
    photo_sha256: str | None
    body_id: int | None
    person_id: int | None
    owner_label: str
    shape: Shape | None
    category: str
    location: str
    description: str | None
    family_words: str | None
    created_by: str
    created_at: datetime
    revision: int
    updated_by: str | None
    updated_at: datetime | None
    withdrawn_by: str | None
    withdrawn_at: datetime | None
    withdraw_reason: str | None

    @property
    def withdrawn(self) -> bool:
        """Whether the mark was withdrawn (it stays visible with its reason)."""
        return self.withdrawn_at is not None


@dataclass(frozen=True)
class LinkView:
    """An examiner's link between an ante-mortem and a post-mortem mark."""

    id: int
    am_mark_id: int
    pm_mark_id: int
    relation: str
    note: str
    author: str
    created_at: datetime
    supersedes_id: int | None
    current: bool
    """False once a later link of the same pair superseded it."""


@dataclass(frozen=True)
class RevisionView:
    """One step of a mark's history."""

    revision: int
    action: str
    values: dict[str, object]
    changes: dict[str, object]
    actor: str
    at: datetime
    reason: str | None


def mark_values(mark: Mark) -> dict[str, object]:
    """What a mark says, as stored in its history and its audit events."""
    return {"category": mark.category, "location": mark.location,
            "description": mark.description, "family_words": mark.family_words,
            "shape": None if mark.shape_kind is None else
            Shape(ShapeKind(mark.shape_kind), tuple(mark.shape or ())).text()}


class MarkRepository:
    """Marks are never deleted; their history and their links are append-only."""

    def __init__(self, session: Session) -> None:
        self._s = session

    # -- marks --------------------------------------------------------------------------

    def add(self, mark: Mark) -> Mark:
        """Insert a mark."""
        self._s.add(mark)
        self._s.flush()
        return mark

    def get(self, mark_id: int) -> Mark | None:
        """A mark by id."""
        return self._s.get(Mark, mark_id)

    def add_revision(self, revision: MarkRevision) -> None:
        """Append a step to a mark's history."""
        self._s.add(revision)
        self._s.flush()

    def revisions(self, mark_id: int) -> list[RevisionView]:
        """A mark's history, oldest first."""
        rows = self._s.scalars(select(MarkRevision).where(MarkRevision.mark_id == mark_id)
                               .order_by(MarkRevision.id))
        return [RevisionView(r.revision, r.action, dict(r.values), dict(r.changes), r.actor,
                             r.at, r.reason) for r in rows]

    def views(self, *, photo_ids: Iterable[int] | None = None, body_id: int | None = None,
              person_id: int | None = None, mark_ids: Iterable[int] | None = None,
              body_ids: Iterable[int] | None = None,
              side: Side | None = None, include_withdrawn: bool = True) -> list[MarkView]:
        """Marks with their owner, oldest first: of photos, of a Body's photos, of a
        person (their photos' marks and the described ones), of Bodies, by id, or of one
        side."""
        q = (select(Mark, Photo, Submission.person_id, Body.label, MissingPerson.label)
             .outerjoin(Photo, Mark.photo_id == Photo.id)
             .outerjoin(Body, Photo.body_id == Body.id)
             .outerjoin(Submission, Photo.submission_id == Submission.id)
             .outerjoin(MissingPerson, MissingPerson.id.in_(
                 [Mark.person_id, Submission.person_id])))
        if photo_ids is not None:
            q = q.where(Mark.photo_id.in_(list(photo_ids)))
        if body_id is not None:
            q = q.where(Photo.body_id == body_id)
        if body_ids is not None:
            q = q.where(Photo.body_id.in_(list(body_ids)))
        if person_id is not None:
            q = q.where(or_(Mark.person_id == person_id, Submission.person_id == person_id))
        if mark_ids is not None:
            q = q.where(Mark.id.in_(list(mark_ids)))
        if side is not None:
            q = q.where(Mark.side == side)
        if not include_withdrawn:
            q = q.where(Mark.withdrawn_at.is_(None))
        return [_view(m, p, sub_person, body_label, person_label)
                for m, p, sub_person, body_label, person_label
                in self._s.execute(q.order_by(Mark.id))]

    def searchable_pm(self, category: str | None) -> list[tuple[int, int, str, str, str]]:
        """Post-mortem marks not withdrawn (of one category, or all): (mark id, Body id,
        category, location, terms)."""
        q = (select(Mark.id, Photo.body_id, Mark.category, Mark.location, Mark.terms)
             .join(Photo, Mark.photo_id == Photo.id)
             .where(Mark.side == Side.PM, Mark.withdrawn_at.is_(None),
                    Photo.body_id.is_not(None)))
        if category is not None:
            q = q.where(Mark.category == category)
        return [(int(m), int(b or 0), str(c), str(loc), str(t))
                for m, b, c, loc, t in self._s.execute(q)]

    # -- links --------------------------------------------------------------------------

    def add_link(self, link: MarkLink) -> MarkLink:
        """Insert a link (links are never changed afterwards)."""
        self._s.add(link)
        self._s.flush()
        return link

    def latest_link(self, am_mark_id: int, pm_mark_id: int) -> MarkLink | None:
        """The pair's current link, if any."""
        return self._s.scalars(select(MarkLink).where(
            MarkLink.am_mark_id == am_mark_id, MarkLink.pm_mark_id == pm_mark_id)
            .order_by(MarkLink.id.desc())).first()

    def links(self, mark_ids: Iterable[int], current_only: bool = False) -> list[LinkView]:
        """Links touching any of the marks, oldest first."""
        ids = list(mark_ids)
        rows = list(self._s.scalars(select(MarkLink).where(
            or_(MarkLink.am_mark_id.in_(ids), MarkLink.pm_mark_id.in_(ids)))
            .order_by(MarkLink.id)))
        latest: dict[tuple[int, int], int] = {}
        for link in rows:
            latest[(link.am_mark_id, link.pm_mark_id)] = link.id
        views = [LinkView(k.id, k.am_mark_id, k.pm_mark_id, k.relation, k.note, k.author,
                          k.created_at, k.supersedes_id,
                          latest[(k.am_mark_id, k.pm_mark_id)] == k.id) for k in rows]
        return [v for v in views if v.current] if current_only else views

    def counts(self) -> tuple[int, int]:
        """(marks not withdrawn, current links)."""
        marks = self._s.scalar(select(func.count(Mark.id)).where(Mark.withdrawn_at.is_(None)))
        pairs = self._s.scalar(select(func.count()).select_from(
            select(MarkLink.am_mark_id, MarkLink.pm_mark_id).distinct().subquery()))
        return int(marks or 0), int(pairs or 0)


def _view(m: Mark, photo: Photo | None, sub_person: int | None, body_label: str | None,
          person_label: str | None) -> MarkView:
    shape = (None if m.shape_kind is None
             else Shape(ShapeKind(m.shape_kind), tuple(float(v) for v in m.shape or ())))
    person_id = m.person_id if m.person_id is not None else sub_person
    return MarkView(
        m.id, Side(m.side), m.photo_id, photo.sha256 if photo else None,
        photo.body_id if photo else None, person_id, body_label or person_label or "",
        shape, m.category, m.location, m.description, m.family_words, m.created_by,
        m.created_at, m.revision, m.updated_by, m.updated_at, m.withdrawn_by,
        m.withdrawn_at, m.withdraw_reason)
