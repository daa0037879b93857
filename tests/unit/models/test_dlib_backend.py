"""The default model: verified weights, rotation-invariant detection, unit vectors."""

from __future__ import annotations

import io
import shutil
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageEnhance, ImageFilter

from athar.casework.domain.errors import ModelUnavailableError
from athar.models.dlib_backend import (
    DLIB_MANIFEST,
    WEAK_LEAD,
    DlibPipeline,
    DlibPipelineFactory,
    _Found,
    _models_folder,
    is_degraded,
)
from athar.models.restore import is_flat


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
    assert DlibPipelineFactory(tilt_search=False, use_cnn=False,
                               denoise_search=False)().detect(photo) == []
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
    found = [f for f in pipeline._tilt_pass(face, tilt, 1.0) if f.score >= 0.0]
    assert len(found) == 1
    assert found[0].points is not None
    error = np.abs(np.array(found[0].points) - np.array(upright.landmarks)).max()
    assert error < 4.0  # pixels, on a 250 px photo


def test_weak_face_seen_by_two_views_is_found_on_a_very_degraded_photo(
        faces_dev: Path) -> None:
    face = np.asarray(Image.open(faces_dev / "Abel_Pacheco" / "Abel_Pacheco_0001.jpg")
                      .convert("RGB"))
    photo = _post_mortem_like(face, 283.0)
    assert DlibPipelineFactory(weak_views=False, use_cnn=False,
                               denoise_search=False)().detect(photo) == []
    pipeline = DlibPipelineFactory(use_cnn=False)()
    found = pipeline.detect(photo)
    assert len(found) == 1
    assert found[0].method.endswith("+weak")
    assert WEAK_LEAD <= found[0].score < 0.0
    clean = pipeline.embed(face, pipeline.detect(face))
    assert float(pipeline.embed(photo, found)[0] @ clean[0]) > 0.9


def _weak(x: float, y: float, size: float, score: float) -> _Found:
    return _Found((x - size / 2, y - size / 2, x + size / 2, y + size / 2), score, "hog+tilt+10")


def test_weak_face_needs_two_views_at_one_place_and_size() -> None:
    one_view = [(0, 1, _weak(100, 100, 80, -0.1))]
    assert DlibPipeline._agreed(one_view, 400, 300) is None
    apart = [(0, 1, _weak(100, 100, 80, -0.1)), (0, 2, _weak(200, 100, 80, -0.2))]
    assert DlibPipeline._agreed(apart, 400, 300) is None
    other_size = [(0, 1, _weak(100, 100, 80, -0.1)), (0, 2, _weak(102, 100, 200, -0.2))]
    assert DlibPipeline._agreed(other_size, 400, 300) is None
    too_weak = [(0, 1, _weak(100, 100, 80, WEAK_LEAD - 0.05)),
                (0, 2, _weak(101, 99, 84, WEAK_LEAD - 0.1))]
    assert DlibPipeline._agreed(too_weak, 400, 300) is None
    # the same face seen upright and from a quarter-turned view (mapped to the upright frame)
    turned_x, turned_y = 100, 400 - 100  # upright (100, 100) in the 90-degree view of 400x300
    agreed = [(0, 1, _weak(100, 100, 80, -0.3)), (90, 2, _weak(turned_x, turned_y, 84, -0.1))]
    result = DlibPipeline._agreed(agreed, 400, 300)
    assert result is not None
    rotation, faces = result
    assert rotation == 90
    assert faces[0].score == -0.1
    assert faces[0].method == "hog+tilt+10+weak"


def test_noise_has_no_weak_face() -> None:
    rng = np.random.default_rng(7)
    noise = rng.integers(0, 60, (250, 250, 3), dtype=np.uint8)
    assert DlibPipelineFactory(use_cnn=False)().detect(noise) == []


def _dark(face: np.ndarray) -> np.ndarray:
    """Under-exposed and flat, upright: plain HOG may still find the face."""
    img = ImageEnhance.Brightness(Image.fromarray(face)).enhance(0.25)
    return np.asarray(ImageEnhance.Contrast(img).enhance(0.6))


def test_only_faces_found_on_the_enhanced_picture_are_mirror_averaged(
        face: np.ndarray) -> None:
    pipeline = DlibPipelineFactory()()
    plain = pipeline.detect(face)[0]
    assert plain.method == "hog"
    enhanced = replace(plain, method="hog+equalize")
    vecs = pipeline.embed(face, [plain, enhanced])
    assert vecs.shape == (2, 128)
    assert float(vecs[0] @ vecs[1]) < 0.9999
    assert float(np.linalg.norm(vecs[1])) == pytest.approx(1.0, abs=1e-5)
    untouched = DlibPipelineFactory(degraded_tta=False)().embed(face, [plain, enhanced])
    assert float(untouched[0] @ untouched[1]) == pytest.approx(1.0, abs=1e-6)
    assert float(untouched[0] @ vecs[0]) == pytest.approx(1.0, abs=1e-6)
    # a flat face plain HOG found is embedded as it is (the pass decides for dlib)
    dark = _dark(face)
    assert np.array_equal(pipeline.embed(dark, [plain]),
                          DlibPipelineFactory(degraded_tta=False)().embed(dark, [plain]))


def test_with_flat_chips_a_flat_face_is_mirror_averaged_whatever_pass_found_it(
        face: np.ndarray) -> None:
    """flat_chips=True (bench/accuracy.py's `tried` row, the model packs' rule)."""
    flat_rule = DlibPipelineFactory(flat_chips=True)()
    untouched = DlibPipelineFactory(degraded_tta=False)()
    plain = flat_rule.detect(face)[0]
    # A clean face is embedded as face_recognition does, even when a later pass found it.
    enhanced = replace(plain, method="hog+equalize")
    vecs = flat_rule.embed(face, [plain, enhanced])
    assert float(vecs[0] @ vecs[1]) == pytest.approx(1.0, abs=1e-6)
    assert float(untouched.embed(face, [plain])[0] @ vecs[0]) == pytest.approx(1.0, abs=1e-6)
    # A flat face is degraded, whichever pass found it (here the first, plain HOG).
    dark = _dark(face)
    chips = flat_rule._chips(dark, flat_rule._shapes([plain], [0], 0, *dark.shape[1::-1]))
    assert is_flat(chips[0])
    degraded = flat_rule.embed(dark, [plain])[0]
    assert float(degraded @ untouched.embed(dark, [plain])[0]) < 0.999
    assert float(np.linalg.norm(degraded)) == pytest.approx(1.0, abs=1e-5)


def test_degraded_faces_are_embedded_from_a_restored_chip(face: np.ndarray) -> None:
    photo = _post_mortem_like(face, 270.12)
    pipeline = DlibPipelineFactory(use_cnn=False)()
    unrestored = DlibPipelineFactory(use_cnn=False, restore_degraded=False)()
    found = pipeline.detect(photo)
    assert len(found) == 1
    assert found[0].method.startswith("hog+tilt")
    clean = pipeline.embed(face, pipeline.detect(face))[0]
    restored_vec = pipeline.embed(photo, found)[0]
    plain_vec = unrestored.embed(photo, found)[0]
    assert float(restored_vec @ plain_vec) < 0.999  # the chip was restored
    assert float(np.linalg.norm(restored_vec)) == pytest.approx(1.0, abs=1e-5)
    # still the same person (what restoration gains in ranks is measured by
    # bench/accuracy.py --ablations: one photo's cosine says little either way)
    assert float(restored_vec @ clean) > 0.85
    # faces plain HOG finds never go through restoration
    upright = pipeline.detect(face)
    assert np.array_equal(pipeline.embed(face, upright), unrestored.embed(face, upright))


def test_descriptor_of_the_chip_equals_descriptor_of_the_photo(face: np.ndarray) -> None:
    """Degraded faces are embedded from chips: the same vector as from the photo when
    nothing is done to the chip (dlib's own descriptor code)."""
    pipeline = DlibPipelineFactory(onnx_descriptor=False)()
    assert pipeline._encoder is not None
    found = pipeline.detect(face)
    shapes = pipeline._shapes(found, [0], 0, face.shape[1], face.shape[0])
    from_photo = np.asarray(pipeline._encoder.compute_face_descriptor(face, shapes))
    from_chip = np.asarray(pipeline._encoder.compute_face_descriptor(
        pipeline._chips(face, shapes)))
    assert np.allclose(from_photo, from_chip, atol=1e-6)


def test_denoised_view_finds_a_face_every_other_hog_pass_misses(faces_dev: Path) -> None:
    face = np.asarray(Image.open(faces_dev / "Abel_Pacheco" / "Abel_Pacheco_0003.jpg")
                      .convert("RGB"))
    photo = _post_mortem_like(face, 277.39)  # this photo's turn in bench pm-hard
    assert DlibPipelineFactory(denoise_search=False, use_cnn=False)().detect(photo) == []
    pipeline = DlibPipelineFactory(use_cnn=False)()
    found = pipeline.detect(photo)
    assert len(found) == 1
    assert found[0].method.startswith("hog+denoise")
    assert found[0].score >= 0.0
    assert is_degraded(found[0].method)
    clean = pipeline.embed(face, pipeline.detect(face))
    assert float(pipeline.embed(photo, found)[0] @ clean[0]) > 0.85


def test_tilted_and_denoised_views_start_where_a_faint_face_was_seen() -> None:
    pipeline = DlibPipelineFactory()()
    weak = [(270, 1, _weak(100, 100, 80, -0.5)), (90, 2, _weak(100, 100, 80, -0.2)),
            (270, 3, _weak(100, 100, 80, -0.3))]
    assert pipeline._turns_for("hog+tilt", weak) == [90, 270, 0, 180]
    assert pipeline._turns_for("hog+denoise", []) == [0, 90, 270, 180]
    assert pipeline._turns_for("cnn", weak) == [0, 90, 270]
    assert pipeline._turns_for("hog", weak) == [0, 90, 270, 180]


def _dim_rotated(img: Image.Image, angle: float) -> np.ndarray:
    """Turned by `angle` (canvas grown), dim, soft and compressed."""
    out = img.rotate(angle, resample=Image.Resampling.BILINEAR, expand=True)
    out = ImageEnhance.Contrast(ImageEnhance.Brightness(out).enhance(0.45)).enhance(0.6)
    buf = io.BytesIO()
    out.filter(ImageFilter.GaussianBlur(1.2)).save(buf, "JPEG", quality=25)
    return np.asarray(Image.open(io.BytesIO(buf.getvalue())).convert("RGB"))


@pytest.mark.parametrize("angle", [45.0, 135.0, 318.0])
def test_a_face_near_a_diagonal_is_found_and_embedded_alike(faces_dev: Path,
                                                            angle: float) -> None:
    """Between the quarter turns' tilted views (±20°) lie the diagonals: on a dim photo
    turned 45° from a quarter turn no earlier view finds the face; the wide views do,
    and its vector is that of the upright face."""
    img = Image.open(faces_dev / "Abel_Pacheco" / "Abel_Pacheco_0001.jpg").convert("RGB")
    upright = np.asarray(img)
    pipeline = DlibPipelineFactory(use_cnn=False)()
    reference = pipeline.embed(upright, pipeline.detect(upright))
    turned = _dim_rotated(img, angle)
    assert DlibPipelineFactory(wide_search=False, use_cnn=False)().detect(turned) == []
    found = pipeline.detect(turned)
    assert [d.method[:8] for d in found] == ["hog+wide"]
    assert float(pipeline.embed(turned, found)[0] @ reference[0]) > 0.93


def test_a_tiny_face_is_found_after_upsampling(faces_dev: Path) -> None:
    """A face of ~22 px (a full-body photo copied small) is below what doubling the photo
    lets HOG see; doubling it twice finds it."""
    face = Image.open(faces_dev / "Abel_Pacheco" / "Abel_Pacheco_0001.jpg").convert("RGB")
    small = face.resize((50, 50), Image.Resampling.LANCZOS)
    canvas = Image.new("RGB", (160, 120), (120, 120, 120))
    canvas.paste(small, (52, 30))
    pixels = np.asarray(canvas)
    without = DlibPipelineFactory(upsample_search=False, use_cnn=False)()
    assert without.detect(pixels) == []
    found = DlibPipelineFactory(use_cnn=False)().detect(pixels)
    assert len(found) == 1
    assert found[0].method == "hog+up2"
    box = found[0].box
    assert 15 <= box.width <= 30
    assert abs(box.left + box.width / 2 - (52 + 25)) <= 6  # on the small face


def test_the_faces_of_several_photos_are_embedded_together_as_alone(
        faces_dev: Path) -> None:
    pipeline = DlibPipelineFactory(use_cnn=False)()
    photos = [np.asarray(Image.open(sorted(f.glob("*.jpg"))[0]).convert("RGB"))
              for f in sorted(p for p in faces_dev.iterdir() if p.is_dir())[:4]]
    found = [(p, pipeline.detect(p)) for p in photos]
    turned = np.ascontiguousarray(np.rot90(photos[0]))
    found.append((turned, pipeline.detect(turned)))
    plain = found[1][1][0]
    found.append((photos[1], [plain, replace(plain, method="hog+equalize")]))
    found.append((_dark(photos[1]), [plain, replace(plain, method="hog+tilt+10")]))
    found.append((photos[2], []))
    alone = [pipeline.embed(p, faces) for p, faces in found]
    together = pipeline.embed_many(found)
    assert [v.shape for v in together] == [v.shape for v in alone]
    for a, b in zip(alone, together, strict=True):
        np.testing.assert_allclose(a, b, atol=1e-5)
