"""What a reviewer sees of one candidate: both records, every photo pair with its score,
the reviews, the proposals; with blind review, only what they may see yet."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import numpy as np

from athar.casework.domain import blind
from athar.casework.domain.entities import (
    Candidate,
    CandidateState,
    IdentificationState,
    Review,
    ReviewDecision,
    Side,
)
from athar.casework.domain.errors import NotFoundError
from athar.casework.domain.permissions import Actor, Permission, require
from athar.casework.storage.uow import UnitOfWork
from athar.casework.storage.workspace import Workspace


@dataclass(frozen=True)
class PairScore:
    """One family photo's face against one post-mortem face."""

    am_face_id: int
    pm_face_id: int
    am_photo_id: int
    pm_photo_id: int
    am_sha256: str
    pm_sha256: str
    score: float | None
    """Cosine similarity of the two faces (None while hidden by blind review)."""


@dataclass(frozen=True)
class ReviewView:
    """One review as shown."""

    id: int
    reviewer: str
    decision: ReviewDecision
    rationale: str
    at: datetime
    shown: dict[str, object]


@dataclass(frozen=True)
class ProposalView:
    """An identification made from this candidate (any state)."""

    id: int
    state: IdentificationState
    proposed_by: str
    proposed_at: datetime


@dataclass(frozen=True)
class ReviewContext:
    """A candidate as one reviewer may see it now."""

    candidate_id: int
    person_id: int
    person_label: str
    person_fields: dict[str, str | None]
    body_id: int
    body_label: str
    collection: str
    body_fields: dict[str, str | None]
    state: CandidateState | None
    """None while others' decision is hidden."""
    score: float | None
    best: float | None
    mean_faces: float | None
    rank: int | None
    model_id: str
    pairs: tuple[PairScore, ...]
    """Best pair first (when scores are shown), then by face ids."""
    my_reviews: tuple[ReviewView, ...]
    other_reviews: tuple[ReviewView, ...]
    """Empty until this user has recorded their own review."""
    others_hidden: int
    """How many reviews by others are withheld."""
    hidden: frozenset[str]
    proposals: tuple[ProposalView, ...]
    attention: str | None
    opened_by_me: bool
    pooled: float | None = None
    """The pooled faces' score (None: hidden, or scored before the search pooled that way,
    when the score has no likelihood ratio)."""


def _review_view(r: Review) -> ReviewView:
    return ReviewView(r.id, r.reviewer, ReviewDecision(r.decision), r.rationale,
                      r.created_at, dict(r.shown))


def pair_scores(uow: UnitOfWork, cand: Candidate) -> list[PairScore]:
    """Every pair of the person's and the Body's searchable faces, with its cosine, best
    first ((dim,) float32 unit vectors of the workspace model)."""
    model = uow.ws.model
    a_ids, _, a_vecs = uow.faces.owner_faces(Side.AM, [cand.person_id], model.model_id,
                                             model.dim)
    p_ids, _, p_vecs = uow.faces.owner_faces(Side.PM, [cand.body_id], model.model_id,
                                             model.dim)
    if not a_ids or not p_ids:
        return []
    sims = np.asarray(a_vecs @ p_vecs.T, dtype=np.float64)
    photos = uow.faces.photos_of([*a_ids, *p_ids])
    pairs = [PairScore(a, p, photos[a][0], photos[p][0], photos[a][1], photos[p][1],
                       float(sims[i, j]))
             for i, a in enumerate(a_ids) for j, p in enumerate(p_ids)]
    return sorted(pairs, key=lambda x: (-(x.score or 0.0), x.am_face_id, x.pm_face_id))


def candidate_or_error(uow: UnitOfWork, candidate_id: int) -> Candidate:
    """The candidate, or NotFoundError naming the id."""
    cand = uow.candidates.get(candidate_id)
    if cand is None:
        raise NotFoundError(f"no candidate with id {candidate_id} (see athar candidates)")
    return cand


def build_context(uow: UnitOfWork, actor: Actor, cand: Candidate) -> ReviewContext:
    """The candidate as `actor` may see it now (blind review applied)."""
    reviews = uow.reviews.reviews_of(cand.id)
    mine = [r for r in reviews if r.reviewer_id == actor.user_id]
    others = [r for r in reviews if r.reviewer_id != actor.user_id]
    hidden = blind.hidden_for(CandidateState(cand.state), bool(mine),
                              uow.reviews.blind_scores())
    show_scores = blind.SCORES not in hidden
    pairs = pair_scores(uow, cand)
    if not show_scores:  # no order that gives the best pair away
        pairs = sorted((PairScore(p.am_face_id, p.pm_face_id, p.am_photo_id, p.pm_photo_id,
                                  p.am_sha256, p.pm_sha256, None) for p in pairs),
                       key=lambda x: (x.am_face_id, x.pm_face_id))
    person, body = uow.owners.person(cand.person_id), uow.owners.get_body(cand.body_id)
    return ReviewContext(
        cand.id, person.id, person.label, uow.records.person_fields(person), body.id,
        body.label, body.collection.name, uow.records.body_fields(body),
        None if blind.DECISION in hidden else CandidateState(cand.state),
        cand.ranked_score if show_scores else None, cand.score if show_scores else None,
        cand.score_mean_faces if show_scores else None,
        cand.rank if blind.RANK not in hidden else None, cand.model_id, tuple(pairs),
        tuple(_review_view(r) for r in mine),
        () if blind.OTHER_REVIEWS in hidden else tuple(_review_view(r) for r in others),
        len(others) if blind.OTHER_REVIEWS in hidden else 0, hidden,
        tuple(ProposalView(i.id, IdentificationState(i.state), i.proposed_by, i.proposed_at)
              for i in uow.reviews.identifications(candidate_id=cand.id)),
        cand.attention, cand.opened_by == actor.user_id,
        cand.score_pooled if show_scores else None)


def review_context(ws: Workspace, actor: Actor, candidate_id: int) -> ReviewContext:
    """What `actor` may see of a candidate now (read only: opening it is a command).

    Raises:
        PermissionDenied: the actor may not review. NotFoundError: no such candidate.
    """
    require(actor, Permission.REVIEW)
    with ws.uow(actor) as uow:
        return build_context(uow, actor, candidate_or_error(uow, candidate_id))
