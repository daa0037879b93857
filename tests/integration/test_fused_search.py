"""A search fusing two models: each model's score read through its own calibration, the
list ranked by their mean, each model's score shown; refused without a calibration."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from athar.app.bootstrap import open_ws
from athar.app.cli import main
from athar.casework.accounts.users import login
from athar.casework.bus import MessageBus
from athar.casework.checks.strength import Calibration, calibration_for
from athar.casework.matching.candidates import candidates_of
from athar.casework.matching.search import RunSearch
from athar.casework.review.reviews import SetBlindScores
from athar.models.dlib_backend import DlibPipelineFactory
from support import PASSPHRASE, PASSWORD, SUPERVISOR, write_calibration

DLIB = DlibPipelineFactory().model_info().model_id


@pytest.fixture
def pack_id(own_models: tuple[Path, str]) -> str:
    """The insightface test pack, installed in a model folder of this test's own (its
    calibration is written there)."""
    return own_models[1]


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
    write_calibration(root.parent / "models", pack_id, 20.0, -9.0)
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
    _the_lists_show_what_the_fused_search_gave(root, pack_id, fused, capsys)


def _the_lists_show_what_the_fused_search_gave(root: Path, pack_id: str,
                                               fused: list[dict[str, object]],
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """The candidates read model (the desktop's lists) carries each model's scores of the
    fused search that stored the pair; blind review withholds them with the scores; a
    later search with one model replaces them."""
    person = fused[0]["person"]
    assert isinstance(person, int)
    expected = {c["body"]: c for c in fused[0]["candidates"]}  # type: ignore[union-attr]
    ws = open_ws(root, PASSPHRASE, repair=False)
    try:
        sup = login(ws, SUPERVISOR, PASSWORD)
        views = candidates_of(ws, sup, person)
        shown = {v.body_id: v for v in views if v.rank is not None}
        assert len(shown) == 3  # the latest fused search (--top 3)
        assert set(shown) <= set(expected)
        for body, view in shown.items():
            c, f = expected[body], view.fusion
            assert f is not None
            assert f.models == (DLIB, pack_id)
            assert f.fused_log10_lr == pytest.approx(c["fused_log10_lr"], abs=1e-4)
            assert f.scores == pytest.approx({m: v["score"] for m, v in c["models"].items()},
                                             abs=1e-6)
            assert f.log10_lr == pytest.approx(
                {m: v["log10_lr"] for m, v in c["models"].items()}, abs=1e-4)
    finally:
        ws.close()
    capsys.readouterr()
    assert main(["candidates", str(root), "--person", str(person), "--json"]) == 0
    listed = {c["body"]: c for c in json.loads(capsys.readouterr().out) if c["rank"]}
    assert {b: c["fused_log10_lr"] for b, c in listed.items()} == pytest.approx(
        {b: v.fusion.fused_log10_lr for b, v in shown.items() if v.fusion}, abs=1e-6)
    assert all(set(c["models"]) == {DLIB, pack_id} for c in listed.values())
    ws = open_ws(root, PASSPHRASE, repair=False)
    try:
        sup = login(ws, SUPERVISOR, PASSWORD)
        MessageBus(ws).handle(SetBlindScores(True), sup)
        assert all(v.fusion is None and v.score is None
                   for v in candidates_of(ws, sup, person))
        MessageBus(ws).handle(SetBlindScores(False), sup)
        MessageBus(ws).handle(RunSearch(person_ids=(person,)), sup)
        assert all(v.fusion is None for v in candidates_of(ws, sup, person))
    finally:
        ws.close()


def test_fusing_a_model_with_itself_or_without_a_calibration_is_refused(
        root: Path, pack_id: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", str(root), "--all", "--fuse", "default"]) == 2
    assert "two or more different models" in capsys.readouterr().err
    assert main(["search", str(root), "--all", "--fuse", pack_id]) == 2
    assert "has no calibration" in capsys.readouterr().err
