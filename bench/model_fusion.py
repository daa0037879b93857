"""Fusing two models' scores (`athar search --fuse`), measured on identities neither
calibration was fitted on.

    .venv/bin/python bench/calibrate.py ../shared/data/faces-tune --out bench/out/cal-dlib
    .venv/bin/python bench/calibrate.py ../shared/data/faces-tune --model PACK \\
        --out bench/out/cal-pack
    .venv/bin/python bench/model_fusion.py bench/out/cal-dlib bench/out/cal-pack

Each folder holds a calibration run's full candidate lists (every person against every
Body, per condition) and its fit (on the identities at even positions). For the
identities at odd positions, the true Body's rank is reported for each model alone (by
its own rank score) and for the fused ranking Athar uses: the mean of the two models'
calibrated log10 likelihood ratios (casework.matching.search.FUSION).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from athar.casework.checks.strength import Calibration  # noqa: E402

Lists = dict[str, list[tuple[str, float]]]


def load(folder: Path) -> tuple[Calibration, dict[str, Lists]]:
    """A calibration run's fit and its lists per condition."""
    report = json.loads((folder / "report.json").read_text())
    cal = Calibration(report["model_id"], float(report["slope"]),
                      float(report["intercept"]), report["fitted_on"],
                      dict(report["pairs"]), report["date"], {})
    lists = {}
    for path in sorted(folder.glob("lists-*.json")):
        model_id, found = json.loads(path.read_text())
        if model_id != cal.model_id:
            raise SystemExit(f"{path}: lists of {model_id}, the fit is of {cal.model_id}")
        lists[path.stem.removeprefix("lists-")] = {p: [(b, float(s)) for b, s in rows]
                                                   for p, rows in found.items()}
    return cal, lists


def ranks(scores: dict[str, dict[str, float]], persons: list[str]) -> list[int | None]:
    """The true Body's rank in each person's list (None: not in it)."""
    out: list[int | None] = []
    for person in persons:
        row = scores.get(person, {})
        if person not in row:
            out.append(None)
            continue
        mine = row[person]
        out.append(1 + sum(1 for v in row.values() if v > mine))
    return out


def cmc(found: list[int | None], k: int) -> float:
    """Share of all persons whose true Body is within the first k."""
    return 100.0 * sum(1 for r in found if r is not None and r <= k) / max(len(found), 1)


def main() -> int:
    """Print the rows of both models alone and fused, per condition both runs hold."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("first", type=Path)
    ap.add_argument("second", type=Path)
    args = ap.parse_args()
    cal_a, lists_a = load(args.first)
    cal_b, lists_b = load(args.second)
    print(f"model A: {cal_a.model_id}\nmodel B: {cal_b.model_id}\n")
    print("| condition | ranking | persons | rank 1 | rank 5 | rank 10 | rank 20 |")
    print("|---|---|---|---|---|---|---|")
    for condition in sorted(set(lists_a) & set(lists_b)):
        a, b = lists_a[condition], lists_b[condition]
        names = sorted(set(a) | set(b))
        persons = [p for i, p in enumerate(sorted(names)) if i % 2 == 1]
        score_a = {p: dict(a.get(p, [])) for p in persons}
        score_b = {p: dict(b.get(p, [])) for p in persons}
        fused: dict[str, dict[str, float]] = {}
        for p in persons:
            bodies = set(score_a[p]) | set(score_b[p])
            fused[p] = {body: float(np.mean(
                [cal.log10_lr(s[p][body]) for cal, s in ((cal_a, score_a), (cal_b, score_b))
                 if body in s[p]])) for body in bodies}
        for name, scores in (("A alone", score_a), ("B alone", score_b),
                             ("fused (mean calibrated log10 LR)", fused)):
            found = ranks(scores, persons)
            cells = " | ".join(f"{cmc(found, k):.1f}%" for k in (1, 5, 10, 20))
            print(f"| {condition} | {name} | {len(persons)} | {cells} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
