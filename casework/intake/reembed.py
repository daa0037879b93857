"""Re-embedding: adding a second model's vectors to every face already in the workspace.

The workspace is opened with the model to add (its pipeline factory and ModelInfo); every
face without a vector of that model gets one, computed from the stored photo: the model's
own keypoints are fitted inside the face's stored box and quarter turn (`locate`, as for a
face drawn by hand), then embedded. Nothing already stored is touched: the default
model's vectors, the faces, their boxes and subject choices stay as they are.

Work is committed photo batch by photo batch, each batch with its audit event: after a
kill, a later run finds the faces still without a vector and does only those. The
model's indexes (one per side) are brought in step with the database at the end, and by
any later opening of the workspace.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import groupby

from athar.casework.domain.commands import Command
from athar.casework.domain.entities import Side
from athar.casework.domain.errors import AtharError
from athar.casework.domain.events import AuditAction
from athar.casework.domain.imaging import decode
from athar.casework.domain.permissions import Actor, Permission, require
from athar.casework.domain.ports import Box
from athar.casework.storage.uow import UnitOfWork

BATCH_PHOTOS = 10
"""Photos per commit: what a kill can cost to redo."""


@dataclass(frozen=True)
class ReembedProgress:
    """Faces done (this run and before) out of all faces."""

    done: int
    total: int
    failed: int


@dataclass(frozen=True)
class Reembed(Command["ReembedReport"]):
    """Command: give every face a vector of the workspace's (opened) model."""

    progress: Callable[[ReembedProgress], None] | None = field(default=None, compare=False)
    cancel: threading.Event | None = field(default=None, compare=False)


@dataclass
class ReembedReport:
    """What a run did."""

    model_id: str
    added: int = 0
    already: int = 0
    """Faces that had a vector of the model before this run."""
    estimated: int = 0
    """Faces whose keypoints the model's detector did not find inside the stored box:
    placed from the box by the model's template (their vectors are less reliable)."""
    failed: list[str] = field(default_factory=list)
    """Photos that could not be read (each with its reason); their faces stay without."""
    cancelled: bool = False


def handle_reembed(cmd: Reembed, uow: UnitOfWork, actor: Actor) -> ReembedReport:
    """Add the opened model's vectors to every face that lacks one (see the module).

    Raises:
        PermissionDenied: only supervisors re-embed a workspace.
    """
    require(actor, Permission.SETTINGS)
    ws = uow.ws
    model = ws.model
    todo = uow.faces.missing_embeddings(model.model_id)
    done_before, total = uow.faces.count_embeddings(model.model_id)
    report = ReembedReport(model.model_id, already=done_before)
    plain = [(sha, _Face(f.id, Box(f.box_left, f.box_top, f.box_width, f.box_height),
                         f.rotation)) for f, sha in todo]
    uow.release()  # decoding and the model take a while: hold no database lock meanwhile
    by_photo = [(sha, [f for _, f in group])
                for sha, group in groupby(plain, key=lambda row: row[0])]
    for start in range(0, len(by_photo), BATCH_PHOTOS):
        if cmd.cancel is not None and cmd.cancel.is_set():
            report.cancelled = True
            break
        batch = by_photo[start:start + BATCH_PHOTOS]
        added = 0
        for sha, faces in batch:
            added += _embed_photo(uow, sha, faces, report)
            if cmd.progress is not None:
                cmd.progress(ReembedProgress(done_before + report.added + added, total,
                                             len(report.failed)))
        uow.record(AuditAction.FACE_REEMBED, "model", model.model_id,
                   {"faces": added, "photos": len(batch)})
        uow.commit()
        report.added += added
    for side in Side:
        ws.indexes.sync(model, side)
    return report


@dataclass(frozen=True)
class _Face:
    id: int
    box: Box
    rotation: int


def _embed_photo(uow: UnitOfWork, sha: str, faces: list[_Face], report: ReembedReport
                 ) -> int:
    ws = uow.ws
    try:
        pixels = decode(ws.evidence.read(sha)).pixels
    except AtharError as exc:
        report.failed.append(f"photo {sha[:12]}: {exc}")
        return 0
    with ws.face_model() as model:
        located = [model.locate(pixels, f.box, f.rotation) for f in faces]
        vectors = model.embed(pixels, located)
    for face, found, vector in zip(faces, located, vectors, strict=True):
        uow.faces.add_embedding(face.id, ws.model.model_id, vector)
        report.estimated += found.method == "template"
    return len(faces)
