"""Decisions about two Bodies: merges of duplicates, fragment links, "distinct"."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from athar.casework.domain.entities import BodyRelation, BodyRelationKind


class RelationRepository:
    """Body relations (never deleted: an undo is recorded on the row)."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def add(self, relation: BodyRelation) -> BodyRelation:
        """Insert a relation (its id is known on return)."""
        self._s.add(relation)
        self._s.flush()
        return relation

    def get(self, relation_id: int) -> BodyRelation | None:
        """A relation by id."""
        return self._s.get(BodyRelation, relation_id)

    def standing(self, kind: BodyRelationKind | None = None) -> list[BodyRelation]:
        """Relations not undone (of one kind, or all), oldest first."""
        q = select(BodyRelation).where(BodyRelation.undone_at.is_(None))
        if kind is not None:
            q = q.where(BodyRelation.kind == kind)
        return list(self._s.scalars(q.order_by(BodyRelation.id)))

    def every(self) -> list[BodyRelation]:
        """Every relation, undone ones included, oldest first."""
        return list(self._s.scalars(select(BodyRelation).order_by(BodyRelation.id)))

    def of_bodies(self, body_ids: Iterable[int]) -> list[BodyRelation]:
        """Every relation touching these Bodies, undone ones included, oldest first."""
        ids = list(body_ids)
        return list(self._s.scalars(
            select(BodyRelation).where(or_(BodyRelation.body_id.in_(ids),
                                           BodyRelation.other_body_id.in_(ids)))
            .order_by(BodyRelation.id)))

    def merged_into(self) -> dict[int, int]:
        """Body id -> the Body its photos now count under, for every standing merge
        (a chain of merges resolved to its end)."""
        direct = {r.other_body_id: r.body_id
                  for r in self.standing(BodyRelationKind.SAME_BODY)}
        out: dict[int, int] = {}
        for body in direct:
            seen, target = {body}, direct[body]
            while target in direct and target not in seen:  # the services refuse cycles
                seen.add(target)
                target = direct[target]
            out[body] = target
        return out
