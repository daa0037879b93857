"""The one place that wires adapters (models, index) into the core's services."""

from __future__ import annotations

import logging
from pathlib import Path

from athar.casework.accounts.users import CreateUser
from athar.casework.bus import MessageBus
from athar.casework.domain.entities import Role, Side
from athar.casework.domain.permissions import Actor
from athar.casework.domain.ports import PipelineFactory
from athar.casework.storage.crypto import KdfParams
from athar.casework.storage.folder import init_workspace
from athar.casework.storage.workspace import Workspace
from athar.index.faiss_store import open_store
from athar.models.dlib_backend import DlibPipelineFactory
from athar.models.onnx_backend import OnnxPipelineFactory
from athar.models.packs import find_pack

logger = logging.getLogger(__name__)


def default_pipeline_factory() -> DlibPipelineFactory:
    """The embedded default model (dlib ResNet, from the package registry)."""
    return DlibPipelineFactory()


DEFAULT_MODEL = "default"
"""What `--model` takes for the embedded dlib model (besides its full id)."""


def pipeline_factory(model: str | None = None, device: str = "auto") -> PipelineFactory:
    """The recipe of a model: the embedded default (None, "default" or its id, or an
    unambiguous prefix of it), else the installed pack with that id (or id prefix).

    Raises:
        ModelUnavailableError: no installed pack has that id (or it does not verify).
    """
    default = default_pipeline_factory()
    if model is None or model == DEFAULT_MODEL or default.model_info().model_id.startswith(
            model):
        return default
    return OnnxPipelineFactory(str(find_pack(model).folder), device)


def open_ws(root: Path, passphrase: str, repair: bool = True, model: str | None = None,
            device: str = "auto") -> Workspace:
    """Unlock and open a workspace with a model (the default: the embedded one) and the
    FAISS index adapter.

    Args:
        root: the workspace folder.
        passphrase: unlocks the workspace key.
        repair: bring each index in step with the database now (rebuilding one that fails
            its checksum, adding what an interrupted run did not save); `verify` passes
            False so that it reports the saved state instead.
        model: the model whose vectors searches and new faces use (`pipeline_factory`).
        device: where an ONNX pack computes (auto, cpu, cuda).
    """
    factory = pipeline_factory(model, device)
    ws = Workspace.open(root, passphrase, factory, factory.model_info(), open_store)
    if repair:
        for side in Side:
            ws.indexes.get(ws.model, side)
        for (_, side), fix in ws.indexes.last_sync.items():
            if fix.rebuilt or fix.added or fix.removed:
                logger.warning("index %s repaired on open: rebuilt=%s added=%d removed=%d",
                               side.value, fix.rebuilt, fix.added, fix.removed)
    return ws


def create_ws(root: Path, passphrase: str, username: str, password: str,
              kdf: KdfParams | None = None) -> tuple[Workspace, Actor]:
    """Create a workspace locked by `passphrase`, with its first supervisor; open it."""
    init_workspace(root, passphrase, kdf)
    ws = open_ws(root, passphrase)
    supervisor = MessageBus(ws).handle(CreateUser(username, password, Role.SUPERVISOR, True),
                                       None)
    return ws, supervisor
