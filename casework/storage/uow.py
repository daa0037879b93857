"""Unit of work: one Session per user action; its domain events become audit events in the
same transaction; rolled back unless committed."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from athar.casework.domain.events import AuditAction, Changed, DomainEvent, Topic
from athar.casework.domain.permissions import Actor
from athar.casework.storage import audit_log
from athar.casework.storage.repositories import (
    AuditRepository,
    CandidateRepository,
    FaceRepository,
    MarkRepository,
    OwnerRepository,
    PhotoRepository,
    RecordRepository,
    RelationRepository,
    ReviewRepository,
    UserRepository,
    VictimRepository,
)

if TYPE_CHECKING:
    from athar.casework.storage.workspace import Workspace

SYSTEM_ACTOR = "(system)"
"""Who acts when no user does (the indexes' own repairs record nothing; kept for clarity)."""


class UnitOfWork:
    """Opens a session and its repositories; collects the use case's domain events.

    `commit()` writes one audit event per collected domain event, then commits the change
    and its audit trail together; it may be called several times (an import commits each
    file on its own). Leaving the `with` block without committing rolls back what is
    pending, events included.
    """

    def __init__(self, engine: Engine, actor: Actor | None = None,
                 workspace: Workspace | None = None) -> None:
        self._factory = sessionmaker(engine, expire_on_commit=False)
        self._session: Session | None = None
        self.actor = actor
        self._workspace = workspace
        self._pending: list[DomainEvent] = []
        self.topics: set[Topic] = set()
        """Kinds of record changed by what this unit of work committed."""

    @property
    def session(self) -> Session:
        """The open session (only inside `with`)."""
        if self._session is None:
            raise RuntimeError("unit of work used outside its `with` block")
        return self._session

    @property
    def ws(self) -> Workspace:
        """The workspace (folders, evidence, indexes, model) the use case works on."""
        if self._workspace is None:
            raise RuntimeError("this unit of work was opened without its workspace")
        return self._workspace

    def __enter__(self) -> UnitOfWork:
        self._session = self._factory()
        s = self._session
        self.owners = OwnerRepository(s)
        self.photos = PhotoRepository(s)
        self.faces = FaceRepository(s)
        self.candidates = CandidateRepository(s)
        self.audit = AuditRepository(s)
        self.users = UserRepository(s)
        self.records = RecordRepository(s)
        self.reviews = ReviewRepository(s)
        self.marks = MarkRepository(s)
        self.victims = VictimRepository(s)
        self.relations = RelationRepository(s)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        # close() rolls back whatever was not committed and detaches the loaded objects
        # without expiring them, so read results stay usable after the block.
        self._pending.clear()
        self.session.close()
        self._session = None

    def record(self, action: AuditAction, object_type: str, object_id: object,
               details: Mapping[str, Any] | None = None, *, actor: str | None = None) -> None:
        """Collect a domain event; it is audited when the unit of work commits."""
        self._pending.append(DomainEvent(action, object_type, object_id, dict(details or {}),
                                         actor))

    def commit(self) -> None:
        """Audit the collected events and make the change durable with them."""
        for event in self._pending:
            name = event.actor or (self.actor.username if self.actor else SYSTEM_ACTOR)
            audit_log.append(self.session, name, event)
            if event.topic is not None:
                self.topics.add(event.topic)
        self._pending.clear()
        self.session.commit()

    def release(self) -> None:
        """End the current (read) transaction before slow work (decoding, a model), so
        that other writers are not held up; loaded objects are expired and reload on use.

        Raises:
            RuntimeError: something is pending (commit or roll it back instead).
        """
        s = self.session
        if self._pending or s.new or s.dirty or s.deleted:
            raise RuntimeError("release() with pending changes: commit or roll back")
        s.rollback()

    def rollback(self) -> None:
        """Drop what is pending (changes and events); the unit of work stays usable."""
        self._pending.clear()
        self.session.rollback()


C = TypeVar("C")
R = TypeVar("R")
Handler = Callable[[C, UnitOfWork, Any], R]
"""A use case: (command, unit of work, acting user) -> result."""


def execute(ws: Workspace, handler: Handler[C, R], cmd: C, actor: Actor | None) -> R:
    """Run one use case in its own unit of work, then tell the workspace's listeners what
    kinds of record it changed (also when it failed after committing part of its work)."""
    uow = ws.uow(actor)
    try:
        with uow:
            return handler(cmd, uow, actor)
    finally:
        ws.changes.publish(Changed(frozenset(uow.topics)))
