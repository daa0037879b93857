"""Import throughput on CPU and GPU, and whether both devices give the same vectors.

    .venv/bin/python bench/gpu.py DATA_DIR --pack PACK_DIR [--devices cpu,cuda]
        [--workers 2] [--out bench/out/gpu]

Imports DATA_DIR (one Body per file) into fresh encrypted workspaces: with the default
dlib model on the CPU, then with the model pack on each device, with --workers worker
processes (on CUDA they share the GPU: each detects the faces of PHOTOS_PER_TASK_ON_GPU
photos on the CPU, then embeds them in one call, so one worker's detection overlaps
another's GPU call; on the CPU, one photo per task); then adds the pack's vectors to
every face of the default model's workspace on each device (`athar reembed`, which sends
the faces of several photos to the recogniser per call). Prints images/s, faces/s, the
GPU memory in use at the peak (nvidia-smi, polled), the device each run reports, and,
for the pack, the cosine between the CPU's and the GPU's vector of every face found by
both (they should agree to >= 0.999). bench/gpu.sh prepares a GPU machine and runs this.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import new_workspace, open_workspace  # noqa: E402

from athar.casework.accounts.users import login  # noqa: E402
from athar.casework.bus import MessageBus  # noqa: E402
from athar.casework.domain.entities import Embedding, Face, Photo, Side  # noqa: E402
from athar.casework.domain.ports import PipelineFactory  # noqa: E402
from athar.casework.intake.ingest import ImportPhotos, ImportService, photos_per_task  # noqa: E402
from athar.casework.intake.reembed import BATCH_PHOTOS, Reembed  # noqa: E402
from athar.models.onnx_backend import OnnxPipelineFactory  # noqa: E402

AGREEMENT = 0.999


class GpuMemory:
    """The largest GPU memory in use (MiB) while running, from nvidia-smi every 0.2 s."""

    def __init__(self) -> None:
        self.peak: float | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)

    def _poll(self) -> None:
        if shutil.which("nvidia-smi") is None:
            return
        while not self._stop.is_set():
            done = subprocess.run(["nvidia-smi", "--query-gpu=memory.used",
                                   "--format=csv,noheader,nounits"], capture_output=True,
                                  text=True, check=False)
            values = [float(v) for v in done.stdout.split() if v.strip().isdigit()]
            if values:
                self.peak = max(self.peak or 0.0, max(values))
            self._stop.wait(0.2)

    def __enter__(self) -> GpuMemory:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)


Faces = dict[str, list[tuple[float, float, np.ndarray]]]
"""photo SHA-256 -> (box left, box top, vector) of each of its faces."""


def run_import(data: Path, factory: PipelineFactory | None, workers: int, work: Path
               ) -> tuple[dict[str, Any], Faces]:
    """One import; its figures and every face's vector."""
    ws, actor = new_workspace(work / "ws", factory)
    device = ws.pipeline_factory.device()
    per_task = photos_per_task(ws.pipeline_factory)
    try:
        with GpuMemory() as memory:
            started = time.monotonic()
            report = ImportService(ws).run(ImportPhotos(data, Side.PM, "file", "gpu",
                                                        workers), actor)
            seconds = time.monotonic() - started
        vectors: Faces = {}
        with ws.uow() as uow:
            rows = uow.session.execute(
                select(Photo.sha256, Face.box_left, Face.box_top, Embedding.vector)
                .join(Face, Face.photo_id == Photo.id)
                .join(Embedding, Embedding.face_id == Face.id))
            for sha, left, top, vec in rows:
                vectors.setdefault(sha, []).append(
                    (float(left), float(top), np.frombuffer(vec, np.float32)))
    finally:
        ws.close()
    return {"device": device, "workers": workers, "photos_per_task": per_task,
            "seconds": round(seconds, 2),
            "images": report.new_photos, "faces": report.faces,
            "images_per_s": round(report.new_photos / seconds, 2),
            "faces_per_s": round(report.faces / seconds, 2),
            "gpu_peak_mib": memory.peak}, vectors


def run_reembed(imported: Path, factory: OnnxPipelineFactory, work: Path) -> dict[str, Any]:
    """Add the pack's vectors to every face of a copy of the default model's workspace
    (`athar reembed`: the faces of BATCH_PHOTOS photos per recogniser call, the next
    batch's photos decoded meanwhile); its figures."""
    shutil.copytree(imported, work)
    ws = open_workspace(work, factory)
    try:
        actor = login(ws, "bench", "bench-password")
        with GpuMemory() as memory:
            started = time.monotonic()
            report = MessageBus(ws).handle(Reembed(), actor)
            seconds = time.monotonic() - started
    finally:
        ws.close()
    return {"device": factory.device(), "workers": 1, "photos_per_task": BATCH_PHOTOS,
            "seconds": round(seconds, 2),
            "images": None, "faces": report.added, "images_per_s": None,
            "faces_per_s": round(report.added / seconds, 2), "gpu_peak_mib": memory.peak}


def agreement(a: Faces, b: Faces) -> dict[str, float | int]:
    """Cosine between the two runs' vectors of the faces both found at the same place
    (box corners within 5 px)."""
    cos, unmatched = [], 0
    for sha, faces in a.items():
        for left, top, vec in faces:
            near = [v for x, y, v in b.get(sha, []) if abs(x - left) < 5 and abs(y - top) < 5]
            if near:
                cos.append(float(vec @ near[0]))
            else:
                unmatched += 1
    unmatched += max(0, sum(map(len, b.values())) - len(cos))
    return {"faces_compared": len(cos), "only_in_one": unmatched,
            "min_cosine": round(min(cos), 6) if cos else float("nan"),
            "median_cosine": round(statistics.median(cos), 6) if cos else float("nan")}


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("data", type=Path)
    p.add_argument("--pack", type=Path, required=True, help="a model pack folder")
    p.add_argument("--devices", default="cpu,cuda")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--out", type=Path, default=Path("bench/out/gpu"))
    args = p.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    rows: dict[str, dict[str, Any]] = {}
    vectors: dict[str, Faces] = {}
    with tempfile.TemporaryDirectory(prefix="athar-gpu-") as tmp:
        rows["default model, cpu"], _ = run_import(args.data, None, args.workers,
                                                    Path(tmp) / "dlib")
        print(json.dumps({"default model, cpu": rows["default model, cpu"]}), flush=True)
        for device in [d for d in args.devices.split(",") if d]:
            factory = OnnxPipelineFactory(str(args.pack.resolve()), device)
            name = f"pack, {device}"
            rows[name], vectors[device] = run_import(args.data, factory, args.workers,
                                                     Path(tmp) / device)
            print(json.dumps({name: rows[name]}), flush=True)
        for device in [d for d in args.devices.split(",") if d]:
            factory = OnnxPipelineFactory(str(args.pack.resolve()), device)
            name = f"pack re-embed, {device}"
            rows[name] = run_reembed(Path(tmp) / "dlib" / "ws", factory,
                                     Path(tmp) / f"reembed-{device}")
            print(json.dumps({name: rows[name]}), flush=True)
    result: dict[str, Any] = {"data": str(args.data), "pack": str(args.pack), "runs": rows}
    if "cpu" in vectors and "cuda" in vectors:
        result["cpu_vs_cuda"] = agreement(vectors["cpu"], vectors["cuda"])
        result["agree"] = result["cpu_vs_cuda"]["min_cosine"] >= AGREEMENT
    (args.out / "report.json").write_text(json.dumps(result, indent=1))
    lines = ["| run | device used | workers | photos per task | images/s | faces/s | faces | "
             "GPU MiB at peak |", "|---|---|---|---|---|---|---|---|"]
    lines += [f"| {name} | {r['device']} | {r['workers']} | {r['photos_per_task']} | "
              f"{r['images_per_s'] or '—'} | "
              f"{r['faces_per_s']} | {r['faces']} | {r['gpu_peak_mib'] or '—'} |"
              for name, r in rows.items()]
    if "cpu_vs_cuda" in result:
        lines += ["", f"CPU vs CUDA vectors: {result['cpu_vs_cuda']} -> "
                  f"{'AGREE' if result['agree'] else 'DISAGREE'} (>= {AGREEMENT})"]
    (args.out / "report.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0 if result.get("agree", True) else 1


if __name__ == "__main__":
    sys.exit(main())
