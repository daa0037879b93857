"""Read model of Candidates: the ranked Bodies a search proposed for a missing person."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from athar.casework.accounts import Actor, Permission, require
from athar.casework.context import Workspace
from athar.casework.entities import Body, Candidate, CandidateState, Collection


@dataclass(frozen=True)
class CandidateView:
    """One proposed pair as the candidates list shows it."""

    id: int
    person_id: int
    body_id: int
    body_label: str
    collection: str
    rank: int | None
    """Rank in the latest search that returned the Body (None once it fell out)."""
    score: float
    """The score the search ranked by: the mean of `best` and `mean_faces` (`best` alone
    for candidates stored before mean faces)."""
    best: float
    """Cosine similarity of the best face pair (1.0: identical vectors)."""
    mean_faces: float | None
    """Cosine similarity of the two sides' mean faces (None: not stored)."""
    score_mean3: float
    state: CandidateState
    am_face_id: int
    pm_face_id: int
    model_id: str


def candidates_of(ws: Workspace, actor: Actor, person_id: int,
                  states: frozenset[CandidateState] | None = None) -> list[CandidateView]:
    """The person's Candidates, best first (rank, then score), optionally of some states.

    Raises:
        NotFoundError: no such person.
    """
    require(actor, Permission.VIEW_RECORDS)
    with ws.uow() as uow:
        uow.owners.person(person_id)
        q = (select(Candidate, Body.label, Collection.name)
             .join(Body, Body.id == Candidate.body_id)
             .join(Collection, Collection.id == Body.collection_id)
             .where(Candidate.person_id == person_id))
        if states is not None:
            q = q.where(Candidate.state.in_(sorted(states)))
        rows = uow.session.execute(q).all()
    views = [CandidateView(c.id, c.person_id, c.body_id, label, coll, c.rank, c.ranked_score,
                           c.score, c.score_mean_faces, c.score_mean3,
                           CandidateState(c.state), c.am_face_id,
                           c.pm_face_id, c.model_id) for c, label, coll in rows]
    return sorted(views, key=lambda v: (v.rank is None, v.rank or 0, -v.score, v.body_id))
