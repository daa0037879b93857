"""Post-mortem duplicates: how many of the Bodies photographed twice does Athar suggest,
and how many wrong pairs come with them, at each face-LR threshold.

A simulated archive: each of the first N identities of a data folder is one body whose
photos were filed twice, its even photos in collection "first" and its odd photos in
collection "second" (a true duplicate pair), every photo degraded with the chosen
condition; the next M identities give one Body each (distractors, no duplicate). The
photos go through the product (the import), and every Body's faces are compared with the
other Bodies' exactly as `athar duplicates suggest` does (casework.checks.duplicates:
nearest faces, the search's aggregation, the model's calibration). Numbers play no part
here: an agreeing number suggests a pair whatever the faces (tests/integration).

    .venv/bin/python bench/duplicates.py ../shared/data/faces-tune --identities 150 \
        --distractors 150 --condition pm-hard
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import identities, new_workspace, stage  # noqa: E402
from conditions import CONDITIONS, HELD_OUT  # noqa: E402

from athar.casework.checks.duplicates import (  # noqa: E402
    MUTUAL_MIN_LOG10,
    face_neighbours,
    log10_lr,
    suggestions,
)
from athar.casework.checks.duplicates import nearest as nearest_of  # noqa: E402
from athar.casework.domain.entities import Side  # noqa: E402
from athar.casework.intake.ingest import ImportPhotos, ImportService  # noqa: E402

THRESHOLDS = (-1.0, 0.0, 1.0, 2.0, 3.0, 4.0)
"""log10 LR thresholds alone, reported beside the product's rule (mutual nearest with
log10 LR >= MUTUAL_MIN_LOG10)."""


def run(data: Path, condition: str, n_pairs: int, n_single: int) -> dict[str, object]:
    """Build the archive, import it, score every Body against its neighbours."""
    transform = {**CONDITIONS, **HELD_OUT}[condition]
    all_ids = identities(data, 1)
    twice = [i for i in all_ids if len(i.photos) >= 2][:n_pairs]
    used = {i.name for i in twice}
    single = [i for i in all_ids if i.name not in used][:n_single]
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="athar-dups-") as tmp:
        work = Path(tmp)
        first = {f"{i.name}~a": list(i.photos[0::2]) for i in twice}
        first.update({f"{i.name}~s": [i.photos[0]] for i in single})
        second = {f"{i.name}~b": list(i.photos[1::2]) for i in twice}
        stage(work / "first", first, transform)
        stage(work / "second", second, transform)
        ws, actor = new_workspace(work / "ws")
        try:
            for name in ("first", "second"):
                ImportService(ws).run(ImportPhotos(work / name, Side.PM, "folder", name, 2),
                                      actor)
            imported = time.monotonic()
            with ws.uow(actor) as uow:
                bodies = {b.id: b.label for b in uow.owners.all_bodies()}
                model = ws.model
                ids, owners, _ = uow.faces.owner_faces(Side.PM, list(bodies), model.model_id,
                                                       model.dim)
                with_face = set(owners)
                scores: dict[frozenset[int], float] = {}
                top_is_twin: list[bool] = []
                nearest: dict[int, int] = {}
                for body in sorted(with_face):
                    near = face_neighbours(uow, body, {})
                    for other, found in near.items():
                        key = frozenset((body, other))
                        scores[key] = max(scores.get(key, -1.0), found.score)
                    best = nearest_of(near)
                    if best is not None:
                        nearest[body] = best
                    twin = _twin(bodies, body)
                    if twin is not None and twin in with_face:
                        top_is_twin.append(best == twin)
                llr = {k: log10_lr(uow, s) for k, s in scores.items()}
            scored = time.monotonic()
            product = {frozenset((e.body_id, e.other_id))
                       for e in suggestions(ws, actor, limit=10**9)}
        finally:
            ws.close()
    label_id = {v: k for k, v in bodies.items()}
    true_pairs = {frozenset((label_id[f"{i.name}~a"], label_id[f"{i.name}~b"]))
                  for i in twice if f"{i.name}~a" in label_id and f"{i.name}~b" in label_id}
    findable = {p for p in true_pairs if p <= with_face}
    rows = []
    for t in THRESHOLDS:
        suggested = {k for k, v in llr.items() if v is not None and v >= t}
        hits = len(suggested & true_pairs)
        rows.append({"log10_lr_at_least": t, "suggested": len(suggested), "true": hits,
                     "wrong": len(suggested) - hits,
                     "recall_of_all": round(hits / max(1, len(true_pairs)), 4),
                     "recall_of_findable": round(hits / max(1, len(findable)), 4),
                     "precision": round(hits / max(1, len(suggested)), 4),
                     "wrong_per_100_bodies": round(100 * (len(suggested) - hits)
                                                   / max(1, len(bodies)), 2)})
    mutual = {frozenset((a, b)) for a, b in nearest.items() if nearest.get(b) == a}
    each = {frozenset((a, b)) for a, b in nearest.items()}
    rules = {"each Body's nearest": each, "mutual nearest": mutual,
             "the product (athar duplicates suggest)": product}
    for t in (0.0, 1.0):
        rules[f"mutual nearest, log10 LR >= {t:g}"] = {
            k for k in mutual if (llr.get(k) if llr.get(k) is not None else -99) >= t}
    rule_rows = []
    for name, suggested in rules.items():
        hits = len(suggested & true_pairs)
        rule_rows.append({"rule": name, "suggested": len(suggested), "true": hits,
                          "wrong": len(suggested) - hits,
                          "recall_of_findable": round(hits / max(1, len(findable)), 4),
                          "precision": round(hits / max(1, len(suggested)), 4)})
    return {"data": str(data), "condition": condition, "rules": rule_rows,
            "model_id": ws.model.model_id,
            "bodies": len(bodies), "bodies_with_a_face": len(with_face),
            "faces": len(ids), "true_pairs": len(true_pairs),
            "true_pairs_both_with_a_face": len(findable),
            "nearest_body_is_the_duplicate": round(sum(top_is_twin) / max(1, len(top_is_twin)),
                                                   4),
            "product_rule": f"mutual nearest, log10 LR >= {MUTUAL_MIN_LOG10:g}", "thresholds": rows,
            "seconds": {"stage_and_import": round(imported - started, 1),
                        "compare_every_body": round(scored - imported, 1)}}


def _twin(bodies: dict[int, str], body: int) -> int | None:
    label = bodies[body]
    if not label.endswith(("~a", "~b")):
        return None
    other = label[:-1] + ("b" if label.endswith("a") else "a")
    return next((k for k, v in bodies.items() if v == other), None)


def main() -> int:
    """Run and print the figures (JSON)."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", type=Path)
    ap.add_argument("--condition", default="pm-hard",
                    choices=sorted({**CONDITIONS, **HELD_OUT}))
    ap.add_argument("--identities", type=int, default=150,
                    help="bodies filed twice (identities with two photos or more)")
    ap.add_argument("--distractors", type=int, default=150,
                    help="bodies filed once (one photo of another identity each)")
    ap.add_argument("--out", type=Path, default=Path("bench/out/duplicates"))
    args = ap.parse_args()
    result = run(args.data, args.condition, args.identities, args.distractors)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / f"{args.condition}.json").write_text(json.dumps(result, indent=1))
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
