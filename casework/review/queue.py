"""The review queue: candidates awaiting review, person by person in rank order, as the
user may see them (blind review applied)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from athar.casework.domain.commands import Command
from athar.casework.domain.entities import CandidateState, utcnow
from athar.casework.domain.events import AuditAction
from athar.casework.domain.permissions import Actor, Permission, require
from athar.casework.matching.candidates import as_seen
from athar.casework.storage.repositories.candidates import CandidateView
from athar.casework.storage.uow import UnitOfWork
from athar.casework.storage.workspace import Workspace

AWAITING = frozenset({CandidateState.QUEUED, CandidateState.IN_REVIEW, CandidateState.POSSIBLE,
                      CandidateState.NEEDS_INFO})
"""Open states: nobody excluded the pair and it is not proposed for sign-off."""


def review_queue(ws: Workspace, actor: Actor, person_id: int | None = None,
                 collection: str | None = None,
                 states: frozenset[CandidateState] | None = None) -> list[CandidateView]:
    """Candidates awaiting review (or in `states`, as the user sees them), by person and
    rank; a user's own reviewed pairs stay in the list with their state.

    Raises:
        PermissionDenied: the actor may not review.
    """
    require(actor, Permission.REVIEW)
    with ws.uow() as uow:
        views = uow.candidates.views(person_id=person_id)
        ids = [v.id for v in views]
        mine = uow.reviews.reviewed_by(actor.user_id, ids)
        counts = uow.reviews.review_counts(ids)
        blind_scores = uow.reviews.blind_scores()
    if collection:
        views = [v for v in views if v.collection == collection]
    if states is None:
        views = [v for v in views if v.state in AWAITING]
    seen = [as_seen(v, v.id in mine, blind_scores, counts.get(v.id, 0)) for v in views]
    if states is not None:
        seen = [v for v in seen if v.state in states]
    return sorted(seen, key=lambda v: (v.person_label, v.person_id, v.rank is None,
                                       v.rank or 0, v.body_label, v.id))


VISIT_KEY = "user.{user_id}.review_visit"
"""Setting that holds when a user last looked at the review queue (ISO time, UTC)."""


@dataclass(frozen=True)
class QueueNews:
    """What reached the review queue since the user's last visit."""

    since: datetime | None
    """The last visit (None: the user never opened the queue)."""
    new_ids: frozenset[int]
    """Awaiting candidates first proposed since then."""
    persons: int
    bodies: int

    def sentence(self) -> str:
        """The notice in English."""
        n = len(self.new_ids)
        when = ("since your last visit" if self.since is None else
                f"since your last visit ({self.since:%Y-%m-%d %H:%M} UTC)")
        if self.since is None:
            when = "on your first visit"
        if not n:
            return f"Nothing new {when}."
        return (f"{n} new candidate{'s' if n != 1 else ''} {when}: for {self.persons} "
                f"person{'s' if self.persons != 1 else ''}, {self.bodies} "
                f"Bod{'ies' if self.bodies != 1 else 'y'}.")


def last_visit(uow: UnitOfWork, actor: Actor) -> datetime | None:
    """When the actor last opened the review queue."""
    value = uow.users.setting(VISIT_KEY.format(user_id=actor.user_id))
    return None if value is None else datetime.fromisoformat(value)


def queue_news(ws: Workspace, actor: Actor, since: datetime | None = None) -> QueueNews:
    """The awaiting candidates proposed since the actor's last visit to the queue (or
    since `since`: what a page opened at a visit keeps calling new).

    Raises:
        PermissionDenied: the actor may not review.
    """
    queue = review_queue(ws, actor)
    if since is None:
        with ws.uow(actor) as uow:
            since = last_visit(uow, actor)
    new = [v for v in queue if since is None
           or (v.created_at is not None and _aware(v.created_at) > since)]
    return QueueNews(since, frozenset(v.id for v in new), len({v.person_id for v in new}),
                     len({v.body_id for v in new}))


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


@dataclass(frozen=True)
class RecordQueueVisit(Command[None]):
    """Command: the acting user looked at the review queue now (what is new is counted
    from here on)."""


def handle_record_visit(cmd: RecordQueueVisit, uow: UnitOfWork, actor: Actor) -> None:
    """Store the visit for the acting user (audited).

    Raises:
        PermissionDenied: the actor may not review.
    """
    del cmd  # nothing to say: the visit is now
    require(actor, Permission.REVIEW)
    now = utcnow()
    key = VISIT_KEY.format(user_id=actor.user_id)
    uow.users.set_setting(key, now.isoformat())
    uow.record(AuditAction.REVIEW_QUEUE_VISIT, "setting", key, {"at": now.isoformat()})
    uow.commit()
