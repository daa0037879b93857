"""Read model of Candidates: the ranked pairs a search proposed, for a person, a Body, or
all of them."""

from __future__ import annotations

from dataclasses import replace

from athar.casework.domain import blind
from athar.casework.domain.entities import CandidateState
from athar.casework.domain.permissions import Actor, Permission, require
from athar.casework.storage.repositories.candidates import CandidateView, FusedScores
from athar.casework.storage.workspace import Workspace

__all__ = ["CandidateView", "FusedScores", "all_candidates", "candidates_of", "candidates_of_body"]


def candidates_of(ws: Workspace, actor: Actor, person_id: int,
                  states: frozenset[CandidateState] | None = None) -> list[CandidateView]:
    """The person's Candidates, best first (rank in the person's list, then score),
    optionally of some states.

    Raises:
        NotFoundError: no such person.
    """
    views = _listing(ws, actor, states, person_id=person_id)
    return sorted(views, key=lambda v: (v.rank is None, v.rank or 0, -(v.score or 0.0),
                                        v.body_label, v.body_id))


def candidates_of_body(ws: Workspace, actor: Actor, body_id: int,
                       states: frozenset[CandidateState] | None = None
                       ) -> list[CandidateView]:
    """A Body's Candidates, best first (rank in the Body's list, then score).

    Raises:
        NotFoundError: no such Body.
    """
    views = _listing(ws, actor, states, body_id=body_id)
    return sorted(views, key=lambda v: (v.body_rank is None, v.body_rank or 0,
                                        -(v.score or 0.0), v.person_label, v.person_id))


def all_candidates(ws: Workspace, actor: Actor,
                   states: frozenset[CandidateState] | None = None) -> list[CandidateView]:
    """Every stored Candidate (optionally of some states), person by person, best first."""
    views = _listing(ws, actor, states)
    return sorted(views, key=lambda v: (v.person_id, v.rank is None, v.rank or 0,
                                        -(v.score or 0.0), v.body_label, v.body_id))


def _listing(ws: Workspace, actor: Actor, states: frozenset[CandidateState] | None,
             person_id: int | None = None, body_id: int | None = None
             ) -> list[CandidateView]:
    require(actor, Permission.VIEW_RECORDS)
    with ws.uow() as uow:
        if person_id is not None:
            uow.owners.person(person_id)  # NotFoundError names a wrong id
        if body_id is not None:
            uow.owners.get_body(body_id)
        views = uow.candidates.views(person_id=person_id, body_id=body_id)
        ids = [v.id for v in views]
        mine = uow.reviews.reviewed_by(actor.user_id, ids)
        counts = uow.reviews.review_counts(ids)
        blind_scores = uow.reviews.blind_scores()
    shown = [as_seen(v, v.id in mine, blind_scores, counts.get(v.id, 0)) for v in views]
    return [v for v in shown if states is None or v.state in states]


def as_seen(view: CandidateView, reviewed: bool, blind_scores: bool, reviews: int
            ) -> CandidateView:
    """The candidate as a user sees it: blind review withholds others' decision (and,
    with the setting, scores and rank) until the user has recorded their own review."""
    if view.state is None:  # already as seen
        return view
    hidden = blind.hidden_for(view.state, reviewed, blind_scores)
    seen = replace(view, hidden=hidden, reviews=reviews)
    if blind.DECISION in hidden:
        seen = replace(seen, state=None)
    if blind.SCORES in hidden:
        seen = replace(seen, score=None, best=None, mean_faces=None, score_mean3=None,
                       fusion=None, pooled=None)
    if blind.RANK in hidden:
        seen = replace(seen, rank=None, body_rank=None)
    return seen
