"""Reviewing candidates: open one, record a decision with its rationale, propose an
identification. Every review is kept; a reviewer adds a later review, never edits one.

A candidate's state follows its latest review (`in_review` while someone has it open);
a `propose` review creates an Identification with the evidence frozen at that moment.
"""

from __future__ import annotations

from dataclasses import dataclass

from athar.casework.domain import blind
from athar.casework.domain.commands import Command
from athar.casework.domain.entities import (
    STATE_AFTER,
    Candidate,
    CandidateState,
    Identification,
    IdentificationState,
    IdentificationStep,
    Review,
    ReviewDecision,
    utcnow,
)
from athar.casework.domain.errors import InvalidRequest, RuleViolation
from athar.casework.domain.events import AuditAction
from athar.casework.domain.permissions import Actor, Permission, require
from athar.casework.domain.text import neutralise
from athar.casework.review.context import (
    ReviewContext,
    build_context,
    candidate_or_error,
    pair_scores,
)
from athar.casework.storage.repositories.reviews import BLIND_SCORES_KEY
from athar.casework.storage.uow import UnitOfWork, execute
from athar.casework.storage.workspace import Workspace

MAX_RATIONALE = 8000


@dataclass(frozen=True)
class OpenCandidate(Command[ReviewContext]):
    """Command: a reviewer opens a candidate (its state is `in_review` meanwhile)."""

    candidate_id: int


@dataclass(frozen=True)
class CloseCandidate(Command[None]):
    """Command: a reviewer leaves a candidate without deciding."""

    candidate_id: int


@dataclass(frozen=True)
class RecordReview(Command["ReviewResult"]):
    """Command: one reviewer's decision on a candidate and why."""

    candidate_id: int
    decision: ReviewDecision
    rationale: str


@dataclass(frozen=True)
class ReviewResult:
    """What recording a review did."""

    review_id: int
    state: CandidateState
    identification_id: int | None
    """The proposal a `propose` review made, or supports when one was pending (whoever
    reviews with `propose` never confirms it)."""


@dataclass(frozen=True)
class SetBlindScores(Command[None]):
    """Command: hide (or show) face scores and ranks from reviewers until they decided."""

    on: bool


class ReviewRefused(RuleViolation):
    """A review or proposal the workflow does not allow."""


def _settled_state(uow: UnitOfWork, cand: Candidate) -> CandidateState:
    """The state the latest review gives (queued when there is none)."""
    reviews = uow.reviews.reviews_of(cand.id)
    return STATE_AFTER[ReviewDecision(reviews[-1].decision)] if reviews else CandidateState.QUEUED


def handle_open(cmd: OpenCandidate, uow: UnitOfWork, actor: Actor) -> ReviewContext:
    """Open the candidate for review; returns what the reviewer may see of it."""
    require(actor, Permission.REVIEW)
    cand = candidate_or_error(uow, cmd.candidate_id)
    if cand.opened_by != actor.user_id:
        cand.opened_by, cand.opened_at = actor.user_id, utcnow()
        if cand.state != CandidateState.PROPOSED:
            cand.state = CandidateState.IN_REVIEW
        uow.record(AuditAction.CANDIDATE_OPEN, "candidate", cand.id, {})
        uow.commit()
    return build_context(uow, actor, cand)


def handle_close(cmd: CloseCandidate, uow: UnitOfWork, actor: Actor) -> None:
    """Leave the candidate; its state goes back to what its latest review says."""
    require(actor, Permission.REVIEW)
    cand = candidate_or_error(uow, cmd.candidate_id)
    if cand.opened_by != actor.user_id:
        return
    cand.opened_by, cand.opened_at = None, None
    if cand.state == CandidateState.IN_REVIEW:
        cand.state = _settled_state(uow, cand)
    uow.record(AuditAction.CANDIDATE_CLOSE, "candidate", cand.id, {"state": cand.state})
    uow.commit()


def _rationale(text: str) -> str:
    cleaned = neutralise(text).strip()
    if not cleaned:
        raise InvalidRequest("a review needs a written rationale: say what you compared "
                             "and why you decided so")
    if len(cleaned) > MAX_RATIONALE:
        raise InvalidRequest(f"the rationale is longer than {MAX_RATIONALE} characters")
    return cleaned


def _shown(uow: UnitOfWork, actor: Actor, cand: Candidate) -> dict[str, object]:
    """What this reviewer could see when deciding (recorded with the review)."""
    reviews = uow.reviews.reviews_of(cand.id)
    mine = any(r.reviewer_id == actor.user_id for r in reviews)
    hidden = blind.hidden_for(CandidateState(cand.state), mine, uow.reviews.blind_scores())
    others = [r.id for r in reviews if r.reviewer_id != actor.user_id]
    return {"hidden": sorted(hidden),
            "other_reviews_seen": [] if blind.OTHER_REVIEWS in hidden else others,
            "other_reviews_withheld": len(others) if blind.OTHER_REVIEWS in hidden else 0,
            "score": None if blind.SCORES in hidden else round(cand.ranked_score, 6),
            "rank": None if blind.RANK in hidden else cand.rank}


def _pending_proposal(uow: UnitOfWork, cand: Candidate) -> int | None:
    """The pair's proposal awaiting sign-off, if any (a `propose` review then supports
    it); refuses when the pair is already confirmed."""
    pending = None
    for ident in uow.reviews.identifications(candidate_id=cand.id):
        if ident.state == IdentificationState.CONFIRMED:
            raise ReviewRefused(f"this pair is already confirmed as identification "
                                f"{ident.id}: there is nothing left to propose")
        if ident.state == IdentificationState.PROPOSED:
            pending = ident.id
    return pending


def _evidence(uow: UnitOfWork, cand: Candidate, proposal: Review) -> dict[str, object]:
    """Everything the proposal rests on, frozen: every pair's score, the model, the index
    version, the search, and the reviews so far."""
    pairs = pair_scores(uow, cand)
    return {
        "frozen_at": utcnow().isoformat(timespec="seconds"),
        "model_id": cand.model_id, "index_version": cand.index_version,
        "search_run": cand.search_run_id, "rank": cand.rank,
        "score": round(cand.ranked_score, 6), "best_pair": round(cand.score, 6),
        "mean_faces": None if cand.score_mean_faces is None else round(cand.score_mean_faces, 6),
        "pooled": None if cand.score_pooled is None else round(cand.score_pooled, 6),
        "pairs": [{"am_face": p.am_face_id, "pm_face": p.pm_face_id,
                   "am_photo": p.am_photo_id, "pm_photo": p.pm_photo_id,
                   "am_sha256": p.am_sha256, "pm_sha256": p.pm_sha256,
                   "score": round(p.score or 0.0, 6)} for p in pairs],
        "pair_count": len(pairs),
        "reviews": [{"id": r.id, "reviewer": r.reviewer, "decision": str(r.decision),
                     "rationale": r.rationale, "at": r.created_at.isoformat(timespec="seconds")}
                    for r in uow.reviews.reviews_of(cand.id)],
        "proposal_review": proposal.id,
    }


def handle_record_review(cmd: RecordReview, uow: UnitOfWork, actor: Actor) -> ReviewResult:
    """Record the review; a `propose` review also creates the Identification.

    Raises:
        PermissionDenied: the actor may not review.
        InvalidRequest: no rationale. NotFoundError: no such candidate.
        ReviewRefused: proposing a pair already confirmed.
    """
    require(actor, Permission.REVIEW)
    decision = ReviewDecision(cmd.decision)
    rationale = _rationale(cmd.rationale)
    cand = candidate_or_error(uow, cmd.candidate_id)
    pending = _pending_proposal(uow, cand) if decision is ReviewDecision.PROPOSE else None
    review = uow.reviews.add_review(Review(
        candidate_id=cand.id, reviewer_id=actor.user_id, reviewer=actor.username,
        decision=decision, rationale=rationale, shown=_shown(uow, actor, cand)))
    cand.state = STATE_AFTER[decision]
    cand.opened_by, cand.opened_at = None, None
    uow.record(AuditAction.REVIEW_RECORD, "candidate", cand.id, {
        "review": review.id, "decision": decision.value, "person": cand.person_id,
        "body": cand.body_id, "shown": review.shown})
    ident_id = pending
    if decision is ReviewDecision.PROPOSE and pending is None:
        ident_id = _propose(uow, actor, cand, review)
    uow.commit()
    return ReviewResult(review.id, CandidateState(cand.state), ident_id)


def _propose(uow: UnitOfWork, actor: Actor, cand: Candidate, review: Review) -> int:
    evidence = _evidence(uow, cand, review)
    ident = uow.reviews.add_identification(Identification(
        candidate_id=cand.id, person_id=cand.person_id, body_id=cand.body_id,
        state=IdentificationState.PROPOSED, proposed_by_id=actor.user_id,
        proposed_by=actor.username, proposal_review_id=review.id, evidence=evidence))
    uow.reviews.add_step(IdentificationStep(identification_id=ident.id,
                                            state=IdentificationState.PROPOSED,
                                            actor=actor.username, reason=review.rationale))
    uow.record(AuditAction.IDENTIFICATION_PROPOSE, "identification", ident.id, {
        "candidate": cand.id, "person": cand.person_id, "body": cand.body_id,
        "review": review.id, "pairs": evidence["pair_count"], "model_id": cand.model_id})
    return ident.id


def handle_set_blind_scores(cmd: SetBlindScores, uow: UnitOfWork, actor: Actor) -> None:
    """Supervisors choose whether reviewers see scores and ranks before they decided."""
    require(actor, Permission.SETTINGS)
    uow.users.set_setting(BLIND_SCORES_KEY, "1" if cmd.on else "0")
    uow.record(AuditAction.SETTINGS_BLIND_REVIEW, "setting", BLIND_SCORES_KEY,
               {"hide_scores_and_rank": cmd.on})
    uow.commit()


def record_review(ws: Workspace, cmd: RecordReview, actor: Actor) -> ReviewResult:
    """Record a review in its own unit of work (see `handle_record_review`)."""
    return execute(ws, handle_record_review, cmd, actor)


def open_candidate(ws: Workspace, candidate_id: int, actor: Actor) -> ReviewContext:
    """Open a candidate in its own unit of work (see `handle_open`)."""
    return execute(ws, handle_open, OpenCandidate(candidate_id), actor)


def close_candidate(ws: Workspace, candidate_id: int, actor: Actor) -> None:
    """Leave a candidate in its own unit of work (see `handle_close`)."""
    execute(ws, handle_close, CloseCandidate(candidate_id), actor)


def set_blind_scores(ws: Workspace, on: bool, actor: Actor) -> None:
    """Change the blind-review setting in its own unit of work."""
    execute(ws, handle_set_blind_scores, SetBlindScores(on), actor)
