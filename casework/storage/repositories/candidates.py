"""Candidates (MissingPerson and Body pairs) and their read model."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, insert, select
from sqlalchemy.orm import Session

from athar.casework.domain.entities import (
    Body,
    Candidate,
    CandidateState,
    Collection,
    MissingPerson,
    SearchRun,
)


@dataclass(frozen=True)
class FusedScores:
    """What a fused search (several models, casework.matching.search.FUSION) gave a pair:
    each model's rank score and its calibrated log10 likelihood ratio, and their mean, by
    which the list was ranked. Models that could not score the pair are absent."""

    models: tuple[str, ...]
    """Every model the search fused, the opened one first."""
    scores: dict[str, float]
    log10_lr: dict[str, float]
    fused_log10_lr: float


@dataclass(frozen=True)
class CandidateView:
    """One proposed pair as the candidates list shows it."""

    id: int
    person_id: int
    body_id: int
    body_label: str
    collection: str
    rank: int | None
    """Rank in the person's list: the latest AM→PM search that returned the Body (None
    once it fell out, or when only a Body's search found the pair)."""
    score: float | None
    """The score the search ranked by: the mean of `best` and `pooled` (for candidates
    stored before the pooled score, of `best` and `mean_faces`, or `best` alone before
    mean faces); None while blind review hides it."""
    best: float | None
    """Cosine similarity of the best face pair (1.0: identical vectors)."""
    mean_faces: float | None
    """Cosine similarity of the two sides' mean faces (None: not stored, or hidden)."""
    score_mean3: float | None
    state: CandidateState | None
    """None while blind review hides the decision others made."""
    am_face_id: int
    pm_face_id: int
    model_id: str
    person_label: str = ""
    body_rank: int | None = None
    """Rank in the Body's list: the latest PM→AM search that returned the person."""
    search_run_id: int | None = None
    index_version: str = ""
    attention: str | None = None
    """Why the pair needs attention (identified elsewhere, returned, revoked)."""
    reviews: int = 0
    hidden: frozenset[str] = frozenset()
    """What blind review withholds from the user who asked (see domain.blind)."""
    created_at: datetime | None = None
    """When a search first proposed the pair."""
    fusion: FusedScores | None = None
    """The scores of a fused search, when the stored scores come from one."""
    pooled: float | None = None
    """The pooled faces' score (None: stored before it existed, or hidden)."""


class CandidateRepository:
    """Candidates (MissingPerson and Body pairs)."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def get(self, candidate_id: int) -> Candidate | None:
        """A Candidate by id."""
        return self._s.get(Candidate, candidate_id)

    def for_person(self, person_id: int) -> dict[int, Candidate]:
        """body id -> Candidate of the person."""
        rows = self._s.scalars(select(Candidate).where(Candidate.person_id == person_id))
        return {c.body_id: c for c in rows}

    def for_body(self, body_id: int) -> dict[int, Candidate]:
        """person id -> Candidate of the body."""
        rows = self._s.scalars(select(Candidate).where(Candidate.body_id == body_id))
        return {c.person_id: c for c in rows}

    def add_many(self, rows: list[dict[str, object]]) -> None:
        """Insert Candidates given as column values, in one executemany: a search's new
        list of hundreds of pairs is written without building an ORM object for each (the
        rows are not loaded into the session; `pair_ids` gives their ids)."""
        if rows:
            self._s.execute(insert(Candidate), rows)

    def pair_ids(self, *, person_id: int | None = None, body_id: int | None = None
                 ) -> dict[int, int]:
        """Candidate ids of one person's pairs by Body id, or of one Body's by person id."""
        if person_id is not None:
            rows = self._s.execute(select(Candidate.body_id, Candidate.id)
                                   .where(Candidate.person_id == person_id))
        else:
            rows = self._s.execute(select(Candidate.person_id, Candidate.id)
                                   .where(Candidate.body_id == body_id))
        return {int(other): int(cid) for other, cid in rows}

    def add_run(self, run: SearchRun) -> SearchRun:
        """Insert a SearchRun (its id is known on return)."""
        self._s.add(run)
        self._s.flush()
        return run

    def views(self, person_id: int | None = None, body_id: int | None = None,
              states: frozenset[CandidateState] | None = None) -> list[CandidateView]:
        """Candidates as the lists show them: of one person, one Body, or all."""
        where: ColumnElement[bool] = Candidate.id.is_not(None)
        if person_id is not None:
            where = Candidate.person_id == person_id
        elif body_id is not None:
            where = Candidate.body_id == body_id
        q = (select(Candidate, Body.label, Collection.name, MissingPerson.label)
             .join(Body, Body.id == Candidate.body_id)
             .join(Collection, Collection.id == Body.collection_id)
             .join(MissingPerson, MissingPerson.id == Candidate.person_id)
             .where(where))
        if states is not None:
            q = q.where(Candidate.state.in_(sorted(states)))
        rows = self._s.execute(q).all()
        fused = self._fused_runs({c.search_run_id for c, *_ in rows} - {None})
        views = []
        for c, label, coll, person_label in rows:
            run = fused.get(c.search_run_id) if c.search_run_id is not None else None
            views.append(CandidateView(
                c.id, c.person_id, c.body_id, label, coll, c.rank, c.ranked_score, c.score,
                c.score_mean_faces, c.score_mean3, CandidateState(c.state), c.am_face_id,
                c.pm_face_id, c.model_id, person_label, c.body_rank, c.search_run_id,
                c.index_version, c.attention, created_at=c.created_at,
                fusion=None if run is None else _fused_scores(
                    run, c.body_id if run[0] == "am" else c.person_id),
                pooled=c.score_pooled))
        return views

    def _fused_runs(self, run_ids: set[int]) -> dict[int, tuple[str, dict[str, object]]]:
        """The fused searches among these runs: their query side and `params["fusion"]`."""
        if not run_ids:
            return {}
        q = select(SearchRun.id, SearchRun.query_side, SearchRun.params).where(
            SearchRun.id.in_(sorted(run_ids)))
        found: dict[int, tuple[str, dict[str, object]]] = {}
        for rid, side, params in self._s.execute(q).all():
            fusion = params.get("fusion") if isinstance(params, dict) else None
            if isinstance(fusion, dict):
                found[rid] = (side or "am", fusion)
        return found


def _fused_scores(run: tuple[str, dict[str, object]], owner: int) -> FusedScores | None:
    """One owner's scores in a fused run's parameters (None: runs stored before the
    calibrated values were, or an owner the run did not score)."""
    fusion, key = run[1], str(owner)
    scores, lrs, fused = (fusion.get("scores"), fusion.get("log10_lr"),
                          fusion.get("fused_log10_lr"))
    models = fusion.get("models")
    if not (isinstance(scores, dict) and isinstance(lrs, dict) and isinstance(fused, dict)
            and isinstance(models, list) and key in fused):
        return None
    return FusedScores(tuple(str(m) for m in models),
                       {str(m): float(v) for m, v in scores.get(key, {}).items()},
                       {str(m): float(v) for m, v in lrs.get(key, {}).items()},
                       float(fused[key]))
