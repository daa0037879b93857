"""The review queue: candidates awaiting review, person by person in rank order, as the
user may see them (blind review applied)."""

from __future__ import annotations

from athar.casework.domain.entities import CandidateState
from athar.casework.domain.permissions import Actor, Permission, require
from athar.casework.matching.candidates import as_seen
from athar.casework.storage.repositories.candidates import CandidateView
from athar.casework.storage.workspace import Workspace

AWAITING = frozenset({CandidateState.QUEUED, CandidateState.IN_REVIEW, CandidateState.POSSIBLE,
                      CandidateState.NEEDS_INFO})
"""Open states: nobody excluded the pair and it is not proposed for sign-off."""


def review_queue(ws: Workspace, actor: Actor, person_id: int | None = None,
                 collection: str | None = None,
                 states: frozenset[CandidateState] | None = None) -> list[CandidateView]:
    """Candidates awaiting review (or in `states`, as the user sees them), by person and
    rank; a user's own reviewed pairs stay in the list with their state.

    Raises:
        PermissionDenied: the actor may not review.
    """
    require(actor, Permission.REVIEW)
    with ws.uow() as uow:
        views = uow.candidates.views(person_id=person_id)
        ids = [v.id for v in views]
        mine = uow.reviews.reviewed_by(actor.user_id, ids)
        counts = uow.reviews.review_counts(ids)
        blind_scores = uow.reviews.blind_scores()
    if collection:
        views = [v for v in views if v.collection == collection]
    if states is None:
        views = [v for v in views if v.state in AWAITING]
    seen = [as_seen(v, v.id in mine, blind_scores, counts.get(v.id, 0)) for v in views]
    if states is not None:
        seen = [v for v in seen if v.state in states]
    return sorted(seen, key=lambda v: (v.person_label, v.person_id, v.rank is None,
                                       v.rank or 0, v.body_label, v.id))
