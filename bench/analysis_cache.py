"""Detections and vectors kept between benchmark runs (issue 17: "reuse what can be reused").

A faces-tune accuracy run spends most of its time in the detection cascade on degraded
photos, and gives the same faces every time for the same pixels and the same code. A
*cached pipeline* answers `detect` and `embed_many` from files when the same pixels went
through the same pipeline before, and otherwise asks the real pipeline (loaded only then)
and keeps its answer. Everything else of the import (reading, hashing, encrypting,
recording, indexing) and the whole search run as always.

"The same pipeline" is a fingerprint (`fingerprint`) of: the factory's repr (the model
id's weights and every option of the cascade), the model id itself, a pack's manifest,
the source of `athar.models` and `athar.casework.domain` (detection, alignment,
restoration, quality), and the versions of dlib, onnxruntime, OpenCV, Pillow and NumPy.
Any change there starts a new cache folder, so a change of the detector or the
descriptor is always measured from scratch; a change of the ranking, the search or the
bench's own counting reuses the faces. The pixels are keyed by the SHA-256 of the decoded
array (shape, type, bytes), the embeddings by that and the detections they were asked
for. Files are written to a temporary name and renamed, so two workers writing one key
leave a whole file.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import io
import json
import os
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from athar.casework.domain.ports import (
    Box,
    Detection,
    FacePipeline,
    Image,
    ModelInfo,
    PipelineFactory,
    Vectors,
)

SOURCES = ("models", "casework/domain")
"""Folders of the athar package whose code decides what a pipeline returns."""
LIBRARIES = ("dlib", "onnxruntime", "cv2", "PIL", "numpy")


def fingerprint(factory: PipelineFactory, root: Path | None = None) -> str:
    """SHA-256 of everything that decides what the factory's pipelines return (root: the
    athar package's folder, whose SOURCES are read)."""
    import athar

    root = root or Path(athar.__file__).resolve().parent
    h = hashlib.sha256()
    h.update(repr(factory).encode())
    h.update(factory.model_info().model_id.encode())
    folder = getattr(factory, "folder", None)
    if folder and (Path(folder) / "manifest.json").is_file():
        h.update((Path(folder) / "manifest.json").read_bytes())
    for sub in SOURCES:
        for path in sorted((root / sub).rglob("*.py")):
            h.update(str(path.relative_to(root)).encode())
            h.update(path.read_bytes())
    for name in LIBRARIES:
        module = importlib.import_module(name)
        h.update(f"{name}={getattr(module, '__version__', '?')}".encode())
    return h.hexdigest()


@dataclass(frozen=True)
class CachedFactory:
    """A PipelineFactory whose pipelines remember their answers in `folder` (picklable:
    the fingerprint is taken once, in the process that makes it)."""

    inner: PipelineFactory
    folder: str

    def model_info(self) -> ModelInfo:
        """The inner model's id and dimension: the vectors are its vectors."""
        return self.inner.model_info()

    def device(self) -> str:
        """The inner pipeline's device."""
        return self.inner.device()

    def __call__(self) -> CachedPipeline:
        return CachedPipeline(self.inner, Path(self.folder))


def cached(factory: PipelineFactory, root: Path) -> CachedFactory:
    """The factory with a cache under root/<its fingerprint>."""
    folder = root / fingerprint(factory)[:24]
    folder.mkdir(parents=True, exist_ok=True)
    return CachedFactory(factory, str(folder))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """--cache DIR and --no-cache, as the benches that import photos take them."""
    parser.add_argument("--cache", type=Path, metavar="DIR",
                        help="keep each pipeline's faces and vectors here and reuse them in "
                             "later runs of the same code (default: cache/ beside --out)")
    parser.add_argument("--no-cache", action="store_true",
                        help="detect and embed every photo (the run time of a first run)")


def chosen(args: argparse.Namespace) -> Path | None:
    """The cache root the arguments ask for (None: --no-cache)."""
    if args.no_cache:
        return None
    return Path(args.cache) if args.cache else Path(args.out).parent / "cache"


def entries(root: Path) -> int:
    """How many answers are kept under a cache root (all fingerprints)."""
    return sum(1 for _ in root.rglob("*.json")) + sum(1 for _ in root.rglob("*.npy"))


def _pixels_key(image: Image) -> str:
    h = hashlib.sha256(f"{image.shape}{image.dtype}".encode())
    h.update(np.ascontiguousarray(image).tobytes())
    return h.hexdigest()


def _faces_json(faces: Sequence[Detection]) -> str:
    return json.dumps([asdict(f) for f in faces], sort_keys=True)


def _detection(raw: dict[str, Any]) -> Detection:
    return Detection(Box(**raw["box"]), tuple((float(x), float(y)) for x, y in raw["landmarks"]),
                     float(raw["score"]), int(raw["rotation"]), str(raw["method"]))


def _write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".part-")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


class CachedPipeline:
    """`detect` and `embed_many` from the cache, or from the inner pipeline and kept."""

    def __init__(self, factory: PipelineFactory, folder: Path) -> None:
        self._factory = factory
        self._folder = folder
        self._inner: FacePipeline | None = None

    def _pipeline(self) -> FacePipeline:
        if self._inner is None:
            self._inner = self._factory()
        return self._inner

    @property
    def loaded(self) -> bool:
        """Whether the inner pipeline had to be loaded (something was not cached)."""
        return self._inner is not None

    @property
    def info(self) -> ModelInfo:
        """The inner model's id and dimension."""
        return self._factory.model_info()

    def detect(self, image: Image) -> list[Detection]:
        """The inner pipeline's faces of these pixels."""
        path = self._folder / f"{_pixels_key(image)}.json"
        if path.is_file():
            return [_detection(d) for d in json.loads(path.read_text())]
        found = self._pipeline().detect(image)
        _write(path, _faces_json(found).encode())
        return found

    def locate(self, image: Image, box: Box, rotation: int) -> Detection:
        """Not cached (manual faces)."""
        return self._pipeline().locate(image, box, rotation)

    def embed(self, image: Image, faces: Sequence[Detection]) -> Vectors:
        """The inner pipeline's vectors of these faces."""
        return self.embed_many([(image, faces)])[0]

    def embed_many(self, photos: Sequence[tuple[Image, Sequence[Detection]]]
                   ) -> list[Vectors]:
        """The inner pipeline's vectors; the photos not cached go to it in one call."""
        paths = []
        for image, faces in photos:
            key = hashlib.sha256((_pixels_key(image) + _faces_json(faces)).encode())
            paths.append(self._folder / f"{key.hexdigest()}.npy")
        missing = [i for i, p in enumerate(paths) if not p.is_file()]
        if missing:
            computed = self._pipeline().embed_many([photos[i] for i in missing])
            for i, vectors in zip(missing, computed, strict=True):
                buf = io.BytesIO()
                np.save(buf, np.asarray(vectors, dtype=np.float32), allow_pickle=False)
                _write(paths[i], buf.getvalue())
        return [np.asarray(np.load(p, allow_pickle=False), dtype=np.float32) for p in paths]
