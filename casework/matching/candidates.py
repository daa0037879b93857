"""Read model of Candidates: the ranked pairs a search proposed, for a person, a Body, or
all of them."""

from __future__ import annotations

from athar.casework.domain.entities import CandidateState
from athar.casework.domain.permissions import Actor, Permission, require
from athar.casework.storage.repositories.candidates import CandidateView
from athar.casework.storage.workspace import Workspace

__all__ = ["CandidateView", "all_candidates", "candidates_of", "candidates_of_body"]


def candidates_of(ws: Workspace, actor: Actor, person_id: int,
                  states: frozenset[CandidateState] | None = None) -> list[CandidateView]:
    """The person's Candidates, best first (rank in the person's list, then score),
    optionally of some states.

    Raises:
        NotFoundError: no such person.
    """
    views = _listing(ws, actor, states, person_id=person_id)
    return sorted(views, key=lambda v: (v.rank is None, v.rank or 0, -v.score, v.body_id))


def candidates_of_body(ws: Workspace, actor: Actor, body_id: int,
                       states: frozenset[CandidateState] | None = None
                       ) -> list[CandidateView]:
    """A Body's Candidates, best first (rank in the Body's list, then score).

    Raises:
        NotFoundError: no such Body.
    """
    views = _listing(ws, actor, states, body_id=body_id)
    return sorted(views, key=lambda v: (v.body_rank is None, v.body_rank or 0, -v.score,
                                        v.person_id))


def all_candidates(ws: Workspace, actor: Actor,
                   states: frozenset[CandidateState] | None = None) -> list[CandidateView]:
    """Every stored Candidate (optionally of some states), person by person, best first."""
    views = _listing(ws, actor, states)
    return sorted(views, key=lambda v: (v.person_id, v.rank is None, v.rank or 0, -v.score,
                                        v.body_id))


def _listing(ws: Workspace, actor: Actor, states: frozenset[CandidateState] | None,
             person_id: int | None = None, body_id: int | None = None
             ) -> list[CandidateView]:
    require(actor, Permission.VIEW_RECORDS)
    with ws.uow() as uow:
        if person_id is not None:
            uow.owners.person(person_id)  # NotFoundError names a wrong id
        if body_id is not None:
            uow.owners.get_body(body_id)
        return uow.candidates.views(person_id=person_id, body_id=body_id, states=states)
