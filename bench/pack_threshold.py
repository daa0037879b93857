"""What a lower detector threshold does to a model pack's faces on clean photos: how many
photos gain a face, and whether the face chosen as a photo's subject changes.

    .venv/bin/python bench/pack_threshold.py DATA_DIR --pack PACK_DIR [--min-score 0.4]
        [--out bench/out/pack-threshold]

Every photo of DATA_DIR (e.g. ../shared/data/faces-tune) is searched by the pack's
cascade at its threshold (MIN_SCORE) and at --min-score. For each photo whose subject
(chosen as the import chooses it, `subject_index`) is another face at the lower
threshold, the two subjects' vectors are compared with the subjects of the identity's
other photos: the change is right when the new subject is nearer them than the old one.
The ranking effect of the same threshold is what `accuracy.py --model-ablations "score"`
measures; this says where it comes from.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import identities  # noqa: E402
from ingest import box_iou  # noqa: E402

from athar.casework.domain.quality import subject_index  # noqa: E402
from athar.models.onnx_backend import MIN_SCORE, OnnxPipeline, OnnxPipelineFactory  # noqa: E402


@dataclass
class Seen:
    """One photo at one threshold: its faces, and its subject's box and vector."""

    faces: int
    scores: list[float]
    box: tuple[float, float, float, float] | None
    vector: npt.NDArray[np.float32] | None


def look(pipeline: OnnxPipeline, pixels: npt.NDArray[np.uint8]) -> Seen:
    """The faces of a photo and its subject as the import picks it."""
    found = pipeline.detect(pixels)
    pick = subject_index([d.box for d in found], pixels.shape[1], pixels.shape[0],
                         [d.score for d in found])
    if pick is None:
        return Seen(0, [], None, None)
    b = found[pick].box
    return Seen(len(found), [d.score for d in found], (b.left, b.top, b.width, b.height),
                pipeline.embed(pixels, [found[pick]])[0])


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("data", type=Path)
    p.add_argument("--pack", type=Path, required=True)
    p.add_argument("--min-score", type=float, default=0.4)
    p.add_argument("--limit", type=int, default=0, help="only the first N identities")
    p.add_argument("--out", type=Path, default=Path("bench/out/pack-threshold"))
    args = p.parse_args(argv)
    started = time.monotonic()
    kept = OnnxPipelineFactory(str(args.pack), "cpu")()
    lower = OnnxPipelineFactory(str(args.pack), "cpu", min_score=args.min_score)()
    people = identities(args.data, minimum=1)
    if args.limit:
        people = people[:args.limit]
    photos = gained = new_face = 0
    changed: list[dict[str, object]] = []
    added_scores: list[float] = []
    for person in people:
        seen = []
        for path in person.photos:
            pixels = np.asarray(Image.open(path).convert("RGB"))
            seen.append((path.name, look(kept, pixels), look(lower, pixels)))
        for k, (name, before, after) in enumerate(seen):
            photos += 1
            gained += after.faces > before.faces
            new_face += before.faces == 0 and after.faces > 0
            added_scores += [s for s in after.scores if s < MIN_SCORE]
            same = before.box is not None and after.box is not None and box_iou(
                before.box, after.box) > 0.5
            if after.box is None or same:
                continue
            others = [s.vector for j, (_, s, _) in enumerate(seen)
                      if j != k and s.vector is not None]
            entry: dict[str, object] = {"photo": f"{person.name}/{name}",
                                        "faces": [before.faces, after.faces]}
            if others and before.vector is not None and after.vector is not None:
                ref = np.stack(others)
                old, new = float((ref @ before.vector).max()), float((ref @ after.vector).max())
                entry.update(old_cosine=round(old, 3), new_cosine=round(new, 3),
                             right=new > old)
            changed.append(entry)
    judged = [c for c in changed if "right" in c]
    report = {"pack": str(args.pack), "min_score": MIN_SCORE, "lower": args.min_score,
              "identities": len(people), "photos": photos,
              "photos_with_more_faces": gained, "photos_with_a_face_only_lower": new_face,
              "faces_added": len(added_scores),
              "subject_changed": len(changed),
              "subject_changed_judged": len(judged),
              "subject_changed_for_the_better": sum(bool(c["right"]) for c in judged),
              "changes": changed, "seconds": round(time.monotonic() - started, 1)}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "report.json").write_text(json.dumps(report, indent=1))
    print(json.dumps({k: v for k, v in report.items() if k != "changes"}, indent=1))
    for c in changed:
        print(c)
    return 0


if __name__ == "__main__":
    sys.exit(main())
