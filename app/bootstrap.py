"""The one place that wires adapters (models, index) into the core's services."""

from __future__ import annotations

import logging
from pathlib import Path

from athar.casework.context import Workspace
from athar.casework.workspace import init_workspace
from athar.index.faiss_store import open_store
from athar.models.dlib_backend import DlibPipelineFactory

logger = logging.getLogger(__name__)


def default_pipeline_factory() -> DlibPipelineFactory:
    """The embedded default model (dlib ResNet, from the package registry)."""
    return DlibPipelineFactory()


def open_ws(root: Path) -> Workspace:
    """Open a workspace with the default model and the FAISS index adapter."""
    factory = default_pipeline_factory()
    return Workspace.open(root, factory, factory.model_info(), open_store)


def create_ws(root: Path) -> Workspace:
    """Create a workspace folder, then open it."""
    init_workspace(root)
    return open_ws(root)
