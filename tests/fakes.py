"""Shared fakes: a deterministic face pipeline that can be told to stall or crash."""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from athar.casework.domain.ports import Box, Detection, Image, ModelInfo, Vectors

FAKE_INFO = ModelInfo("fake-model@sha256:" + "0" * 64, 8)


class FakePipeline:
    """One "face" per image, the whole frame; its vector is the mean colour, padded.

    A pure red image stalls the worker (sleeps); a pure blue one kills it (os._exit), so
    tests can drive the import's time limit and crash recovery with real processes.
    """

    info = FAKE_INFO

    def detect(self, image: Image) -> list[Detection]:
        mean = image.reshape(-1, 3).mean(axis=0)
        if mean[0] > 250 and mean[1] < 5 and mean[2] < 5:
            time.sleep(600)
        if mean[2] > 250 and mean[0] < 5 and mean[1] < 5:
            os._exit(3)
        h, w = image.shape[:2]
        return [Detection(Box(0, 0, w, h), ((0, 0),) * 5, 1.0, 0, "fake")]

    def locate(self, image: Image, box: Box, rotation: int) -> Detection:
        return Detection(box, ((0, 0),) * 5, 0.0, rotation, "manual")

    def embed(self, image: Image, faces: Sequence[Detection]) -> Vectors:
        mean = image.reshape(-1, 3).mean(axis=0).astype(np.float32)
        vec = np.concatenate([mean, np.ones(FAKE_INFO.dim - 3, np.float32)])
        vec /= np.linalg.norm(vec)
        return np.tile(vec, (len(faces), 1))

    def embed_many(self, photos: Sequence[tuple[Image, Sequence[Detection]]]
                   ) -> list[Vectors]:
        return [self.embed(image, faces) for image, faces in photos]


@dataclass(frozen=True)
class FakePipelineFactory:
    """Picklable factory for FakePipeline (importable in spawned workers)."""

    def model_info(self) -> ModelInfo:
        return FAKE_INFO

    def device(self) -> str:
        return "CPU"

    def __call__(self) -> FakePipeline:
        return FakePipeline()
