"""Strength of evidence: the stored calibration of the default model (its provenance, its
monotonicity), the verbal scale, and the fused score's terms."""

from __future__ import annotations

import json
import logging
import math
from pathlib import Path

import pytest

from athar.casework.checks.consistency import Consistency, Outcome, RuleResult
from athar.casework.checks.fusion import MARK_WEIGHTS, RECORD_RATES, fuse
from athar.casework.checks.strength import (
    MAX_LOG10,
    Calibration,
    calibration_for,
    lr_figure,
    strength,
    verbal_of,
)
from athar.models.dlib_backend import DLIB_MANIFEST


def _default() -> Calibration:
    found = calibration_for(DLIB_MANIFEST.model_id)
    assert found is not None, "the default model ships a calibration (bench/calibrate.py)"
    return found


def test_the_default_model_is_calibrated_on_named_pairs_it_was_never_tested_on() -> None:
    cal = _default()
    assert cal.model_id == DLIB_MANIFEST.model_id
    assert "faces-tune" in cal.fitted_on
    assert "even positions" in cal.fitted_on
    assert cal.pairs["same"] >= 300
    assert cal.pairs["different"] >= 100 * cal.pairs["same"]
    assert len(cal.date) == 10
    assert cal.date.startswith("20")
    held = cal.held_out
    assert held["identities"] >= 300
    assert held["same"] >= 300
    assert 0 < held["cllr"] < 0.5, "the likelihood ratios carry information on held-out pairs"
    assert 0 <= held["ece"] < 0.1


def test_a_higher_score_never_gives_a_weaker_likelihood_ratio() -> None:
    cal = _default()
    grid = [i / 100 for i in range(-100, 101)]
    values = [cal.log10_lr(s) for s in grid]
    assert all(b >= a for a, b in zip(values, values[1:], strict=False))
    low, high = cal.bounds  # what the calibration set can support, and no more
    assert values[0] == low
    assert values[-1] == pytest.approx(min(high, cal.slope + cal.intercept))
    assert low == pytest.approx(-math.log10(cal.pairs["same"]))
    assert high == pytest.approx(math.log10(cal.pairs["different"]))
    assert -MAX_LOG10 <= low < 0 < high <= MAX_LOG10
    assert cal.slope > 0


def test_a_model_without_calibration_or_of_other_weights_has_no_ratio() -> None:
    assert calibration_for("no-such-model@0") is None
    name = DLIB_MANIFEST.model_id.split("@")[0]
    assert calibration_for(f"{name}@{'0' * 16}") is None  # other weights: other scores


def test_a_small_calibration_set_bounds_the_ratios_it_gives() -> None:
    cal = Calibration("m@1", 10.0, -5.0, "set", {"same": 100, "different": 1000},
                      "2026-01-01", {})
    assert cal.log10_lr(0.99) == 3.0   # 1,000 different-person pairs support 10^3 at most
    assert cal.log10_lr(0.0) == -2.0   # 100 same-person pairs support 1/100 at most
    assert cal.log10_lr(0.6) == pytest.approx(1.0)  # within the bounds: the fit itself


def test_verbal_bands_follow_enfsi() -> None:
    assert verbal_of(0.0) == "no support either way"
    assert verbal_of(0.5) == "weak support"          # LR 3
    assert verbal_of(1.5) == "moderate support"      # LR 30
    assert verbal_of(2.5) == "moderately strong support"
    assert verbal_of(3.5) == "strong support"
    assert verbal_of(4.5) == "very strong support"
    assert verbal_of(-1.5) == "moderate support"     # for the other proposition


def test_a_ratio_is_said_as_a_ratio_never_a_percentage() -> None:
    cal = Calibration("m@1", 10.0, -5.0, "set", {"same": 10**6, "different": 10**6},
                      "2026-01-01", {})
    found = strength(cal, 0.8)
    assert found.log10_lr == 3.0
    assert found.for_same
    assert "%" not in found.sentence()
    assert "LR about 1,000:" in found.sentence()
    assert lr_figure(1.3) == "20"
    assert lr_figure(-1.3) == "1/20"
    assert lr_figure(0.2) == "1.6"
    assert lr_figure(3.6) == "4,000"
    assert lr_figure(5.28) == "190,000"
    assert lr_figure(-2.49) == "1/310"
    assert not strength(cal, 0.2).for_same


def _records(**outcomes: Outcome) -> Consistency:
    return Consistency(1, 2, tuple(RuleResult(rule, o, f"{rule}.x")
                                   for rule, o in outcomes.items()))


def test_the_fused_score_adds_each_piece_of_evidence_as_stated() -> None:
    cal = Calibration("m@1", 10.0, -5.0, "set", {"same": 10**6, "different": 10**6},
                      "2026-01-01", {})
    face = strength(cal, 0.8)
    plain = fuse(face, _records(sex=Outcome.UNKNOWN), {})
    assert plain is not None
    assert plain.log10_lr == 3.0
    assert len(plain.terms) == 1
    both = fuse(face, _records(sex=Outcome.CONSISTENT, age=Outcome.INCONSISTENT),
                {"corresponding": 1, "none_recorded": 2})
    assert both is not None
    expected = 3.0 + math.log10(0.95 / 0.9) + math.log10(0.25 / 0.5) + 2.0
    assert both.log10_lr == pytest.approx(expected, abs=0.01)
    assert [t.source for t in both.terms] == ["face", "records:sex", "records:age",
                                              "marks:corresponding"]
    assert fuse(None, _records(sex=Outcome.CONSISTENT), {}) is None  # no face LR, no fusion


def test_one_wrong_record_moves_a_candidate_by_about_one_order_of_magnitude() -> None:
    for rule, rate in RECORD_RATES.items():
        assert -1.3 <= rate.log10_lr(Outcome.INCONSISTENT) < 0, rule
        assert 0 < rate.log10_lr(Outcome.CONSISTENT) <= 1.0, rule
        assert rate.log10_lr(Outcome.UNKNOWN) == 0
    assert MARK_WEIGHTS["not_corresponding"] < 0 < MARK_WEIGHTS["compatible"]
    assert MARK_WEIGHTS["none_recorded"] == MARK_WEIGHTS["other_at_location"] == 0


def test_a_calibration_fitted_on_another_rules_scores_is_not_used(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A team's calibration of a pack, fitted before the search pooled all photos the way
    it does now (no `score_rule` in the file), would read today's scores wrongly: it is
    ignored with a message that says how to fit it again; one fitted now is used."""
    from athar.casework.checks.strength import SCORE_RULE, add_calibration_folder

    fields = {"slope": 20.0, "intercept": -9.0, "fitted_on": "test pairs",
              "pairs": {"same": 100, "different": 10000}, "date": "2026-12-03",
              "held_out": {}}
    (tmp_path / "old-pack.json").write_text(json.dumps({"model_id": "old-pack@1", **fields}))
    (tmp_path / "new-pack.json").write_text(json.dumps(
        {"model_id": "new-pack@1", "score_rule": SCORE_RULE, **fields}))
    add_calibration_folder(lambda: tmp_path)
    with caplog.at_level(logging.WARNING, logger="athar.casework.checks.strength"):
        assert calibration_for("old-pack@1") is None
    assert "another rank rule (best pair + mean faces" in caplog.text
    assert "bench/calibrate.py --write" in caplog.text
    fitted = calibration_for("new-pack@1")
    assert fitted is not None
    assert fitted.log10_lr(0.5) == pytest.approx(1.0)
    assert _default().score_rule == SCORE_RULE  # the shipped one was fitted on this rule


def test_a_report_gives_no_ratio_for_a_score_frozen_before_the_pooled_faces() -> None:
    """Evidence frozen at a proposal before the search pooled all photos as it does now
    holds a score of the rule before: the calibration, fitted on today's scores, does not
    read it (the report says so); evidence frozen now is read."""
    from types import SimpleNamespace
    from typing import cast

    from athar.casework.reports.content import _face_strength
    from athar.casework.review.signoff import IdentificationView

    def frozen(**evidence: object) -> IdentificationView:
        return cast(IdentificationView, SimpleNamespace(evidence={
            "model_id": DLIB_MANIFEST.model_id, "score": 0.95, "best_pair": 0.95,
            "mean_faces": 0.96, **evidence}))

    calibration, face = _face_strength(frozen())
    assert calibration is not None
    assert face is None
    calibration, face = _face_strength(frozen(pooled=0.95))
    assert face is not None
    assert face.log10_lr == pytest.approx(_default().log10_lr(0.95), abs=0.01)  # shown rounded
