"""Candidates (MissingPerson and Body pairs) and their read model."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from athar.casework.domain.entities import (
    Body,
    Candidate,
    CandidateState,
    Collection,
    MissingPerson,
    SearchRun,
)


@dataclass(frozen=True)
class CandidateView:
    """One proposed pair as the candidates list shows it."""

    id: int
    person_id: int
    body_id: int
    body_label: str
    collection: str
    rank: int | None
    """Rank in the person's list: the latest AM→PM search that returned the Body (None
    once it fell out, or when only a Body's search found the pair)."""
    score: float | None
    """The score the search ranked by: the mean of `best` and `mean_faces` (`best` alone
    for candidates stored before mean faces); None while blind review hides it."""
    best: float | None
    """Cosine similarity of the best face pair (1.0: identical vectors)."""
    mean_faces: float | None
    """Cosine similarity of the two sides' mean faces (None: not stored, or hidden)."""
    score_mean3: float | None
    state: CandidateState | None
    """None while blind review hides the decision others made."""
    am_face_id: int
    pm_face_id: int
    model_id: str
    person_label: str = ""
    body_rank: int | None = None
    """Rank in the Body's list: the latest PM→AM search that returned the person."""
    search_run_id: int | None = None
    index_version: str = ""
    attention: str | None = None
    """Why the pair needs attention (identified elsewhere, returned, revoked)."""
    reviews: int = 0
    hidden: frozenset[str] = frozenset()
    """What blind review withholds from the user who asked (see domain.blind)."""
    created_at: datetime | None = None
    """When a search first proposed the pair."""


class CandidateRepository:
    """Candidates (MissingPerson and Body pairs)."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def get(self, candidate_id: int) -> Candidate | None:
        """A Candidate by id."""
        return self._s.get(Candidate, candidate_id)

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

    def add_run(self, run: SearchRun) -> SearchRun:
        """Insert a SearchRun (its id is known on return)."""
        self._s.add(run)
        self._s.flush()
        return run

    def views(self, person_id: int | None = None, body_id: int | None = None,
              states: frozenset[CandidateState] | None = None) -> list[CandidateView]:
        """Candidates as the lists show them: of one person, one Body, or all."""
        where: ColumnElement[bool] = Candidate.id.is_not(None)
        if person_id is not None:
            where = Candidate.person_id == person_id
        elif body_id is not None:
            where = Candidate.body_id == body_id
        q = (select(Candidate, Body.label, Collection.name, MissingPerson.label)
             .join(Body, Body.id == Candidate.body_id)
             .join(Collection, Collection.id == Body.collection_id)
             .join(MissingPerson, MissingPerson.id == Candidate.person_id)
             .where(where))
        if states is not None:
            q = q.where(Candidate.state.in_(sorted(states)))
        return [CandidateView(c.id, c.person_id, c.body_id, label, coll, c.rank,
                              c.ranked_score, c.score, c.score_mean_faces, c.score_mean3,
                              CandidateState(c.state), c.am_face_id, c.pm_face_id, c.model_id,
                              person_label, c.body_rank, c.search_run_id, c.index_version,
                              c.attention, created_at=c.created_at)
                for c, label, coll, person_label in self._s.execute(q).all()]
