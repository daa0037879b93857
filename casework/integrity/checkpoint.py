"""Signed audit checkpoints (C2SP tlog-checkpoint / signed-note) and a portable export.

A checkpoint note says: this log (origin) had N events and its newest hash was H. It is
signed with the workspace's Ed25519 key. Handed to a partner or printed, it lets anyone
later prove that the log still extends it unchanged.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from athar.casework.domain.commands import Command
from athar.casework.domain.errors import InvalidRequest
from athar.casework.domain.events import AuditAction
from athar.casework.domain.permissions import Actor, Permission, require
from athar.casework.storage import audit_log
from athar.casework.storage.outputs import check_output, write_atomically
from athar.casework.storage.uow import UnitOfWork, execute
from athar.casework.storage.workspace import Workspace

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


@dataclass(frozen=True)
class MakeCheckpoint(Command[str]):
    """Command: sign the audit log's current head (returns the signed note)."""

    origin: str


def handle_make_checkpoint(cmd: MakeCheckpoint, uow: UnitOfWork, actor: Actor) -> str:
    """Write the note for the current head, signed by the workspace key (audited)."""
    require(actor, Permission.CHECKPOINT)
    _check_origin(cmd.origin)
    origin = cmd.origin
    size, head = audit_log.head(uow.session)
    uow.record(AuditAction.AUDIT_CHECKPOINT, "audit", size,
               {"origin": origin, "size": size, "head": head})
    uow.commit()
    body = f"{origin}\n{size}\n{base64.b64encode(bytes.fromhex(head)).decode()}\n"
    key = uow.ws.keys.signing_key()
    public = public_key_bytes(uow.ws)
    sig = base64.b64encode(_key_id(origin, public) + key.sign(body.encode())).decode()
    return f"{body}\n{SIG_PREFIX}{origin} {sig}\n"


def make_checkpoint(ws: Workspace, origin: str, actor: Actor) -> str:
    """Sign the head in its own unit of work (see `handle_make_checkpoint`)."""
    return execute(ws, handle_make_checkpoint, MakeCheckpoint(origin), actor)


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
        event = uow.audit.get(cp.size)
        count, chain = audit_log.verify_chain(uow.session)
    problems = [f"audit event {p.seq}: {p.message}" for p in chain]
    if count < cp.size:
        problems.append(f"the log has {count} events, fewer than the checkpoint's {cp.size}: "
                        "events were removed")
    elif event is None or event.hash != cp.head:
        problems.append(f"event {cp.size} does not match the checkpoint's head hash: "
                        "the log was rewritten")
    return problems


@dataclass(frozen=True)
class ExportAudit(Command[int]):
    """Command: write the log with its chain to a file (returns the number of events)."""

    out: Path


def handle_export_audit(cmd: ExportAudit, uow: UnitOfWork, actor: Actor) -> int:
    """Write `HASH CANONICAL-JSON` lines, one per event, for verification without Athar.

    The file is written whole or not at all (a temporary file renamed into place).

    Raises:
        InvalidRequest: `out` cannot be written (checked before anything is read).
    """
    require(actor, Permission.AUDIT_EXPORT)
    check_output(cmd.out)
    count = 0

    def write(fh: IO[str]) -> None:
        nonlocal count
        for event in uow.audit.in_order():
            fields = audit_log.event_fields(event)
            fh.write(f"{event.hash} {audit_log.canonical(fields).decode('utf-8')}\n")
            count += 1

    write_atomically(cmd.out, write)
    uow.release()
    uow.record(AuditAction.AUDIT_EXPORT, "audit", count, {"events": count})
    uow.commit()
    return count


def export_log(ws: Workspace, out: Path, actor: Actor) -> int:
    """Export in its own unit of work (see `handle_export_audit`)."""
    return execute(ws, handle_export_audit, ExportAudit(out), actor)


def audit_key(ws: Workspace, origin: str, actor: Actor) -> str:
    """The verifier key of this workspace's checkpoints for `origin` (signed-note form
    `origin+keyid+base64(0x01 || Ed25519 public key)`), for partners who check checkpoints
    without Athar."""
    require(actor, Permission.VERIFY)
    _check_origin(origin)
    return verifier_key(origin, public_key_bytes(ws))
