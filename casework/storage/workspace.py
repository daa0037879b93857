"""An open workspace with the adapters wired in: what every service works on."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import Engine

from athar.casework.domain.events import ChangeFeed
from athar.casework.domain.permissions import Actor
from athar.casework.domain.ports import FacePipeline, IndexFactory, ModelInfo, PipelineFactory
from athar.casework.storage.crypto import WorkspaceKeys
from athar.casework.storage.evidence import EvidenceStore
from athar.casework.storage.folder import WorkspacePaths, open_workspace
from athar.casework.storage.indexes import IndexBook
from athar.casework.storage.uow import UnitOfWork


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
    changes: ChangeFeed = field(init=False)
    """Who hears about committed changes (the message bus publishes to it)."""
    _pipeline: FacePipeline | None = field(init=False, default=None)
    _pipeline_lock: threading.Lock = field(init=False, default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.evidence = EvidenceStore(self.paths.evidence, self.paths.tmp, self.keys)
        self.changes = ChangeFeed()

    @contextmanager
    def face_model(self) -> Iterator[FacePipeline]:
        """The workspace model's pipeline in this process (loaded on first use), for one
        caller at a time: a pipeline is not re-entrant. Imports use their own, in workers."""
        with self._pipeline_lock:
            if self._pipeline is None:
                self._pipeline = self.pipeline_factory()
            yield self._pipeline

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

    def with_model(self, pipeline_factory: PipelineFactory) -> Workspace:
        """The same open workspace (database, evidence, indexes, listeners) working with
        another model: for re-embedding from a session opened with the default one."""
        other = replace(self, pipeline_factory=pipeline_factory,
                        model=pipeline_factory.model_info())
        other.changes = self.changes
        return other

    def uow(self, actor: Actor | None = None) -> UnitOfWork:
        """A new unit of work on this workspace, acting for `actor` (whose name its audit
        events carry)."""
        return UnitOfWork(self.engine, actor, self)

    def close(self) -> None:
        """Save the indexes and release the database."""
        self.indexes.close()
        self.engine.dispose()
