"""Recognisers of ONNX model packs: insightface's ArcFace-style networks on onnxruntime and
OpenCV's SFace. Each aligns a face on its 5 keypoints into a crop, and embeds crops; the
pipeline (models/onnx_backend.py) decides which crops it sends, so that what it does to
a degraded face (restored, mirrored) works with every recogniser alike.
"""

from __future__ import annotations

import contextlib
import io
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt
import onnxruntime as ort

from athar.casework.domain.errors import ModelUnavailableError
from athar.casework.domain.ports import Detection
from athar.models import devices
from athar.models.restore import cv2

Crop = npt.NDArray[np.uint8]
"""An aligned face, (size, size, 3) uint8 BGR."""

RECOGNISER_BATCH = 64
"""Aligned faces per recogniser call when the network takes batches (re-embedding sends
the faces of several photos together; on a GPU, fewer and larger calls are faster)."""


class Recogniser(Protocol):
    """Aligns faces and embeds aligned crops (vectors not yet normalised)."""

    session_providers: list[str]

    def align(self, bgr: npt.NDArray[np.uint8], face: Detection) -> Crop:
        """The face aligned on its 5 keypoints, as the network expects it."""
        ...

    def features(self, crops: Sequence[Crop]) -> npt.NDArray[np.float32]:
        """(len(crops), dim) float32, one row per crop, not normalised."""
        ...


def load_quietly(path: Path, providers: Sequence[str]) -> Any:
    """insightface's get_model on a verified file (it prints the providers on stdout).

    On the CPU its session is then replaced by one of the same file and providers limited
    to one thread: import workers run one per core, and onnxruntime's default of a thread
    per core in each worker made the SCRFD-500M + MobileFaceNet import of faces-dev
    (2 workers, 2 cores) oversubscribe the cores."""
    from insightface.model_zoo import get_model

    with contextlib.redirect_stdout(io.StringIO()):
        model = get_model(str(path), providers=list(providers))
    if model is not None and list(providers) == [devices.CPU]:
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        model.session = ort.InferenceSession(str(path), options, providers=list(providers))
    return model


class ArcFaceRecogniser:
    """An ArcFace-style recogniser loaded by insightface; faces aligned with norm_crop."""

    def __init__(self, path: Path, providers: Sequence[str], dim: int) -> None:
        self._model = load_quietly(path, providers)
        if getattr(self._model, "taskname", None) != "recognition":
            raise ModelUnavailableError(f"{path}: insightface does not load it as a face "
                                        f"recogniser (ArcFace-style)")
        shape = self._model.session.get_inputs()[0].shape
        self._batch = not (isinstance(shape[0], int) and shape[0] == 1)
        self._size = int(self._model.input_size[0])
        self._dim = dim
        self.session_providers: list[str] = list(self._model.session.get_providers())

    def align(self, bgr: npt.NDArray[np.uint8], face: Detection) -> Crop:
        """insightface's 5-point similarity alignment (norm_crop) to the network's size."""
        from insightface.utils.face_align import norm_crop

        with warnings.catch_warnings():  # scikit-image's `estimate` deprecation, inside it
            warnings.simplefilter("ignore", FutureWarning)
            crop = norm_crop(bgr, np.asarray(face.landmarks, np.float32), self._size)
        return np.ascontiguousarray(crop, np.uint8)

    def features(self, crops: Sequence[Crop]) -> npt.NDArray[np.float32]:
        """RECOGNISER_BATCH crops per network call (one per crop when the network's batch
        size is fixed at 1)."""
        step = RECOGNISER_BATCH if self._batch else 1
        feats = np.zeros((len(crops), self._dim), np.float32)
        for start in range(0, len(crops), step):
            chunk = list(crops[start:start + step])
            feats[start:start + len(chunk)] = np.asarray(
                self._model.get_feat(chunk), np.float32).reshape(len(chunk), self._dim)
        return feats


class SFaceRecogniser:
    """OpenCV's SFace recogniser; faces aligned by its own alignCrop."""

    def __init__(self, path: Path, dim: int) -> None:
        try:
            self._model = cv2.FaceRecognizerSF.create(str(path), "")
        except cv2.error as exc:
            raise ModelUnavailableError(f"{path}: OpenCV cannot load it as an SFace "
                                        f"recogniser ({str(exc).strip()[:200]})") from exc
        self._dim = dim
        self.session_providers = [devices.CPU]

    def align(self, bgr: npt.NDArray[np.uint8], face: Detection) -> Crop:
        """OpenCV's alignCrop from the box, the 5 keypoints and the score."""
        row = np.array([[face.box.left, face.box.top, face.box.width, face.box.height,
                         *np.asarray(face.landmarks).reshape(-1), face.score]], np.float32)
        return np.ascontiguousarray(self._model.alignCrop(bgr, row), np.uint8)

    def features(self, crops: Sequence[Crop]) -> npt.NDArray[np.float32]:
        """One crop per call: OpenCV's SFace API embeds one aligned face at a time."""
        out = np.zeros((len(crops), self._dim), np.float32)
        for i, crop in enumerate(crops):
            out[i] = np.asarray(self._model.feature(crop), np.float32).reshape(-1)
        return out
