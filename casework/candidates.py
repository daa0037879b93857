"""Read model of Candidates: the ranked Bodies a search proposed for a missing person."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from athar.casework.accounts import Actor, Permission, require
from athar.casework.context import Workspace
from athar.casework.entities import Body, Candidate, CandidateState, Collection, MissingPerson


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
    person_label: str = ""
    body_rank: int | None = None
    """Rank in the Body's list: the latest PM→AM search that returned the person."""
    search_run_id: int | None = None
    index_version: str = ""


def candidates_of(ws: Workspace, actor: Actor, person_id: int,
                  states: frozenset[CandidateState] | None = None) -> list[CandidateView]:
    """The person's Candidates, best first (rank in the person's list, then score),
    optionally of some states.

    Raises:
        NotFoundError: no such person.
    """
    require(actor, Permission.VIEW_RECORDS)
    with ws.uow() as uow:
        uow.owners.person(person_id)
        views = _views(uow.session, Candidate.person_id == person_id, states)
    return sorted(views, key=lambda v: (v.rank is None, v.rank or 0, -v.score, v.body_id))


def candidates_of_body(ws: Workspace, actor: Actor, body_id: int,
                       states: frozenset[CandidateState] | None = None
                       ) -> list[CandidateView]:
    """A Body's Candidates, best first (rank in the Body's list, then score).

    Raises:
        NotFoundError: no such Body.
    """
    require(actor, Permission.VIEW_RECORDS)
    with ws.uow() as uow:
        uow.owners.get_body(body_id)
        views = _views(uow.session, Candidate.body_id == body_id, states)
    return sorted(views, key=lambda v: (v.body_rank is None, v.body_rank or 0, -v.score,
                                        v.person_id))


def _views(session: Session, where: ColumnElement[bool],
           states: frozenset[CandidateState] | None) -> list[CandidateView]:
    q = (select(Candidate, Body.label, Collection.name, MissingPerson.label)
         .join(Body, Body.id == Candidate.body_id)
         .join(Collection, Collection.id == Body.collection_id)
         .join(MissingPerson, MissingPerson.id == Candidate.person_id)
         .where(where))
    if states is not None:
        q = q.where(Candidate.state.in_(sorted(states)))
    return [CandidateView(c.id, c.person_id, c.body_id, label, coll, c.rank, c.ranked_score,
                          c.score, c.score_mean_faces, c.score_mean3,
                          CandidateState(c.state), c.am_face_id, c.pm_face_id, c.model_id,
                          person_label, c.body_rank, c.search_run_id, c.index_version)
            for c, label, coll, person_label in session.execute(q).all()]


def all_candidates(ws: Workspace, actor: Actor,
                   states: frozenset[CandidateState] | None = None) -> list[CandidateView]:
    """Every stored Candidate (optionally of some states), person by person, best first."""
    require(actor, Permission.VIEW_RECORDS)
    with ws.uow() as uow:
        views = _views(uow.session, Candidate.id.is_not(None), states)
    return sorted(views, key=lambda v: (v.person_id, v.rank is None, v.rank or 0, -v.score,
                                        v.body_id))
