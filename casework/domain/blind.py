"""Blind review (sequential unmasking): what a user may not see about a candidate until
they have recorded their own decision on it.

Others' decisions and rationales are always withheld until then (a candidate's state
after a review is someone's decision); with the workspace's blind setting, the face
scores and the rank are withheld too. Sign-off screens show everything to supervisors.
"""

from __future__ import annotations

from athar.casework.domain.entities import CandidateState

DECIDED = frozenset({CandidateState.EXCLUDED, CandidateState.POSSIBLE,
                     CandidateState.NEEDS_INFO, CandidateState.PROPOSED})
"""States that show someone's decision."""

DECISION, OTHER_REVIEWS, SCORES, RANK = "decision", "other_reviews", "scores", "rank"


def hidden_for(state: CandidateState, reviewed: bool, blind_scores: bool) -> frozenset[str]:
    """What to withhold from a user about one candidate.

    Args:
        state: the candidate's state.
        reviewed: whether this user has recorded a review of it.
        blind_scores: the workspace's setting.
    """
    if reviewed:
        return frozenset()
    hidden = {OTHER_REVIEWS}
    if state in DECIDED:
        hidden.add(DECISION)
    if blind_scores:
        hidden |= {SCORES, RANK}
    return frozenset(hidden)
