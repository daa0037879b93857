"""Signed audit checkpoints (C2SP tlog-checkpoint / signed-note) and a portable export.

A checkpoint note says: this log (origin) had N events and its newest hash was H. It is
signed with the workspace's Ed25519 key. Handed to a partner or printed, it lets anyone
later prove that the log still extends it unchanged.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import select

from athar.casework import audit
from athar.casework.accounts import Actor, Permission, require
from athar.casework.context import Workspace
from athar.casework.entities import AuditEvent
from athar.casework.errors import InvalidRequest
from athar.casework.output import check_output, write_atomically

SIG_PREFIX = "\u2014 "
ED25519 = b"\x01"


def _key_id(name: str, public: bytes) -> bytes:
    return hashlib.sha256(name.encode() + b"\n" + ED25519 + public).digest()[:4]


def public_key_bytes(ws: Workspace) -> bytes:
    """The workspace's raw 32-byte Ed25519 public key."""
    return ws.keys.signing_key().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def verifier_key(name: str, public: bytes) -> str:
    """A signed-note verifier key string: `name+keyid+base64(0x01 || public key)`."""
    return f"{name}+{_key_id(name, public).hex()}+{base64.b64encode(ED25519 + public).decode()}"


@dataclass(frozen=True)
class Checkpoint:
    """A parsed checkpoint: origin, event count and head hash (hex)."""

    origin: str
    size: int
    head: str


def _check_origin(origin: str) -> None:
    # A signed-note key name: non-empty, no whitespace, no "+" (it separates the fields
    # of a verifier key).
    if not origin or "+" in origin or any(c.isspace() for c in origin):
        raise InvalidRequest("the checkpoint origin must be one word without spaces or '+' "
                             "(for example example.org/athar-log)")


def make_checkpoint(ws: Workspace, origin: str, actor: Actor) -> str:
    """Write the note for the current head, signed by the workspace key (audited)."""
    require(actor, Permission.CHECKPOINT)
    _check_origin(origin)
    with ws.uow() as uow:
        size, head = audit.head(uow.session)
        audit.record(uow.session, actor.username, "audit.checkpoint", "audit", size,
                     {"origin": origin, "size": size, "head": head})
        uow.commit()
    body = f"{origin}\n{size}\n{base64.b64encode(bytes.fromhex(head)).decode()}\n"
    key = ws.keys.signing_key()
    public = public_key_bytes(ws)
    sig = base64.b64encode(_key_id(origin, public) + key.sign(body.encode())).decode()
    return f"{body}\n{SIG_PREFIX}{origin} {sig}\n"


def parse_checkpoint(note: str, public: bytes) -> Checkpoint:
    """Check the signature and parse the note.

    Raises:
        InvalidRequest: malformed note or a signature that does not verify.
    """
    body, sep, sigs = note.partition("\n\n")
    if not sep or not body:
        raise InvalidRequest("not a signed checkpoint note")
    lines = body.split("\n")
    if len(lines) < 3:
        raise InvalidRequest("checkpoint note needs origin, size and hash lines")
    origin = lines[0]
    for line in sigs.splitlines():
        if not line.startswith(SIG_PREFIX):
            continue
        name, _, b64 = line[len(SIG_PREFIX):].rpartition(" ")
        raw = base64.b64decode(b64)
        if name != origin or raw[:4] != _key_id(name, public):
            continue
        try:
            Ed25519PublicKey.from_public_bytes(public).verify(raw[4:], (body + "\n").encode())
        except InvalidSignature as exc:
            raise InvalidRequest("checkpoint signature does not verify") from exc
        return Checkpoint(origin, int(lines[1]), base64.b64decode(lines[2]).hex())
    raise InvalidRequest("checkpoint is not signed by this workspace's key")


def check_extends(ws: Workspace, note: str, actor: Actor) -> list[str]:
    """Problems, if any, with the log as an extension of a checkpoint (empty when it holds)."""
    require(actor, Permission.VERIFY)
    cp = parse_checkpoint(note, public_key_bytes(ws))
    with ws.uow() as uow:
        event = uow.session.get(AuditEvent, cp.size)
        count, chain = audit.verify_chain(uow.session)
    problems = [f"audit event {p.seq}: {p.message}" for p in chain]
    if count < cp.size:
        problems.append(f"the log has {count} events, fewer than the checkpoint's {cp.size}: "
                        "events were removed")
    elif event is None or event.hash != cp.head:
        problems.append(f"event {cp.size} does not match the checkpoint's head hash: "
                        "the log was rewritten")
    return problems


def export_log(ws: Workspace, out: Path, actor: Actor) -> int:
    """Write `HASH CANONICAL-JSON` lines, one per event, for verification without Athar.

    The file is written whole or not at all (a temporary file renamed into place).

    Returns:
        The number of events written.
    Raises:
        InvalidRequest: `out` cannot be written (checked before anything is read).
    """
    require(actor, Permission.AUDIT_EXPORT)
    check_output(out)
    count = 0

    def write(fh: IO[str]) -> None:
        nonlocal count
        with ws.uow() as uow:
            for event in uow.session.scalars(select(AuditEvent).order_by(AuditEvent.seq)):
                fields = {
                    "seq": event.seq, "at": event.at, "actor": event.actor,
                    "action": event.action, "object_type": event.object_type,
                    "object_id": event.object_id, "details": json.loads(event.details),
                    "prev_hash": event.prev_hash,
                }
                fh.write(f"{event.hash} {audit.canonical(fields).decode('utf-8')}\n")
                count += 1

    write_atomically(out, write)
    with ws.uow() as uow:
        audit.record(uow.session, actor.username, "audit.export", "audit", count,
                     {"events": count})
        uow.commit()
    return count


def audit_key(ws: Workspace, origin: str, actor: Actor) -> str:
    """The verifier key of this workspace's checkpoints for `origin` (signed-note form
    `origin+keyid+base64(0x01 || Ed25519 public key)`), for partners who check checkpoints
    without Athar."""
    require(actor, Permission.VERIFY)
    _check_origin(origin)
    return verifier_key(origin, public_key_bytes(ws))
