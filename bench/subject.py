"""Which face of a photo with several people is the subject: rules measured on real
group photos, where the answer is known from the identity's other photos.

    .venv/bin/python bench/subject.py ../shared/data/faces-tune --check ../shared/data/faces-dev

For every photo the real detector cascade finds faces in, every face is embedded. In a
photo with two faces or more, the subject is the face that matches the identity's other
photos (its best cosine to any face of them is at least MATCH and leads the next face's
by MARGIN; photos where that is not clear are left out). Each rule then picks a face
from the boxes and the detector's scores alone, as the import does, and is right when it
picks that face. Rules are tuned on the first folder only; `--check` folders (never
tuned on) and composites (two identities' photos side by side, the second one larger
and off-centre) say whether the choice holds elsewhere.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import identities  # noqa: E402

from athar.casework.domain.ports import Box  # noqa: E402
from athar.casework.domain.quality import SubjectWeights, subject_index  # noqa: E402
from athar.models.dlib_backend import DlibPipelineFactory  # noqa: E402

MATCH = 0.90
MARGIN = 0.05


@dataclass
class Photo:
    """One photo's faces: boxes, detector scores, vectors, and which is the subject."""

    name: str
    width: int
    height: int
    boxes: list[Box]
    scores: list[float]
    vectors: np.ndarray
    truth: int | None = None


def analyse(folder: Path) -> dict[str, list[Photo]]:
    """Detect and embed every face of every photo, by identity."""
    pipeline = DlibPipelineFactory()()
    out: dict[str, list[Photo]] = {}
    for ident in identities(folder, minimum=2):
        photos = []
        for path in ident.photos:
            pixels = np.asarray(Image.open(path).convert("RGB"))
            found = pipeline.detect(pixels)
            vecs = (pipeline.embed(pixels, found) if found
                    else np.zeros((0, pipeline.info.dim), np.float32))
            photos.append(Photo(f"{ident.name}/{path.name}", pixels.shape[1],
                                pixels.shape[0], [d.box for d in found],
                                [d.score for d in found], vecs))
        out[ident.name] = photos
    return out


def label(by_identity: dict[str, list[Photo]]) -> list[Photo]:
    """The photos with several faces whose subject the other photos make clear."""
    multi = []
    for photos in by_identity.values():
        for k, photo in enumerate(photos):
            if len(photo.boxes) < 2:
                continue
            others = [p.vectors for j, p in enumerate(photos) if j != k and len(p.vectors)]
            if not others:
                continue
            best = (photo.vectors @ np.concatenate(others).T).max(axis=1)
            order = np.argsort(-best)
            if best[order[0]] >= MATCH and best[order[0]] - best[order[1]] >= MARGIN:
                photo.truth = int(order[0])
                multi.append(photo)
    return multi


Rule = Callable[[Photo], int | None]


def rule_of(weights: SubjectWeights) -> Rule:
    """A subject rule with these weights."""
    return lambda p: subject_index(p.boxes, p.width, p.height, p.scores, weights)


def accuracy(photos: list[Photo], rule: Rule) -> float:
    """Share of the photos where the rule picks the subject."""
    return sum(rule(p) == p.truth for p in photos) / len(photos) if photos else 0.0


def composites(by_identity: dict[str, list[Photo]], folder: Path, limit: int = 300
               ) -> list[Photo]:
    """Two identities' photos on one canvas: the subject's near the middle, another
    person's 1.2-1.6 times larger at one side (a relative standing closer to the camera);
    faces found by the real cascade; the subject is the face inside the subject's photo."""
    pipeline = DlibPipelineFactory()()
    rng = np.random.default_rng(17)
    names = sorted(by_identity)
    out = []
    for a, b in itertools.islice(zip(names, names[1:] + names[:1], strict=True), limit):
        sub = Image.open(folder / by_identity[a][0].name).convert("RGB")
        other = Image.open(folder / by_identity[b][-1].name).convert("RGB")
        scale = float(rng.uniform(1.2, 1.6))
        other = other.resize((round(other.width * scale), round(other.height * scale)),
                             Image.Resampling.BILINEAR)
        width = sub.width + 2 * other.width
        canvas = Image.new("RGB", (width, other.height + 20), (128, 128, 128))
        left = (width - sub.width) // 2 + int(rng.integers(-25, 26))
        at_right = bool(rng.integers(0, 2))
        canvas.paste(other, (width - other.width if at_right else 0, int(rng.integers(0, 20))))
        canvas.paste(sub, (left, int(rng.integers(0, 20 + other.height - sub.height))))
        pixels = np.asarray(canvas)
        found = pipeline.detect(pixels)
        inside = [i for i, d in enumerate(found)
                  if left <= d.box.left + d.box.width / 2 <= left + sub.width]
        if len(found) < 2 or len(inside) != 1:
            continue
        out.append(Photo(f"{a}+{b}", pixels.shape[1], pixels.shape[0],
                         [d.box for d in found], [d.score for d in found],
                         np.zeros((len(found), 1)), inside[0]))
    return out


GRID = [SubjectWeights(size=s, centre=c, confidence=f)
        for s in (0.5, 1.0) for c in (0.0, 1.0, 2.0, 3.0, 4.0) for f in (0.0, 0.5, 1.0, 2.0)]


def main() -> int:
    """Analyse, label, tune on the first folder, check on the others."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("data", type=Path)
    p.add_argument("--check", type=Path, action="append", default=[])
    p.add_argument("--out", type=Path, default=Path("bench/out/subject"))
    args = p.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    tune_all = analyse(args.data)
    tune = label(tune_all)
    tune_comp = composites(tune_all, args.data)
    checks = {str(c): label(analyse(c)) for c in args.check}
    comps = {f"composites of {c}": composites(analyse(c), c) for c in args.check}
    current = SubjectWeights(size=1.0, centre=2.0, confidence=0.0)

    def tuned(w: SubjectWeights) -> float:  # both tuning sets, each photo counted once
        photos = tune + tune_comp
        return accuracy(photos, rule_of(w))

    # ties keep the weights in use: nothing changes without evidence
    scored = sorted(((tuned(w), w) for w in GRID),
                    key=lambda x: (-round(x[0], 6), x[1] != current))
    best = scored[0][1]
    sets = {f"{args.data} (tuned on)": tune, f"composites of {args.data} (tuned on)":
            tune_comp, **checks, **comps}
    rows = [{"set": name, "photos": len(photos),
             "before": round(accuracy(photos, rule_of(current)), 4),
             "chosen": round(accuracy(photos, rule_of(best)), 4)}
            for name, photos in sets.items()]
    report = {"match": MATCH, "margin": MARGIN, "before": current.__dict__,
              "chosen": best.__dict__, "rows": rows,
              "grid": [{"weights": w.__dict__, "accuracy": round(a, 4)} for a, w in scored],
              "seconds": round(time.monotonic() - started, 1)}
    (args.out / "report.json").write_text(json.dumps(report, indent=1))
    lines = [f"# Subject choice on photos with several faces ({report['seconds']} s)", "",
             f"before: {current}; chosen on {args.data}: {best}", "",
             "| set | photos | before | chosen |", "|---|---|---|---|"]
    lines += [f"| {r['set']} | {r['photos']} | {r['before']:.1%} | {r['chosen']:.1%} |"
              for r in rows]
    (args.out / "report.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
