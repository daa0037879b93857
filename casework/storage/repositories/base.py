"""What every repository shares: chunked IN clauses and vector blobs."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from athar.casework.domain.ports import Vectors

CHUNK = 900
"""Ids per IN (...) clause: well under SQLite's bound-parameter limit."""


def chunks(ids: list[int]) -> list[list[int]]:
    return [ids[i:i + CHUNK] for i in range(0, len(ids), CHUNK)]


def to_vectors(blobs: Sequence[bytes], dim: int) -> Vectors:
    if not blobs:
        return np.zeros((0, dim), dtype=np.float32)
    return np.frombuffer(b"".join(blobs), dtype=np.float32).reshape(len(blobs), dim).copy()
