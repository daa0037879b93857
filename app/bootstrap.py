"""The one place that wires adapters (models, index) into the core's services."""

from __future__ import annotations

import logging
from pathlib import Path

from athar.casework.accounts.users import CreateUser
from athar.casework.bus import MessageBus
from athar.casework.domain.entities import Role, Side
from athar.casework.domain.permissions import Actor
from athar.casework.storage.crypto import KdfParams
from athar.casework.storage.folder import init_workspace
from athar.casework.storage.workspace import Workspace
from athar.index.faiss_store import open_store
from athar.models.dlib_backend import DlibPipelineFactory

logger = logging.getLogger(__name__)


def default_pipeline_factory() -> DlibPipelineFactory:
    """The embedded default model (dlib ResNet, from the package registry)."""
    return DlibPipelineFactory()


def open_ws(root: Path, passphrase: str, repair: bool = True) -> Workspace:
    """Unlock and open a workspace with the default model and the FAISS index adapter.

    Args:
        root: the workspace folder.
        passphrase: unlocks the workspace key.
        repair: bring each index in step with the database now (rebuilding one that fails
            its checksum, adding what an interrupted run did not save); `verify` passes
            False so that it reports the saved state instead.
    """
    factory = default_pipeline_factory()
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
