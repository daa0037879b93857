"""An index first opened inside a use case's transaction (continuous matching, a Body's
duplicates, a search after validating its ids) reads the database without waiting for
the write lock that transaction holds (it waited 30 s, then failed "database is
locked")."""

from __future__ import annotations

import time
from pathlib import Path

from fakes import FAKE_INFO, FakePipelineFactory
from PIL import Image

from athar.casework.accounts.users import login
from athar.casework.bus import MessageBus
from athar.casework.domain.entities import Side
from athar.casework.domain.permissions import Actor
from athar.casework.intake.ingest import ImportPhotos, ImportService
from athar.casework.matching.continuous import MatchNew
from athar.casework.storage.workspace import Workspace
from athar.index.faiss_store import open_store
from support import PASSPHRASE, PASSWORD, SUPERVISOR


def _reopen(root: Path) -> Workspace:
    """Opened without the desktop's and command line's eager index loading."""
    return Workspace.open(root, PASSPHRASE, FakePipelineFactory(), FAKE_INFO, open_store)


def test_an_index_opened_inside_a_transaction_does_not_wait(
        fake_ws: tuple[Workspace, Actor], tmp_path: Path) -> None:
    ws, sup = fake_ws
    for side, owner, colour in ((Side.PM, "B1", (200, 40, 40)), (Side.AM, "Omar", (198, 42, 41))):
        (tmp_path / side.value / owner).mkdir(parents=True)
        Image.new("RGB", (32, 32), colour).save(tmp_path / side.value / owner / "0.png")
        ImportService(ws).run(ImportPhotos(tmp_path / side.value, side, "folder",
                                           "c" if side is Side.PM else None, 1), sup)
    root = ws.paths.root
    ws.close()
    ws = _reopen(root)
    try:
        started = time.monotonic()
        with ws.uow() as uow:
            assert len(uow.owners.all_bodies()) == 1  # the transaction holds the write lock
            assert len(ws.indexes.get(ws.model, Side.PM)) == 1
        assert time.monotonic() - started < 5
        ws.close()
        ws = _reopen(root)
        started = time.monotonic()
        summary = MessageBus(ws).handle(MatchNew(), login(ws, SUPERVISOR, PASSWORD))
        assert summary.new_candidates == 1
        assert time.monotonic() - started < 10
    finally:
        ws.close()
