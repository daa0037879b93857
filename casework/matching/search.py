"""Search service: faces to owners, aggregated over all photo pairs, stored as Candidates."""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from athar.casework.domain.commands import Command
from athar.casework.domain.entities import (
    UNDECIDED_STATES,
    Body,
    Candidate,
    CandidateState,
    MissingPerson,
    SearchRun,
    Side,
    utcnow,
)
from athar.casework.domain.errors import InvalidRequest, ModelMismatchError
from athar.casework.domain.events import AuditAction
from athar.casework.domain.permissions import Actor, Permission, require
from athar.casework.domain.ports import VectorIndex, Vectors
from athar.casework.storage.uow import UnitOfWork, execute
from athar.casework.storage.workspace import Workspace

logger = logging.getLogger(__name__)

DEFAULT_TOP = 50
"""NIST "investigation mode": a fixed-length list for a person to review, no threshold."""
AGGREGATION = ("rank by the mean of the best pair's cosine and the cosine of the two "
               "owners' mean faces; also kept: best pair, mean of the best three pairs")
"""How face scores become an owner's score (recorded with every search).

Every photo of a degraded Body is a noisy view of one face: the mean of its unit vectors
(its *mean face*) is steadier than any single photo's, and the best pair still catches the
one good photo among bad ones. On faces-dev (bench/accuracy.py, same run, 60 persons)
ranking by the mean of the two, against the best pair alone: pm-hard rank 1 / 10
68.3 / 93.3% -> 70.0 / 95.0%, the held-out pm-colour 66.7 / 95.0% -> 80.0 / 95.0%, dark
rank 1 95.0 -> 98.3%, clean unchanged (100%), occlusion rank 1 56.7 -> 53.3% (an
occluded photo pulls the mean face off). An owner with one face has nothing to pool, and
a mean face of several also scores a little higher with other persons' faces (+0.004 on
average on degraded photos), so owners with a single face lose some ground (true Bodies
with one face: 1.6 ranks lower on average in the occlusion setting). bench/README.md has
the full rows. The owners
scored are those with a face among the index's nearest to the query's faces (widened
until `top` owners are found); the pooled score re-ranks them."""


@dataclass(frozen=True)
class RunSearch(Command[list["QueryResult"]]):
    """Command: search Bodies for MissingPersons (AM→PM) or the other way (PM→AM)."""

    person_ids: tuple[int, ...] = ()
    all_persons: bool = False
    body_ids: tuple[int, ...] = ()
    top: int = DEFAULT_TOP


@dataclass(frozen=True)
class RankedMatch:
    """One ranked owner for a query: its id, label, scores, rank and review state."""

    owner_id: int
    label: str
    score: float
    """The rank's score: mean of `best` and `mean_faces`."""
    best: float
    """Cosine of the best face pair."""
    mean_faces: float
    """Cosine of the two owners' mean faces (each the normalised mean of its unit vectors)."""
    score_mean3: float
    rank: int
    state: str
    query_face_id: int
    match_face_id: int
    candidate_id: int
    """The stored Candidate of the pair (`athar review` and the GUI act on it)."""


@dataclass(frozen=True)
class QueryResult:
    """The ranked list for one query owner (a MissingPerson, or a Body with --body)."""

    direction: str
    query_id: int
    query_label: str
    matches: list[RankedMatch] = field(default_factory=list)
    note: str = ""
    search_run_id: int | None = None
    """The stored SearchRun (model, index version, parameters); None when nothing ran."""


@dataclass
class _Agg:
    pairs: list[tuple[float, int, int]] = field(default_factory=list)  # score, query, match
    mean_faces: float = 0.0


@dataclass(frozen=True)
class OwnerScore:
    """One owner's scores against the query owner, and the pair that scored best."""

    owner: int
    score: float
    best: float
    mean_faces: float
    mean3: float
    query_face: int
    match_face: int


def mean_face(vecs: Vectors) -> np.ndarray:
    """The normalised mean of an owner's unit face vectors."""
    m = vecs.mean(axis=0)
    return np.asarray(m / max(float(np.linalg.norm(m)), 1e-12), dtype=np.float32)


def aggregate(query_ids: list[int], query_vecs: Vectors, match_ids: list[int],
              match_owner: list[int], match_vecs: Vectors) -> dict[int, _Agg]:
    """Every pair score between the query faces and each owner's faces, and the cosine of
    the query's and each owner's mean faces.

    Args:
        query_ids: face ids of the query owner, (q,).
        query_vecs: (q, dim) float32 unit rows.
        match_ids: candidate face ids, (m,); match_owner: their owners, (m,).
        match_vecs: (m, dim) float32 unit rows.
    """
    sims = query_vecs @ match_vecs.T
    out: dict[int, _Agg] = defaultdict(_Agg)
    rows: dict[int, list[int]] = defaultdict(list)
    for j, owner in enumerate(match_owner):
        rows[owner].append(j)
        for i, qid in enumerate(query_ids):
            out[owner].pairs.append((float(sims[i, j]), qid, match_ids[j]))
    query_mean = mean_face(query_vecs)
    for owner, js in rows.items():
        out[owner].mean_faces = float(query_mean @ mean_face(match_vecs[js]))
    return out


def score_owner(owner: int, agg: _Agg) -> OwnerScore:
    """The owner's rank score: the mean of its best pair's and its mean faces' cosines."""
    pairs = sorted(agg.pairs, reverse=True)
    best = pairs[0]
    return OwnerScore(owner, (best[0] + agg.mean_faces) / 2, best[0], agg.mean_faces,
                      float(np.mean([p[0] for p in pairs[:3]])), best[1], best[2])


def handle_run_search(cmd: RunSearch, uow: UnitOfWork, actor: Actor) -> list[QueryResult]:
    """Search and store Candidates, each query committed on its own; decided pairs are
    never reopened or re-queued.

    Raises:
        PermissionDenied: the actor may not search.
        InvalidRequest: no query given, or top < 1.
        NotFoundError: a person or Body id that does not exist (before any work).
    """
    require(actor, Permission.SEARCH)
    if cmd.top < 1:
        raise InvalidRequest("--top must be at least 1")
    searcher = _Searcher(uow, actor)
    if cmd.body_ids:
        merged = uow.relations.merged_into()
        for b in cmd.body_ids:
            body = uow.owners.get_body(b)  # NotFoundError names a wrong id before any work
            if b in merged:
                kept = uow.owners.get_body(merged[b])
                raise InvalidRequest(
                    f"Body {body.label} (id {b}) is merged into Body {kept.label} (id "
                    f"{kept.id}): its photos are searched as that Body's; search --body "
                    f"{kept.id}")
        return [searcher.one(Side.PM, b, cmd.top) for b in cmd.body_ids]
    ids = uow.owners.person_ids() if cmd.all_persons else list(cmd.person_ids)
    for pid in ids:
        uow.owners.person(pid)  # NotFoundError names a wrong id before any work
    if not ids and cmd.all_persons:
        raise InvalidRequest("there is no missing person in this workspace yet: add one "
                             "(athar add-person, or athar import-am) and search again")
    if not ids:
        raise InvalidRequest("nothing to search: give --person ID, --all or --body ID")
    return [searcher.one(Side.AM, pid, cmd.top) for pid in ids]


class SearchService:
    """Runs RunSearch commands in their own unit of work (scripts, tests, benchmarks)."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def run(self, cmd: RunSearch, actor: Actor) -> list[QueryResult]:
        """See `handle_run_search`."""
        return execute(self.ws, handle_run_search, cmd, actor)


class _Searcher:
    """One search command's queries: FAISS top faces, then exact scores over all pairs."""

    def __init__(self, uow: UnitOfWork, actor: Actor) -> None:
        self.uow, self.actor, self.ws = uow, actor, uow.ws
        self._versions: dict[Side, str] = {}

    def one(self, query_side: Side, query_id: int, top: int) -> QueryResult:
        """Rank the other side for one person (AM) or Body (PM); store and commit it."""
        model, uow = self.ws.model, self.uow
        target_side = Side.PM if query_side is Side.AM else Side.AM
        index = self.ws.indexes.get(model, target_side)
        if index.model_id != model.model_id:
            raise ModelMismatchError(
                f"the {target_side.value} index holds vectors of {index.model_id}, the "
                f"queries are vectors of {model.model_id}: vectors of two models are "
                "never compared")
        if target_side not in self._versions:  # one digest per run: the index is unchanged
            self._versions[target_side] = index.version()
        version = self._versions[target_side]
        label = self._label(uow, query_side, query_id)
        merged = uow.relations.merged_into()
        query_owners = [query_id]
        if query_side is Side.PM:  # a Body's own photos and those of its merged duplicates
            query_owners += [b for b, kept in merged.items() if kept == query_id]
        q_ids, _, q_vecs = uow.faces.owner_faces(query_side, query_owners, model.model_id,
                                                model.dim)
        direction = _direction(query_side)
        if not q_ids:
            note = "no searchable face: add a photo or mark the face"
            if uow.faces.count_embeddings(model.model_id)[0] == 0:
                note = (f"no face has vectors of model {model.model_id} yet: add them with "
                        "`athar reembed WS --model ID`")
            uow.release()
            return QueryResult(direction, query_id, label, note=note)
        canon = merged if target_side is Side.PM else {}
        owners = self._top_owners(uow, index, q_vecs, target_side, top, canon)
        shown = set(owners)
        fetch = owners + [b for b, kept in canon.items() if kept in shown]
        m_ids, m_owner, m_vecs = uow.faces.owner_faces(target_side, fetch,
                                                      model.model_id, model.dim)
        m_owner = [canon.get(o, o) for o in m_owner]  # a duplicate's faces count as its Body's
        ranked = sorted(
            (score_owner(o, a) for o, a in
             aggregate(q_ids, q_vecs, m_ids, m_owner, m_vecs).items()),
            key=lambda r: (-r.score, -r.best, r.owner),
        )[:top]
        run = uow.candidates.add_run(SearchRun(
            direction=direction, model_id=model.model_id, index_version=version,
            actor=self.actor.username, query_side=query_side.value, query_id=query_id,
            params={"top": top, "aggregation": AGGREGATION, "query_faces": q_ids,
                    "index": index.describe(),
                    "merged": {str(b): k for b, k in sorted(merged.items())}}))
        matches = self._store(uow, query_side, query_id, ranked, run)
        uow.record(AuditAction.SEARCH_RUN, _kind(query_side), query_id, {
            "search_run": run.id, "direction": run.direction, "model_id": model.model_id,
            "index_version": version, "top": top,
            "results": [[m.owner_id, m.rank, round(m.score, 6), round(m.best, 6),
                         round(m.mean_faces, 6)] for m in matches]})
        uow.commit()
        return QueryResult(direction, query_id, label, matches, search_run_id=run.id)

    @staticmethod
    def _label(uow: UnitOfWork, side: Side, owner_id: int) -> str:
        if side is Side.AM:
            return uow.owners.person(owner_id).label
        return uow.owners.get_body(owner_id).label

    @staticmethod
    def _top_owners(uow: UnitOfWork, index: VectorIndex, q_vecs: Vectors, side: Side,
                    top: int, canon: dict[int, int]) -> list[int]:
        """Owners whose best face is among the nearest, widening until `top` are found
        (a merged duplicate counts as the Body it was merged into)."""
        total, k = len(index), max(top * 4, 64)
        while True:
            hits = index.search(q_vecs, min(k, total))
            face_ids = {h.id for row in hits for h in row}
            owners = {canon.get(o, o) for o in uow.faces.owners_of(side, face_ids).values()}
            if len(owners) >= top or k >= total:
                return sorted(owners)
            k *= 4

    def _store(self, uow: UnitOfWork, query_side: Side, query_id: int,
               ranked: list[OwnerScore], run: SearchRun
               ) -> list[RankedMatch]:
        """Store the ranked list as Candidates.

        A person's search (AM→PM) writes the pair's scores and its rank in the person's
        list (`rank`); a Body's search (PM→AM) writes only the rank in the Body's list
        (`body_rank`) of a pair that exists already, so neither direction rewrites the
        other's list. Decided pairs keep everything as the reviewer saw it.
        """
        if query_side is Side.AM:
            existing = uow.candidates.for_person(query_id)
        else:
            existing = uow.candidates.for_body(query_id)
        kind = MissingPerson if query_side is Side.PM else Body
        labels = uow.owners.labels(kind, [r.owner for r in ranked])
        matches: list[RankedMatch] = []
        seen: set[int] = set()
        for rank, r in enumerate(ranked, start=1):
            seen.add(r.owner)
            cand = existing.get(r.owner)
            if cand is None:
                person, body = ((query_id, r.owner) if query_side is Side.AM
                                else (r.owner, query_id))
                cand = Candidate(person_id=person, body_id=body, state=CandidateState.QUEUED)
                uow.candidates.add(cand)
                self._score(cand, query_side, r, run)
            elif cand.state in UNDECIDED_STATES and query_side is Side.AM:
                self._score(cand, query_side, r, run)
            if cand.state in UNDECIDED_STATES:
                if query_side is Side.AM:
                    cand.rank = rank
                else:
                    cand.body_rank = rank
            uow.session.flush()
            matches.append(RankedMatch(r.owner, labels.get(r.owner, "?"), r.score, r.best,
                                       r.mean_faces, r.mean3, rank, cand.state.value,
                                       r.query_face, r.match_face, cand.id))
        for owner, cand in existing.items():
            if owner not in seen and cand.state in UNDECIDED_STATES:
                # fell out of the latest list; kept, not deleted
                if query_side is Side.AM:
                    cand.rank = None
                else:
                    cand.body_rank = None
        uow.session.flush()
        return matches

    def _score(self, cand: Candidate, query_side: Side, r: OwnerScore, run: SearchRun) -> None:
        am_face, pm_face = ((r.query_face, r.match_face) if query_side is Side.AM
                            else (r.match_face, r.query_face))
        cand.score, cand.score_mean3, cand.score_mean_faces = r.best, r.mean3, r.mean_faces
        cand.am_face_id, cand.pm_face_id = am_face, pm_face
        cand.model_id, cand.index_version = self.ws.model.model_id, run.index_version
        cand.search_run_id, cand.updated_at = run.id, utcnow()


def _direction(query_side: Side) -> str:
    return "am->pm" if query_side is Side.AM else "pm->am"


def _kind(side: Side) -> str:
    return "missing_person" if side is Side.AM else "body"
