"""Every piece of evidence a candidate has, weighed: the face score's likelihood ratio,
the record checks, the marks' agreement, and their fusion (casework.checks.fusion). The
candidates list, the review views, the command line and the report all read it here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from athar.casework.checks.consistency import Consistency, consistency_in
from athar.casework.checks.fusion import Fused, fuse
from athar.casework.checks.strength import Calibration, Strength, calibration_for, strength
from athar.casework.domain.permissions import Actor, Permission, require
from athar.casework.marks.search import MarksAgreement, agreements_in
from athar.casework.matching.candidates import CandidateView
from athar.casework.review.context import ReviewContext
from athar.casework.storage.uow import UnitOfWork
from athar.casework.storage.workspace import Workspace

FACE_ORDER = "face"
FUSED_ORDER = "fused"
ORDERS = (FACE_ORDER, FUSED_ORDER)


@dataclass(frozen=True)
class Weighed:
    """One candidate's evidence."""

    person_id: int
    body_id: int
    face: Strength | None
    """None: the model has no calibration, blind review withholds the score, or the score
    is of an earlier rank rule (`earlier_rule`)."""
    calibration: Calibration | None
    records: Consistency
    marks: MarksAgreement | None
    """None: the person has no marks."""
    fused: Fused | None
    earlier_rule: bool = False
    """The candidate was scored before the search pooled all photos as it does now: the
    calibration (strength.SCORE_RULE) does not read its score; a new search scores it."""


def marks_tally(marks: MarksAgreement | None) -> dict[str, int]:
    """How many of the person's marks have each agreement."""
    out: dict[str, int] = {}
    for item in marks.items if marks is not None else ():
        out[item.agreement.value] = out.get(item.agreement.value, 0) + 1
    return out


def weigh_in(uow: UnitOfWork, views: Sequence[CandidateView]
             ) -> dict[tuple[int, int], Weighed]:
    """The evidence of each candidate, keyed by (person, Body). A candidate scored by the
    search's rule before the pooled faces (no pooled score stored) has no face likelihood
    ratio: the calibration reads the current rule's scores (strength.SCORE_RULE)."""
    return _weigh_pairs(uow, [(v.person_id, v.body_id, v.model_id, v.score,
                               v.score is not None and v.pooled is None) for v in views])


def _weigh_pairs(uow: UnitOfWork,
                 items: Sequence[tuple[int, int, str, float | None, bool]]
                 ) -> dict[tuple[int, int], Weighed]:
    """(person, Body, model, score or None while hidden, scored by an earlier rule)."""
    pairs = [(person, body) for person, body, *_ in items]
    records = consistency_in(uow, pairs)
    marks = agreements_in(uow, pairs)
    out = {}
    for person, body, model_id, score, earlier in items:
        pair = (person, body)
        calibration = calibration_for(model_id)
        face = (strength(calibration, score)
                if calibration is not None and score is not None and not earlier else None)
        out[pair] = Weighed(person, body, face, calibration, records[pair], marks.get(pair),
                            fuse(face, records[pair], marks_tally(marks.get(pair))),
                            earlier)
    return out


def weigh_context(ws: Workspace, actor: Actor, ctx: ReviewContext) -> Weighed:
    """The evidence of the candidate a reviewer has open (its score as they may see it:
    none while blind review withholds it)."""
    require(actor, Permission.VIEW_RECORDS)
    with ws.uow(actor) as uow:
        return _weigh_pairs(uow, [(ctx.person_id, ctx.body_id, ctx.model_id, ctx.score,
                                   ctx.score is not None and ctx.pooled is None)])[
            (ctx.person_id, ctx.body_id)]


def weigh(ws: Workspace, actor: Actor, views: Sequence[CandidateView]
          ) -> dict[tuple[int, int], Weighed]:
    """The evidence of each candidate the user was shown (blind review applies: a
    withheld score has no likelihood ratio).

    Raises:
        PermissionDenied.
    """
    require(actor, Permission.VIEW_RECORDS)
    with ws.uow(actor) as uow:
        return weigh_in(uow, views)


def ordered(views: Iterable[CandidateView], weighed: dict[tuple[int, int], Weighed],
            order: str) -> list[CandidateView]:
    """The candidates in face order (as given) or by fused score, best first; candidates
    without a fused score keep face order after those with one."""
    rows = list(views)
    if order == FACE_ORDER:
        return rows
    if order != FUSED_ORDER:
        raise ValueError(f"order: {order!r} is not one of {', '.join(ORDERS)}")
    position = {id(v): i for i, v in enumerate(rows)}

    def key(v: CandidateView) -> tuple[bool, float, int]:
        found = weighed.get((v.person_id, v.body_id))
        fused = found.fused if found is not None else None
        return (fused is None, -(fused.log10_lr if fused else 0.0), position[id(v)])

    return sorted(rows, key=key)
