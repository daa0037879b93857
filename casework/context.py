"""An open workspace with the adapters wired in: what every service works on."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine

from athar.casework.crypto import WorkspaceKeys
from athar.casework.evidence import EvidenceStore
from athar.casework.indexes import IndexBook
from athar.casework.ports import IndexFactory, ModelInfo, PipelineFactory
from athar.casework.uow import UnitOfWork
from athar.casework.workspace import WorkspacePaths, open_workspace


@dataclass
class Workspace:
    """The workspace's folders, database, evidence store, indexes and model recipe."""

    paths: WorkspacePaths
    engine: Engine
    keys: WorkspaceKeys
    pipeline_factory: PipelineFactory
    model: ModelInfo
    indexes: IndexBook
    evidence: EvidenceStore = field(init=False)

    def __post_init__(self) -> None:
        self.evidence = EvidenceStore(self.paths.evidence, self.paths.tmp, self.keys)

    @classmethod
    def open(cls, root: Path, passphrase: str, pipeline_factory: PipelineFactory,
             model: ModelInfo, index_factory: IndexFactory) -> Workspace:
        """Unlock and open a workspace folder.

        Raises:
            WorkspaceError: not a workspace; WrongPassphrase: it stays locked.
        """
        paths, engine, keys = open_workspace(root, passphrase)
        return cls(paths, engine, keys, pipeline_factory, model,
                   IndexBook(paths, engine, index_factory, keys.file_cipher()))

    def uow(self) -> UnitOfWork:
        """A new unit of work on this workspace's database."""
        return UnitOfWork(self.engine)

    def close(self) -> None:
        """Save the indexes and release the database."""
        self.indexes.close()
        self.engine.dispose()
