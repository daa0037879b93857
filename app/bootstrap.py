"""The one place that wires adapters (models, index) into the core's services."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from athar.casework.accounts.users import CreateUser
from athar.casework.bus import MessageBus
from athar.casework.checks.strength import add_calibration_folder
from athar.casework.domain.entities import Role, Side
from athar.casework.domain.errors import ModelUnavailableError
from athar.casework.domain.permissions import Actor
from athar.casework.domain.ports import PipelineFactory
from athar.casework.intake.active_model import active_model_id
from athar.casework.storage.crypto import KdfParams
from athar.casework.storage.folder import init_workspace
from athar.casework.storage.workspace import Workspace
from athar.index.faiss_store import open_store
from athar.models.dlib_backend import DLIB_MANIFEST, DlibPipelineFactory
from athar.models.onnx_backend import OnnxPipelineFactory
from athar.models.packs import calibration_dir, find_pack

logger = logging.getLogger(__name__)

add_calibration_folder(calibration_dir)  # a team's calibrations of its own packs


def default_pipeline_factory() -> DlibPipelineFactory:
    """The embedded default model (dlib ResNet, from the package registry)."""
    return DlibPipelineFactory()


DEFAULT_MODEL = "default"
"""What `--model` takes for the embedded dlib model (besides its full id)."""
MIRRORED_MODEL = "mirrored"
"""What `--model` takes for the embedded model with mirrored faces (besides its full id)."""


@dataclass(frozen=True)
class EmbeddedModel:
    """A model that comes with Athar, as `--model` names it and the model lists show it."""

    name: str
    """What `--model` takes."""
    title: str
    kind: str
    factory: DlibPipelineFactory

    @property
    def model_id(self) -> str:
        """The id its vectors are stored under."""
        return self.factory.model_info().model_id


EMBEDDED = (
    EmbeddedModel(DEFAULT_MODEL, DLIB_MANIFEST.name, "dlib (embedded default)",
                  default_pipeline_factory()),
    EmbeddedModel(MIRRORED_MODEL, f"{DLIB_MANIFEST.name}, {MIRRORED_MODEL}",
                  "dlib, faces mirrored (embedded; slower imports)",
                  DlibPipelineFactory(flip_tta=True)),
)
"""The embedded models, the default first. The mirrored one averages every face's vector
with its mirror image's: a little more accurate, a slower import (README.md and
bench/README.md have the figures)."""


def pipeline_factory(model: str | None = None, device: str = "auto") -> PipelineFactory:
    """The recipe of a model: an embedded one (None or "default": the default;
    "mirrored"; either's id, or an unambiguous beginning of it), else the installed pack
    with that id (or id prefix).

    Raises:
        ModelUnavailableError: no installed pack has that id (or it does not verify), or
            the beginning given fits both embedded models.
    """
    if model is None:
        return EMBEDDED[0].factory
    ids = {m.model_id: m.factory for m in EMBEDDED}
    exact = ids | {m.name: m.factory for m in EMBEDDED}
    if model in exact:
        return exact[model]
    fits = [i for i in ids if i.startswith(model)]
    if len(fits) > 1:
        raise ModelUnavailableError(
            f"{model!r} begins the ids of both embedded models ({' and '.join(fits)}): "
            f"name one with --model {DEFAULT_MODEL} or --model {MIRRORED_MODEL}")
    if fits:
        return ids[fits[0]]
    return OnnxPipelineFactory(str(find_pack(model).folder), device)


def open_ws(root: Path, passphrase: str, repair: bool = True, model: str | None = None,
            device: str = "auto") -> Workspace:
    """Unlock and open a workspace with a model and the FAISS index adapter.

    Args:
        root: the workspace folder.
        passphrase: unlocks the workspace key.
        repair: bring each index in step with the database now (rebuilding one that fails
            its checksum, adding what an interrupted run did not save); `verify` passes
            False so that it reports the saved state instead.
        model: the model whose vectors searches and new faces use (`pipeline_factory`);
            None: the workspace's active model (the embedded default until a supervisor
            activates another, casework.intake.active_model).
        device: where an ONNX pack computes (auto, cpu, cuda).

    Raises:
        ModelUnavailableError: the model asked for, or the workspace's active model, is
            not installed here or does not verify (nothing is left open).
    """
    ws = _open(root, passphrase, model, device)
    if model is None:
        try:
            ws = _with_active_model(ws, device)
        except BaseException:
            ws.close()
            raise
    if repair:
        _repair(ws)
    return ws


def open_ws_lenient(root: Path, passphrase: str, repair: bool = True, device: str = "auto"
                    ) -> tuple[Workspace, str | None]:
    """Open with the workspace's active model, or, when that model is not usable on this
    computer, with the embedded default and the reason why: for the desktop (its window
    says so, and the pack can be installed from it) and for the commands that read and
    review but compute no vectors (they say so on stderr)."""
    ws = _open(root, passphrase, None, device)
    try:
        try:
            ws = _with_active_model(ws, device)
            problem = None
        except ModelUnavailableError as exc:
            problem = f"{exc}; searches and imports use the embedded default meanwhile"
            logger.warning("%s", problem)
        if repair:
            _repair(ws)
    except BaseException:
        ws.close()
        raise
    return ws, problem


def _open(root: Path, passphrase: str, model: str | None, device: str) -> Workspace:
    factory = pipeline_factory(model, device)
    return Workspace.open(root, passphrase, factory, factory.model_info(), open_store)


def _with_active_model(ws: Workspace, device: str) -> Workspace:
    """The open workspace working with its active model (unchanged when that is the one
    it was opened with)."""
    active = active_model_id(ws)
    if active is None or active == ws.model.model_id:
        return ws
    try:
        factory = pipeline_factory(active, device)
    except ModelUnavailableError as exc:
        raise ModelUnavailableError(
            f"this workspace's active model is not usable on this computer: {exc}, or "
            f"name another model with --model") from exc
    if factory.model_info().model_id != active:
        raise ModelUnavailableError(
            f"this workspace's active model {active} is not installed on this computer "
            f"(the nearest is {factory.model_info().model_id}): install its pack (athar "
            f"models install PATH), or name another model with --model")
    return ws.with_model(factory)


def device_used(ws: Workspace) -> str:
    """Where the workspace's model computes ("CPU", "CUDA"): dlib's model always on the
    CPU, an ONNX pack where its sessions were actually placed."""
    return ws.pipeline_factory.device()


def _repair(ws: Workspace) -> None:
    for side in Side:
        ws.indexes.get(ws.model, side)
    for (_, side), fix in ws.indexes.last_sync.items():
        if fix.rebuilt or fix.added or fix.removed:
            logger.warning("index %s repaired on open: rebuilt=%s added=%d removed=%d",
                           side.value, fix.rebuilt, fix.added, fix.removed)


def create_ws(root: Path, passphrase: str, username: str, password: str,
              kdf: KdfParams | None = None) -> tuple[Workspace, Actor]:
    """Create a workspace locked by `passphrase`, with its first supervisor; open it."""
    init_workspace(root, passphrase, kdf)
    ws = open_ws(root, passphrase)
    supervisor = MessageBus(ws).handle(CreateUser(username, password, Role.SUPERVISOR, True),
                                       None)
    return ws, supervisor
