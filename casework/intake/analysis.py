"""Work done per file, in a worker process: read, hash, store, decode, detect, embed."""

from __future__ import annotations

import logging
import signal
from dataclasses import dataclass
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
        try:
            return self._analyse(path)
        except AtharError as exc:
            return FileResult(path=path, error=str(exc))

    def _analyse(self, path: str) -> FileResult:
        data = self.read(path)
        sha = sha256_hex(data)
        if sha in self.analysed:
            return FileResult(path=path, sha256=sha, already_analysed=True, size_bytes=len(data))
        decoded = decode(data)
        self.evidence.put(data, sha)
        detections = self.pipeline.detect(decoded.pixels)
        vectors = self.pipeline.embed(decoded.pixels, detections) if detections else None
        faces = tuple(
            FaceResult(d, face_size(d.box), sharpness(decoded.pixels, d.box),
                       np.ascontiguousarray(vectors[i], dtype=np.float32).tobytes())
            for i, d in enumerate(detections)
        ) if vectors is not None else ()
        h, w = decoded.pixels.shape[:2]
        return FileResult(
            path=path, sha256=sha, format=decoded.format, width=decoded.width,
            height=decoded.height, exif_orientation=decoded.exif_orientation,
            size_bytes=len(data), faces=faces,
            subject=subject_index([f.detection.box for f in faces], w, h,
                                  [f.detection.score for f in faces]),
        )


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


def analyse_in_worker(path: str) -> FileResult:
    """Process-pool task: analyse one file with the worker's pipeline."""
    if _WORKER is None:
        raise RuntimeError("worker used before init_worker")
    return _WORKER.analyse(path)
