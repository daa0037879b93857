"""The workspace's active model: activated by a supervisor once every face has its
vectors, then used by every search and import that names no model; a workspace whose
active pack is missing on this computer refuses to compute and still opens to read."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import text

from athar.app.bootstrap import open_ws, open_ws_lenient, pipeline_factory
from athar.app.cli import main
from athar.casework.accounts.users import CreateUser, login
from athar.casework.bus import MessageBus
from athar.casework.checks.strength import calibration_for
from athar.casework.domain.entities import Role, Side
from athar.casework.domain.errors import InvalidRequest, ModelUnavailableError
from athar.casework.domain.permissions import PermissionDenied
from athar.casework.intake.active_model import SetActiveModel, active_model_id
from athar.models.dlib_backend import DlibPipelineFactory
from support import PASSPHRASE, PASSWORD, SUPERVISOR

DLIB = DlibPipelineFactory().model_info().model_id


def _audit(root: Path) -> list[dict[str, object]]:
    ws = open_ws(root, PASSPHRASE, repair=False, model="default")
    try:
        with ws.engine.connect() as conn:
            rows = conn.execute(text("SELECT details FROM audit_event WHERE action = "
                                     "'settings.active_model' ORDER BY seq")).all()
    finally:
        ws.close()
    return [json.loads(p) if isinstance(p, str) else p for (p,) in rows]


def test_activation_waits_for_every_faces_vectors_then_searches_use_it(
        root: Path, pack_id: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["models", "activate", str(root), pack_id]) == 2
    err = capsys.readouterr().err
    assert "faces have no vector of model" in err
    assert "athar reembed" in err
    assert len(err.strip().splitlines()) == 1
    ws = open_ws(root, PASSPHRASE)
    try:
        assert ws.model.model_id == DLIB
        assert active_model_id(ws) is None
    finally:
        ws.close()

    assert main(["reembed", str(root), "--model", pack_id, "--quiet"]) == 0
    capsys.readouterr()
    assert main(["models", "activate", str(root), pack_id[:30]]) == 0
    out = capsys.readouterr().out
    assert "licence of" in out
    assert "non-commercial" in out
    assert f"{pack_id} is the active model" in out

    assert main(["search", str(root), "--all", "--top", "3", "--json"]) == 0
    captured = capsys.readouterr()
    assert f"model: {pack_id}" in captured.err
    assert json.loads(captured.out)
    assert main(["models", "list", "--workspace", str(root), "--json"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)["models"]}
    assert rows[pack_id]["active"] is True
    assert rows[DLIB]["active"] is False
    assert main(["search", str(root), "--all", "--top", "3", "--model", "default"]) == 0
    assert f"model: {DLIB}" in capsys.readouterr().err

    assert main(["models", "activate", str(root), "default"]) == 0
    assert f"{DLIB} is the active model" in capsys.readouterr().out
    assert [(e["model_id"], e["previous"]) for e in _audit(root)] == [
        (pack_id, None), (DLIB, pack_id)]


def test_only_a_supervisor_activates_and_allow_missing_is_audited(
        root: Path, pack_id: str) -> None:
    ws = open_ws(root, PASSPHRASE, model=pack_id)
    try:
        bus = MessageBus(ws)
        sup = login(ws, SUPERVISOR, PASSWORD)
        bus.handle(CreateUser("ida", "a long enough password", Role.IDENTIFIER, False), sup)
        ida = login(ws, "ida", "a long enough password")
        with pytest.raises(PermissionDenied):
            bus.handle(SetActiveModel(allow_missing=True), ida)
        with pytest.raises(InvalidRequest, match="no vector of model"):
            bus.handle(SetActiveModel(), sup)
        assert active_model_id(ws) is None
        assert bus.handle(SetActiveModel(allow_missing=True), sup) == pack_id
        with ws.engine.connect() as conn:
            faces = int(conn.execute(text("SELECT count(*) FROM face")).scalar_one())
    finally:
        ws.close()
    [event] = _audit(root)
    assert event["faces_without_its_vectors"] == event["faces"] == faces > 0


def test_a_missing_active_pack_refuses_to_compute_and_still_reads(
        root: Path, pack_id: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["models", "activate", str(root), pack_id, "--allow-missing"]) == 0
    capsys.readouterr()
    empty = tmp_path / "no-packs"
    empty.mkdir()
    monkeypatch.setenv("ATHAR_MODELS_DIR", str(empty))  # another computer, without the pack
    with pytest.raises(ModelUnavailableError, match="active model"):
        open_ws(root, PASSPHRASE)
    assert main(["search", str(root), "--all"]) == 2
    err = capsys.readouterr().err
    assert "active model" in err
    assert "is not installed" in err
    assert "--model" in err
    assert main(["candidates", str(root)]) == 0
    assert "warning: this workspace's active model" in capsys.readouterr().err
    assert main(["search", str(root), "--all", "--top", "2", "--model", "default"]) == 0
    ws, problem = open_ws_lenient(root, PASSPHRASE)
    try:
        assert ws.model.model_id == DLIB
        assert problem is not None
        assert "embedded default meanwhile" in problem
    finally:
        ws.close()


MIRRORED = DlibPipelineFactory(flip_tta=True).model_info().model_id


def test_the_mirrored_embedded_model_is_added_activated_and_searched_with(
        root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["reembed", str(root), "--model", "mirrored", "--quiet"]) == 0
    capsys.readouterr()
    assert main(["models", "activate", str(root), MIRRORED[:45]]) == 0
    assert f"{MIRRORED} is the active model" in capsys.readouterr().out
    assert main(["search", str(root), "--all", "--top", "1", "--json"]) == 0
    captured = capsys.readouterr()
    assert f"model: {MIRRORED}" in captured.err
    mirrored_firsts = {r["person"]: r["candidates"][0]["body"]
                       for r in json.loads(captured.out)}
    assert main(["search", str(root), "--all", "--top", "1", "--json", "--model",
                 "default"]) == 0
    default_firsts = {r["person"]: r["candidates"][0]["body"]
                      for r in json.loads(capsys.readouterr().out)}
    assert mirrored_firsts == default_firsts  # six clean identities: the same Bodies first

    ws = open_ws(root, PASSPHRASE)
    try:
        assert ws.model.model_id == MIRRORED
        with ws.uow() as uow:
            done, total = uow.faces.count_embeddings(MIRRORED)
            assert done == total == uow.faces.count_embeddings(DLIB)[0] > 0
            ids, plain = uow.faces.subject_vectors(DLIB, Side.PM, 128)
            ids_m, mirrored = uow.faces.subject_vectors(MIRRORED, Side.PM, 128)
        assert ids == ids_m
        cosines = np.sum(plain * mirrored, axis=1)
        assert cosines.min() > 0.9  # the same faces, another vector: not a copy
        assert cosines.max() < 0.99999
    finally:
        ws.close()
    assert calibration_for(MIRRORED) is not None  # its scores read as likelihood ratios
    assert main(["models", "list", "--workspace", str(root), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["models"]
    assert [(r["id"], r["active"], r["faces_with_vectors"] == r["faces"]) for r in rows] == [
        (DLIB, False, True), (MIRRORED, True, True)]


def test_a_beginning_both_embedded_models_share_is_refused_by_name(
        root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert pipeline_factory("mirrored").model_info().model_id == MIRRORED
    assert pipeline_factory(MIRRORED[:45]).model_info().model_id == MIRRORED
    assert pipeline_factory(DLIB).model_info().model_id == DLIB
    assert pipeline_factory(None).model_info().model_id == DLIB
    shared = DLIB.partition("@")[0]
    assert MIRRORED.startswith(shared)
    with pytest.raises(ModelUnavailableError, match="both embedded models"):
        pipeline_factory(shared)
    assert main(["search", str(root), "--all", "--model", "dlib"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert "--model default or --model mirrored" in err
