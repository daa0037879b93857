"""Calibrate Athar's candidate score as a likelihood ratio, and measure the calibration on
pairs it never saw.

    .venv/bin/python bench/calibrate.py ../shared/data/faces-tune [--write] [--model PACK]
        [--cache DIR | --no-cache]

Imports the folder as the accuracy bench's clean row does (each identity's first photo
the family's, the rest one Body), searches every person against every Body, and takes
each person's score for every Body: the true Body's is a same-person pair, the others
different-person pairs. Identities at even positions are the calibration set (a
logistic fit of log10 LR on the score, classes weighted equally so that the fit's odds
are the likelihood ratio), those at odd positions the held-out set, on which Cllr, ECE
and a reliability plot are reported. `--write` stores the fit for the model: an embedded
model's (the default, or `--model mirrored`) in casework/checks/calibration/ (shipped with
Athar), a pack's (`--model`, a pack folder or an installed pack's id) in the model
folder's calibration/ (ATHAR_MODELS_DIR or ~/.local/share/athar/models), where Athar
finds it for that exact pack id.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from analysis_cache import add_arguments as add_cache_arguments  # noqa: E402
from analysis_cache import cached  # noqa: E402
from analysis_cache import chosen as chosen_cache  # noqa: E402
from common import identities, model_factory, new_workspace, stage  # noqa: E402
from conditions import CONDITIONS  # noqa: E402

from athar.casework.checks.strength import SCORE_RULE, Calibration  # noqa: E402
from athar.casework.domain.entities import Side  # noqa: E402
from athar.casework.intake.ingest import ImportPhotos, ImportService  # noqa: E402
from athar.casework.matching.search import RunSearch, SearchService  # noqa: E402
from athar.models.dlib_backend import DlibPipelineFactory  # noqa: E402
from athar.models.onnx_backend import OnnxPipelineFactory  # noqa: E402
from athar.models.packs import calibration_dir  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def lists(data: Path, condition: str, limit: int | None, model: str | None = None,
          cache: Path | None = None) -> tuple[str, dict[str, list[tuple[str, float]]]]:
    """(model id, each person's full candidate list: (Body label, score)), the Bodies'
    photos degraded with a bench condition (the first `limit` identities); with `cache`,
    faces and vectors found before in the same pixels by the same code are reused
    (bench/analysis_cache.py: the accuracy bench's rows leave them)."""
    ids = identities(data)[:limit]
    with tempfile.TemporaryDirectory(prefix="athar-cal-") as tmp:
        work = Path(tmp)
        pm = stage(work / "pm", {i.name: list(i.photos[1:]) for i in ids},
                   CONDITIONS[condition])
        am = stage(work / "am", {i.name: [i.photos[0]] for i in ids})
        factory = model_factory(model)
        if cache is not None:
            factory = cached(factory or DlibPipelineFactory(), cache)
        ws, actor = new_workspace(work / "ws", factory)
        try:
            service = ImportService(ws)
            service.run(ImportPhotos(pm, Side.PM, "folder", "cal", 2), actor)
            service.run(ImportPhotos(am, Side.AM, "folder", None, 2), actor)
            results = SearchService(ws).run(RunSearch(all_persons=True, top=len(ids)), actor)
            return ws.model.model_id, {r.query_label: [(m.label, m.score) for m in r.matches]
                                       for r in results}
        finally:
            ws.close()


def pairs(found: dict[str, list[tuple[str, float]]], persons: list[str]
          ) -> tuple[np.ndarray, np.ndarray]:
    """(scores, 1 same person / 0 different) of these persons' lists."""
    scores, labels = [], []
    for person in persons:
        for body, score in found.get(person, []):
            scores.append(score)
            labels.append(1 if body == person else 0)
    return np.array(scores), np.array(labels)


def fit(scores: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """log10 LR = slope x score + intercept (logistic regression, classes balanced)."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(class_weight="balanced", C=1e4, max_iter=1000)
    model.fit(scores.reshape(-1, 1), labels)
    ln10 = math.log(10)
    return float(model.coef_[0][0] / ln10), float(model.intercept_[0] / ln10)


def cllr(log10_lr: np.ndarray, labels: np.ndarray) -> float:
    """Log-likelihood-ratio cost (bits; 0 perfect, 1 an uninformative system)."""
    same, diff = log10_lr[labels == 1], log10_lr[labels == 0]
    return float(0.5 * (np.mean(np.log2(1 + 10 ** -same)) + np.mean(np.log2(1 + 10 ** diff))))


def reliability(log10_lr: np.ndarray, labels: np.ndarray, bins: int = 10
                ) -> tuple[float, list[tuple[float, float, int]]]:
    """ECE and the reliability curve of the posterior at prior odds 1, each class
    weighted equally (the setting the likelihood ratio is read in)."""
    posterior = 1 / (1 + 10 ** -log10_lr)
    weight = np.where(labels == 1, 0.5 / max(labels.sum(), 1),
                      0.5 / max((1 - labels).sum(), 1))
    edges = np.linspace(0, 1, bins + 1)
    curve, ece = [], 0.0
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        inside = (posterior >= lo) & (posterior < hi if hi < 1 else posterior <= hi)
        w = weight[inside].sum()
        if w == 0:
            continue
        predicted = float((posterior[inside] * weight[inside]).sum() / w)
        observed = float((labels[inside] * weight[inside]).sum() / w)
        curve.append((predicted, observed, int(inside.sum())))
        ece += w * abs(predicted - observed)
    return float(ece), curve


def main() -> int:
    """Fit on half the identities, measure on the other half, optionally store."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", type=Path)
    ap.add_argument("--out", type=Path, default=Path("bench/out/calibrate"))
    ap.add_argument("--write", action="store_true",
                    help="store the fit in casework/checks/calibration/")
    ap.add_argument("--conditions", default="clean,pm-hard",
                    help="the post-mortem photos' conditions the fit pools (bench/conditions.py)")
    ap.add_argument("--degraded-identities", type=int, default=300,
                    help="degraded conditions use the first N identities (time)")
    ap.add_argument("--model", help="a pack folder or installed pack id, or 'mirrored' "
                    "(default: dlib's)")
    ap.add_argument("--reuse", action="store_true",
                    help="reuse the candidate lists of the last run (bench/out/calibrate)")
    add_cache_arguments(ap)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    conditions = [c for c in args.conditions.split(",") if c]
    unknown = [c for c in conditions if c not in CONDITIONS]
    if unknown:
        print(f"unknown condition(s) {', '.join(unknown)}", file=sys.stderr)
        return 2
    found: dict[str, dict[str, list[tuple[str, float]]]] = {}
    for condition in conditions:
        saved = args.out / f"lists-{condition}.json"
        limit = None if condition == "clean" else args.degraded_identities
        if args.reuse and saved.is_file():
            model_id, found[condition] = json.loads(saved.read_text())
        else:
            model_id, found[condition] = lists(args.data, condition, limit, args.model,
                                               chosen_cache(args))
            saved.write_text(json.dumps([model_id, found[condition]]))
    names = [i.name for i in identities(args.data)]
    cal_persons, held_persons = names[0::2], names[1::2]
    cal = [pairs(found[c], cal_persons) for c in conditions]
    s_cal, y_cal = np.concatenate([x for x, _ in cal]), np.concatenate([y for _, y in cal])
    slope, intercept = fit(s_cal, y_cal)
    pairs_cal = {"same": int(y_cal.sum()), "different": int((1 - y_cal).sum())}
    fitted = Calibration(model_id, slope, intercept, "", pairs_cal, "", {})
    held: dict[str, dict[str, float]] = {}
    curves = {}
    held_all: list[tuple[np.ndarray, np.ndarray]] = []
    for condition in conditions:
        s_held, y_held = pairs(found[condition], held_persons)
        llr = np.array([fitted.log10_lr(float(x)) for x in s_held])
        held_all.append((llr, y_held))
        ece, curves[condition] = reliability(llr, y_held)
        held[condition] = {"same": int(y_held.sum()), "different": int((1 - y_held).sum()),
                           "cllr": round(cllr(llr, y_held), 4), "ece": round(ece, 4)}
    llr_all = np.concatenate([x for x, _ in held_all])
    y_all = np.concatenate([y for _, y in held_all])
    ece_all, _ = reliability(llr_all, y_all)
    degraded = [c for c in conditions if c != "clean"]
    sizes = ", ".join(f"{c} photos of the first {args.degraded_identities} identities"
                      for c in degraded)
    report = {
        "model_id": model_id, "slope": round(slope, 6), "intercept": round(intercept, 6),
        "fitted_on": f"{args.data.name}: {len(cal_persons)} identities at even positions, "
                     f"{' and '.join(conditions)} post-mortem photos"
                     + (f" ({sizes})" if degraded else "")
                     + ", every person against every Body",
        "score_rule": SCORE_RULE,
        "pairs": pairs_cal,
        "bounds_log10": [round(b, 3) for b in fitted.bounds],
        "date": datetime.now(UTC).strftime("%Y-%m-%d"),
        "held_out": {"identities": len(held_persons), "same": int(y_all.sum()),
                     "different": int((1 - y_all).sum()),
                     "cllr": round(cllr(llr_all, y_all), 4), "ece": round(ece_all, 4),
                     # Cllr 1.0: a system that says nothing
                     **{f"cllr_{c}": v["cllr"] for c, v in held.items()},
                     **{f"ece_{c}": v["ece"] for c, v in held.items()}},
        "seconds": round(time.monotonic() - started, 1)}
    (args.out / "report.json").write_text(json.dumps({**report, "reliability": curves},
                                                     indent=1))
    _plot(curves, args.out / "reliability.png")
    if args.write:
        embedded = not isinstance(model_factory(args.model), OnnxPipelineFactory)
        folder = REPO / "casework" / "checks" / "calibration" if embedded else calibration_dir()
        folder.mkdir(parents=True, exist_ok=True)
        (folder / (model_id.split("@", 1)[0] + ".json")).write_text(
            json.dumps({k: v for k, v in report.items() if k != "seconds"}, indent=1) + "\n")
    print(json.dumps(report, indent=1))
    return 0


def _plot(curves: dict[str, list[tuple[float, float, int]]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(5, 5))
    ax.plot([0, 1], [0, 1], "--", color="grey", label="perfect calibration")
    for condition, curve in curves.items():
        ax.plot([c[0] for c in curve], [c[1] for c in curve], "o-",
                label=f"held-out pairs, {condition}")
        for predicted, observed, count in curve:  # how many pairs each point rests on
            ax.annotate(str(count), (predicted, observed), textcoords="offset points",
                        xytext=(4, 6), fontsize=7)
    ax.set_xlabel("posterior at prior odds 1 (from the LR)")
    ax.set_ylabel("observed share of same-person pairs (classes weighted equally)")
    ax.legend()
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


if __name__ == "__main__":
    sys.exit(main())
