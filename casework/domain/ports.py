"""Ports: what the core needs from face models and vector indexes, as Protocols."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import numpy.typing as npt

Image = npt.NDArray[np.uint8]
"""An RGB image, shape (h, w, 3), dtype uint8, upright (EXIF orientation applied)."""

Vectors = npt.NDArray[np.float32]
"""Embeddings, shape (n, dim), dtype float32, each row L2-normalised."""


@dataclass(frozen=True)
class Box:
    """An axis-aligned box in pixel coordinates of the upright image."""

    left: float
    top: float
    width: float
    height: float


@dataclass(frozen=True)
class Detection:
    """One face found in an upright image.

    Attributes:
        box: the face box, in the coordinates of the upright image.
        landmarks: five (x, y) points in upright-image coordinates (eye corners and
            nose base, in the order of the detector's landmark model).
        score: detector confidence (higher is surer); comparable within one detector.
        rotation: quarter turns counter-clockwise (0, 90, 180, 270) that were applied to
            the upright image before this face was found: the face is upright in that view.
        method: which detector pass found it (e.g. "hog", "hog+clahe", "cnn").
    """

    box: Box
    landmarks: tuple[tuple[float, float], ...]
    score: float
    rotation: int
    method: str


@dataclass(frozen=True)
class ModelInfo:
    """Identity of an embedding model: the id names the weights by their SHA-256."""

    model_id: str
    dim: int


class ScoreCalibration(Protocol):
    """A model's search score read as evidence (casework.checks.strength.Calibration)."""

    @property
    def model_id(self) -> str:
        """The exact model (weights) the calibration was fitted for."""
        ...

    def log10_lr(self, score: float) -> float:
        """log10 of the likelihood ratio of a score, within the calibration's bounds."""
        ...


class FaceDetector(Protocol):
    """Finds faces, searching over quarter turns when the upright view yields none."""

    def detect(self, image: Image) -> list[Detection]:
        """Return every face found, best view only; coordinates in the upright image."""
        ...

    def locate(self, image: Image, box: Box, rotation: int) -> Detection:
        """Fit landmarks inside a box drawn by a person (manual faces)."""
        ...


class FaceEmbedder(Protocol):
    """Turns detected faces into unit vectors of one model."""

    @property
    def info(self) -> ModelInfo:
        """The model id and vector dimension."""
        ...

    def embed(self, image: Image, faces: Sequence[Detection]) -> Vectors:
        """Embed each face from the original pixels: (len(faces), dim) float32, unit rows."""
        ...

    def embed_many(self, photos: Sequence[tuple[Image, Sequence[Detection]]]
                   ) -> list[Vectors]:
        """`embed` for the faces of several photos, in as few network calls as the model
        allows (on a GPU, the calls are what costs): one array per photo, each equal to
        what `embed` gives that photo."""
        ...


class FacePipeline(FaceDetector, FaceEmbedder, Protocol):
    """A detector and embedder that belong together (one model family)."""


class PipelineFactory(Protocol):
    """A picklable recipe that builds a pipeline inside a worker process."""

    def model_info(self) -> ModelInfo:
        """The model id and dimension, known from the manifest without loading weights."""
        ...

    def device(self) -> str:
        """Where the pipeline computes, as shown to the user: "CPU", or a GPU's label."""
        ...

    def __call__(self) -> FacePipeline:
        """Load the model files (verifying them) and return a ready pipeline."""
        ...


@dataclass(frozen=True)
class Hit:
    """One search result: a stored id and its cosine similarity to the query."""

    id: int
    score: float


class VectorIndex(Protocol):
    """A store of unit vectors keyed by int64 ids, searchable by inner product."""

    @property
    def dim(self) -> int:
        """Vector dimension."""
        ...

    @property
    def model_id(self) -> str:
        """The model whose vectors this index holds."""
        ...

    def __len__(self) -> int:
        """Number of vectors stored."""
        ...

    def version(self) -> str:
        """A digest of the stored ids and vectors: equal contents, equal version."""
        ...

    def describe(self) -> dict[str, object]:
        """The index kind and search parameters (recorded with each search)."""
        ...

    def add(self, ids: Sequence[int], vectors: Vectors) -> None:
        """Add (or replace) vectors under the given ids."""
        ...

    def remove(self, ids: Sequence[int]) -> int:
        """Remove ids; return how many were present."""
        ...

    def ids(self) -> set[int]:
        """Every id stored."""
        ...

    def vectors(self, ids: Sequence[int]) -> Vectors:
        """The stored vectors of the given ids, in that order."""
        ...

    def search(self, queries: Vectors, k: int) -> list[list[Hit]]:
        """Top-k by inner product for each query row; shorter lists when fewer exist."""
        ...

    def save(self) -> None:
        """Persist atomically beside a manifest."""
        ...


class FileSealer(Protocol):
    """Authenticated encryption of whole files (AES-GCM in the core's implementation)."""

    def seal(self, data: bytes, aad: bytes) -> bytes:
        """Encrypt and authenticate; `aad` binds the file's role."""
        ...

    def open(self, blob: bytes, aad: bytes) -> bytes:
        """Decrypt and authenticate; raises EnvironmentFault when altered."""
        ...


class IndexFactory(Protocol):
    """Opens (or creates empty) the index of one model and one side of a workspace."""

    def __call__(self, folder: str, name: str, model_id: str, dim: int,
                 sealer: FileSealer) -> VectorIndex:
        """Load `folder/name` if valid; raise IndexCorruptError if it does not verify."""
        ...
