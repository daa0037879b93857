"""Making a model pack from the network files a team was given (`athar models pack`).

The networks are inspected, not trusted by name: each is loaded the way Athar will load
it (insightface's get_model, OpenCV's FaceDetectorYN / FaceRecognizerSF) on the CPU and
must turn out to be the task it is given for; its input size, normalisation, colour order
and embedding dimension are read from the loaded network, its SHA-256 from its bytes.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import numpy as np
import onnx

from athar.casework.domain.errors import InvalidRequest, ModelUnavailableError
from athar.models.devices import CPU
from athar.models.manifest import file_sha256
from athar.models.onnx_backend import _Scrfd, _Yunet
from athar.models.onnx_recognisers import ArcFaceRecogniser, SFaceRecogniser, load_quietly
from athar.models.packs import (
    DETECTOR,
    INSIGHTFACE_LICENCE,
    KINDS,
    MANIFEST,
    RECOGNIZER,
    UNSTATED_LICENCE,
    ModelPack,
    PackFile,
    PackManifest,
    open_pack,
)
from athar.models.restore import cv2

LICENCE_FILE = "LICENCE.txt"
SFACE_INPUT = ("OpenCV's FaceRecognizerSF feeds the network raw 0-255 RGB pixels, which "
               "is what SFace's own file expects; a recogniser trained on normalised input "
               "(insightface's (x - 127.5) / 127.5, e.g. MobileFaceNet or ArcFace) gives "
               "meaningless vectors through it (measured: cosine 0.73 to its true vectors): "
               "pack such a file with --kind insightface, and check a pack on known faces "
               "with bench/accuracy.py --model before using it")
"""Why an opencv pack's recogniser must be SFace's (said when such a pack is made)."""


def _input_size(path: Path) -> tuple[int, int] | None:
    """(width, height) of the network's image input when fixed, else None."""
    try:
        graph = onnx.load(str(path), load_external_data=False).graph
    except Exception as exc:  # noqa: BLE001  # onnx raises many kinds for a bad file
        raise ModelUnavailableError(f"{path}: not a readable ONNX network ({exc})") from exc
    weights = {i.name for i in graph.initializer}
    inputs = [i for i in graph.input if i.name not in weights]
    if not inputs:
        raise ModelUnavailableError(f"{path}: the network has no input")
    dims = inputs[0].type.tensor_type.shape.dim
    if len(dims) != 4:
        raise ModelUnavailableError(f"{path}: the network's input is not an image batch "
                                    f"(rank {len(dims)})")
    h, w = dims[2].dim_value, dims[3].dim_value
    return (int(w), int(h)) if h > 0 and w > 0 else None


def _describe(kind: str, task: str, path: Path) -> PackFile:
    """Load one network as Athar will and describe it (OpenCV's loaders accept any ONNX
    file: the network is run once on a blank image to see that it is what it should be).
    """
    try:
        return _describe_loaded(kind, task, path)
    except cv2.error as exc:
        what = "YuNet face detector" if task == DETECTOR else "SFace recogniser"
        raise ModelUnavailableError(f"{path}: OpenCV cannot run it as a {what} "
                                    f"({str(exc).strip()[:200]})") from exc


def _describe_loaded(kind: str, task: str, path: Path) -> PackFile:
    size = _input_size(path)
    digest, nbytes = file_sha256(path), path.stat().st_size
    if kind == "insightface" and task == DETECTOR:
        _Scrfd(path, (CPU,))
        return PackFile(task, path.name, digest, nbytes, size, "RGB (insightface swaps "
                        "the BGR photo)", "(x - 127.5) / 128, letterboxed to the input size",
                        None)
    if kind == "insightface":
        model = load_quietly(path, (CPU,))
        if getattr(model, "taskname", None) != "recognition":
            raise ModelUnavailableError(f"{path}: insightface does not load it as a face "
                                        f"recogniser (ArcFace-style)")
        dim = int(model.output_shape[1])
        ArcFaceRecogniser(path, (CPU,), dim)
        return PackFile(task, path.name, digest, nbytes, size, "RGB (insightface swaps the "
                        "BGR photo)", f"(x - {model.input_mean:g}) / {model.input_std:g}, "
                        f"5-point similarity alignment (insightface norm_crop)", dim)
    if task == DETECTOR:
        _Yunet(path)(np.zeros((64, 64, 3), np.uint8))
        return PackFile(task, path.name, digest, nbytes, size, "BGR",
                        "none (0-255; OpenCV FaceDetectorYN)", None)
    probe = SFaceRecogniser(path, 1)
    feature = probe._model.feature(np.zeros((112, 112, 3), np.uint8))
    dim = int(np.asarray(feature).size)
    return PackFile(task, path.name, digest, nbytes, size or (112, 112), "BGR",
                    "OpenCV FaceRecognizerSF: alignCrop (5-point), then raw 0-255 RGB into "
                    "the network (SFace's own input)", dim)


def make_pack(kind: str, detector: Path, recognizer: Path, name: str, out: Path,
              licence: Path | None = None, accuracy: str | None = None) -> ModelPack:
    """Write a verified pack folder `out` from two network files.

    Raises:
        InvalidRequest: unknown kind, a bad name, `out` exists and is not empty, or both
            files have the same name.
        ModelUnavailableError: a file is missing, unreadable or not the network its task
            needs (nothing is written).
    """
    if kind not in KINDS:
        raise InvalidRequest(f"--kind must be one of {', '.join(KINDS)}, not {kind!r}")
    if not name.strip() or not name.isprintable() or "@" in name or len(name) > 80:
        raise InvalidRequest("--name must be 1 to 80 printable characters without '@'")
    for label, path in (("--detector", detector), ("--recognizer", recognizer),
                        ("--licence", licence)):
        if path is not None and not path.is_file():
            raise ModelUnavailableError(f"{label} {path}: no such file")
    if detector.name == recognizer.name or detector.name in (MANIFEST, LICENCE_FILE) or (
            recognizer.name in (MANIFEST, LICENCE_FILE)):
        raise InvalidRequest(f"the detector and recogniser need distinct file names other "
                             f"than {MANIFEST} and {LICENCE_FILE}")
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise InvalidRequest(f"--out {out} exists and is not empty; nothing is overwritten")
    files = (_describe(kind, DETECTOR, detector), _describe(kind, RECOGNIZER, recognizer))
    stated = INSIGHTFACE_LICENCE if kind == "insightface" else UNSTATED_LICENCE
    if licence is not None:
        stated = f"see {LICENCE_FILE} (from {licence.name})" + (
            f". {INSIGHTFACE_LICENCE}" if kind == "insightface" else "")
    manifest = PackManifest(name=name.strip(), kind=kind, files=files, licence=stated,
                            licence_file=LICENCE_FILE if licence is not None else None,
                            published_accuracy=accuracy or "not stated")
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        shutil.copyfile(detector, staging / detector.name)
        shutil.copyfile(recognizer, staging / recognizer.name)
        if licence is not None:
            shutil.copyfile(licence, staging / LICENCE_FILE)
        (staging / MANIFEST).write_bytes(manifest.to_json())
        open_pack(staging)  # the copies match what was inspected
        if out.exists():
            out.rmdir()
        staging.rename(out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return open_pack(out)
