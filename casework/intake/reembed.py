"""Re-embedding: adding a second model's vectors to every face already in the workspace.

The workspace is opened with the model to add (its pipeline factory and ModelInfo); every
face without a vector of that model gets one, computed from the stored photo: the model's
own keypoints are fitted inside the face's stored box and quarter turn (`locate`, as for a
face drawn by hand), then embedded. Nothing already stored is touched: the default
model's vectors, the faces, their boxes and subject choices stay as they are.

Work is committed photo batch by photo batch, each batch with its audit event: after a
kill, a later run finds the faces still without a vector and does only those. A batch's
faces are embedded together (`embed_many`: fewer, larger network calls, which is what a
GPU needs), while a reader thread decrypts and decodes the next batch's photos. The
model's indexes (one per side) are brought in step with the database at the end, and by
any later opening of the workspace.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import groupby

from athar.casework.domain.commands import Command
from athar.casework.domain.entities import Side
from athar.casework.domain.errors import AtharError
from athar.casework.domain.events import AuditAction
from athar.casework.domain.imaging import decode
from athar.casework.domain.permissions import Actor, Permission, require
from athar.casework.domain.ports import Box, Image
from athar.casework.storage.uow import UnitOfWork
from athar.casework.storage.workspace import Workspace

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
    batches = [by_photo[i:i + BATCH_PHOTOS] for i in range(0, len(by_photo), BATCH_PHOTOS)]
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="reembed-read") as reader:
        upcoming = reader.submit(_read_batch, ws, batches[0]) if batches else None
        for n, batch in enumerate(batches):
            if cmd.cancel is not None and cmd.cancel.is_set():
                report.cancelled = True
                break
            assert upcoming is not None
            photos = upcoming.result()
            # the next batch is read and decoded while the model works on this one
            upcoming = reader.submit(_read_batch, ws, batches[n + 1]) if n + 1 < len(
                batches) else None
            added = _embed_batch(uow, batch, photos, report)
            uow.record(AuditAction.FACE_REEMBED, "model", model.model_id,
                       {"faces": added, "photos": len(batch)})
            uow.commit()
            report.added += added
            if cmd.progress is not None:
                cmd.progress(ReembedProgress(done_before + report.added, total,
                                             len(report.failed)))
    for side in Side:
        ws.indexes.sync(model, side)
    return report


@dataclass(frozen=True)
class _Face:
    id: int
    box: Box
    rotation: int


def _read_batch(ws: Workspace, batch: list[tuple[str, list[_Face]]]
                ) -> list[Image | str]:
    """Each photo's pixels, or why it cannot be read (decrypted, checked and decoded off
    the model's thread)."""
    out: list[Image | str] = []
    for sha, _faces in batch:
        try:
            out.append(decode(ws.evidence.read(sha)).pixels)
        except AtharError as exc:
            out.append(f"photo {sha[:12]}: {exc}")
    return out


def _embed_batch(uow: UnitOfWork, batch: list[tuple[str, list[_Face]]],
                 photos: list[Image | str], report: ReembedReport) -> int:
    """Locate the model's keypoints in each face's box, embed the faces of every readable
    photo of the batch together (`embed_many`) and store the vectors; returns how many."""
    ws = uow.ws
    readable: list[tuple[list[_Face], Image]] = []
    for (_sha, faces), pixels in zip(batch, photos, strict=True):
        if isinstance(pixels, str):
            report.failed.append(pixels)
        else:
            readable.append((faces, pixels))
    with ws.face_model() as model:
        located = [[model.locate(pixels, f.box, f.rotation) for f in faces]
                   for faces, pixels in readable]
        vectors = model.embed_many([(pixels, found) for (_, pixels), found
                                    in zip(readable, located, strict=True)])
    added = 0
    for (faces, _), found, vecs in zip(readable, located, vectors, strict=True):
        for face, where, vector in zip(faces, found, vecs, strict=True):
            uow.faces.add_embedding(face.id, ws.model.model_id, vector)
            report.estimated += where.method == "template"
        added += len(faces)
    return added
