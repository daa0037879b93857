"""Keeps each model's vector indexes in step with the embeddings in the database."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass

from sqlalchemy import Engine

from athar.casework.domain.entities import Side
from athar.casework.domain.errors import IndexCorruptError
from athar.casework.domain.ports import FileSealer, IndexFactory, ModelInfo, VectorIndex
from athar.casework.storage.folder import WorkspacePaths, read_only_engine
from athar.casework.storage.uow import UnitOfWork

logger = logging.getLogger(__name__)


def index_name(model_id: str, side: Side) -> str:
    """File stem of a side's index for a model: `pm-<12 hex of the model id>`."""
    return f"{side.value}-{hashlib.sha256(model_id.encode()).hexdigest()[:12]}"


@dataclass(frozen=True)
class SyncReport:
    """What opening an index had to fix."""

    rebuilt: bool
    added: int
    removed: int


class IndexBook:
    """Opens, repairs and saves the indexes of one workspace (one per model and side)."""

    def __init__(self, paths: WorkspacePaths, engine: Engine, factory: IndexFactory,
                 sealer: FileSealer) -> None:
        self._paths = paths
        self.sealer = sealer
        self._engine = engine
        self.factory = factory
        self._open: dict[tuple[str, Side], VectorIndex] = {}
        self.last_sync: dict[tuple[str, Side], SyncReport] = {}

    def get(self, model: ModelInfo, side: Side) -> VectorIndex:
        """The index of a model's side, loaded and brought in step with the database."""
        key = (model.model_id, side)
        if key not in self._open:
            self._open[key] = self._load_synced(model, side)
        return self._open[key]

    def _load_synced(self, model: ModelInfo, side: Side) -> VectorIndex:
        folder, name = str(self._paths.index), index_name(model.model_id, side)
        rebuilt = False
        try:
            index = self.factory(folder, name, model.model_id, model.dim, self.sealer)
        except IndexCorruptError as exc:
            logger.warning("index %s does not verify (%s); rebuilding from the database",
                           name, exc)
            self._discard(name)
            index = self.factory(folder, name, model.model_id, model.dim, self.sealer)
            rebuilt = True
        added, removed = self._sync(index, model, side)
        if rebuilt or added or removed:
            index.save()
        self.last_sync[(model.model_id, side)] = SyncReport(rebuilt, added, removed)
        return index

    def _discard(self, name: str) -> None:
        for path in self._paths.index.glob(f"{name}.*"):
            path.unlink()

    def _sync(self, index: VectorIndex, model: ModelInfo, side: Side) -> tuple[int, int]:
        # Ids first: on a healthy open no vector has to be read from the database. Deferred
        # reads: an index is often first opened inside a use case's transaction.
        reader = read_only_engine(self._engine)
        with UnitOfWork(reader) as uow:
            ids = uow.faces.subject_ids(model.model_id, side)
        present = index.ids()
        wanted = set(ids)
        extra = sorted(present - wanted)
        removed = index.remove(extra) if extra else 0
        missing = [face_id for face_id in ids if face_id not in present]
        if missing:
            with UnitOfWork(reader) as uow:
                vectors = uow.faces.vectors_of(missing, model.model_id, model.dim)
            index.add(missing, vectors)
            logger.info("index %s lagged the database by %d vectors; added them",
                        index_name(model.model_id, side), len(missing))
        return len(missing), removed

    def sync(self, model: ModelInfo, side: Side) -> SyncReport:
        """Bring a model's index in step with the database now (after vectors were stored
        in bulk, e.g. by re-embedding) and save it."""
        key = (model.model_id, side)
        if key not in self._open:
            self.get(model, side)
            return self.last_sync[key]
        index = self._open[key]
        added, removed = self._sync(index, model, side)
        index.save()
        self.last_sync[key] = SyncReport(False, added, removed)
        return self.last_sync[key]

    def rebuild(self, model: ModelInfo, side: Side) -> VectorIndex:
        """Throw the saved index away and build it again from the database."""
        self._open.pop((model.model_id, side), None)
        self._discard(index_name(model.model_id, side))
        return self.get(model, side)

    def save_all(self) -> None:
        """Persist every open index."""
        for index in self._open.values():
            index.save()

    def close(self) -> None:
        """Persist and forget every open index (a later `get` loads it again)."""
        self.save_all()
        self._open.clear()
