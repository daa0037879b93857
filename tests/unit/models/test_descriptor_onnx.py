"""dlib's descriptor network converted to ONNX: the same descriptors as dlib computes."""

from __future__ import annotations

from pathlib import Path

import dlib
import numpy as np
import pytest
from PIL import Image

from athar.models.descriptor_onnx import DescriptorFormatError, OnnxDescriptor, read_layers, to_onnx
from athar.models.dlib_backend import DlibPipelineFactory, _models_folder
from athar.models.geometry import view
from athar.models.restore import restore_chip

WEIGHTS = _models_folder() / "dlib_face_recognition_resnet_model_v1.dat"


@pytest.fixture(scope="module")
def chips(faces_dev: Path) -> list[np.ndarray]:
    """Aligned chips of real faces (one photo of each of 8 identities), a restored dark
    one and a mirrored one."""
    pipeline = DlibPipelineFactory()()
    out = []
    for folder in sorted(p for p in faces_dev.iterdir() if p.is_dir())[:8]:
        px = np.asarray(Image.open(sorted(folder.glob("*.jpg"))[0]).convert("RGB"))
        found = pipeline.detect(px)
        assert found, folder
        out += pipeline._chips(view(px, 0), pipeline._shapes(found, [0], 0, px.shape[1],
                                                             px.shape[0]))
    out.append(restore_chip((out[0] * 0.3).astype(np.uint8)))
    out.append(np.ascontiguousarray(np.fliplr(out[1])))
    return out


def test_onnx_descriptors_equal_dlibs(chips: list[np.ndarray]) -> None:
    reference = np.asarray(dlib.face_recognition_model_v1(str(WEIGHTS))
                           .compute_face_descriptor(chips))
    got = OnnxDescriptor(WEIGHTS).compute(chips)
    assert got.shape == (len(chips), 128)
    assert got.dtype == np.float32
    assert np.abs(got - reference).max() < 1e-5
    cos = (got * reference).sum(1) / np.linalg.norm(got, axis=1) / np.linalg.norm(
        reference, axis=1)
    assert cos.min() > 0.99999
    # one at a time gives the same as the batch
    assert np.allclose(OnnxDescriptor(WEIGHTS).compute(chips[:1])[0], got[0], atol=1e-6)


def test_pipeline_vectors_match_face_recognitions(faces_dev: Path) -> None:
    """The product's vectors of plain faces stay face_recognition's (dlib's descriptor of
    the photo with the face's shape), whichever runtime computes them."""
    path = sorted(faces_dev.glob("*/*.jpg"))[3]
    px = np.asarray(Image.open(path).convert("RGB"))
    fast, slow = DlibPipelineFactory()(), DlibPipelineFactory(onnx_descriptor=False)()
    found = fast.detect(px)
    shapes = fast._shapes(found, list(range(len(found))), 0, px.shape[1], px.shape[0])
    reference = np.asarray(dlib.face_recognition_model_v1(str(WEIGHTS))
                           .compute_face_descriptor(px, shapes))
    reference /= np.linalg.norm(reference, axis=1, keepdims=True)
    for vectors in (fast.embed(px, found), slow.embed(px, found)):
        assert (vectors * reference).sum(1).min() > 0.99999


def test_empty_batch() -> None:
    assert OnnxDescriptor(WEIGHTS).compute([]).shape == (0, 128)


def test_other_networks_and_damaged_files_are_refused() -> None:
    data = WEIGHTS.read_bytes()
    with pytest.raises(DescriptorFormatError, match="ends inside a tensor"):
        read_layers(data[:len(data) // 2])
    head = data.index(b"con_4") + 5
    with pytest.raises(DescriptorFormatError, match="damaged"):
        read_layers(data[:head + 3])  # cut inside the first convolution's tensor header
    layers = read_layers(data)
    with pytest.raises(DescriptorFormatError, match="residual"):
        to_onnx(layers[:30] + layers[32:])  # one block's second convolution missing
    with pytest.raises(DescriptorFormatError, match="residual"):
        to_onnx(layers[:14] + layers[-1:])  # ends inside the second block
    with pytest.raises(DescriptorFormatError, match="not a dlib ResNet"):
        to_onnx(read_layers((_models_folder() / "mmod_human_face_detector.dat").read_bytes()))
