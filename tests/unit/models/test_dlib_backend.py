"""The default model: verified weights, rotation-invariant detection, unit vectors."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageEnhance, ImageFilter

from athar.casework.errors import ModelUnavailableError
from athar.models.dlib_backend import DLIB_MANIFEST, DlibPipelineFactory, _models_folder


@pytest.fixture(scope="module")
def face(faces_dev: Path) -> np.ndarray:
    path = sorted(faces_dev.glob("*/*.jpg"))[0]
    return np.asarray(Image.open(path).convert("RGB"))


def test_model_id_names_the_weights_hash() -> None:
    info = DlibPipelineFactory().model_info()
    assert info.model_id == ("dlib_face_recognition_resnet_model_v1@sha256:"
                             "55533b28a95800a551ba546ba62fe69625c7e95a7061c338adffead08719da30")
    assert DlibPipelineFactory(flip_tta=True).model_info().model_id != info.model_id


def test_tampered_weights_are_refused(tmp_path: Path) -> None:
    for weight in DLIB_MANIFEST.files:
        shutil.copy(_models_folder() / weight.filename, tmp_path / weight.filename)
    with open(tmp_path / DLIB_MANIFEST.files[1].filename, "r+b") as fh:
        fh.seek(100)
        fh.write(b"\x00\x01")
    with pytest.raises(ModelUnavailableError, match="SHA-256"):
        DlibPipelineFactory(folder=str(tmp_path))()


@pytest.mark.parametrize("turns", [1, 2, 3])
def test_turned_face_is_found_and_embedded_the_same(face: np.ndarray, turns: int) -> None:
    pipeline = DlibPipelineFactory()()
    upright = pipeline.embed(face, pipeline.detect(face))
    turned = np.ascontiguousarray(np.rot90(face, turns))
    found = pipeline.detect(turned)
    assert len(found) == 1
    assert found[0].rotation == (360 - 90 * turns) % 360
    vec = pipeline.embed(turned, found)
    assert vec.shape == (1, 128)
    assert float(np.linalg.norm(vec[0])) == pytest.approx(1.0, abs=1e-5)
    assert float(vec[0] @ upright[0]) > 0.999


def test_flip_variant_vectors_are_unit_and_close(face: np.ndarray) -> None:
    plain, flipped = DlibPipelineFactory()(), DlibPipelineFactory(flip_tta=True)()
    faces = plain.detect(face)
    a, b = plain.embed(face, faces), flipped.embed(face, faces)
    assert float(np.linalg.norm(b[0])) == pytest.approx(1.0, abs=1e-5)
    assert 0.98 < float(a[0] @ b[0]) < 0.99999


def test_blank_image_has_no_face() -> None:
    blank = np.full((120, 160, 3), 127, np.uint8)
    assert DlibPipelineFactory()().detect(blank) == []


def _post_mortem_like(face: np.ndarray, angle: float) -> np.ndarray:
    """Turned, under-exposed, grey, blurred and compressed (as bench/conditions.pm_hard)."""
    img = Image.fromarray(face).rotate(angle, resample=Image.Resampling.BILINEAR, expand=True)
    img = ImageEnhance.Contrast(ImageEnhance.Brightness(img).enhance(0.25)).enhance(0.6)
    img = img.convert("L").convert("RGB").filter(ImageFilter.GaussianBlur(1.5))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=20)
    return np.asarray(Image.open(io.BytesIO(buf.getvalue())).convert("RGB"))


def test_tilted_views_find_what_quarter_turns_miss_on_a_degraded_photo(
        face: np.ndarray) -> None:
    photo = _post_mortem_like(face, 270.12)
    assert DlibPipelineFactory(tilt_search=False, use_cnn=False)().detect(photo) == []
    pipeline = DlibPipelineFactory(use_cnn=False)()
    found = pipeline.detect(photo)
    assert len(found) == 1
    assert found[0].method.startswith("hog+tilt")
    clean = pipeline.embed(face, pipeline.detect(face))
    assert float(pipeline.embed(photo, found)[0] @ clean[0]) > 0.85


@pytest.mark.parametrize("tilt", [-20.0, -10.0, 10.0, 20.0])
def test_tilted_view_maps_landmarks_back_exactly(face: np.ndarray, tilt: float) -> None:
    pipeline = DlibPipelineFactory()()
    upright = pipeline.detect(face)[0]
    found = pipeline._tilt_pass(face, tilt, 1.0)
    assert len(found) == 1
    assert found[0].points is not None
    error = np.abs(np.array(found[0].points) - np.array(upright.landmarks)).max()
    assert error < 4.0  # pixels, on a 250 px photo
