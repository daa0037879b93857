"""Shared helpers of the benchmarks: staging identity folders, fresh workspaces."""

from __future__ import annotations

import shutil
import zlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from athar.app.bootstrap import create_ws
from athar.casework.domain.permissions import Actor
from athar.casework.domain.ports import PipelineFactory
from athar.casework.storage.crypto import KdfParams
from athar.casework.storage.workspace import Workspace
from athar.index.faiss_store import open_store
from athar.models.dlib_backend import DlibPipelineFactory
from athar.models.onnx_backend import OnnxPipelineFactory


def model_factory(model: str | None, device: str = "auto") -> PipelineFactory | None:
    """`--model` of the benches: None or "default" is the embedded dlib model; otherwise a
    pack folder (installed or not: it is verified when loaded) or an installed pack's id."""
    if model in (None, "default"):
        return None
    assert model is not None
    if Path(model).is_dir():
        return OnnxPipelineFactory(str(Path(model).resolve()), device)
    from athar.app.bootstrap import pipeline_factory

    return pipeline_factory(model, device)

BENCH_KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
"""The benchmarks measure faces, not key stretching."""


@dataclass(frozen=True)
class Identity:
    """One identity folder: its name and photos sorted by file name."""

    name: str
    photos: tuple[Path, ...]


def identities(data: Path, minimum: int = 2) -> list[Identity]:
    """Identity folders with at least `minimum` JPEG/PNG photos, sorted by name."""
    out = []
    for folder in sorted(p for p in data.iterdir() if p.is_dir()):
        photos = tuple(sorted(p for p in folder.iterdir()
                              if p.suffix.lower() in (".jpg", ".jpeg", ".png")))
        if len(photos) >= minimum:
            out.append(Identity(folder.name, photos))
    return out


def stage(dest: Path, files: dict[str, list[Path]],
          transform: Callable[[Image.Image, int], Image.Image] | None = None) -> Path:
    """Copy (or transform and save as JPEG q95) files into dest/<owner>/ folders (two
    threads: Pillow releases the GIL while it decodes, filters and encodes)."""
    def one(job: tuple[str, int, Path]) -> None:
        owner, i, src = job
        folder = dest / owner
        if transform is None:
            shutil.copy2(src, folder / src.name)
        else:
            seed = zlib.crc32(f"{owner}/{i}".encode())  # stable across runs
            img = transform(Image.open(src).convert("RGB"), seed)
            img.save(folder / (src.stem + ".jpg"), "JPEG", quality=95)

    for owner in files:
        (dest / owner).mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(one, [(o, i, src) for o, paths in files.items()
                            for i, src in enumerate(paths)]))
    return dest


PASSPHRASE = "benchmark passphrase"


def open_workspace(root: Path, factory: PipelineFactory | None = None) -> Workspace:
    """Open a benchmark workspace (made by new_workspace) with a model configuration."""
    factory = factory or DlibPipelineFactory()
    return Workspace.open(root, PASSPHRASE, factory, factory.model_info(), open_store)


def new_workspace(root: Path, factory: PipelineFactory | None = None
                  ) -> tuple[Workspace, Actor]:
    """A fresh encrypted workspace with a benchmark supervisor, optionally another model
    configuration (e.g. the baseline without rotation search)."""
    ws, actor = create_ws(root, PASSPHRASE, "bench", "bench-password", BENCH_KDF)
    if factory is None:
        return ws, actor
    ws.close()
    return Workspace.open(root, PASSPHRASE, factory, factory.model_info(), open_store), actor
