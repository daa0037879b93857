"""How often a model pack's cascade finds a face at the right quarter turn, and at what cost,
for several settings of the score that ends a pass early (STRONG_SCORE).

    .venv/bin/python bench/pack_orientation.py DATA_DIR --pack PACK_DIR [--pack ...]
        [--photos 400] [--strong 0.6,0.7,0.85,1.01] [--out bench/out/pack-orientation]

Every photo (the first --photos of DATA_DIR, e.g. ../shared/data/faces-tune) is turned by
0, 90, 180 and 270 degrees; a turn counts as right when the cascade returns a face whose
rotation undoes the turn and whose vector agrees with the upright photo's (cosine >= 0.8:
the same face, not a neighbour's). A photo whose upright view yields no face is left out.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
from PIL import Image

from athar.models.onnx_backend import OnnxPipeline, OnnxPipelineFactory


def _photos(data: Path, limit: int) -> list[Path]:
    return sorted(data.glob("*/*.jpg"))[:limit]


def measure(pipeline: OnnxPipeline, photos: list[Path], strong: float) -> dict[str, float]:
    """Right turns (share), photos used, and ms per detection at one early-stop score."""
    pipeline._strong = strong
    right = total = 0
    seconds = 0.0
    for path in photos:
        image = np.asarray(Image.open(path).convert("RGB"))
        upright = pipeline.detect(image)
        if not upright:
            continue
        reference = pipeline.embed(image, upright[:1])[0]
        for turns in (1, 2, 3):
            turned = np.ascontiguousarray(np.rot90(image, turns))
            started = time.perf_counter()
            found = pipeline.detect(turned)
            seconds += time.perf_counter() - started
            total += 1
            want = (360 - 90 * turns) % 360
            ok = [f for f in found if f.rotation == want]
            if ok and max(float(v @ reference) for v in pipeline.embed(turned, ok)) >= 0.8:
                right += 1
    return {"strong": strong, "turns": total, "right": round(right / max(total, 1), 4),
            "ms_per_detect": round(1000 * seconds / max(total, 1), 1)}


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("data", type=Path)
    p.add_argument("--pack", type=Path, action="append", required=True)
    p.add_argument("--photos", type=int, default=400)
    p.add_argument("--strong", default="0.6,0.7,0.85,1.01")
    p.add_argument("--out", type=Path, default=Path("bench/out/pack-orientation"))
    args = p.parse_args(argv)
    photos = _photos(args.data, args.photos)
    rows = []
    for pack in args.pack:
        pipeline = OnnxPipelineFactory(str(pack.resolve()), "cpu")()
        for strong in (float(s) for s in args.strong.split(",")):
            row = {"pack": pack.name, **measure(pipeline, photos, strong)}
            rows.append(row)
            print(json.dumps(row), file=sys.stderr, flush=True)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "report.json").write_text(json.dumps(rows, indent=1))
    lines = [f"{len(photos)} photos of `{args.data}`, each turned 90, 180, 270 degrees.", "",
             "| pack | early stop at | turned photos | right turn and face | ms per photo |",
             "|---|---|---|---|---|"]
    lines += [f"| {r['pack']} | {r['strong']} | {r['turns']} | {r['right']:.1%} | "
              f"{r['ms_per_detect']} |" for r in rows]
    (args.out / "report.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
