"""Reviews, identifications and their history, and the review settings."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from athar.casework.domain.entities import (
    Candidate,
    CandidateState,
    Identification,
    IdentificationState,
    IdentificationStep,
    Review,
    ReviewDecision,
    Setting,
)

BLIND_SCORES_KEY = "review.blind_scores"
"""Workspace setting: "1" hides face scores and ranks from a reviewer until they decided."""


class ReviewRepository:
    """Append-only reviews and the identification records (their rows are never deleted)."""

    def __init__(self, session: Session) -> None:
        self._s = session

    # -- reviews ------------------------------------------------------------------------

    def add_review(self, review: Review) -> Review:
        """Insert a review (reviews are never changed afterwards)."""
        self._s.add(review)
        self._s.flush()
        return review

    def reviews_of(self, candidate_id: int) -> list[Review]:
        """Every review of a candidate, oldest first."""
        return list(self._s.scalars(select(Review).where(Review.candidate_id == candidate_id)
                                    .order_by(Review.id)))

    def reviewed_by(self, user_id: int, candidate_ids: Iterable[int] | None = None) -> set[int]:
        """The candidates (of those given, or all) the user has reviewed."""
        q = select(Review.candidate_id).where(Review.reviewer_id == user_id).distinct()
        if candidate_ids is not None:
            q = q.where(Review.candidate_id.in_(list(candidate_ids)))
        return {int(c) for c in self._s.scalars(q)}

    def review_counts(self, candidate_ids: Iterable[int]) -> dict[int, int]:
        """How many reviews each candidate has."""
        ids = list(candidate_ids)
        rows = self._s.execute(select(Review.candidate_id, func.count(Review.id))
                               .where(Review.candidate_id.in_(ids))
                               .group_by(Review.candidate_id))
        return {int(c): int(n) for c, n in rows}

    def proposers_of(self, candidate_id: int) -> set[int]:
        """Users who reviewed the candidate with `propose`."""
        return {int(u) for u in self._s.scalars(
            select(Review.reviewer_id).where(Review.candidate_id == candidate_id,
                                             Review.decision == ReviewDecision.PROPOSE))}

    # -- identifications -------------------------------------------------------------------

    def add_identification(self, ident: Identification) -> Identification:
        """Insert an identification record."""
        self._s.add(ident)
        self._s.flush()
        return ident

    def add_step(self, step: IdentificationStep) -> None:
        """Append a step to an identification's history."""
        self._s.add(step)
        self._s.flush()

    def identification(self, ident_id: int) -> Identification | None:
        """An identification by id."""
        return self._s.get(Identification, ident_id)

    def identifications(self, state: IdentificationState | None = None,
                        candidate_id: int | None = None) -> list[Identification]:
        """Identifications (of a state, of a candidate, or all), newest first."""
        q = select(Identification).order_by(Identification.id.desc())
        if state is not None:
            q = q.where(Identification.state == state)
        if candidate_id is not None:
            q = q.where(Identification.candidate_id == candidate_id)
        return list(self._s.scalars(q))

    def confirmed_for(self, person_id: int | None = None, body_id: int | None = None
                      ) -> Identification | None:
        """The confirmed identification of a person or of a Body, if any."""
        q = select(Identification).where(Identification.state == IdentificationState.CONFIRMED)
        if person_id is not None:
            q = q.where(Identification.person_id == person_id)
        if body_id is not None:
            q = q.where(Identification.body_id == body_id)
        return self._s.scalars(q).first()

    def steps(self, ident_id: int) -> list[IdentificationStep]:
        """An identification's history, oldest first."""
        return list(self._s.scalars(select(IdentificationStep)
                                    .where(IdentificationStep.identification_id == ident_id)
                                    .order_by(IdentificationStep.id)))

    def counts_by_state(self) -> dict[str, int]:
        """How many identifications are in each state (every state, zero included)."""
        found = {IdentificationState(state).value: int(n) for state, n in self._s.execute(
            select(Identification.state, func.count(Identification.id))
            .group_by(Identification.state))}
        return {s.value: found.get(s.value, 0) for s in IdentificationState}

    def open_candidates_of(self, person_id: int, body_id: int, except_id: int
                           ) -> list[Candidate]:
        """The person's and the Body's other candidates that are not excluded."""
        return list(self._s.scalars(select(Candidate).where(
            (Candidate.person_id == person_id) | (Candidate.body_id == body_id),
            Candidate.id != except_id, Candidate.state != CandidateState.EXCLUDED)
            .order_by(Candidate.id)))

    # -- settings ----------------------------------------------------------------------------

    def blind_scores(self) -> bool:
        """Whether scores and ranks are hidden from reviewers until they decided."""
        row = self._s.get(Setting, BLIND_SCORES_KEY)
        return row is not None and row.value == "1"
