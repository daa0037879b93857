"""ONNX packs on real networks: SCRFD and YuNet find faces-dev faces in every quarter turn
and at arbitrary angles, the recogniser gives the same vector for a photo and its turn,
manual boxes get keypoints, and device choice falls back to the CPU with a reason."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import onnxruntime as ort
import pytest
from PIL import Image

from athar.casework.domain.errors import InvalidRequest, ModelUnavailableError
from athar.casework.domain.ports import Box, Detection
from athar.models import devices
from athar.models.onnx_backend import (
    OnnxPipeline,
    OnnxPipelineFactory,
    is_flat,
    upright_in_view,
)
from athar.models.onnx_recognisers import ArcFaceRecogniser
from athar.models.packs import open_pack
from athar.models.restore import restore_chip

KINDS = ("insightface", "opencv")
PHOTOS = 6


@pytest.fixture(scope="module")
def photos(faces_dev: Path) -> list[np.ndarray]:
    """The first photo of six identities (250 x 250, one face each)."""
    folders = sorted(p for p in faces_dev.iterdir() if p.is_dir())[:PHOTOS]
    return [np.asarray(Image.open(sorted(f.glob("*.jpg"))[0]).convert("RGB"))
            for f in folders]


@pytest.fixture(scope="module", params=KINDS)
def pipeline(request: pytest.FixtureRequest, test_packs: dict[str, Path]
             ) -> OnnxPipeline:
    return OnnxPipelineFactory(str(test_packs[request.param]), "cpu")()


def _centre(d: Detection) -> np.ndarray:
    return np.array([d.box.left + d.box.width / 2, d.box.top + d.box.height / 2])


def _turn_point(p: np.ndarray, turns: int, w: int, h: int) -> np.ndarray:
    """Where a point of the upright photo lies after np.rot90(photo, turns)."""
    x, y = p
    for _ in range(turns % 4):
        x, y, w, h = y, w - x, h, w
    return np.array([x, y])


def test_factory_knows_the_id_without_loading(test_packs: dict[str, Path]) -> None:
    for kind in KINDS:
        factory = OnnxPipelineFactory(str(test_packs[kind]))
        assert factory.model_info().model_id == open_pack(test_packs[kind]).pack_id
        assert factory.model_info().dim == 128
        assert factory.device() == "CPU"


@pytest.mark.parametrize("turns", [0, 1, 2, 3])
def test_faces_are_found_in_every_quarter_turn(pipeline: OnnxPipeline,
                                               photos: list[np.ndarray], turns: int) -> None:
    for photo in photos:
        upright = pipeline.detect(photo)
        assert len(upright) == 1
        assert upright[0].rotation == 0
        turned = np.ascontiguousarray(np.rot90(photo, turns))
        found = pipeline.detect(turned)
        assert len(found) == 1
        assert found[0].rotation == (360 - 90 * turns) % 360
        expected = _turn_point(_centre(upright[0]), turns, photo.shape[1], photo.shape[0])
        assert np.linalg.norm(_centre(found[0]) - expected) < 0.1 * upright[0].box.width
        assert upright_in_view(np.array([
            _turn_point(np.array(p), -turns % 4, turned.shape[1], turned.shape[0])
            for p in found[0].landmarks]))


def test_a_photo_and_its_quarter_turn_give_the_same_vector(
        test_packs: dict[str, Path], photos: list[np.ndarray]) -> None:
    pipeline = OnnxPipelineFactory(str(test_packs["insightface"]), "cpu")()
    for photo in photos:
        upright = pipeline.embed(photo, pipeline.detect(photo))
        assert upright.shape == (1, 128)
        assert float(np.linalg.norm(upright[0])) == pytest.approx(1.0, abs=1e-5)
        for turns in (1, 2, 3):
            turned = np.ascontiguousarray(np.rot90(photo, turns))
            vec = pipeline.embed(turned, pipeline.detect(turned))
            assert float(vec[0] @ upright[0]) >= 0.95


def test_the_opencv_path_agrees_across_turns_too(test_packs: dict[str, Path],
                                                 photos: list[np.ndarray]) -> None:
    # YuNet + the test MobileFaceNet run through OpenCV's SFace API, which feeds the network
    # unnormalised pixels: the vectors are weaker than a real SFace's, yet the same face in
    # a turned photo must still give nearly the same vector, and other people other ones.
    pipeline = OnnxPipelineFactory(str(test_packs["opencv"]), "cpu")()
    vecs = [pipeline.embed(p, pipeline.detect(p))[0] for p in photos]
    for photo, vec in zip(photos, vecs, strict=True):
        turned = np.ascontiguousarray(np.rot90(photo, 1))
        same = float(pipeline.embed(turned, pipeline.detect(turned))[0] @ vec)
        others = max(float(vec @ o) for o in vecs if o is not vec)
        assert same >= 0.9
        assert same > others


@pytest.mark.parametrize("angle", [45, 135, 200, 315])
def test_a_face_at_an_arbitrary_angle_is_found(pipeline: OnnxPipeline,
                                               photos: list[np.ndarray], angle: int) -> None:
    photo = photos[0]
    upright = pipeline.embed(photo, pipeline.detect(photo))
    turned = np.asarray(Image.fromarray(photo).rotate(angle, expand=True,
                                                      resample=Image.Resampling.BILINEAR))
    found = pipeline.detect(turned)
    assert len(found) == 1
    if pipeline.pack.manifest.kind == "insightface":
        # SCRFD needs the tilted views at 45° from a quarter turn (20° is within its own
        # tolerance); YuNet finds such faces unturned. Only the insightface test pack's
        # vectors are normalised as its network expects (see the opencv test above).
        assert ("+tilt" in found[0].method) == (angle % 90 == 45)
        vec = pipeline.embed(turned, found)
        assert float(vec[0] @ upright[0]) >= 0.8


def test_a_tiny_face_in_a_large_photo_is_found(pipeline: OnnxPipeline,
                                               photos: list[np.ndarray]) -> None:
    # The face (about 100 px in the 250 px photo) shrunk to ~14 px on a 1200 px canvas:
    # under the detectors' smallest anchor until the photo is enlarged.
    small = np.asarray(Image.fromarray(photos[0]).resize((36, 36), Image.Resampling.LANCZOS))
    canvas = np.full((1200, 1200, 3), 128, np.uint8)
    canvas[500:536, 700:736] = small
    found = pipeline.detect(canvas)
    assert len(found) == 1
    centre = _centre(found[0])
    assert abs(centre[0] - 718) < 8
    assert abs(centre[1] - 518) < 8


def test_a_photo_without_a_face_yields_none(pipeline: OnnxPipeline) -> None:
    rng = np.random.default_rng(7)
    noise = rng.integers(0, 255, (300, 400, 3), dtype=np.uint8)
    assert pipeline.detect(noise) == []
    assert pipeline.embed(noise, []).shape == (0, 128)


def test_a_drawn_box_gets_the_detectors_keypoints_or_the_template(
        pipeline: OnnxPipeline, photos: list[np.ndarray]) -> None:
    photo = photos[1]
    [found] = pipeline.detect(photo)
    located = pipeline.locate(photo, found.box, 0)
    assert located.method == "manual"
    assert np.abs(np.array(located.landmarks) - np.array(found.landmarks)).max() < 4
    vec = pipeline.embed(photo, [located])[0]
    assert float(vec @ pipeline.embed(photo, [found])[0]) > 0.85
    blank = np.full_like(photo, 90)
    template = pipeline.locate(blank, Box(50, 60, 100, 100), 90)
    assert template.method == "template"
    assert all(50 <= x <= 150 and 60 <= y <= 160 for x, y in template.landmarks)
    with pytest.raises(InvalidRequest, match="rotation"):
        pipeline.locate(photo, found.box, 45)


def test_cuda_asked_for_and_absent_falls_back_to_the_cpu_saying_why(
        test_packs: dict[str, Path], caplog: pytest.LogCaptureFixture) -> None:
    assert devices.CUDA not in ort.get_available_providers()  # this machine: no GPU build
    choice = devices.choose("cuda")
    assert choice.providers == (devices.CPU,)
    assert choice.label == "CPU"
    assert choice.fallback
    assert "athar[gpu]" not in choice.fallback
    assert "setup.sh --gpu" in choice.fallback
    assert "computing on the CPU" in choice.fallback
    assert devices.choose("auto") == devices.DeviceChoice((devices.CPU,), "CPU")
    with caplog.at_level(logging.WARNING, logger="athar.models.onnx_backend"):
        pipeline = OnnxPipelineFactory(str(test_packs["insightface"]), "cuda")()
    assert pipeline.device.label == "CPU"
    assert "CUDA was asked for" in caplog.text
    with pytest.raises(InvalidRequest, match="--device"):
        devices.choose("tpu")


def test_a_session_without_cuda_is_reported_as_cpu() -> None:
    asked = devices.DeviceChoice((devices.CUDA, devices.CPU), "GPU (CUDA)")
    assert devices.actual(asked, [devices.CPU]).label == "CPU"
    assert "could not use it" in (devices.actual(asked, [devices.CPU]).fallback or "")
    assert devices.actual(asked, [devices.CUDA, devices.CPU]) == asked


def test_a_tampered_pack_does_not_load(test_packs: dict[str, Path], tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "pack"
    shutil.copytree(test_packs["opencv"], copy)
    (copy / "yunet_2026may.onnx").write_bytes(b"\0" * 10)
    with pytest.raises(ModelUnavailableError, match="yunet_2026may.onnx has been modified"):
        OnnxPipelineFactory(str(copy))()


def _counting(rec: ArcFaceRecogniser, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The number of crops of each recogniser call, from now on."""
    calls: list[int] = []
    get_feat = rec._model.get_feat

    def counted(crops: list[np.ndarray]) -> object:
        calls.append(len(crops))
        return get_feat(crops)

    monkeypatch.setattr(rec._model, "get_feat", counted)
    return calls


def test_the_faces_of_several_photos_are_embedded_together_as_alone(
        pipeline: OnnxPipeline, photos: list[np.ndarray], monkeypatch: pytest.MonkeyPatch
        ) -> None:
    found = [(p, pipeline.detect(p)) for p in photos]
    found.insert(2, (photos[0], []))  # a photo without faces keeps its place
    alone = [pipeline.embed(p, faces) for p, faces in found]
    rec = pipeline._recogniser
    calls = _counting(rec, monkeypatch) if isinstance(rec, ArcFaceRecogniser) else []
    together = pipeline.embed_many(found)
    assert [v.shape for v in together] == [v.shape for v in alone]
    assert together[2].shape == (0, pipeline.info.dim)
    for a, b in zip(alone, together, strict=True):
        np.testing.assert_allclose(a, b, atol=1e-5)
    if isinstance(rec, ArcFaceRecogniser):  # the test network takes one face per call
        assert calls == [1] * sum(len(f) for _, f in found)


def test_a_recogniser_that_takes_batches_gets_many_photos_faces_per_call(
        batch_pack: Path, test_packs: dict[str, Path], photos: list[np.ndarray],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from athar.models import onnx_recognisers

    pipeline = OnnxPipelineFactory(str(batch_pack), "cpu")()
    single = OnnxPipelineFactory(str(test_packs["insightface"]), "cpu")()
    rec = pipeline._recogniser
    assert isinstance(rec, ArcFaceRecogniser)
    found = [(p, pipeline.detect(p)) for p in photos]
    faces = sum(len(f) for _, f in found)
    assert faces == PHOTOS
    calls = _counting(rec, monkeypatch)
    together = pipeline.embed_many(found)
    assert calls == [faces]  # every photo's faces in one call
    for (p, f), vecs in zip(found, together, strict=True):  # the same weights' vectors
        np.testing.assert_allclose(vecs, single.embed(p, f), atol=1e-5)
    monkeypatch.setattr(onnx_recognisers, "RECOGNISER_BATCH", 4)
    calls.clear()
    again = pipeline.embed_many(found)
    assert calls == [4, 2]
    for a, b in zip(together, again, strict=True):
        np.testing.assert_allclose(a, b, atol=1e-5)


def _darkened(photo: np.ndarray) -> np.ndarray:
    """A pm-hard-like photo: a quarter of the light, contrast x0.6, grey (bench/conditions)."""
    from PIL import ImageEnhance

    img = ImageEnhance.Brightness(Image.fromarray(photo)).enhance(0.25)
    img = ImageEnhance.Contrast(img).enhance(0.6).convert("L").convert("RGB")
    return np.asarray(img)


def test_a_dark_flat_face_is_told_from_a_clean_one(test_packs: dict[str, Path],
                                                    photos: list[np.ndarray]) -> None:
    pipeline = OnnxPipelineFactory(str(test_packs["insightface"]), "cpu")()
    rec = pipeline._recogniser
    for photo in photos:
        clean, dark = photo, _darkened(photo)
        assert not is_flat(rec.align(clean[:, :, ::-1], pipeline.detect(clean)[0]))
        assert is_flat(rec.align(dark[:, :, ::-1], pipeline.detect(dark)[0]))


@pytest.mark.parametrize("kind", KINDS)
def test_a_flat_face_is_restored_and_mirrored_and_a_clean_one_left_alone(
        kind: str, test_packs: dict[str, Path], photos: list[np.ndarray]) -> None:
    pipeline = OnnxPipelineFactory(str(test_packs[kind]), "cpu")()
    plain = OnnxPipelineFactory(str(test_packs[kind]), "cpu", degraded_tta=False,
                                restore_degraded=False)()
    rec = pipeline._recogniser

    def unit(v: np.ndarray) -> np.ndarray:
        return v / np.linalg.norm(v)

    clean, dark = photos[0], _darkened(photos[0])
    faces = pipeline.detect(clean)
    as_it_is = unit(rec.features([rec.align(clean[:, :, ::-1], faces[0])])[0])
    np.testing.assert_allclose(pipeline.embed(clean, faces)[0], as_it_is, atol=1e-5)
    np.testing.assert_allclose(plain.embed(clean, faces)[0], as_it_is, atol=1e-5)

    faces = pipeline.detect(dark)
    restored = restore_chip(rec.align(dark[:, :, ::-1], faces[0]))
    both = rec.features([restored, np.ascontiguousarray(restored[:, ::-1])])
    expected = unit(unit(both[0]) + unit(both[1]))
    np.testing.assert_allclose(pipeline.embed(dark, faces)[0], expected, atol=1e-5)
    raw = unit(rec.features([rec.align(dark[:, :, ::-1], faces[0])])[0])
    np.testing.assert_allclose(plain.embed(dark, faces)[0], raw, atol=1e-5)
    assert float(raw @ expected) < 0.99  # the handling changed the vector


def test_flat_face_handling_brings_a_dark_face_nearer_its_clean_photo(
        test_packs: dict[str, Path], photos: list[np.ndarray]) -> None:
    """On the test network (insightface pack, normalised as it expects), each dark photo's
    vector is nearer its own clean photo's with the handling than without, on average."""
    pipeline = OnnxPipelineFactory(str(test_packs["insightface"]), "cpu")()
    plain = OnnxPipelineFactory(str(test_packs["insightface"]), "cpu", degraded_tta=False,
                                restore_degraded=False)()
    gains = []
    for photo in photos:
        reference = pipeline.embed(photo, pipeline.detect(photo))[0]
        dark = _darkened(photo)
        faces = pipeline.detect(dark)
        gains.append(float(pipeline.embed(dark, faces)[0] @ reference)
                     - float(plain.embed(dark, faces)[0] @ reference))
    assert np.mean(gains) > 0.2, gains
