"""Sign-off by a supervisor: confirm or return a proposed identification, revoke a
confirmed one. Four eyes: a proposer, or anyone who reviewed the pair with `propose`,
never confirms it. Nothing is deleted or edited: each step is added to the history.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from athar.casework.domain.commands import Command
from athar.casework.domain.entities import (
    CandidateState,
    Identification,
    IdentificationState,
    IdentificationStep,
    ReviewDecision,
    utcnow,
)
from athar.casework.domain.errors import InvalidRequest, NotFoundError, RuleViolation
from athar.casework.domain.events import AuditAction
from athar.casework.domain.permissions import Actor, Permission, require
from athar.casework.domain.text import neutralise
from athar.casework.review.context import ReviewView
from athar.casework.storage.uow import UnitOfWork, execute
from athar.casework.storage.workspace import Workspace


class SignOffRefused(RuleViolation):
    """A confirmation, return or revocation the workflow does not allow."""


@dataclass(frozen=True)
class ConfirmIdentification(Command[None]):
    """Command: a supervisor who is not the proposer confirms a proposal."""

    identification_id: int
    reason: str


@dataclass(frozen=True)
class ReturnIdentification(Command[None]):
    """Command: a supervisor returns a proposal to review, saying why."""

    identification_id: int
    reason: str


@dataclass(frozen=True)
class RevokeIdentification(Command[None]):
    """Command: a supervisor revokes a confirmed identification, saying why."""

    identification_id: int
    reason: str


def _reason(text: str, what: str) -> str:
    cleaned = neutralise(text).strip()
    if not cleaned:
        raise InvalidRequest(f"{what} needs a written reason")
    return cleaned


def _ident(uow: UnitOfWork, ident_id: int) -> Identification:
    found = uow.reviews.identification(ident_id)
    if found is None:
        raise NotFoundError(f"no identification with id {ident_id} (see athar "
                            "identifications)")
    return found


def _must_be_proposed(ident: Identification, verb: str) -> None:
    state = IdentificationState(ident.state)
    if state is IdentificationState.PROPOSED:
        return
    if state is IdentificationState.RETURNED:
        raise SignOffRefused(
            f"identification {ident.id} was returned by {ident.decided_by} on "
            f"{_day(ident.decided_at)}: a returned proposal is never {verb} as it stands; "
            "the pair must be reviewed and proposed again")
    raise SignOffRefused(f"identification {ident.id} is {state.value}, not proposed: only a "
                         f"proposal can be {verb}")


def _day(when: datetime | None) -> str:
    return when.strftime("%Y-%m-%d") if when else "?"


def _check_four_eyes(uow: UnitOfWork, actor: Actor, ident: Identification) -> None:
    if ident.proposed_by_id == actor.user_id:
        raise SignOffRefused(f"{actor.username} proposed identification {ident.id} and "
                             "cannot confirm it: another supervisor must (four eyes)")
    if actor.user_id in uow.reviews.proposers_of(ident.candidate_id):
        raise SignOffRefused(f"{actor.username} reviewed this pair with 'propose' and cannot "
                             "confirm it: a supervisor who did not propose it must")


def _check_latest_review(uow: UnitOfWork, ident: Identification) -> None:
    reviews = uow.reviews.reviews_of(ident.candidate_id)
    latest = reviews[-1]
    if latest.id != ident.proposal_review_id and latest.decision != ReviewDecision.PROPOSE:
        raise SignOffRefused(
            f"the latest review of this pair (by {latest.reviewer}: {latest.decision}) does "
            f"not support identification {ident.id}: return it, or have the pair reviewed "
            "again")


def _check_unique(uow: UnitOfWork, ident: Identification) -> None:
    for kind, other in (("Body", uow.reviews.confirmed_for(body_id=ident.body_id)),
                        ("missing person", uow.reviews.confirmed_for(person_id=ident.person_id))):
        if other is not None:
            raise SignOffRefused(
                f"this {kind} is already identified: identification {other.id} (missing "
                f"person {other.person_id}, Body {other.body_id}), confirmed by "
                f"{other.decided_by} on {_day(other.decided_at)}; revoke it first if it is "
                "wrong")


def _flag_others(uow: UnitOfWork, ident: Identification, note: str) -> list[int]:
    """Flag the person's and the Body's other open candidates (their state is kept)."""
    flagged = []
    for cand in uow.reviews.open_candidates_of(ident.person_id, ident.body_id,
                                               ident.candidate_id):
        cand.attention = note
        flagged.append(cand.id)
    return flagged


def handle_confirm(cmd: ConfirmIdentification, uow: UnitOfWork, actor: Actor) -> None:
    """Confirm a proposal.

    Raises:
        PermissionDenied: not a supervisor. InvalidRequest: no reason.
        SignOffRefused: own proposal or co-proposer, not a proposal (returned, confirmed,
            revoked), a later review against it, or the Body or person already identified.
    """
    require(actor, Permission.SIGN_OFF)
    reason = _reason(cmd.reason, "a confirmation")
    ident = _ident(uow, cmd.identification_id)
    _must_be_proposed(ident, "confirmed")
    _check_four_eyes(uow, actor, ident)
    _check_latest_review(uow, ident)
    _check_unique(uow, ident)
    ident.state = IdentificationState.CONFIRMED
    ident.decided_by, ident.decided_at, ident.decision_reason = actor.username, utcnow(), reason
    uow.reviews.add_step(IdentificationStep(identification_id=ident.id,
                                            state=IdentificationState.CONFIRMED,
                                            actor=actor.username, reason=reason))
    person, body = uow.owners.person(ident.person_id), uow.owners.get_body(ident.body_id)
    flagged = _flag_others(uow, ident, (
        f"Body {body.id} «{body.label}» was confirmed as missing person {person.id} "
        f"«{person.label}» (identification {ident.id}, {_day(ident.decided_at)}): check "
        "whether this pair still holds"))
    uow.record(AuditAction.IDENTIFICATION_CONFIRM, "identification", ident.id, {
        "person": ident.person_id, "body": ident.body_id, "proposed_by": ident.proposed_by,
        "reason": reason, "flagged_candidates": flagged})
    uow.commit()


def handle_return(cmd: ReturnIdentification, uow: UnitOfWork, actor: Actor) -> None:
    """Return a proposal to review: it stays returned; the pair needs information."""
    require(actor, Permission.SIGN_OFF)
    reason = _reason(cmd.reason, "returning a proposal")
    ident = _ident(uow, cmd.identification_id)
    _must_be_proposed(ident, "returned")
    ident.state = IdentificationState.RETURNED
    ident.decided_by, ident.decided_at, ident.decision_reason = actor.username, utcnow(), reason
    uow.reviews.add_step(IdentificationStep(identification_id=ident.id,
                                            state=IdentificationState.RETURNED,
                                            actor=actor.username, reason=reason))
    cand = uow.candidates.get(ident.candidate_id)
    if cand is not None:
        cand.state = CandidateState.NEEDS_INFO
        cand.attention = (f"identification {ident.id} was returned by {actor.username} "
                          f"({_day(ident.decided_at)}): {reason}")
    uow.record(AuditAction.IDENTIFICATION_RETURN, "identification", ident.id, {
        "candidate": ident.candidate_id, "reason": reason})
    uow.commit()


def handle_revoke(cmd: RevokeIdentification, uow: UnitOfWork, actor: Actor) -> None:
    """Revoke a confirmed identification; the record and its history stay."""
    require(actor, Permission.SIGN_OFF)
    reason = _reason(cmd.reason, "revoking an identification")
    ident = _ident(uow, cmd.identification_id)
    if IdentificationState(ident.state) is not IdentificationState.CONFIRMED:
        raise SignOffRefused(f"identification {ident.id} is {ident.state}: only a confirmed "
                             "identification can be revoked")
    ident.state = IdentificationState.REVOKED
    ident.revoked_by, ident.revoked_at, ident.revoke_reason = actor.username, utcnow(), reason
    uow.reviews.add_step(IdentificationStep(identification_id=ident.id,
                                            state=IdentificationState.REVOKED,
                                            actor=actor.username, reason=reason))
    note = (f"identification {ident.id} was revoked by {actor.username} "
            f"({_day(ident.revoked_at)}): {reason}")
    cand = uow.candidates.get(ident.candidate_id)
    if cand is not None:
        cand.state, cand.attention = CandidateState.NEEDS_INFO, note
    flagged = _flag_others(uow, ident, note)
    uow.record(AuditAction.IDENTIFICATION_REVOKE, "identification", ident.id, {
        "person": ident.person_id, "body": ident.body_id, "reason": reason,
        "flagged_candidates": flagged})
    uow.commit()


# -- read models ---------------------------------------------------------------------------

@dataclass(frozen=True)
class StepView:
    """One step of an identification's history."""

    state: IdentificationState
    actor: str
    at: datetime
    reason: str | None


@dataclass(frozen=True)
class IdentificationView:
    """An identification as the lists and the supervisor queue show it."""

    id: int
    state: IdentificationState
    candidate_id: int
    person_id: int
    person_label: str
    body_id: int
    body_label: str
    collection: str
    proposed_by: str
    proposed_at: datetime
    decided_by: str | None
    decided_at: datetime | None
    decision_reason: str | None
    revoked_by: str | None
    revoked_at: datetime | None
    revoke_reason: str | None
    evidence: dict[str, object]
    history: tuple[StepView, ...]
    reviews: tuple[ReviewView, ...]
    """Every review of the pair, also those after the proposal (supervisors see all)."""


def _view(uow: UnitOfWork, ident: Identification) -> IdentificationView:
    person, body = uow.owners.person(ident.person_id), uow.owners.get_body(ident.body_id)
    reviews = tuple(ReviewView(r.id, r.reviewer, ReviewDecision(r.decision), r.rationale,
                               r.created_at, dict(r.shown))
                    for r in uow.reviews.reviews_of(ident.candidate_id))
    history = tuple(StepView(IdentificationState(s.state), s.actor, s.at, s.reason)
                    for s in uow.reviews.steps(ident.id))
    return IdentificationView(
        ident.id, IdentificationState(ident.state), ident.candidate_id, person.id,
        person.label, body.id, body.label, body.collection.name, ident.proposed_by,
        ident.proposed_at, ident.decided_by, ident.decided_at, ident.decision_reason,
        ident.revoked_by, ident.revoked_at, ident.revoke_reason, dict(ident.evidence),
        history, reviews)


def identifications(ws: Workspace, actor: Actor, state: IdentificationState | None = None
                    ) -> list[IdentificationView]:
    """Identifications (of one state, or all), newest first, with their evidence, history
    and reviews. Supervisors see all of it; others see it for pairs they reviewed, and
    the rest without others' reviews (blind review)."""
    require(actor, Permission.VIEW_RECORDS)
    with ws.uow() as uow:
        views = [_view(uow, i) for i in uow.reviews.identifications(state)]
        if actor.may(Permission.SIGN_OFF):
            return views
        mine = uow.reviews.reviewed_by(actor.user_id, [v.candidate_id for v in views])
    return [v if v.candidate_id in mine else _without_reviews(v) for v in views]


def _without_reviews(view: IdentificationView) -> IdentificationView:
    evidence = {k: v for k, v in view.evidence.items() if k != "reviews"}
    return replace(view, evidence=evidence, reviews=())


def identification(ws: Workspace, actor: Actor, ident_id: int) -> IdentificationView:
    """One identification (see `identifications` for what each user sees).

    Raises:
        NotFoundError: no such identification.
    """
    with ws.uow() as uow:
        return identification_in(uow, actor, ident_id)


def identification_in(uow: UnitOfWork, actor: Actor, ident_id: int) -> IdentificationView:
    """`identification`, read through a unit of work a use case already holds."""
    require(actor, Permission.VIEW_RECORDS)
    view = _view(uow, _ident(uow, ident_id))
    if actor.may(Permission.SIGN_OFF) or view.candidate_id in uow.reviews.reviewed_by(
            actor.user_id, [view.candidate_id]):
        return view
    return _without_reviews(view)


def confirm(ws: Workspace, ident_id: int, reason: str, actor: Actor) -> None:
    """Confirm in its own unit of work (see `handle_confirm`)."""
    execute(ws, handle_confirm, ConfirmIdentification(ident_id, reason), actor)


def return_proposal(ws: Workspace, ident_id: int, reason: str, actor: Actor) -> None:
    """Return in its own unit of work (see `handle_return`)."""
    execute(ws, handle_return, ReturnIdentification(ident_id, reason), actor)


def revoke(ws: Workspace, ident_id: int, reason: str, actor: Actor) -> None:
    """Revoke in its own unit of work (see `handle_revoke`)."""
    execute(ws, handle_revoke, RevokeIdentification(ident_id, reason), actor)
