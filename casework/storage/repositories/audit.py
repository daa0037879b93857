"""The audit log's rows: the newest, in order, a page for the activity list."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from athar.casework.domain.entities import AuditEvent


@dataclass(frozen=True)
class AuditFilter:
    """Which events to list: by user, action (or its start, "identification."), object,
    and day range (ISO dates, `until` exclusive)."""

    actor: str | None = None
    action: str | None = None
    object_type: str | None = None
    object_id: str | None = None
    since: str | None = None
    until: str | None = None


class AuditRepository:
    """Reads of the append-only audit_event table (rows are added by `audit_log.append`)."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def last(self) -> AuditEvent | None:
        """The newest event, if any."""
        return self._s.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)
                               ).first()

    def count(self) -> int:
        """How many events the log holds."""
        return int(self._s.scalar(select(func.count()).select_from(AuditEvent)) or 0)

    def get(self, seq: int) -> AuditEvent | None:
        """The event with that sequence number."""
        return self._s.get(AuditEvent, seq)

    def in_order(self) -> Iterator[AuditEvent]:
        """Every event, oldest first, streamed."""
        yield from self._s.scalars(select(AuditEvent).order_by(AuditEvent.seq)).yield_per(1000)

    def newest(self, limit: int, before: int | None = None,
               where: AuditFilter | None = None) -> list[AuditEvent]:
        """The latest events, newest first (`before`: only events with a smaller seq),
        optionally only those a filter keeps."""
        q = select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(limit)
        if before is not None:
            q = q.where(AuditEvent.seq < before)
        if where is not None:
            if where.actor:
                q = q.where(AuditEvent.actor == where.actor)
            if where.action:
                q = q.where(AuditEvent.action.startswith(where.action, autoescape=True))
            if where.object_type:
                q = q.where(AuditEvent.object_type == where.object_type)
            if where.object_id:
                q = q.where(AuditEvent.object_id == where.object_id)
            if where.since:
                q = q.where(AuditEvent.at >= where.since)
            if where.until:
                q = q.where(AuditEvent.at < where.until)
        return list(self._s.scalars(q))

    def about(self, objects: list[tuple[str, str]], limit: int = 500) -> list[AuditEvent]:
        """The events about any of these (object type, object id) pairs, oldest first."""
        if not objects:
            return []
        wanted = or_(*(and_(AuditEvent.object_type == kind, AuditEvent.object_id == oid)
                       for kind, oid in objects))
        return list(self._s.scalars(select(AuditEvent).where(wanted)
                                    .order_by(AuditEvent.seq).limit(limit)))
