"""Append-only, hash-chained audit log: each event holds the SHA-256 of the one before."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import rfc8785
from sqlalchemy.orm import Session

from athar.casework.domain.entities import AuditEvent
from athar.casework.domain.events import DomainEvent
from athar.casework.storage.repositories.audit import AuditRepository

GENESIS = "0" * 64


def canonical(obj: Mapping[str, Any]) -> bytes:
    """RFC 8785 (JCS) bytes of a JSON object: stable across versions and platforms."""
    return bytes(rfc8785.dumps(dict(obj)))


def event_digest(fields: Mapping[str, Any]) -> str:
    """The SHA-256 (hex) of an event's canonical form, which includes prev_hash."""
    return hashlib.sha256(canonical(fields)).hexdigest()


def event_fields(event: AuditEvent) -> dict[str, Any]:
    """The fields an event's hash covers, as exported (details parsed back to JSON)."""
    return {
        "seq": event.seq,
        "at": event.at,
        "actor": event.actor,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "details": json.loads(event.details),
        "prev_hash": event.prev_hash,
    }


def record(session: Session, actor: str, action: str, object_type: str, object_id: object,
           details: Mapping[str, Any] | None = None) -> AuditEvent:
    """Append one event row in the caller's transaction (so it commits with the change).

    Use cases do not call this: they record domain events on their unit of work, which
    appends them here when it commits.
    """
    last = AuditRepository(session).last()
    row = AuditEvent(
        seq=1 if last is None else last.seq + 1,
        at=datetime.now(UTC).isoformat(timespec="microseconds"),
        actor=actor,
        action=str(action),
        object_type=object_type,
        object_id=str(object_id),
        details=canonical(details or {}).decode("utf-8"),
        prev_hash=GENESIS if last is None else last.hash,
    )
    row.hash = event_digest(event_fields(row))
    session.add(row)
    session.flush()
    return row


def append(session: Session, actor: str, event: DomainEvent) -> AuditEvent:
    """The audit row of one domain event."""
    return record(session, actor, event.action, event.object_type, event.object_id,
                  event.details)


@dataclass(frozen=True)
class ChainProblem:
    """One place where the chain does not hold."""

    seq: int
    message: str


def verify_chain(session: Session) -> tuple[int, list[ChainProblem]]:
    """Recompute every event's hash and link.

    Returns:
        The number of events read and the problems found (empty when the chain holds).
    """
    problems: list[ChainProblem] = []
    expected_prev, expected_seq, count = GENESIS, 1, 0
    for event in AuditRepository(session).in_order():
        count += 1
        if event.seq != expected_seq:
            problems.append(ChainProblem(event.seq, f"expected event {expected_seq} here: "
                                         "an event was deleted, inserted or renumbered"))
        if event.prev_hash != expected_prev:
            problems.append(ChainProblem(event.seq, "does not link to the event before it "
                                         "(deleted, inserted or reordered events)"))
        if event_digest(event_fields(event)) != event.hash:
            problems.append(ChainProblem(event.seq, "content does not match its hash "
                                         "(the event was edited)"))
        expected_prev, expected_seq = event.hash, event.seq + 1
    return count, problems


def head(session: Session) -> tuple[int, str]:
    """The number of events and the hash of the newest one (GENESIS when empty)."""
    repo = AuditRepository(session)
    last = repo.last()
    return repo.count(), GENESIS if last is None else last.hash
