"""What a face score means as evidence: a likelihood ratio (how much more probable the
score is if the two records are the same person than if they are two different
people), from a calibration fitted on pairs of known identity, and the verbal scale
forensic reports use. Never a "percent match".

A calibration is stored per model (calibration/<model>.json): the logistic fit
log10 LR = slope x score + intercept on a calibration set (named, with its size, date and
held-out figures), written by bench/calibrate.py. A score of a model with no calibration
has no likelihood ratio, and the screens say so.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

logger = logging.getLogger(__name__)

VERBAL = ((1.0, "no support either way"), (10.0, "weak support"),
          (100.0, "moderate support"), (1000.0, "moderately strong support"),
          (10000.0, "strong support"), (math.inf, "very strong support"))
"""ENFSI's verbal scale (Guideline for evaluative reporting, 2015): LR below 10 weak,
10-100 moderate, 100-1,000 moderately strong, 1,000-10,000 strong, above very strong."""
MAX_LOG10 = 6.0
"""Likelihood ratios are never beyond 10^±6 (a calibration's own bounds are tighter)."""
SCORE_RULE = "best pair + pooled faces"
"""The rank score a calibration reads (casework.matching.search.AGGREGATION). A
calibration is fitted on one rule's scores and means nothing for another's: a file that
names another rule, or none (written before the rule was recorded: the best pair with the
mean faces), is not used, and the screens say the model has no calibration until
bench/calibrate.py --write fits it again."""
RULE_BEFORE = "best pair + mean faces"


@dataclass(frozen=True)
class Calibration:
    """One model's score -> log10 LR fit, and where it comes from."""

    model_id: str
    slope: float
    intercept: float
    fitted_on: str
    pairs: dict[str, int]
    date: str
    held_out: dict[str, float]
    """Cllr and ECE on pairs the fit never saw."""
    score_rule: str = SCORE_RULE
    """The rank score it was fitted on (SCORE_RULE)."""

    @property
    def bounds(self) -> tuple[float, float]:
        """The likelihood ratios the calibration set can support (log10): no stronger
        for the same person than 1 in its number of different-person pairs, and no
        stronger for different people than 1 in its number of same-person pairs (in the
        spirit of the empirical lower and upper bounds of Vergeer et al., 2016), and
        never beyond 10^±MAX_LOG10."""
        same, different = self.pairs.get("same", 1), self.pairs.get("different", 1)
        return (-min(MAX_LOG10, math.log10(max(same, 1))),
                min(MAX_LOG10, math.log10(max(different, 1))))

    def log10_lr(self, score: float) -> float:
        """log10 of the likelihood ratio of a score, within `bounds`."""
        low, high = self.bounds
        return max(low, min(high, self.slope * score + self.intercept))


@dataclass(frozen=True)
class Strength:
    """A score read as evidence."""

    log10_lr: float
    verbal: str
    """e.g. "moderately strong support"."""
    for_same: bool
    """Whether it supports the same person (LR > 1) or two different people."""

    @property
    def lr(self) -> float:
        """The likelihood ratio itself."""
        return float(10 ** self.log10_lr)

    def sentence(self) -> str:
        """How a report says it."""
        side = "that the two are the same person" if self.for_same else (
            "that the two are different people")
        return f"LR about {lr_figure(self.log10_lr)}: {self.verbal} for the proposition {side}"


def lr_figure(log10_lr: float) -> str:
    """A likelihood ratio as a reader takes it in, to two significant figures: "1.6",
    "20", "1/20", "4,000", "1/300" (digits, commas and a slash only: the figure keeps its
    order inside Arabic text)."""
    size = abs(log10_lr)
    value = 10 ** size
    if value < 10:
        text = f"{value:.1f}"
    else:
        text = f"{round(value, 1 - int(math.floor(math.log10(value)))):,.0f}"
    return text if log10_lr >= 0 else f"1/{text}"


def verbal_of(log10_lr: float) -> str:
    """The verbal scale's words for a likelihood ratio (or its inverse, below 1)."""
    lr = 10 ** abs(log10_lr)
    if lr <= 1.0:
        return VERBAL[0][1]
    return next(words for limit, words in VERBAL[1:] if lr < limit)


def strength(calibration: Calibration, score: float) -> Strength:
    """A score as evidence under one model's calibration."""
    value = calibration.log10_lr(score)
    return Strength(round(value, 2), verbal_of(value), value > 0)


def _file_name(model_id: str) -> str:
    return model_id.split("@", 1)[0] + ".json"


_folders: list[Callable[[], Path]] = []


def add_calibration_folder(folder: Callable[[], Path]) -> None:
    """Also look for calibrations in this folder (asked each time: the application's
    model folder, where a team's calibrations of its own packs are written by
    bench/calibrate.py --write). The calibrations shipped with Athar come first."""
    if folder not in _folders:
        _folders.append(folder)


def calibration_for(model_id: str) -> Calibration | None:
    """The stored calibration of a model for the search's scores (None: not calibrated,
    or calibrated on another rule's scores: SCORE_RULE)."""
    found = _usable(_shipped(model_id), "shipped with Athar")
    if found is not None:
        return found
    for folder in _folders:
        path = folder() / _file_name(model_id)
        try:
            stamp = path.stat().st_mtime_ns
        except OSError:
            continue
        found = _read(str(path), stamp)
        if found is not None and found.model_id == model_id:
            return _usable(found, str(path))
    return None  # another version of the weights: its scores mean something else


def _usable(found: Calibration | None, where: str) -> Calibration | None:
    if found is None or found.score_rule == SCORE_RULE:
        return found
    _warn_rule(found.model_id, found.score_rule, where)
    return None


@cache
def _warn_rule(model_id: str, rule: str, where: str) -> None:
    logger.warning("the calibration of model %s (%s) was fitted on the scores of another "
                   "rank rule (%s, not %s) and is not used: fit it again with "
                   "bench/calibrate.py --write", model_id, where, rule, SCORE_RULE)


@cache
def _shipped(model_id: str) -> Calibration | None:
    """The calibration shipped with Athar for exactly this model, read once."""
    path = resources.files("athar.casework.checks") / "calibration" / _file_name(model_id)
    if not path.is_file():
        return None
    found = _parse(path.read_text(encoding="utf-8"))
    return found if found is not None and found.model_id == model_id else None


@cache
def _read(path: str, _stamp: int) -> Calibration | None:
    return _parse(Path(path).read_text(encoding="utf-8"))


def _parse(text: str) -> Calibration | None:
    try:
        data = json.loads(text)
        return Calibration(str(data["model_id"]), float(data["slope"]),
                           float(data["intercept"]), str(data["fitted_on"]),
                           dict(data["pairs"]), str(data["date"]), dict(data["held_out"]),
                           str(data.get("score_rule", RULE_BEFORE)))
    except (ValueError, KeyError, TypeError):
        logger.warning("a calibration file that cannot be read was ignored")
        return None
