"""Append-only, hash-chained audit log: each event holds the SHA-256 of the one before."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import rfc8785
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from athar.casework.entities import AuditEvent

GENESIS = "0" * 64


def canonical(obj: Mapping[str, Any]) -> bytes:
    """RFC 8785 (JCS) bytes of a JSON object: stable across versions and platforms."""
    return bytes(rfc8785.dumps(dict(obj)))


def event_digest(fields: Mapping[str, Any]) -> str:
    """The SHA-256 (hex) of an event's canonical form, which includes prev_hash."""
    return hashlib.sha256(canonical(fields)).hexdigest()


def _fields(event: AuditEvent) -> dict[str, Any]:
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


def record(
    session: Session,
    actor: str,
    action: str,
    object_type: str,
    object_id: object,
    details: Mapping[str, Any] | None = None,
) -> AuditEvent:
    """Append one event in the caller's transaction (so it commits with the change)."""
    last = session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)).first()
    seq = 1 if last is None else last.seq + 1
    prev = GENESIS if last is None else last.hash
    event = AuditEvent(
        seq=seq,
        at=datetime.now(UTC).isoformat(timespec="microseconds"),
        actor=actor,
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        details=canonical(details or {}).decode("utf-8"),
        prev_hash=prev,
    )
    event.hash = event_digest(_fields(event))
    session.add(event)
    session.flush()
    return event


@dataclass(frozen=True)
class ChainProblem:
    """One place where the chain does not hold."""

    seq: int
    message: str


def _iter_events(session: Session) -> Iterator[AuditEvent]:
    yield from session.scalars(select(AuditEvent).order_by(AuditEvent.seq)).yield_per(1000)


def verify_chain(session: Session) -> tuple[int, list[ChainProblem]]:
    """Recompute every event's hash and link.

    Returns:
        The number of events read and the problems found (empty when the chain holds).
    """
    problems: list[ChainProblem] = []
    expected_prev, expected_seq, count = GENESIS, 1, 0
    for event in _iter_events(session):
        count += 1
        if event.seq != expected_seq:
            problems.append(ChainProblem(event.seq, f"expected event {expected_seq} here: "
                                         "an event was deleted, inserted or renumbered"))
        if event.prev_hash != expected_prev:
            problems.append(ChainProblem(event.seq, "does not link to the event before it "
                                         "(deleted, inserted or reordered events)"))
        if event_digest(_fields(event)) != event.hash:
            problems.append(ChainProblem(event.seq, "content does not match its hash "
                                         "(the event was edited)"))
        expected_prev, expected_seq = event.hash, event.seq + 1
    return count, problems


def head(session: Session) -> tuple[int, str]:
    """The number of events and the hash of the newest one (GENESIS when empty)."""
    count = session.scalar(select(func.count()).select_from(AuditEvent)) or 0
    last = session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)).first()
    return count, GENESIS if last is None else last.hash
