"""Model manifests: every weight file named with its SHA-256, verified before use."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from athar.casework.domain.errors import ModelUnavailableError


@dataclass(frozen=True)
class WeightFile:
    """One file of a model, with the digest it must have."""

    task: str
    filename: str
    sha256: str


@dataclass(frozen=True)
class ModelManifest:
    """What a model is, where its weights come from, and what it is known to achieve."""

    name: str
    files: tuple[WeightFile, ...]
    embedding_file: str
    dim: int
    input_size: int
    colour_order: str
    normalisation: str
    licence: str
    published_accuracy: str

    @property
    def model_id(self) -> str:
        """Name plus the SHA-256 of the embedding weights, e.g. `name@sha256:55ab...`."""
        digest = next(f.sha256 for f in self.files if f.filename == self.embedding_file)
        return f"{self.name}@sha256:{digest}"


def file_sha256(path: Path) -> str:
    """SHA-256 (hex) of a file, read in blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify_files(manifest: ModelManifest, folder: Path) -> dict[str, Path]:
    """Check every weight file against the manifest.

    Returns:
        task name -> verified file path.

    Raises:
        ModelUnavailableError: a file is missing or its digest differs.
    """
    verified: dict[str, Path] = {}
    for weight in manifest.files:
        path = folder / weight.filename
        if not path.is_file():
            raise ModelUnavailableError(
                f"model {manifest.name}: {path} is missing; reinstall the model package"
            )
        actual = file_sha256(path)
        if actual != weight.sha256:
            raise ModelUnavailableError(
                f"model {manifest.name}: {path} has SHA-256 {actual}, expected {weight.sha256}"
            )
        verified[weight.task] = path
    return verified
