"""The models a workspace can use, for the desktop's Models page and `athar models list`:
the embedded models and every installed pack, with their licences and how many faces of
the open workspace have each one's vectors."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from athar.app.bootstrap import EMBEDDED, pipeline_factory
from athar.casework.bus import MessageBus
from athar.casework.checks.strength import calibration_for
from athar.casework.domain.permissions import Actor
from athar.casework.intake.active_model import SetActiveModel, active_model_id
from athar.casework.intake.reembed import Reembed, ReembedProgress, ReembedReport
from athar.casework.matching.search import FusedModel
from athar.casework.storage.workspace import Workspace
from athar.models.dlib_backend import DLIB_MANIFEST
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
    """The embedded models (the default first), then each installed pack (a broken one
    with its problem)."""
    entries = list(installed_packs())
    active = active_model_id(ws) or EMBEDDED[0].model_id
    with ws.uow() as uow:
        def count(model_id: str) -> tuple[int, int]:
            return uow.faces.count_embeddings(model_id)

        rows = [ModelRow(m.model_id, m.title, m.kind, DLIB_MANIFEST.dim, DLIB_MANIFEST.licence,
                         DLIB_MANIFEST.published_accuracy, *count(m.model_id),
                         in_use=ws.model.model_id == m.model_id, active=active == m.model_id)
                for m in EMBEDDED]
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


@dataclass(frozen=True)
class FusionChoice:
    """A model a search of this session could be fused with, or why it cannot be."""

    model_id: str
    name: str
    problem: str | None = None


def fusion_choices(ws: Workspace) -> list[FusionChoice]:
    """Every usable model other than the session's: fusable once it has a calibration for
    its scores and the workspace's faces have its vectors (and the session's model has a
    calibration too)."""
    rows = model_rows(ws)
    mine = next((r for r in rows if r.in_use), None)
    own_problem = (None if calibration_for(ws.model.model_id) is not None else
                   f"the model in use ({ws.model.model_id}) has no calibration")
    choices = []
    for r in rows:
        if r.in_use or not r.model_id or mine is None:
            continue
        problem = own_problem
        if calibration_for(r.model_id) is None:
            problem = (f"model {r.model_id} has no calibration: fit one with "
                       "bench/calibrate.py --model ID --write")
        elif r.faces_with_vectors == 0:
            problem = (f"no face has vectors of model {r.model_id} yet: add them with "
                       "Re-embed on the Models page")
        choices.append(FusionChoice(r.model_id, r.name, problem))
    return choices


def fusion(ws: Workspace, others: list[str], device: str) -> tuple[FusedModel, ...]:
    """The session's model, then each other model named, with their calibrations (a
    search refuses the fusion if one has none); empty when no other is named."""
    if not others:
        return ()
    models = [ws.model] + [pipeline_factory(m, device).model_info() for m in others]
    return tuple(FusedModel(m, calibration_for(m.model_id)) for m in models)
