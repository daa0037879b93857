"""A second model in a workspace: re-embedding every face (resumable after a kill, nothing
else touched), searching with one model's vectors, never comparing two models'."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from athar.app.bootstrap import open_ws
from athar.app.cli import main
from athar.casework.accounts.users import login
from athar.casework.bus import MessageBus
from athar.casework.domain.entities import Side
from athar.casework.domain.errors import ModelMismatchError, ModelUnavailableError
from athar.casework.domain.ports import ModelInfo
from athar.casework.intake.reembed import Reembed
from athar.casework.matching.search import RunSearch
from athar.casework.storage.workspace import Workspace
from athar.models.dlib_backend import DlibPipelineFactory
from athar.models.packs import open_pack
from support import PASSPHRASE, PASSWORD, SUPERVISOR, kill_when

DLIB = DlibPipelineFactory().model_info().model_id


def _vectors(ws: Workspace, model_id: str) -> dict[int, str]:
    """face id -> SHA-256 of its vector of the model."""
    with ws.engine.connect() as conn:
        rows = conn.execute(text("SELECT face_id, vector FROM embedding WHERE model_id = :m"),
                            {"m": model_id}).all()
    return {int(f): hashlib.sha256(v).hexdigest() for f, v in rows}


def _faces(ws: Workspace) -> int:
    with ws.engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM face")).scalar_one())


def _state(root: Path, model_id: str) -> tuple[dict[int, str], dict[int, str], int]:
    ws = open_ws(root, PASSPHRASE, repair=False)
    try:
        return _vectors(ws, DLIB), _vectors(ws, model_id), _faces(ws)
    finally:
        ws.close()


def test_reembed_adds_a_vector_to_every_face_and_changes_nothing_else(
        root: Path, pack_id: str, capsys: pytest.CaptureFixture[str]) -> None:
    dlib_before, pack_before, faces = _state(root, pack_id)
    assert pack_before == {}
    assert len(dlib_before) == faces > 20
    assert main(["reembed", str(root), "--model", pack_id[:28], "--quiet"]) == 0
    out = capsys.readouterr().out
    assert f"{pack_id}: {faces} faces embedded now, 0 before" in out
    dlib_after, pack_after, _ = _state(root, pack_id)
    assert dlib_after == dlib_before
    assert sorted(pack_after) == sorted(dlib_before)
    assert main(["reembed", str(root), "--model", pack_id, "--quiet"]) == 0
    assert f"0 faces embedded now, {faces} before" in capsys.readouterr().out
    assert _state(root, pack_id)[1] == pack_after

    ws = open_ws(root, PASSPHRASE, model=pack_id)
    try:
        assert all(not (f.added or f.rebuilt) for f in ws.indexes.last_sync.values())
        assert ws.model == ModelInfo(pack_id, 128)
        for side in Side:
            index = ws.indexes.get(ws.model, side)
            assert index.model_id == pack_id
            assert len(index) > 0
        actor = login(ws, SUPERVISOR, PASSWORD)
        results = MessageBus(ws).handle(RunSearch(all_persons=True, top=3), actor)
        assert results
        assert all(r.matches for r in results)
        with ws.engine.connect() as conn:
            models = {m for (m,) in conn.execute(text("SELECT DISTINCT model_id FROM "
                                                       "search_run"))}
        assert models == {pack_id}
    finally:
        ws.close()


def test_search_names_its_model_and_explains_missing_vectors(
        root: Path, pack_id: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", str(root), "--all", "--top", "3", "--model", pack_id,
                 "--json"]) == 0
    captured = capsys.readouterr()
    assert f"model: {pack_id}" in captured.err
    assert "no face has vectors of model" in captured.out
    assert "athar reembed" in captured.out
    assert main(["search", str(root), "--all", "--top", "3"]) == 0
    assert f"model: {DLIB}" in capsys.readouterr().err
    assert main(["search", str(root), "--all", "--model", "absent@sha256:00"]) == 2
    assert "is not installed" in capsys.readouterr().err


def test_reembed_needs_a_model_and_a_supervisor(root: Path, pack_id: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["reembed", str(root)]) == 2
    assert "give --model ID" in capsys.readouterr().err
    ws = open_ws(root, PASSPHRASE, model=pack_id)
    try:
        bus = MessageBus(ws)
        sup = login(ws, SUPERVISOR, PASSWORD)
        from athar.casework.accounts.users import CreateUser
        from athar.casework.domain.entities import Role
        from athar.casework.domain.permissions import PermissionDenied

        bus.handle(CreateUser("ida", "a long enough password", Role.IDENTIFIER, False), sup)
        ida = login(ws, "ida", "a long enough password")
        with pytest.raises(PermissionDenied):
            bus.handle(Reembed(), ida)
        assert _vectors(ws, pack_id) == {}
    finally:
        ws.close()


def test_two_models_vectors_are_never_compared(root: Path, pack_id: str) -> None:
    ws = open_ws(root, PASSPHRASE, model=pack_id)
    try:
        actor = login(ws, SUPERVISOR, PASSWORD)
        dlib_index = ws.indexes.get(ModelInfo(DLIB, 128), Side.PM)
        original = ws.indexes.get
        ws.indexes.get = lambda model, side: dlib_index  # type: ignore[method-assign]
        try:
            with pytest.raises(ModelMismatchError, match="never compared"):
                MessageBus(ws).handle(RunSearch(all_persons=True, top=3), actor)
        finally:
            ws.indexes.get = original  # type: ignore[method-assign]
    finally:
        ws.close()


def test_a_tampered_pack_is_refused_before_anything_runs(
        root: Path, test_packs: dict[str, Path], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    models = tmp_path / "models"
    shutil.copytree(test_packs["dir"], models)
    monkeypatch.setenv("ATHAR_MODELS_DIR", str(models))
    pack = open_pack(models / test_packs["insightface"].name)
    (pack.folder / "det_500m.onnx").write_bytes(b"tampered")
    with pytest.raises(ModelUnavailableError):
        open_ws(root, PASSPHRASE, model=pack.pack_id)
    assert main(["reembed", str(root), "--model", pack.pack_id, "--quiet"]) == 2
    assert "det_500m.onnx has been modified" in capsys.readouterr().err


def test_a_killed_reembed_resumes_to_the_same_vectors(root: Path, pack_id: str,
                                                      tmp_path: Path) -> None:
    reference = tmp_path / "reference"
    shutil.copytree(root, reference)
    assert main(["reembed", str(reference), "--model", pack_id, "--quiet"]) == 0
    ws = open_ws(root, PASSPHRASE, repair=False)
    try:
        kill_when(["reembed", str(root), "--model", pack_id, "--quiet"],
                  lambda: bool(_vectors(ws, pack_id)))
    finally:
        ws.engine.dispose()
    dlib, partial, faces = _state(root, pack_id)
    assert 0 < len(partial) < faces  # one batch committed, the rest not
    assert main(["reembed", str(root), "--model", pack_id, "--quiet"]) == 0
    assert _state(root, pack_id) == _state(reference, pack_id)
    assert _state(root, pack_id)[0] == dlib


def test_import_with_a_pack_then_add_the_default_models_vectors(
        tmp_path: Path, small_pm: Path, pack_id: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    from support import new_ws

    root = tmp_path / "ws"
    new_ws(root)[0].close()
    assert main(["import-pm", str(root), str(small_pm / "pm"), "--collection", "c",
                 "--quiet", "--model", pack_id, "--workers", "2"]) == 0
    assert f"model: {pack_id}" in capsys.readouterr().err
    dlib, pack, faces = _state(root, pack_id)
    assert dlib == {}
    assert len(pack) == faces > 0
    assert main(["reembed", str(root), "--model", "default", "--quiet"]) == 0
    dlib, pack_after, _ = _state(root, pack_id)
    assert len(dlib) == faces
    assert pack_after == pack
