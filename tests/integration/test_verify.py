"""`athar verify` passes on a sound workspace and names each kind of damage."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import select, text

from athar.app.bootstrap import open_ws
from athar.app.cli import main
from athar.casework.domain.entities import Photo, Side
from athar.casework.storage.indexes import index_name
from athar.casework.storage.workspace import Workspace
from athar.index.faiss_store import FaissStore, open_store
from support import PASSPHRASE


def _verify(ws: Workspace, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    ws.close()
    capsys.readouterr()
    code = main(["verify", str(ws.paths.root)])
    return code, capsys.readouterr().out


def _saved_index(ws: Workspace, side: Side) -> FaissStore:
    """The index file of a side as saved, after closing the workspace (which saves it)."""
    model = ws.model
    ws.close()
    return open_store(str(ws.paths.index), index_name(model.model_id, side), model.model_id,
                      model.dim, ws.indexes.sealer)


def test_sound_workspace_verifies(small_ws: Workspace, capsys: pytest.CaptureFixture[str]
                                  ) -> None:
    code, out = _verify(small_ws, capsys)
    assert code == 0, out
    assert "verified: OK" in out


def test_modified_evidence_file_fails(small_ws: Workspace,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    with small_ws.uow() as uow:
        sha = uow.session.scalars(select(Photo.sha256).limit(1)).one()
    path = small_ws.evidence.path_for(sha)
    os.chmod(path, 0o644)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    code, out = _verify(small_ws, capsys)
    assert code == 1
    assert f"evidence file {sha}: modified" in out


def test_missing_evidence_file_fails(small_ws: Workspace,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    with small_ws.uow() as uow:
        sha = uow.session.scalars(select(Photo.sha256).limit(1)).one()
    small_ws.evidence.path_for(sha).unlink()
    code, out = _verify(small_ws, capsys)
    assert code == 1
    assert f"evidence file {sha}: missing" in out


def test_tampered_audit_event_fails(small_ws: Workspace,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    with small_ws.engine.begin() as conn:
        conn.execute(text("UPDATE audit_event SET details = '{}' WHERE seq = 5"))
    code, out = _verify(small_ws, capsys)
    assert code == 1
    assert "audit event 5" in out


def test_index_out_of_step_fails_then_is_repaired_on_open(
        small_ws: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    model = small_ws.model
    store = _saved_index(small_ws, Side.PM)
    victim = min(store.ids())
    store.remove([victim])
    store.add([10_000], np.ones((1, model.dim), np.float32) / np.sqrt(model.dim))
    store.save()
    code, out = _verify(small_ws, capsys)
    assert code == 1
    assert "1 vector(s) of the database are missing" in out
    assert "1 vector(s) not in the database" in out
    open_ws(small_ws.paths.root, PASSPHRASE).close()  # any ordinary open repairs the index
    assert main(["verify", str(small_ws.paths.root)]) == 0


def test_changed_vector_in_index_fails(small_ws: Workspace,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    store = _saved_index(small_ws, Side.AM)
    victim = min(store.ids())
    store.add([victim], -store.vectors([victim]))
    store.save()
    code, out = _verify(small_ws, capsys)
    assert code == 1
    assert "differ from the database" in out


def test_corrupt_index_file_is_rebuilt_with_identical_results(small_ws: Workspace) -> None:
    model = small_ws.model
    before = small_ws.indexes.get(model, Side.PM)
    version = before.version()
    queries = before.vectors(sorted(before.ids())[:3])
    expected = before.search(queries, 10)
    path = Path(small_ws.paths.index) / f"{index_name(model.model_id, Side.PM)}.faiss"
    small_ws.close()
    path.write_bytes(b"garbage")
    reopened = open_ws(small_ws.paths.root, PASSPHRASE)
    try:
        after = reopened.indexes.get(model, Side.PM)
        assert reopened.indexes.last_sync[(model.model_id, Side.PM)].rebuilt
        assert after.version() == version
        assert after.search(queries, 10) == expected
    finally:
        reopened.close()


def test_rebuild_from_database_equals_saved_index(small_ws: Workspace) -> None:
    model = small_ws.model
    saved = open_store(str(small_ws.paths.index), index_name(model.model_id, Side.PM),
                       model.model_id, model.dim, small_ws.indexes.sealer)
    rebuilt = small_ws.indexes.rebuild(model, Side.PM)
    assert rebuilt.version() == saved.version()
    q = saved.vectors(sorted(saved.ids())[:4])
    assert rebuilt.search(q, 20) == saved.search(q, 20)
