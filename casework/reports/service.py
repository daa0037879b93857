"""Producing an identification report: permitted, written whole, audited."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from athar.casework.domain.commands import Command
from athar.casework.domain.events import AuditAction
from athar.casework.domain.permissions import Actor, Permission, PermissionDenied, require
from athar.casework.reports.content import gather
from athar.casework.reports.pdf import render
from athar.casework.reports.wording import Words
from athar.casework.storage.outputs import check_output, write_bytes_atomically
from athar.casework.storage.uow import UnitOfWork, execute
from athar.casework.storage.workspace import Workspace


@dataclass(frozen=True)
class MakeReport(Command["ReportResult"]):
    """Command: the PDF report of a confirmed (or revoked) identification."""

    identification_id: int
    out: Path
    full_body: bool = False
    """Also show the full post-mortem photos (face crops only by default)."""
    contact: bool = False
    """Include the submitter's contact (only for users granted it; audited)."""
    language: str = "en"
    """"en" or "ar" (right to left)."""


@dataclass(frozen=True)
class ReportResult:
    """The written report."""

    path: Path
    sha256: str
    size: int


def handle_make_report(cmd: MakeReport, uow: UnitOfWork, actor: Actor) -> ReportResult:
    """Write the report (whole or not at all) and audit it with its SHA-256.

    Raises:
        PermissionDenied: no report permission, or the contact without the grant.
        InvalidRequest: the output cannot be written (checked first).
        ReportRefused: the identification is not confirmed or revoked.
    """
    require(actor, Permission.REPORT)
    if cmd.contact and not actor.may(Permission.VIEW_CONTACT):
        raise PermissionDenied(f"{actor.username} may not include the submitter's contact: "
                               "that needs the contact grant")
    Words(cmd.language)  # refuses an unknown language before any work
    out = check_output(cmd.out)
    content = gather(uow, actor, cmd.identification_id, cmd.full_body, cmd.contact,
                     cmd.language)
    pdf = render(content)
    write_bytes_atomically(out, pdf)
    digest = hashlib.sha256(pdf).hexdigest()
    if cmd.contact:
        uow.record(AuditAction.CONTACT_VIEW, "missing_person", content.ident.person_id,
                   {"in_report": cmd.identification_id})
    uow.record(AuditAction.REPORT_MAKE, "identification", cmd.identification_id, {
        "file": out.name, "sha256": digest, "bytes": len(pdf), "full_body": cmd.full_body,
        "contact_included": cmd.contact, "state": content.ident.state.value,
        "language": cmd.language})
    uow.commit()
    return ReportResult(out, digest, len(pdf))


def make_report(ws: Workspace, cmd: MakeReport, actor: Actor) -> ReportResult:
    """Make a report in its own unit of work (see `handle_make_report`)."""
    return execute(ws, handle_make_report, cmd, actor)
