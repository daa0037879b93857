"""A search fusing two models: each model's score read through its own calibration, the
list ranked by their mean, each model's score shown; refused without a calibration."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from athar.app.bootstrap import open_ws
from athar.app.cli import main
from athar.casework.checks.strength import Calibration, calibration_for
from athar.models.dlib_backend import DlibPipelineFactory
from athar.models.packs import CALIBRATION_FOLDER, installed_packs, open_pack
from support import PASSPHRASE

DLIB = DlibPipelineFactory().model_info().model_id


@pytest.fixture
def pack_id(test_packs: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
            ) -> str:
    """The insightface test pack installed in a model folder of this test's own (its
    calibration is written there)."""
    pack = open_pack(test_packs["insightface"])
    models = tmp_path / "models"
    models.mkdir()
    installed = next(e.folder for e in installed_packs(test_packs["dir"])
                     if e.pack is not None and e.pack.pack_id == pack.pack_id)
    (models / installed.name).symlink_to(installed, target_is_directory=True)
    monkeypatch.setenv("ATHAR_MODELS_DIR", str(models))
    return pack.pack_id


def _search(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, object]]:
    assert main(["search", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_a_fused_list_ranks_by_the_mean_calibrated_score_and_shows_each_model(
        root: Path, pack_id: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["reembed", str(root), "--model", pack_id, "--quiet"]) == 0
    capsys.readouterr()
    assert main(["search", str(root), "--all", "--fuse", pack_id]) == 2
    err = capsys.readouterr().err
    assert f"model {pack_id} has no calibration" in err
    assert "bench/calibrate.py" in err

    # a calibration for the test pack, as bench/calibrate.py --write stores it
    folder = Path(str(root.parent / "models")) / CALIBRATION_FOLDER
    folder.mkdir()
    (folder / f"{pack_id.split('@')[0]}.json").write_text(json.dumps({
        "model_id": pack_id, "slope": 20.0, "intercept": -9.0, "fitted_on": "test pairs",
        "pairs": {"same": 100, "different": 10000}, "date": "2026-12-03",
        "held_out": {}}))
    pack_cal = calibration_for(pack_id)
    dlib_cal = calibration_for(DLIB)
    assert isinstance(pack_cal, Calibration)
    assert dlib_cal is not None

    alone = {m: {r["person"]: {c["body"]: c["score"] for c in r["candidates"]}
                 for r in _search(capsys, str(root), "--all", "--top", "60", "--model", m)}
             for m in (DLIB, pack_id)}
    fused = _search(capsys, str(root), "--all", "--top", "5", "--fuse", pack_id[:25])
    both = 0
    for r in fused:
        cands = r["candidates"]
        assert isinstance(cands, list)
        assert cands
        values = [c["fused_log10_lr"] for c in cands]
        assert values == sorted(values, reverse=True)
        for c in cands:
            models = c["models"]
            lrs = []
            for model, cal in ((DLIB, dlib_cal), (pack_id, pack_cal)):
                if model in models:
                    score = models[model]["score"]
                    # the same score a search with that model alone gives the pair
                    assert score == pytest.approx(alone[model][r["person"]][c["body"]],
                                                  abs=1e-6)
                    lrs.append(cal.log10_lr(score))
                    assert models[model]["log10_lr"] == pytest.approx(lrs[-1], abs=1e-3)
            both += len(lrs) == 2
            assert c["fused_log10_lr"] == pytest.approx(sum(lrs) / len(lrs), abs=1e-3)
            assert c["model"] == (DLIB if DLIB in models else pack_id)
    assert both >= len(fused) * 3  # most owners scored by both models

    assert main(["search", str(root), "--person", str(fused[0]["person"]), "--fuse",
                 pack_id]) == 0
    out = capsys.readouterr().out
    assert f"model 1: {DLIB}" in out
    assert f"model 2: {pack_id}" in out
    assert "fused lgLR" in out
    csv_out = root.parent / "fused.csv"
    assert main(["search", str(root), "--all", "--top", "3", "--fuse", pack_id, "--csv",
                 str(csv_out)]) == 0
    header, first = csv_out.read_text().splitlines()[:2]
    assert header.endswith("model,fused_log10_lr,model_scores")
    assert f"{DLIB}=" in first
    ws = open_ws(root, PASSPHRASE, repair=False)
    try:
        with ws.engine.connect() as conn:
            params = conn.execute(text("SELECT params FROM search_run ORDER BY id DESC "
                                       "LIMIT 1")).scalar_one()
    finally:
        ws.close()
    fusion = (json.loads(params) if isinstance(params, str) else params)["fusion"]
    assert fusion["models"] == [DLIB, pack_id]
    assert "calibrated log10 likelihood ratio" in fusion["rule"]


def test_fusing_a_model_with_itself_or_without_a_calibration_is_refused(
        root: Path, pack_id: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", str(root), "--all", "--fuse", "default"]) == 2
    assert "two or more different models" in capsys.readouterr().err
    assert main(["search", str(root), "--all", "--fuse", pack_id]) == 2
    assert "has no calibration" in capsys.readouterr().err
