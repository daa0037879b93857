"""The models a workspace can use, for the desktop's Models page and `athar models list`:
the embedded default and every installed pack, with their licences and how many faces of
the open workspace have each one's vectors."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from athar.app.bootstrap import pipeline_factory
from athar.casework.bus import MessageBus
from athar.casework.domain.permissions import Actor
from athar.casework.intake.active_model import SetActiveModel, active_model_id
from athar.casework.intake.reembed import Reembed, ReembedProgress, ReembedReport
from athar.casework.storage.workspace import Workspace
from athar.models.dlib_backend import DLIB_MANIFEST, DlibPipelineFactory
from athar.models.packs import install_pack, installed_packs


@dataclass(frozen=True)
class ModelRow:
    """One model as the Models page shows it."""

    model_id: str
    name: str
    kind: str
    dim: int
    licence: str
    published_accuracy: str
    faces_with_vectors: int
    faces: int
    in_use: bool
    """The model this session searches and imports with."""
    active: bool = False
    """The workspace's active model (what every session opens with)."""
    problem: str | None = None
    """Why an installed pack cannot be used (a file missing or altered)."""


def model_rows(ws: Workspace) -> list[ModelRow]:
    """The embedded default, then each installed pack (a broken one with its problem)."""
    default = DlibPipelineFactory().model_info().model_id
    entries = list(installed_packs())
    active = active_model_id(ws) or default
    with ws.uow() as uow:
        def count(model_id: str) -> tuple[int, int]:
            return uow.faces.count_embeddings(model_id)

        rows = [ModelRow(default, DLIB_MANIFEST.name, "dlib (embedded default)",
                         DLIB_MANIFEST.dim, DLIB_MANIFEST.licence,
                         DLIB_MANIFEST.published_accuracy, *count(default),
                         in_use=ws.model.model_id == default, active=active == default)]
        for e in entries:
            if e.pack is None:
                rows.append(ModelRow("", e.folder.name, "?", 0, "", "", 0, 0, in_use=False,
                                     problem=e.problem))
                continue
            m = e.pack.manifest
            rows.append(ModelRow(e.pack.pack_id, m.name, m.kind, m.dim, e.pack.licence_text,
                                 m.published_accuracy, *count(e.pack.pack_id),
                                 in_use=ws.model.model_id == e.pack.pack_id,
                                 active=active == e.pack.pack_id))
    return rows


def install(path: Path) -> tuple[str, bool]:
    """Install a pack; (its id, whether it was new)."""
    pack, new = install_pack(path)
    return pack.pack_id, new


def activate(ws: Workspace, actor: Actor, model_id: str, device: str) -> Workspace:
    """Make an installed model the workspace's active one (supervisors; every face needs
    its vectors first); returns the workspace working with it, for this session."""
    target = ws.with_model(pipeline_factory(model_id, device))
    MessageBus(target).handle(SetActiveModel(), actor)
    return target


def reembed(ws: Workspace, actor: Actor, model_id: str, device: str,
            progress: Callable[[ReembedProgress], None], cancel: threading.Event
            ) -> ReembedReport:
    """Add an installed model's vectors to every face of the open workspace."""
    target = ws.with_model(pipeline_factory(model_id, device))
    return MessageBus(target).handle(Reembed(progress=progress, cancel=cancel), actor)
