"""Continuous matching: new material triggers the searches it touches.

A search is *due* when what it would search has changed since it last ran:

- an open missing person (no confirmed identification) whose latest list was made on
  another post-mortem index (new Bodies or faces since, or some removed), under other
  merges of duplicate Bodies, or from other faces of the person (a photo added, a face
  marked or chosen): a new Body is thus searched against every open missing person;
- a Body (not merged away) never searched from its side, or whose faces changed since:
  a new person is searched against every Body through the person's own search, and a
  new Body gets its own list of persons.

`MatchNew` runs what is due, each query committed on its own (an interrupted run keeps
what it finished and the rest stays due). The desktop of a user who may search runs it
in the background after every import, new person, face marked or chosen, and merge;
`athar match-new` runs it from the command line. Runs stored before the query was
recorded (migration 0009) name no query: their persons and Bodies count as never
searched, so the first run after the upgrade searches everyone once.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select

from athar.casework.domain.commands import Command
from athar.casework.domain.entities import Candidate, IdentificationState, SearchRun, Side
from athar.casework.domain.events import AuditAction
from athar.casework.domain.permissions import Actor, Permission, require
from athar.casework.matching.search import DEFAULT_TOP, RunSearch, handle_run_search
from athar.casework.storage.uow import UnitOfWork
from athar.casework.storage.workspace import Workspace


@dataclass(frozen=True)
class DueSearches:
    """Who needs a search now, and why (person or Body id -> reason)."""

    persons: dict[int, str]
    bodies: dict[int, str]

    @property
    def empty(self) -> bool:
        """Nothing is due."""
        return not self.persons and not self.bodies


@dataclass(frozen=True)
class MatchNew(Command["MatchSummary"]):
    """Command: run every search that is due (see the module's docstring)."""

    top: int = DEFAULT_TOP
    pause_s: float = 0.0
    """Time left between two queries, write lock released (the desktop passes some, so
    that its screens' reads never wait long behind a background run)."""


@dataclass(frozen=True)
class MatchSummary:
    """What a MatchNew run did."""

    persons_searched: int
    bodies_searched: int
    new_candidates: int
    new_for_persons: dict[int, int]
    """person id -> how many pairs were proposed for the first time."""

    def sentence(self) -> str:
        """The run in one line."""
        if not self.persons_searched and not self.bodies_searched:
            return "every search is up to date"
        return (f"searched {self.persons_searched} missing person(s) and "
                f"{self.bodies_searched} Body(ies): {self.new_candidates} new candidate(s) "
                f"for {len(self.new_for_persons)} person(s)")


def _latest_runs(uow: UnitOfWork, side: Side, model_id: str) -> dict[int, SearchRun]:
    latest: dict[int, SearchRun] = {}
    for run in uow.session.scalars(select(SearchRun).where(
            SearchRun.query_side == side.value, SearchRun.model_id == model_id)
            .order_by(SearchRun.id)):
        if run.query_id is not None:
            latest[run.query_id] = run
    return latest


def _faces_by_owner(uow: UnitOfWork, side: Side, owners: list[int],
                    canon: dict[int, int]) -> dict[int, list[int]]:
    model = uow.ws.model
    ids, owner_of, _ = uow.faces.owner_faces(side, owners, model.model_id, model.dim)
    out: dict[int, list[int]] = defaultdict(list)
    for face, owner in zip(ids, owner_of, strict=True):
        out[canon.get(owner, owner)].append(face)
    return out


def _reason(run: SearchRun | None, faces: list[int], pm_version: str | None,
            merged: dict[str, int]) -> str | None:
    if run is None:
        return "never searched"
    then = run.params.get("query_faces")
    if not isinstance(then, list) or sorted(int(f) for f in then) != sorted(faces):
        return "its faces changed since its last search"
    if pm_version is not None and run.index_version != pm_version:
        return "new post-mortem material since its last search"
    if pm_version is not None and run.params.get("merged", {}) != merged:
        return "duplicate Bodies merged or unmerged since its last search"
    return None


def due_searches(uow: UnitOfWork) -> DueSearches:
    """The searches that are due now (no permission check: a read for the services)."""
    model = uow.ws.model
    pm_version = uow.ws.indexes.get(model, Side.PM).version()
    merged = uow.relations.merged_into()
    merged_json = {str(b): k for b, k in sorted(merged.items())}
    identified = {i.person_id for i in uow.reviews.identifications()
                  if i.state == IdentificationState.CONFIRMED}
    person_ids = [p for p in uow.owners.person_ids() if p not in identified]
    person_faces = _faces_by_owner(uow, Side.AM, person_ids, {})
    runs = _latest_runs(uow, Side.AM, model.model_id)
    persons = {}
    for pid in person_ids:
        faces = person_faces.get(pid)
        if faces:
            why = _reason(runs.get(pid), faces, pm_version, merged_json)
            if why is not None:
                persons[pid] = why
    body_ids = [b.id for b in uow.owners.all_bodies()]
    body_faces = _faces_by_owner(uow, Side.PM, body_ids, merged)
    body_runs = _latest_runs(uow, Side.PM, model.model_id)
    bodies = {}
    for bid in body_ids:
        faces = body_faces.get(bid)
        if faces and bid not in merged:
            why = _reason(body_runs.get(bid), faces, None, merged_json)
            if why is not None:
                bodies[bid] = why
    return DueSearches(persons, bodies)


def pending(ws: Workspace, actor: Actor) -> DueSearches:
    """The searches that are due now.

    Raises:
        PermissionDenied: the actor may not see records.
    """
    require(actor, Permission.VIEW_RECORDS)
    with ws.uow(actor) as uow:
        return due_searches(uow)


def _max_candidate(uow: UnitOfWork) -> int:
    return int(uow.session.scalar(select(func.max(Candidate.id))) or 0)


def handle_match_new(cmd: MatchNew, uow: UnitOfWork, actor: Actor) -> MatchSummary:
    """Run every due search (persons first, then Bodies), each query committed on its own.

    Raises:
        PermissionDenied: the actor may not search.
    """
    require(actor, Permission.SEARCH)
    due = due_searches(uow)
    uow.release()
    before = _max_candidate(uow)
    uow.release()
    queries = ([RunSearch(person_ids=(p,), top=cmd.top) for p in sorted(due.persons)]
               + [RunSearch(body_ids=(b,), top=cmd.top) for b in sorted(due.bodies)])
    for query in queries:
        handle_run_search(query, uow, actor)  # commits its query
        uow.release()
        if cmd.pause_s:
            time.sleep(cmd.pause_s)
    new: dict[int, int] = defaultdict(int)
    for person_id in uow.session.scalars(select(Candidate.person_id)
                                         .where(Candidate.id > before)):
        new[int(person_id)] += 1
    summary = MatchSummary(len(due.persons), len(due.bodies), sum(new.values()), dict(new))
    if not due.empty:
        uow.record(AuditAction.MATCH_NEW, "workspace", "-", {
            "persons": {str(k): v for k, v in sorted(due.persons.items())},
            "bodies": {str(k): v for k, v in sorted(due.bodies.items())},
            "new_candidates": summary.new_candidates})
        uow.commit()
    return summary
