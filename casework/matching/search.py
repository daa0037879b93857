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
    CandidateState,
    MissingPerson,
    SearchRun,
    Side,
    utcnow,
)
from athar.casework.domain.errors import InvalidRequest, ModelMismatchError
from athar.casework.domain.events import AuditAction
from athar.casework.domain.permissions import Actor, Permission, require
from athar.casework.domain.ports import ModelInfo, ScoreCalibration, VectorIndex, Vectors
from athar.casework.storage.uow import UnitOfWork, execute
from athar.casework.storage.workspace import Workspace

logger = logging.getLogger(__name__)

DEFAULT_TOP = 50
"""NIST "investigation mode": a fixed-length list for a person to review, no threshold."""
AGGREGATION = ("rank by the mean of the best pair's cosine and the pooled faces' score "
               "Q.M / sqrt(|Q| |M|), Q and M the mean of each side's unit face vectors "
               "(the geometric mean of the mean pair cosine and the mean faces' cosine); "
               "also kept: best pair, mean faces' cosine, mean of the best three pairs")
"""How face scores become an owner's score (recorded with every search).

Every photo of a degraded Body is a noisy view of one face: pooling all of them is
steadier than any single photo, and the best pair still catches the one good photo among
bad ones. Two ways to pool pull in opposite directions. The cosine of the two sides' *mean
faces* (each side's normalised mean of its unit vectors) denoises a degraded Body, but
the mean of many photos of one person also lies nearer everyone's average face, so a Body
with many photos scores higher with every query (on clean photos of faces-tune, for 21 of
the 34 persons whose Body was not first, their one-photo Body was passed by someone
else's Body of 2-7 photos).
The *mean pair cosine* (Q.M, every query face with every Body face) has no such pull, and
no denoising either. The pooled score is their geometric mean, Q.M / sqrt(|Q| |M|) (Q,
M: the mean of each side's unit vectors; for one photo on each side, the pair's cosine).
Chosen on faces-tune (620 identities, bench/accuracy.py's lists re-ranked, mean hit rate
over ranks 1-10, clean / pm-hard): best pair with the mean faces (the rule before, chosen
on faces-dev) 0.981 / 0.477; best pair alone 0.981 / 0.434; mean of the best three pairs
0.986 / 0.445; best pair with the mean pair cosine 0.986 / 0.470; with the pooled score
0.985 / 0.492: rank 1 94.5 -> 95.6% and 29.2 -> 29.8%, rank 10 99.2 -> 99.4% and 55.6 ->
59.0% (with Q.M / (|Q| |M|)^0.25 or ^0.75 instead of the square root: 0.986 / 0.488 and
0.983 / 0.492; the root is the middle of that range). On the held-out family, never
tuned on: rank 1 68.9 -> 71.6%, rank 10 82.3 -> 84.2%. bench/README.md has the rows. The
owners scored are those with a face among the index's nearest to the query's faces
(widened until `top` owners are found); the pooled score re-ranks them."""


FUSION = ("rank by the mean, over the models that scored the owner, of each model's "
          "calibrated log10 likelihood ratio of its own rank score")
"""How the scores of several models become one (recorded with every fused search).

Each model's cosines live on their own scale (a cosine of 0.6 is a strong match for one
network and a weak one for another), so they are never averaged as they are: each
model's rank score is first read through that model's calibration (a log10 likelihood
ratio fitted on pairs of known identity, casework.checks.strength), and the candidate
list is ranked by the mean of those. An owner that one model could not score (none of
its faces has that model's vectors) is ranked by the others, and the list says which
models scored it. The owners scored are those any model's index finds near the query."""


@dataclass(frozen=True)
class FusedModel:
    """One model of a fused search: its identity and its calibration (None: it has none,
    and the search is refused)."""

    model: ModelInfo
    calibration: ScoreCalibration | None


@dataclass(frozen=True)
class RunSearch(Command[list["QueryResult"]]):
    """Command: search Bodies for MissingPersons (AM→PM) or the other way (PM→AM)."""

    person_ids: tuple[int, ...] = ()
    all_persons: bool = False
    body_ids: tuple[int, ...] = ()
    top: int = DEFAULT_TOP
    fusion: tuple[FusedModel, ...] = ()
    """Several models' vectors fused (FUSION): the workspace's opened model first, then
    every other; empty: the opened model alone."""


@dataclass(frozen=True)
class RankedMatch:
    """One ranked owner for a query: its id, label, scores, rank and review state."""

    owner_id: int
    label: str
    score: float
    """The rank's score: mean of `best` and `pooled` (AGGREGATION)."""
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
    model_id: str = ""
    """The model whose scores and faces above are (in a fused search, the first model
    that scored the owner)."""
    model_scores: dict[str, float] = field(default_factory=dict)
    """Fused searches: each model's rank score for the owner (models that could not score
    it are absent)."""
    model_log10_lr: dict[str, float] = field(default_factory=dict)
    """Fused searches: each model's score read through its calibration."""
    fused_log10_lr: float | None = None
    """Fused searches: the mean of `model_log10_lr`, what the list is ranked by."""
    pooled: float = 0.0
    """The pooled faces' score (AGGREGATION): `score` is the mean of it and `best`."""


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
    pooled: float = 0.0
    """The pooled faces' score (AGGREGATION); `score` is the mean of it and `best`."""


def _pooled(query_mean: np.ndarray, match_means: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(pooled scores, mean faces' cosines) of one query mean vector Q (dim,) against each
    owner's mean vector M (k, dim): Q.M / sqrt(|Q| |M|) and Q.M / (|Q| |M|)."""
    dot = match_means @ query_mean
    lengths = np.maximum(float(np.linalg.norm(query_mean))
                         * np.linalg.norm(match_means, axis=1), 1e-12)
    return dot / np.sqrt(lengths), dot / lengths


def pooled_score(query_vecs: Vectors, match_vecs: Vectors) -> tuple[float, float]:
    """(pooled score, mean faces' cosine) of two sets of unit face vectors (AGGREGATION):
    with Q and M the mean vector of each side, Q.M / sqrt(|Q| |M|) and Q.M / (|Q| |M|)."""
    pooled, means = _pooled(query_vecs.astype(np.float64).mean(axis=0),
                            match_vecs.astype(np.float64).mean(axis=0, keepdims=True))
    return float(pooled[0]), float(means[0])


def score_owners(query_ids: list[int], query_vecs: Vectors, match_ids: list[int],
                 match_owner: list[int], match_vecs: Vectors) -> dict[int, OwnerScore]:
    """Each owner's scores against the query's faces (AGGREGATION): its best pair (ties go
    to the higher query face id, then match face id), the mean of its best three pairs,
    its mean faces' cosine and pooled score, and the rank score (the mean of the best
    pair's cosine and the pooled score). All owners at once, as array operations: a search
    that ranks every Body of a large collection scores them in one pass.

    Args:
        query_ids: face ids of the query owner, (q,).
        query_vecs: (q, dim) float32 unit rows.
        match_ids: candidate face ids, (m,); match_owner: their owners, (m,).
        match_vecs: (m, dim) float32 unit rows.
    """
    if not query_ids or not match_ids:
        return {}
    owners, group = np.unique(np.asarray(match_owner, dtype=np.int64), return_inverse=True)
    sizes = np.bincount(group, minlength=len(owners))
    # every (query face, match face) pair, ordered by owner, then score, query id, match id
    q, m = len(query_ids), len(match_ids)
    scores = (query_vecs @ match_vecs.T).astype(np.float64).ravel()  # pair i*m + j
    q_of = np.repeat(np.asarray(query_ids, dtype=np.int64), m)
    m_of = np.tile(np.asarray(match_ids, dtype=np.int64), q)
    order = np.lexsort((m_of, q_of, scores, np.tile(group, q)))
    ranked, pairs = scores[order], sizes * q
    ends = np.cumsum(pairs)  # each owner's pairs end here in `order`
    best_at = order[ends - 1]
    best = scores[best_at]
    second = np.where(pairs >= 2, ranked[np.maximum(ends - 2, 0)], 0.0)
    third = np.where(pairs >= 3, ranked[np.maximum(ends - 3, 0)], 0.0)
    mean3 = (best + second + third) / np.minimum(pairs, 3)
    # each owner's mean face vector, its faces summed in their given order
    by_owner = np.argsort(group, kind="stable")
    sums = np.add.reduceat(match_vecs[by_owner].astype(np.float64),
                           np.concatenate([[0], np.cumsum(sizes)[:-1]]), axis=0)
    pooled, mean_faces = _pooled(query_vecs.astype(np.float64).mean(axis=0),
                                 sums / sizes[:, None])
    return {int(o): OwnerScore(int(o), float((best[k] + pooled[k]) / 2), float(best[k]),
                               float(mean_faces[k]), float(mean3[k]), int(q_of[best_at[k]]),
                               int(m_of[best_at[k]]), float(pooled[k]))
            for k, o in enumerate(owners)}


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
    _check_fusion(cmd.fusion, uow)
    searcher = _Searcher(uow, actor, cmd.fusion)
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


def _check_fusion(fusion: tuple[FusedModel, ...], uow: UnitOfWork) -> None:
    """A fused search needs the opened model first, two or more distinct models, each
    with its calibration and with vectors in the workspace."""
    if not fusion:
        return
    ids = [f.model.model_id for f in fusion]
    if len(ids) < 2 or len(set(ids)) != len(ids):
        raise InvalidRequest("fusing needs two or more different models")
    if ids[0] != uow.ws.model.model_id:
        raise InvalidRequest(f"a fused search starts with the workspace's model "
                             f"{uow.ws.model.model_id}, not {ids[0]}")
    for f in fusion:
        if f.calibration is None or f.calibration.model_id != f.model.model_id:
            raise InvalidRequest(
                f"model {f.model.model_id} has no calibration, so its scores cannot be "
                f"put on one scale with another model's: fit one on pairs of known "
                f"identity (bench/calibrate.py --model ID --write), or search with one "
                f"model")
        if uow.faces.count_embeddings(f.model.model_id)[0] == 0:
            raise InvalidRequest(f"no face has vectors of model {f.model.model_id} yet: add "
                                 f"them with `athar reembed WS --model ID`")


class SearchService:
    """Runs RunSearch commands in their own unit of work (scripts, tests, benchmarks)."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def run(self, cmd: RunSearch, actor: Actor) -> list[QueryResult]:
        """See `handle_run_search`."""
        return execute(self.ws, handle_run_search, cmd, actor)


class _Searcher:
    """One search command's queries: FAISS top faces, then exact scores over all pairs."""

    def __init__(self, uow: UnitOfWork, actor: Actor,
                 fusion: tuple[FusedModel, ...] = ()) -> None:
        self.uow, self.actor, self.ws = uow, actor, uow.ws
        self.fusion = fusion
        self._versions: dict[tuple[str, Side], str] = {}
        self._fused_lr: dict[int, float] = {}
        self._model_lr: dict[int, dict[str, float]] = {}
        """Fused searches: each owner's calibrated log10 LR per scoring model."""

    def _index(self, model: ModelInfo, side: Side) -> tuple[VectorIndex, str]:
        """The model's index of a side and its version (one digest per run)."""
        index = self.ws.indexes.get(model, side)
        if index.model_id != model.model_id:
            raise ModelMismatchError(
                f"the {side.value} index holds vectors of {index.model_id}, the "
                f"queries are vectors of {model.model_id}: vectors of two models are "
                "never compared")
        key = (model.model_id, side)
        if key not in self._versions:  # the index is unchanged during the run
            self._versions[key] = index.version()
        return index, self._versions[key]

    def one(self, query_side: Side, query_id: int, top: int) -> QueryResult:
        """Rank the other side for one person (AM) or Body (PM); store and commit it."""
        model, uow = self.ws.model, self.uow
        target_side = Side.PM if query_side is Side.AM else Side.AM
        index, version = self._index(model, target_side)
        label = self._label(uow, query_side, query_id)
        merged = uow.relations.merged_into()
        query_owners = [query_id]
        if query_side is Side.PM:  # a Body's own photos and those of its merged duplicates
            query_owners += [b for b, kept in merged.items() if kept == query_id]
        q_ids, _, q_vecs = uow.faces.owner_faces(query_side, query_owners, model.model_id,
                                                model.dim)
        direction = _direction(query_side)
        if not q_ids and not self.fusion:
            note = "no searchable face: add a photo or mark the face"
            if uow.faces.count_embeddings(model.model_id)[0] == 0:
                note = (f"no face has vectors of model {model.model_id} yet: add them with "
                        "`athar reembed WS --model ID`")
            uow.release()
            return QueryResult(direction, query_id, label, note=note)
        canon = merged if target_side is Side.PM else {}
        if self.fusion:
            fused = self._fused(query_side, query_owners, target_side, top, canon)
            if fused is None:
                uow.release()
                return QueryResult(direction, query_id, label, note=(
                    "no searchable face with any of the fused models' vectors: add a photo "
                    "or mark the face"))
            ranked, per_model = fused
            q_ids = sorted({r.query_face for r in ranked})
        else:
            ranked = self._ranked(model, uow, index, q_ids, q_vecs, target_side, top, canon)
            per_model = {}
        params: dict[str, object] = {
            "top": top, "aggregation": AGGREGATION, "query_faces": q_ids,
            "index": index.describe(),
            "merged": {str(b): k for b, k in sorted(merged.items())}}
        if self.fusion:
            params["fusion"] = {
                "rule": FUSION,
                "models": [f.model.model_id for f in self.fusion],
                "index_versions": {m: v for (m, side), v in self._versions.items()
                                   if side is target_side},
                "scores": {str(o): {m: round(sc.score, 6) for m, sc in by.items()}
                           for o, by in per_model.items()},
                "log10_lr": {str(o): {m: round(v, 4) for m, v in by.items()}
                             for o, by in self._model_lr.items()},
                "fused_log10_lr": {str(o): round(v, 4) for o, v in self._fused_lr.items()}}
        run = uow.candidates.add_run(SearchRun(
            direction=direction, model_id=model.model_id, index_version=version,
            actor=self.actor.username, query_side=query_side.value, query_id=query_id,
            params=params))
        matches = self._store(uow, query_side, query_id, ranked, run, per_model)
        details: dict[str, object] = {
            "search_run": run.id, "direction": run.direction, "model_id": model.model_id,
            "index_version": version, "top": top,
            "results": [[m.owner_id, m.rank, round(m.score, 6), round(m.best, 6),
                         round(m.mean_faces, 6)] for m in matches]}
        if self.fusion:
            details["fusion"] = {"models": [f.model.model_id for f in self.fusion],
                                 "fused_log10_lr": [round(m.fused_log10_lr or 0.0, 4)
                                                    for m in matches]}
        uow.record(AuditAction.SEARCH_RUN, _kind(query_side), query_id, details)
        uow.commit()
        return QueryResult(direction, query_id, label, matches, search_run_id=run.id)

    def _ranked(self, model: ModelInfo, uow: UnitOfWork, index: VectorIndex,
                q_ids: list[int], q_vecs: Vectors, target_side: Side, top: int,
                canon: dict[int, int]) -> list[OwnerScore]:
        """One model's ranked owners for the query's faces."""
        owners = self._top_owners(uow, index, q_vecs, target_side, top, canon)
        return sorted(self._owner_scores(model, q_ids, q_vecs, target_side, owners,
                                         canon).values(),
                      key=lambda r: (-r.score, -r.best, r.owner))[:top]

    def _owner_scores(self, model: ModelInfo, q_ids: list[int], q_vecs: Vectors,
                      target_side: Side, owners: list[int], canon: dict[int, int]
                      ) -> dict[int, OwnerScore]:
        shown = set(owners)
        fetch = owners + [b for b, kept in canon.items() if kept in shown]
        m_ids, m_owner, m_vecs = self.uow.faces.owner_faces(target_side, fetch,
                                                           model.model_id, model.dim)
        m_owner = [canon.get(o, o) for o in m_owner]  # a duplicate's faces count as its Body's
        return score_owners(q_ids, q_vecs, m_ids, m_owner, m_vecs)

    def _fused(self, query_side: Side, query_owners: list[int], target_side: Side, top: int,
               canon: dict[int, int]
               ) -> tuple[list[OwnerScore], dict[int, dict[str, OwnerScore]]] | None:
        """Every fused model's scores for the owners any of their indexes finds near the
        query, ranked by the mean of the calibrated scores (FUSION). The OwnerScore kept
        per owner is that of the first model (in the fusion's order) that scored it."""
        queries: dict[str, tuple[list[int], Vectors]] = {}
        owners: set[int] = set()
        for f in self.fusion:
            q_ids, _, q_vecs = self.uow.faces.owner_faces(
                query_side, query_owners, f.model.model_id, f.model.dim)
            if not q_ids:
                continue
            queries[f.model.model_id] = (q_ids, q_vecs)
            index, _ = self._index(f.model, target_side)
            owners |= set(self._top_owners(self.uow, index, q_vecs, target_side, top, canon))
        if not queries:
            return None
        per_model: dict[int, dict[str, OwnerScore]] = defaultdict(dict)
        for f in self.fusion:
            if f.model.model_id not in queries:
                continue
            q_ids, q_vecs = queries[f.model.model_id]
            for o, sc in self._owner_scores(f.model, q_ids, q_vecs, target_side,
                                            sorted(owners), canon).items():
                per_model[o][f.model.model_id] = sc
        self._model_lr = {o: model_log10_lrs(by, self.fusion) for o, by in per_model.items()}
        self._fused_lr = {o: float(np.mean(list(by.values())))
                          for o, by in self._model_lr.items()}
        first = {o: next(by[f.model.model_id] for f in self.fusion if f.model.model_id in by)
                 for o, by in per_model.items()}
        ranked = sorted(first.values(),
                        key=lambda r: (-self._fused_lr[r.owner], -r.score, r.owner))[:top]
        return ranked, dict(per_model)

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
               ranked: list[OwnerScore], run: SearchRun,
               per_model: dict[int, dict[str, OwnerScore]]) -> list[RankedMatch]:
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

        def model_of(owner: int) -> str:
            by = per_model.get(owner)
            if not by:
                return self.ws.model.model_id
            return next(f.model.model_id for f in self.fusion if f.model.model_id in by)

        kept: dict[int, tuple[int, str]] = {}  # owner -> (candidate id, state) of pairs seen before
        new_rows: list[dict[str, object]] = []
        for rank, r in enumerate(ranked, start=1):
            cand = existing.get(r.owner)
            if cand is None:
                person, body = ((query_id, r.owner) if query_side is Side.AM
                                else (r.owner, query_id))
                new_rows.append({
                    "person_id": person, "body_id": body, "state": CandidateState.QUEUED,
                    "rank" if query_side is Side.AM else "body_rank": rank,
                    **self._scores(query_side, r, run, model_of(r.owner))})
                continue
            if cand.state in UNDECIDED_STATES:
                if query_side is Side.AM:
                    for column, value in self._scores(query_side, r, run,
                                                      model_of(r.owner)).items():
                        setattr(cand, column, value)
                    cand.rank = rank
                else:
                    cand.body_rank = rank
            kept[r.owner] = (cand.id, cand.state.value)
        seen = {r.owner for r in ranked}
        for owner, cand in existing.items():
            if owner not in seen and cand.state in UNDECIDED_STATES:
                # fell out of the latest list; kept, not deleted
                if query_side is Side.AM:
                    cand.rank = None
                else:
                    cand.body_rank = None
        uow.session.flush()  # the changed pairs, then the new ones in one statement
        uow.candidates.add_many(new_rows)
        ids = (uow.candidates.pair_ids(person_id=query_id) if query_side is Side.AM else
               uow.candidates.pair_ids(body_id=query_id)) if new_rows else {}
        queued = CandidateState.QUEUED.value
        stored = [kept.get(r.owner) or (ids[r.owner], queued) for r in ranked]
        matches: list[RankedMatch] = []
        for rank, (r, (cand_id, state)) in enumerate(zip(ranked, stored, strict=True),
                                                     start=1):
            by = per_model.get(r.owner, {})
            lrs = {m: round(v, 4) for m, v in self._model_lr.get(r.owner, {}).items()}
            matches.append(RankedMatch(
                r.owner, labels.get(r.owner, "?"), r.score, r.best, r.mean_faces, r.mean3,
                rank, state, r.query_face, r.match_face, cand_id,
                model_of(r.owner), {m: sc.score for m, sc in by.items()}, lrs,
                round(self._fused_lr[r.owner], 4) if self.fusion else None, r.pooled))
        return matches

    def _scores(self, query_side: Side, r: OwnerScore, run: SearchRun, model_id: str
                ) -> dict[str, object]:
        """The columns a person's search writes for a pair: its scores, faces, model and
        run."""
        am_face, pm_face = ((r.query_face, r.match_face) if query_side is Side.AM
                            else (r.match_face, r.query_face))
        return {
            "score": r.best, "score_mean3": r.mean3, "score_mean_faces": r.mean_faces,
            "score_pooled": r.pooled, "am_face_id": am_face, "pm_face_id": pm_face,
            "model_id": model_id,
            "index_version": (run.index_version if model_id == run.model_id else
                              self._versions[(model_id, _other(query_side))]),
            "search_run_id": run.id, "updated_at": utcnow()}


def model_log10_lrs(scores: dict[str, OwnerScore], fusion: tuple[FusedModel, ...]
                    ) -> dict[str, float]:
    """Each scoring model's score read through its calibration; FUSION ranks by their
    mean."""
    return {m: _calibration(fusion, m).log10_lr(sc.score) for m, sc in scores.items()}


def _calibration(fusion: tuple[FusedModel, ...], model_id: str) -> ScoreCalibration:
    found = next(f.calibration for f in fusion if f.model.model_id == model_id)
    if found is None:  # _check_fusion refuses such a search before it runs
        raise InvalidRequest(f"model {model_id} has no calibration")
    return found


def _other(side: Side) -> Side:
    return Side.PM if side is Side.AM else Side.AM


def _direction(query_side: Side) -> str:
    return "am->pm" if query_side is Side.AM else "pm->am"


def _kind(side: Side) -> str:
    return "missing_person" if side is Side.AM else "body"
