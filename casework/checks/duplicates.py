"""Post-mortem duplicates: one body photographed in several folders or collections, and
fragments of one person's remains recorded as two Bodies.

Athar suggests pairs of Bodies from two kinds of evidence and a person decides:

- the faces: every Body's faces searched against the other Bodies'. A pair is suggested
  from its faces when the two Bodies are each other's nearest (NEARNESS) and the search's
  score of the pair (its own aggregation: the mean of the best pair's cosine and the
  pooled faces' score), read as a likelihood ratio with the model's calibration, reaches
  10^MUTUAL_MIN_LOG10 (see bench/duplicates.py for what it finds and misses on
  faces-tune);
- the numbers: the same detainee or forensic number on both Bodies (Arabic-Indic digits
  read as Western ones, leading zeros and separators ignored) suggests the pair whatever
  the faces say; a different number on both is shown as a reason against.

Decisions (`RelateBodies`): `same_body` merges the second Body into the first (its photos
count as the first's in every search while the merge stands; its open candidates are
flagged), `fragment` links two Bodies that stay apart, `distinct` records that they are
not the same (the pair is not suggested again). Each needs a written reason, stores the
evidence it was taken on, and is audited. Nothing is ever deleted: `UndoRelation`
records who undid it, when and why, and flags the candidates the undo touches.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from athar.casework.checks.strength import calibration_for, lr_figure, verbal_of
from athar.casework.domain.commands import Command
from athar.casework.domain.entities import (
    UNDECIDED_STATES,
    Body,
    BodyRelation,
    BodyRelationKind,
    IdentificationState,
    Side,
    utcnow,
)
from athar.casework.domain.errors import InvalidRequest, NotFoundError, RuleViolation
from athar.casework.domain.events import AuditAction
from athar.casework.domain.permissions import Actor, Permission, require
from athar.casework.domain.text import neutralise
from athar.casework.matching.search import OwnerScore, score_owners
from athar.casework.storage.uow import UnitOfWork
from athar.casework.storage.workspace import Workspace

MUTUAL_MIN_LOG10 = 1.0
"""A pair is suggested from its faces when each Body is the other's nearest and their LR
is at least 10 (chosen on faces-tune, bench/duplicates.py: 150 bodies filed twice among
450; clean photos: 94% of the duplicates found, 93% of the suggestions right; both copies
degraded with pm-hard: 19% found, 40% right; with the calibration of 2026-12-06). An LR
threshold alone does not work here: the calibration was fitted on family photos against
post-mortem ones, and two degraded photos of different people score high (LR >= 100
found 31% on pm-hard with 7% right, 1.3 wrong suggestions per Body)."""
NEARNESS = "the mean of the best pair's cosine and the mean faces' cosine"
"""Which other Body is a Body's nearest, for duplicates: two Bodies' photos are both
post-mortem, and the mean faces' cosine, which the search no longer ranks by (families'
photos against Bodies: casework.matching.search AGGREGATION), finds duplicates better
than the search's pooled score. Measured on faces-tune (bench/duplicates.py, 150
duplicated Bodies among 450, mutual nearest with LR >= 10; found / right): clean 94.0% /
93.4% with this nearness against 94.7% / 91.6% with the pooled score, pm-hard 18.5% /
39.7% against 17.0% / 28.4%, held-out (never tuned on) 53.4% / 73.7% against 51.9% /
67.3%. The likelihood ratio shown and thresholded is always the calibrated one, of the
search's score."""
NEIGHBOURS = 32
"""Nearest faces looked at per face of a Body when looking for its duplicates."""
NUMBER_FIELDS = (("detainee_no", "detainee number"), ("forensic_no", "forensic number"))
"""Numbers that identify a body: the same one on two Bodies suggests a duplicate."""
SHOWN_FIELDS = (*NUMBER_FIELDS, ("branch_no", "branch number"), ("photo_date", "photo date"))
MAX_REASON = 4000


class RelationRefused(RuleViolation):
    """A merge, link or undo that the rules forbid (the message says which and why)."""


@dataclass(frozen=True)
class NumberCheck:
    """One recorded field of two Bodies side by side."""

    field: str
    name: str
    first: str | None
    second: str | None
    outcome: str
    """"same", "differs" or "unknown" (missing on one side or both)."""


@dataclass(frozen=True)
class PairEvidence:
    """What the faces and the numbers say about two Bodies."""

    body_id: int
    body_label: str
    collection: str
    other_id: int
    other_label: str
    other_collection: str
    score: float | None
    """The search's score of the two Bodies' faces (None: one has no searchable face)."""
    best: float | None
    log10_lr: float | None
    """None: no face on one side, or the model is not calibrated."""
    numbers: tuple[NumberCheck, ...] = ()

    @property
    def agreeing(self) -> list[str]:
        """The identifying numbers that agree."""
        keys = {f for f, _ in NUMBER_FIELDS}
        return [n.name for n in self.numbers if n.field in keys and n.outcome == "same"]

    @property
    def differing(self) -> list[str]:
        """The identifying numbers recorded on both that differ."""
        keys = {f for f, _ in NUMBER_FIELDS}
        return [n.name for n in self.numbers if n.field in keys and n.outcome == "differs"]

    @property
    def face_words(self) -> str:
        """The faces' evidence in words."""
        if self.score is None:
            return "no face to compare on one of the Bodies"
        if self.log10_lr is None:
            return f"face score {self.score:.3f} (model not calibrated)"
        return (f"face score {self.score:.3f}: LR {lr_figure(self.log10_lr)}, "
                f"{verbal_of(self.log10_lr)}"
                f"{'' if self.log10_lr >= 0 else ' for two different people'}")

    def reasons(self) -> list[str]:
        """Why the pair is suggested, and what speaks against it, in sentences."""
        out = [self.face_words]
        for n in self.numbers:
            if n.outcome == "same":
                out.append(f"the same {n.name} on both ({n.first})")
            elif n.outcome == "differs":
                out.append(f"{n.name} {n.first} on one, {n.second} on the other")
        return out

    def as_json(self) -> dict[str, object]:
        """The evidence as stored with a decision."""
        return {"score": None if self.score is None else round(self.score, 6),
                "best": None if self.best is None else round(self.best, 6),
                "log10_lr": None if self.log10_lr is None else round(self.log10_lr, 3),
                "numbers": {n.field: {"first": n.first, "second": n.second,
                                      "outcome": n.outcome} for n in self.numbers},
                "reasons": self.reasons()}


_SEPARATORS = re.compile(r"[\s\-_/.,:#]+")


def identifying_key(value: str | None) -> str | None:
    """A recorded number as compared: Western digits, case and separators ignored,
    leading zeros dropped (None when empty)."""
    if value is None:
        return None
    western = "".join(str(unicodedata.digit(c)) if c.isdigit() else c
                      for c in unicodedata.normalize("NFKC", value))
    key = _SEPARATORS.sub("", western).casefold().lstrip("0")
    return key or (None if not western.strip() else "0")


def _compare(first: str | None, second: str | None) -> str:
    a, b = identifying_key(first), identifying_key(second)
    if a is None or b is None:
        return "unknown"
    return "same" if a == b else "differs"


def _numbers(a: Body, b: Body) -> tuple[NumberCheck, ...]:
    out = []
    for key, name in SHOWN_FIELDS:
        first, second = getattr(a, key), getattr(b, key)
        out.append(NumberCheck(key, name, first, second, _compare(first, second)))
    return tuple(out)


@dataclass
class _Faces:
    ids: list[int] = field(default_factory=list)
    owners: list[int] = field(default_factory=list)


def _members(merged: dict[int, int], body_id: int) -> list[int]:
    return [body_id, *(b for b, kept in merged.items() if kept == body_id)]


@dataclass(frozen=True)
class Neighbour:
    """Another Body near a Body's faces."""

    score: float
    """The search's score of the pair (what the calibration reads)."""
    best: float
    """The best face pair's cosine."""
    nearness: float
    """How near it is among the Body's neighbours (NEARNESS)."""


def neighbour(scored: OwnerScore) -> Neighbour:
    """A scored Body as a neighbour: its search score, best pair and NEARNESS."""
    return Neighbour(scored.score, scored.best, (scored.best + scored.mean_faces) / 2)


def nearest(found: dict[int, Neighbour]) -> int | None:
    """The nearest of these Bodies (NEARNESS; the lower id on a tie), None if none."""
    return max(found, key=lambda o: (found[o].nearness, -o), default=None)


def face_neighbours(uow: UnitOfWork, body_id: int, merged: dict[int, int]
                    ) -> dict[int, Neighbour]:
    """Other Bodies near this Body's faces: those with a face among the NEIGHBOURS nearest
    to each of its faces (merged duplicates counted as their Bodies)."""
    model = uow.ws.model
    q_ids, _, q_vecs = uow.faces.owner_faces(Side.PM, _members(merged, body_id),
                                             model.model_id, model.dim)
    if not q_ids:
        return {}
    index = uow.ws.indexes.get(model, Side.PM)
    total = len(index)
    if total == 0:
        return {}
    hits = index.search(q_vecs, min(NEIGHBOURS + len(q_ids), total))
    owners = {merged.get(o, o) for o in uow.faces.owners_of(
        Side.PM, {h.id for row in hits for h in row}).values()} - {body_id}
    if not owners:
        return {}
    fetch = [m for o in sorted(owners) for m in _members(merged, o)]
    m_ids, m_owner, m_vecs = uow.faces.owner_faces(Side.PM, fetch, model.model_id, model.dim)
    m_owner = [merged.get(o, o) for o in m_owner]
    return {owner: neighbour(scored) for owner, scored in
            score_owners(q_ids, q_vecs, m_ids, m_owner, m_vecs).items()}


def log10_lr(uow: UnitOfWork, score: float | None) -> float | None:
    calibration = calibration_for(uow.ws.model.model_id)
    if score is None or calibration is None:
        return None
    return calibration.log10_lr(score)


def _evidence(uow: UnitOfWork, a: Body, b: Body, score: tuple[float, float] | None
              ) -> PairEvidence:
    labels = uow.owners.body_labels([a.id, b.id])
    s, best = score if score is not None else (None, None)
    return PairEvidence(a.id, labels[a.id][0], labels[a.id][1], b.id, labels[b.id][0],
                        labels[b.id][1], s, best, log10_lr(uow, s), _numbers(a, b))


def _pair_score(uow: UnitOfWork, body_id: int, other_id: int, merged: dict[int, int]
                ) -> tuple[float, float] | None:
    """The search's score and best pair of two Bodies' faces (None: one has none)."""
    model = uow.ws.model
    q_ids, _, q_vecs = uow.faces.owner_faces(Side.PM, _members(merged, body_id),
                                             model.model_id, model.dim)
    m_ids, _, m_vecs = uow.faces.owner_faces(Side.PM, _members(merged, other_id),
                                             model.model_id, model.dim)
    if not q_ids or not m_ids:
        return None
    scored = score_owners(q_ids, q_vecs, m_ids, [other_id] * len(m_ids), m_vecs)[other_id]
    return scored.score, scored.best


def pair_evidence(uow: UnitOfWork, body_id: int, other_id: int) -> PairEvidence:
    """What the faces and numbers say about two Bodies now (merged duplicates' photos
    counted as their Bodies')."""
    a, b = uow.owners.get_body(body_id), uow.owners.get_body(other_id)
    return _evidence(uow, a, b, _pair_score(uow, a.id, b.id, uow.relations.merged_into()))


def _decided_pairs(uow: UnitOfWork) -> set[frozenset[int]]:
    return {frozenset((r.body_id, r.other_body_id)) for r in uow.relations.standing()}


def suggestions(ws: Workspace, actor: Actor, body_id: int | None = None,
                limit: int = 200) -> list[PairEvidence]:
    """Pairs of Bodies that may be one body, best first: the same identifying number on
    both, or two Bodies that are each other's nearest by face with an LR of at least
    10^MUTUAL_MIN_LOG10 (any LR when the model is not calibrated). Pairs already decided
    (merged, linked or recorded as distinct) and Bodies merged away are left out, and a
    decided pair no longer hides a Body's next nearest.

    Raises:
        PermissionDenied: the actor may not see records. NotFoundError: no such Body.
    """
    require(actor, Permission.VIEW_RECORDS)
    ws.indexes.get(ws.model, Side.PM)  # opened before the transaction
    with ws.uow(actor) as uow:
        merged = uow.relations.merged_into()
        if body_id is not None:
            body = uow.owners.get_body(body_id)
            if body.id in merged:
                return []
        decided = _decided_pairs(uow)
        bodies = {b.id: b for b in uow.owners.all_bodies() if b.id not in merged}
        near_of: dict[int, dict[int, Neighbour]] = {}

        def near(b: int) -> dict[int, Neighbour]:
            if b not in near_of:
                near_of[b] = {o: sc for o, sc in face_neighbours(uow, b, merged).items()
                              if o in bodies and frozenset((b, o)) not in decided}
            return near_of[b]

        face_pairs: dict[frozenset[int], tuple[float, float]] = {}
        for q in ([body_id] if body_id is not None else sorted(bodies)):
            other = nearest(near(q))
            if other is not None and nearest(near(other)) == q:
                pair = near(q)[other]
                face_pairs[frozenset((q, other))] = (pair.score, pair.best)
        by_number: dict[tuple[str, str], list[int]] = defaultdict(list)
        for b in bodies.values():
            for name, _ in NUMBER_FIELDS:
                value = identifying_key(getattr(b, name))
                if value is not None:
                    by_number[(name, value)].append(b.id)
        number_pairs = {frozenset((first, second)) for ids in by_number.values()
                        for i, first in enumerate(ids) for second in ids[i + 1:]
                        if body_id is None or body_id in (first, second)}
        found = []
        for key in (set(face_pairs) | number_pairs) - decided:
            low, high = sorted(key)
            if body_id is not None:  # the asked-for Body first
                low, high = (body_id, high if low == body_id else low)
            score = face_pairs.get(key) or _pair_score(uow, low, high, merged)
            ev = _evidence(uow, bodies[low], bodies[high], score)
            if ev.agreeing or (key in face_pairs and (
                    ev.log10_lr is None or ev.log10_lr >= MUTUAL_MIN_LOG10)):
                found.append(ev)
    found.sort(key=lambda e: (-len(e.agreeing), -(e.log10_lr or -99.0), e.body_id,
                              e.other_id))
    return found[:limit]


# -- decisions ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RelateBodies(Command[int]):
    """Command: record that two Bodies are one body (`same_body`: the second is merged
    into the first), fragments of one person (`fragment`), or not the same (`distinct`),
    with a reason."""

    body_id: int
    other_body_id: int
    kind: str
    reason: str


@dataclass(frozen=True)
class UndoRelation(Command[None]):
    """Command: undo a merge, link or "distinct" decision, with a reason (the decision
    and its undo both stay on record)."""

    relation_id: int
    reason: str


def _kind(value: str) -> BodyRelationKind:
    try:
        return BodyRelationKind(value.strip().lower().replace("-", "_"))
    except ValueError:
        raise InvalidRequest(f"unknown decision {value!r}: one of "
                             f"{', '.join(k.value for k in BodyRelationKind)}") from None


def _reason(text: str, what: str) -> str:
    reason = neutralise(text).strip()
    if not reason:
        raise InvalidRequest(f"{what} needs a reason: say what you compared")
    if len(reason) > MAX_REASON:
        raise InvalidRequest(f"the reason is longer than {MAX_REASON} characters")
    return reason


def _describe(r: BodyRelation, labels: dict[int, tuple[str, str]]) -> str:
    words = {BodyRelationKind.SAME_BODY: "merged as one body",
             BodyRelationKind.FRAGMENT: "linked as fragments",
             BodyRelationKind.DISTINCT: "recorded as distinct"}[BodyRelationKind(r.kind)]
    return (f"Bodies {labels[r.body_id][0]} and {labels[r.other_body_id][0]} are {words} "
            f"(decision {r.id} by {r.created_by} on {r.created_at:%Y-%m-%d})")


def _check_merge(uow: UnitOfWork, kept: Body, other: Body) -> None:
    merged = uow.relations.merged_into()
    labels = uow.owners.body_labels([kept.id, other.id, *merged.values()])
    if kept.id in merged:
        target = merged[kept.id]
        raise RelationRefused(
            f"Body {kept.label} is itself merged into Body {labels[target][0]} (id {target}): "
            f"merge Body {other.label} into Body {labels[target][0]} instead")
    if other.id in merged:
        target = merged[other.id]
        raise RelationRefused(f"Body {other.label} is already merged into Body "
                              f"{labels[target][0]} (id {target})")
    for ident in uow.reviews.identifications():
        if ident.body_id == other.id and ident.state in (IdentificationState.PROPOSED,
                                                         IdentificationState.CONFIRMED):
            raise RelationRefused(
                f"Body {other.label} has identification {ident.id} ({ident.state.value}): "
                f"keep Body {other.label} and merge Body {kept.label} into it, or settle "
                "the identification first")


def _flag(uow: UnitOfWork, body_id: int, why: str, faces_of: set[int] | None = None) -> int:
    """Flag the Body's undecided candidates (those resting on `faces_of`, when given)."""
    n = 0
    for cand in uow.candidates.for_body(body_id).values():
        if cand.state not in UNDECIDED_STATES:
            continue
        if faces_of is not None and cand.pm_face_id not in faces_of:
            continue
        cand.attention = why if not cand.attention else f"{cand.attention}; {why}"
        n += 1
    return n


def handle_relate_bodies(cmd: RelateBodies, uow: UnitOfWork, actor: Actor) -> int:
    """Record the decision with the evidence it was taken on; returns its id.

    Raises:
        PermissionDenied: not an examiner or supervisor. NotFoundError: no such Body.
        InvalidRequest: the same Body twice, unknown decision, no reason.
        RelationRefused: the pair is decided already, a merge into a Body that is itself
            merged away, or of a Body with a proposed or confirmed identification.
    """
    require(actor, Permission.ANNOTATE)
    kind = _kind(cmd.kind)
    if cmd.body_id == cmd.other_body_id:
        raise InvalidRequest("a Body cannot be related to itself: give two Body ids")
    reason = _reason(cmd.reason, "a decision about two Bodies")
    kept, other = uow.owners.get_body(cmd.body_id), uow.owners.get_body(cmd.other_body_id)
    pair = {kept.id, other.id}
    for r in uow.relations.standing():
        if {r.body_id, r.other_body_id} == pair:
            raise RelationRefused(_describe(r, uow.owners.body_labels(pair))
                                  + ": undo it first to decide again")
    if kind is BodyRelationKind.SAME_BODY:
        _check_merge(uow, kept, other)
    evidence = pair_evidence(uow, kept.id, other.id)
    relation = uow.relations.add(BodyRelation(
        body_id=kept.id, other_body_id=other.id, kind=kind, reason=reason,
        evidence=evidence.as_json(), created_by=actor.username))
    flagged = 0
    if kind is BodyRelationKind.SAME_BODY:
        flagged = _flag(uow, other.id, f"Body {other.label} was merged into Body {kept.label} "
                                       f"(decision {relation.id}): review the pair under "
                                       f"Body {kept.label}")
    uow.record(AuditAction.BODY_RELATE, "body_relation", relation.id, {
        "kind": kind.value, "body": kept.id, "other_body": other.id, "reason": reason,
        "evidence": evidence.as_json(), "candidates_flagged": flagged})
    uow.commit()
    return relation.id


def handle_undo_relation(cmd: UndoRelation, uow: UnitOfWork, actor: Actor) -> None:
    """Undo a standing decision (kept on record with the undo).

    Raises:
        PermissionDenied: not an examiner or supervisor. NotFoundError: no such decision.
        InvalidRequest: no reason. RelationRefused: it was undone already.
    """
    require(actor, Permission.ANNOTATE)
    reason = _reason(cmd.reason, "an undo")
    relation = uow.relations.get(cmd.relation_id)
    if relation is None:
        raise NotFoundError(f"no decision about Bodies with id {cmd.relation_id} "
                            "(athar duplicates list shows them)")
    if relation.undone_at is not None:
        raise RelationRefused(f"decision {relation.id} was undone already by "
                              f"{relation.undone_by} on {relation.undone_at:%Y-%m-%d} "
                              f"({relation.undo_reason})")
    relation.undone_by, relation.undone_at, relation.undo_reason = (
        actor.username, utcnow(), reason)
    flagged = 0
    if relation.kind == BodyRelationKind.SAME_BODY:
        labels = uow.owners.body_labels([relation.body_id, relation.other_body_id])
        model = uow.ws.model
        faces, _, _ = uow.faces.owner_faces(Side.PM, [relation.other_body_id],
                                            model.model_id, model.dim)
        kept = uow.relations.merged_into().get(relation.body_id, relation.body_id)
        flagged = _flag(uow, kept, f"the best pair's photo is Body "
                                   f"{labels[relation.other_body_id][0]}'s, no longer "
                                   f"merged into Body {labels[relation.body_id][0]} "
                                   f"(decision {relation.id} undone): search again",
                        set(faces))
    uow.session.flush()
    uow.record(AuditAction.BODY_RELATION_UNDO, "body_relation", relation.id, {
        "kind": BodyRelationKind(relation.kind).value, "body": relation.body_id,
        "other_body": relation.other_body_id, "reason": reason,
        "candidates_flagged": flagged})
    uow.commit()


@dataclass(frozen=True)
class RelationView:
    """A decision about two Bodies as the lists show it."""

    id: int
    kind: str
    body_id: int
    body_label: str
    other_id: int
    other_label: str
    reason: str
    evidence: dict[str, object]
    created_by: str
    created_at: str
    undone_by: str | None
    undone_at: str | None
    undo_reason: str | None

    @property
    def standing(self) -> bool:
        """Whether it still holds (not undone)."""
        return self.undone_at is None


def relations(ws: Workspace, actor: Actor, body_id: int | None = None) -> list[RelationView]:
    """Decisions about Bodies (touching one Body, or all), undone ones included, oldest
    first.

    Raises:
        PermissionDenied: the actor may not see records. NotFoundError: no such Body.
    """
    require(actor, Permission.VIEW_RECORDS)
    with ws.uow(actor) as uow:
        if body_id is not None:
            uow.owners.get_body(body_id)
            rows = uow.relations.of_bodies([body_id])
        else:
            rows = uow.relations.every()
        labels = uow.owners.body_labels({i for r in rows for i in (r.body_id,
                                                                    r.other_body_id)})
        return [RelationView(
            r.id, BodyRelationKind(r.kind).value, r.body_id, labels[r.body_id][0],
            r.other_body_id, labels[r.other_body_id][0], r.reason, dict(r.evidence),
            r.created_by, f"{r.created_at:%Y-%m-%d %H:%M}", r.undone_by,
            None if r.undone_at is None else f"{r.undone_at:%Y-%m-%d %H:%M}",
            r.undo_reason) for r in rows]


def merged_into(ws: Workspace) -> dict[int, int]:
    """Body id -> the Body it is merged into (standing merges only)."""
    with ws.uow() as uow:
        return uow.relations.merged_into()
