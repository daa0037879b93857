"""Work done per file, in a worker process: read, hash, store, decode, detect, embed."""

from __future__ import annotations

import logging
import signal
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from athar.casework.domain.errors import AtharError, EnvironmentFault
from athar.casework.domain.imaging import MAX_FILE_BYTES, decode
from athar.casework.domain.offline import forbid_network
from athar.casework.domain.ports import Detection, FacePipeline, PipelineFactory
from athar.casework.domain.quality import face_size, sharpness, subject_index
from athar.casework.storage.crypto import WorkspaceKeys
from athar.casework.storage.evidence import EvidenceStore, sha256_hex

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FaceResult:
    """A detected face with its quality and its vector ((dim,) float32 bytes)."""

    detection: Detection
    size_px: float
    sharpness: float
    vector: bytes


@dataclass(frozen=True)
class FileResult:
    """Everything the parent needs to record one file (no pixels, no ORM objects)."""

    path: str
    sha256: str | None = None
    error: str | None = None
    already_analysed: bool = False
    format: str = ""
    width: int = 0
    height: int = 0
    exif_orientation: int = 1
    size_bytes: int = 0
    faces: tuple[FaceResult, ...] = ()
    subject: int | None = None


class Analyser:
    """Holds one loaded pipeline and the evidence store; analyses files one at a time."""

    def __init__(self, pipeline: FacePipeline, evidence: EvidenceStore,
                 analysed: frozenset[str]) -> None:
        self.pipeline = pipeline
        self.evidence = evidence
        self.analysed = analysed

    def read(self, path: str) -> bytes:
        """Read a file with a size limit; EnvironmentFault names the reason."""
        try:
            with open(path, "rb") as fh:
                data = fh.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise EnvironmentFault(f"cannot read file: {exc.strerror or exc}") from exc
        if len(data) > MAX_FILE_BYTES:
            raise EnvironmentFault(f"file larger than {MAX_FILE_BYTES // 2**20} MiB")
        return data

    def analyse(self, path: str) -> FileResult:
        """Analyse one file; every expected failure becomes a FileResult with an error."""
        return self.analyse_many([path])[0]

    def analyse_many(self, paths: Sequence[str]) -> list[FileResult]:
        """`analyse` for several files, in order: each is read, stored and searched for
        faces, then the faces of all of them go to the recogniser together
        (`embed_many`: on a GPU its calls are what costs). Every result is what `analyse`
        gives that file alone (its vectors to float rounding); a file that fails fails
        alone."""
        results: list[FileResult | None] = [None] * len(paths)
        pending: list[tuple[int, _Detected]] = []
        pixels = 0
        for i, path in enumerate(paths):
            try:
                found = self._detect(path)
            except AtharError as exc:
                results[i] = FileResult(path=path, error=str(exc))
                continue
            if isinstance(found, FileResult):
                results[i] = found
                continue
            pending.append((i, found))
            pixels += found.pixels.shape[0] * found.pixels.shape[1]
            if pixels > BATCH_PIXELS:  # photos wait for their batch's embedding in memory
                self._embed(pending, results)
                pending, pixels = [], 0
        self._embed(pending, results)
        return [r if r is not None else FileResult(path=p, error="not analysed")
                for r, p in zip(results, paths, strict=True)]

    def _detect(self, path: str) -> FileResult | _Detected:
        data = self.read(path)
        sha = sha256_hex(data)
        if sha in self.analysed:
            return FileResult(path=path, sha256=sha, already_analysed=True, size_bytes=len(data))
        decoded = decode(data)
        self.evidence.put(data, sha)
        return _Detected(FileResult(
            path=path, sha256=sha, format=decoded.format, width=decoded.width,
            height=decoded.height, exif_orientation=decoded.exif_orientation,
            size_bytes=len(data)), decoded.pixels, self.pipeline.detect(decoded.pixels))

    def _embed(self, pending: list[tuple[int, _Detected]],
               results: list[FileResult | None]) -> None:
        """Embed the faces of the pending photos in one call; when that call fails, photo
        by photo, so that only a photo the recogniser refuses is reported."""
        with_faces = [(i, d) for i, d in pending if d.detections]
        for i, d in pending:
            if not d.detections:
                results[i] = d.finish(None)
        if not with_faces:
            return
        try:
            vectors = self.pipeline.embed_many([(d.pixels, d.detections) for _, d in with_faces])
        except AtharError as exc:
            if len(with_faces) == 1:
                i, d = with_faces[0]
                results[i] = FileResult(path=d.base.path, error=str(exc))
            else:
                for i, d in with_faces:
                    results[i] = self._embed_alone(d)
            return
        for (i, d), v in zip(with_faces, vectors, strict=True):
            results[i] = d.finish(v)

    def _embed_alone(self, d: _Detected) -> FileResult:
        try:
            return d.finish(self.pipeline.embed_many([(d.pixels, d.detections)])[0])
        except AtharError as exc:
            return FileResult(path=d.base.path, error=str(exc))


BATCH_PIXELS = 64_000_000
"""A worker analysing several photos per task embeds what it has once their decoded
pixels pass this (64 megapixels, about 190 MB as RGB), so that a batch of very large
photos does not hold them all in memory."""


@dataclass(frozen=True)
class _Detected:
    """A file read, stored and searched for faces, waiting for its embedding."""

    base: FileResult
    pixels: np.ndarray
    detections: list[Detection]

    def finish(self, vectors: np.ndarray | None) -> FileResult:
        """The file's result with its faces (and their vectors) filled in."""
        pixels = self.pixels
        faces = tuple(
            FaceResult(d, face_size(d.box), sharpness(pixels, d.box),
                       np.ascontiguousarray(vectors[i], dtype=np.float32).tobytes())
            for i, d in enumerate(self.detections)
        ) if vectors is not None else ()
        h, w = pixels.shape[:2]
        return replace(self.base, faces=faces, subject=subject_index(
            [f.detection.box for f in faces], w, h, [f.detection.score for f in faces]))


_WORKER: Analyser | None = None


def init_worker(factory: PipelineFactory, evidence_root: str, tmp: str, keys: WorkspaceKeys,
                analysed: frozenset[str]) -> None:
    """Process-pool initializer: no network, then load the model once per worker.

    Ctrl-C in a terminal reaches the whole process group: workers ignore it, so that the
    parent alone decides to stop (it cancels the import and keeps what was done).
    """
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    forbid_network()
    _WORKER = Analyser(factory(), EvidenceStore(Path(evidence_root), Path(tmp), keys), analysed)


def analyse_in_worker(paths: tuple[str, ...]) -> list[FileResult]:
    """Process-pool task: analyse files with the worker's pipeline (one, or on a GPU a
    few, per task: `Analyser.analyse_many`)."""
    if _WORKER is None:
        raise RuntimeError("worker used before init_worker")
    return _WORKER.analyse_many(paths)
