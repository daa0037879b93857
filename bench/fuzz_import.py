"""Fuzz the real import path with seeded, mutated JPEG/PNG/TIFF files.

    .venv/bin/python bench/fuzz_import.py --count 5000 --seed 1 [--faces DIR] [--out DIR]

Builds a reproducible corpus (same seed, same files), imports it through ImportService
with the real default model into a fresh encrypted workspace, and checks that the run
ends, that no file hangs it, and that every file is accounted for (imported, duplicate,
or skipped with a reason). Prints a JSON summary; exits 1 when a check fails.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from PIL import Image

FORMATS = (("JPEG", ".jpg"), ("PNG", ".png"), ("TIFF", ".tif"))


def _seed_images(faces: Path | None, rng: random.Random) -> list[Image.Image]:
    if faces is not None and faces.is_dir():
        photos = sorted(faces.glob("*/*.jpg"))
        picked = rng.sample(photos, min(6, len(photos)))
        return [Image.open(p).convert("RGB").resize((125, 125)) for p in picked]
    return [Image.linear_gradient("L").convert("RGB").resize((96, 72))]


def _encode(img: Image.Image, fmt: str) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt)
    return buf.getvalue()


def mutate(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """One seeded mutation of a valid file; returns the bytes and what was done."""
    b = bytearray(data)
    kind = rng.choice(["flip", "overwrite", "truncate", "insert", "zero", "header", "repeat"])
    if kind == "flip":
        for _ in range(rng.randint(1, 40)):
            b[rng.randrange(len(b))] ^= 1 << rng.randrange(8)
    elif kind == "overwrite":
        start = rng.randrange(len(b))
        for i in range(start, min(len(b), start + rng.randint(1, 256))):
            b[i] = rng.randrange(256)
    elif kind == "truncate":
        del b[rng.randrange(1, len(b)):]
    elif kind == "insert":
        pos = rng.randrange(len(b))
        b[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 512)))
    elif kind == "zero":
        start, n = rng.randrange(len(b)), rng.randint(1, 1024)
        b[start:start + n] = bytes(len(b[start:start + n]))
    elif kind == "header":
        for _ in range(rng.randint(1, 6)):  # dimensions and markers live in the first bytes
            b[rng.randrange(min(len(b), 64))] = rng.choice([0x00, 0xFF, 0x7F, 0x80])
    else:
        start = rng.randrange(len(b))
        chunk = b[start:start + rng.randint(1, 2048)]
        b[start:start] = chunk * rng.randint(1, 8)
    return bytes(b), kind


def make_corpus(out: Path, count: int, seed: int, faces: Path | None) -> Counter[str]:
    """Write `count` mutated files into out/b<k>/ (100 per body folder)."""
    rng = random.Random(seed)
    seeds = [(fmt, ext, _encode(img, fmt)) for img in _seed_images(faces, rng)
             for fmt, ext in FORMATS]
    kinds: Counter[str] = Counter()
    for i in range(count):
        fmt, ext, data = rng.choice(seeds)
        mutated, kind = mutate(data, rng)
        kinds[f"{fmt}:{kind}"] += 1
        folder = out / f"b{i // 100:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"f{i:05d}{ext}").write_bytes(mutated)
    return kinds


def run(count: int, seed: int, faces: Path | None, work: Path,
        timeout_s: float) -> dict[str, object]:
    """Build the corpus, import it for real, and check the outcome."""
    from athar.app.bootstrap import create_ws
    from athar.casework.domain.entities import Side
    from athar.casework.intake.ingest import ImportPhotos, ImportService
    from athar.casework.storage.crypto import KdfParams

    corpus = work / "corpus"
    kinds = make_corpus(corpus, count, seed, faces)
    ws, actor = create_ws(work / "ws", "fuzz passphrase 123", "fuzzer", "fuzzer-password",
                          KdfParams(time_cost=1, memory_kib=8192, parallelism=1))
    started = time.monotonic()
    try:
        report = ImportService(ws).run(
            ImportPhotos(corpus, Side.PM, "folder", "fuzz", 2, file_timeout_s=timeout_s),
            actor)
    finally:
        ws.close()
    elapsed = time.monotonic() - started
    reasons = Counter(s.reason.split(":")[0] for s in report.skipped)
    accounted = report.new_photos + report.duplicates + len(report.skipped)
    return {
        "count": count, "seed": seed, "elapsed_s": round(elapsed, 1),
        "imported": report.new_photos, "duplicates": report.duplicates,
        "skipped": len(report.skipped), "no_face": len(report.no_face),
        "faces": report.faces, "accounted": accounted,
        "all_accounted": accounted == count,
        "every_skip_has_reason": all(s.reason for s in report.skipped),
        "timeouts": sum(1 for s in report.skipped if "longer than" in s.reason),
        "crashed_workers": sum(1 for s in report.skipped if "worker died" in s.reason),
        "skip_reasons": dict(reasons.most_common()), "mutations": dict(sorted(kinds.items())),
    }


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--count", type=int, default=5000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--faces", type=Path, default=Path("../shared/data/faces-dev"))
    p.add_argument("--out", type=Path, help="keep the corpus and workspace here")
    p.add_argument("--timeout", type=float, default=60.0, help="per-file limit, seconds")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="athar-fuzz-") as tmp:
        work = args.out or Path(tmp)
        summary = run(args.count, args.seed, args.faces, work, args.timeout)
    print(json.dumps(summary, indent=1))
    return 0 if summary["all_accounted"] and summary["every_skip_has_reason"] else 1


if __name__ == "__main__":
    sys.exit(main())
