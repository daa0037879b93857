"""Import throughput of `athar import-pm`, side by side with a face_recognition loop.

    .venv/bin/python bench/ingest.py DATA_DIR [--rounds 3] [--out bench/out/ingest]
        [--model PACK_DIR_OR_ID ...] [--device auto|cpu|cuda]

The peer is the loop a Python user writes today with the face_recognition library
(load_image_file, face_locations, face_encodings) on the same images and the same dlib
models. Each side runs in its own process, alternately, `--rounds` times; the report
gives medians, the throughput ratio, peak memory, and the cosine between each face's two
embeddings (speed must not be bought with accuracy). Needs `face-recognition-ng`
(`pip install --no-deps face-recognition-ng`, as .ci/run does).

Each `--model` (a model pack's folder or an installed pack's id) adds a row in the same
rounds: the import with that model's detector and recogniser. Its vectors are another
model's, so only its faces are compared with the peer's (boxes overlapping by half).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent


def _images(data: Path) -> list[Path]:
    return sorted(p for p in data.rglob("*") if p.suffix.lower() in (".jpg", ".jpeg", ".png"))


def _peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def peer(data: Path, out: Path) -> dict[str, float]:
    """The face_recognition loop, single process (as its documentation shows)."""
    import face_recognition

    started = time.monotonic()
    faces = 0
    encodings: dict[str, list[tuple[list[int], list[float]]]] = {}
    for path in _images(data):
        image = face_recognition.load_image_file(str(path))
        locations = face_recognition.face_locations(image)
        vectors = face_recognition.face_encodings(image, locations)
        faces += len(vectors)
        pairs = zip(locations, vectors, strict=True)
        encodings[str(path.relative_to(data))] = [
            (list(loc), [float(x) for x in vec]) for loc, vec in pairs]
    elapsed = time.monotonic() - started
    out.write_text(json.dumps(encodings))
    return {"seconds": elapsed, "faces": faces, "peak_mb": _peak_mb(resource.RUSAGE_SELF)}


def athar(data: Path, out: Path, workers: int, model: str | None = None,
          device: str = "auto") -> dict[str, float | str]:
    """`athar import-pm --group-by file` into a fresh encrypted workspace, end to end."""
    sys.path.insert(0, str(HERE))
    from common import model_factory, new_workspace
    from sqlalchemy import select

    from athar.casework.domain.entities import Embedding, Face, Photo, Side
    from athar.casework.intake.ingest import ImportPhotos, ImportService

    with tempfile.TemporaryDirectory(prefix="athar-ingest-") as tmp:
        factory = model_factory(model, device)
        ws, actor = new_workspace(Path(tmp) / "ws", factory)
        label = ws.pipeline_factory.device()
        started = time.monotonic()
        report = ImportService(ws).run(ImportPhotos(data, Side.PM, "file", "bench", workers),
                                       actor)
        elapsed = time.monotonic() - started
        by_sha = {}
        with ws.uow() as uow:
            rows = uow.session.execute(
                select(Photo.sha256, Face.box_left, Face.box_top,
                                                Face.box_width, Face.box_height,
                                                Embedding.vector)
                .join(Face, Face.photo_id == Photo.id)
                .join(Embedding, Embedding.face_id == Face.id))
            for sha, x, y, w, h, vec in rows:
                by_sha.setdefault(sha, []).append(
                    ([x, y, w, h], np.frombuffer(vec, np.float32).tolist()))
        ws.close()
    encodings = {str(p.relative_to(data)): by_sha.get(hashlib.sha256(p.read_bytes())
                                                        .hexdigest(), [])
                 for p in _images(data)}
    out.write_text(json.dumps(encodings))
    return {"seconds": elapsed, "faces": report.faces, "images": report.new_photos,
            "peak_mb": _peak_mb(resource.RUSAGE_SELF),
            "worker_peak_mb": _peak_mb(resource.RUSAGE_CHILDREN), "device": label}


def box_iou(a: Sequence[float], b: Sequence[float]) -> float:
    """Intersection over union of two (left, top, width, height) boxes."""
    ax0, ay0, ax1, ay1 = a[0], a[1], a[0] + a[2], a[1] + a[3]
    bx0, by0, bx1, by1 = b[0], b[1], b[0] + b[2], b[1] + b[3]
    iw, ih = max(0.0, min(ax1, bx1) - max(ax0, bx0)), max(0.0, min(ay1, by1) - max(ay0, by0))
    inter = iw * ih
    return inter / (a[2] * a[3] + b[2] * b[3] - inter) if inter else 0.0


def compare(peer_file: Path, athar_file: Path) -> dict[str, float]:
    """Match each peer face to Athar's face by box overlap; cosine of their embeddings."""
    peer_enc, athar_enc = json.loads(peer_file.read_text()), json.loads(athar_file.read_text())
    cosines, unmatched = [], 0
    for name, faces in peer_enc.items():
        for (top, right, bottom, left), vec in faces:
            box = [left, top, right - left, bottom - top]
            best = max(athar_enc.get(name, []), key=lambda f: box_iou(box, f[0]), default=None)
            if best is None or box_iou(box, best[0]) < 0.5:
                unmatched += 1
                continue
            a, b = np.asarray(vec), np.asarray(best[1])
            cosines.append(float(a @ b / np.linalg.norm(a) / np.linalg.norm(b)))
    return {"faces_compared": len(cosines), "unmatched_peer_faces": unmatched,
            "min_cosine": min(cosines) if cosines else float("nan"),
            "median_cosine": statistics.median(cosines) if cosines else float("nan")}


def _child(kind: str, data: Path, out: Path, workers: int, model: str | None = None,
           device: str = "auto") -> dict[str, Any]:
    cmd = [sys.executable, __file__, str(data), "--child", kind, "--child-out", str(out),
           "--workers", str(workers), "--device", device] + (
               ["--child-model", model] if model else [])
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("data", type=Path)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--out", type=Path, default=Path("bench/out/ingest"))
    p.add_argument("--child", choices=["peer", "athar"], help=argparse.SUPPRESS)
    p.add_argument("--child-out", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--child-model", help=argparse.SUPPRESS)
    p.add_argument("--model", action="append", default=[], metavar="PACK",
                   help="also import with this model pack (folder or installed id)")
    p.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda"])
    args = p.parse_args(argv)
    if args.child:
        fn = peer(args.data, args.child_out) if args.child == "peer" else athar(
            args.data, args.child_out, args.workers, args.child_model, args.device)
        print(json.dumps(fn))
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    images = len(_images(args.data))
    runs: dict[str, list[dict[str, Any]]] = {"peer": [], "athar": []}
    packs = {f"pack{i}": m for i, m in enumerate(args.model)}
    for name in packs:
        runs[name] = []
    for _ in range(args.rounds):
        for kind in ("peer", "athar"):
            runs[kind].append(_child(kind, args.data, args.out / f"{kind}.json", args.workers))
        for name, model in packs.items():
            runs[name].append(_child("athar", args.data, args.out / f"{name}.json",
                                     args.workers, model, args.device))
    med = {k: statistics.median(r["seconds"] for r in v) for k, v in runs.items()}
    result = {
        "images": images, "rounds": args.rounds, "workers": args.workers,
        "peer": {"median_s": round(med["peer"], 2), "images_per_s": round(images / med["peer"], 2),
                 "faces_per_s": round(runs["peer"][0]["faces"] / med["peer"], 2),
                 "peak_mb": round(max(r["peak_mb"] for r in runs["peer"]), 1)},
        "athar": {"median_s": round(med["athar"], 2),
                  "images_per_s": round(images / med["athar"], 2),
                  "faces_per_s": round(runs["athar"][0]["faces"] / med["athar"], 2),
                  "peak_mb_main": round(max(r["peak_mb"] for r in runs["athar"]), 1),
                  "peak_mb_worker": round(max(r["worker_peak_mb"] for r in runs["athar"]), 1)},
        "ratio": round(med["peer"] / med["athar"], 2),
        "embeddings": compare(args.out / "peer.json", args.out / "athar.json"),
        "all_seconds": {k: [round(r["seconds"], 2) for r in v] for k, v in runs.items()},
    }
    pack_rows = []
    for name, model in packs.items():
        seconds = statistics.median(r["seconds"] for r in runs[name])
        found = compare(args.out / "peer.json", args.out / f"{name}.json")
        row = {"model": model, "device": runs[name][0]["device"],
               "median_s": round(seconds, 2), "images_per_s": round(images / seconds, 2),
               "faces_per_s": round(runs[name][0]["faces"] / seconds, 2),
               "faces": runs[name][0]["faces"],
               "peer_faces_found_too": found["faces_compared"],
               "peer_faces_missed": found["unmatched_peer_faces"],
               "peak_mb_worker": round(max(r["worker_peak_mb"] for r in runs[name]), 1),
               "all_seconds": [round(r["seconds"], 2) for r in runs[name]]}
        pack_rows.append(row)
    result["packs"] = pack_rows
    (args.out / "report.json").write_text(json.dumps(result, indent=1))
    peer_r, athar_r = result["peer"], result["athar"]
    assert isinstance(peer_r, dict)
    assert isinstance(athar_r, dict)
    md = [
        "# Ingest throughput", "",
        f"{images} images, {args.rounds} alternating rounds, medians; Athar with "
        f"{args.workers} worker processes.", "",
        "| | median s | images/s | faces/s | peak MB |", "|---|---|---|---|---|",
        f"| face_recognition loop | {peer_r['median_s']} | {peer_r['images_per_s']} | "
        f"{peer_r['faces_per_s']} | {peer_r['peak_mb']} |",
        f"| athar import-pm | {athar_r['median_s']} | {athar_r['images_per_s']} | "
        f"{athar_r['faces_per_s']} | {athar_r['peak_mb_main']} main + "
        f"{athar_r['peak_mb_worker']} per worker |", "",
        f"Throughput ratio (Athar / peer): **{result['ratio']}x**. Embeddings: "
        f"{result['embeddings']}.",
    ]
    if pack_rows:
        md += ["", "| model pack | device | median s | images/s | faces/s | faces | peer's "
               "faces also found / missed | peak MB per worker |",
               "|---|---|---|---|---|---|---|---|"]
        md += [f"| {Path(r['model']).name} | {r['device']} | {r['median_s']} | "
               f"{r['images_per_s']} | {r['faces_per_s']} | {r['faces']} | "
               f"{r['peer_faces_found_too']} / {r['peer_faces_missed']} | "
               f"{r['peak_mb_worker']} |" for r in pack_rows]
    (args.out / "report.md").write_text("\n".join(md) + "\n")
    print("\n".join(md))
    return 0


if __name__ == "__main__":
    sys.exit(main())
