"""Imports with several photos per worker task (what a GPU gets: the faces of many photos
per recogniser call): the same records as one photo per task, and a file that crashes,
stalls, cannot be read or is refused by the recogniser still fails alone."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from fakes import FakePipeline, FakePipelineFactory
from PIL import Image
from sqlalchemy import select

from athar.casework.domain.entities import Embedding, Face, Photo, Side
from athar.casework.domain.errors import InvalidRequest
from athar.casework.domain.permissions import Actor
from athar.casework.domain.ports import Detection, Vectors
from athar.casework.domain.ports import Image as Pixels
from athar.casework.intake import analysis
from athar.casework.intake.analysis import Analyser
from athar.casework.intake.ingest import (
    PHOTOS_PER_TASK_ON_GPU,
    ImportPhotos,
    ImportService,
    photos_per_task,
)
from athar.casework.storage.evidence import EvidenceStore
from athar.casework.storage.workspace import Workspace
from imagegen import gradient
from support import new_ws

FaceRow = tuple[tuple[int, int, int, int], bool, np.ndarray]


def _faces(ws: Workspace) -> dict[str, list[FaceRow]]:
    """photo SHA-256 -> its faces (box, is subject, vector), in box order."""
    out: dict[str, list[FaceRow]] = {}
    with ws.uow() as uow:
        rows = uow.session.execute(
            select(Photo.sha256, Face.box_left, Face.box_top, Face.box_width,
                   Face.box_height, Face.is_subject, Embedding.vector)
            .join(Face, Face.photo_id == Photo.id)
            .join(Embedding, Embedding.face_id == Face.id))
        for sha, x, y, w, h, subject, vec in rows:
            out.setdefault(sha, []).append(((x, y, w, h), bool(subject),
                                            np.frombuffer(vec, np.float32)))
    return {sha: sorted(faces, key=lambda f: f[0]) for sha, faces in out.items()}


def test_batched_import_records_exactly_what_photo_by_photo_does(
        tmp_path: Path, small_pm: Path) -> None:
    """The real dlib model on faces-dev photos: five photos per task, their chips sent to
    the descriptor together, give the same faces, subjects and vectors."""
    reports, faces = [], []
    for per_task in (1, 5):
        ws, actor = new_ws(tmp_path / f"ws{per_task}")
        try:
            reports.append(ImportService(ws).run(ImportPhotos(
                small_pm / "pm", Side.PM, "folder", "c", 2, photos_per_task=per_task), actor))
            faces.append(_faces(ws))
        finally:
            ws.close()
    one, batched = reports
    assert one.new_photos == batched.new_photos > 10
    assert one.faces == batched.faces > 10
    assert sorted(one.no_face) == sorted(batched.no_face)
    assert faces[0].keys() == faces[1].keys()
    for sha, alone in faces[0].items():
        together = faces[1][sha]
        assert [(b, s) for b, s, _ in alone] == [(b, s) for b, s, _ in together]
        for (_, _, a), (_, _, b) in zip(alone, together, strict=True):
            assert float(a @ b) > 0.99999


@dataclass
class _Counting(FakePipeline):
    """The fake model, counting its recogniser calls; it refuses pure green photos."""

    calls: list[int]

    def embed_many(self, photos: Sequence[tuple[Pixels, Sequence[Detection]]]
                   ) -> list[Vectors]:
        self.calls.append(len(photos))
        for image, _ in photos:
            mean = image.reshape(-1, 3).mean(axis=0)
            if mean[1] > 250 and mean[0] < 5 and mean[2] < 5:
                raise InvalidRequest("the recogniser refused this face")
        return super().embed_many(photos)


def _analyser(ws: Workspace, calls: list[int]) -> Analyser:
    store = EvidenceStore(ws.paths.evidence, ws.paths.tmp, ws.keys)
    return Analyser(_Counting(calls), store, frozenset())


def _photos(folder: Path, count: int) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"p{i}.png"
        gradient(40 + i, 30).save(path)
        paths.append(str(path))
    return paths


def test_the_faces_of_a_task_go_to_the_recogniser_in_one_call(
        fake_ws: tuple[Workspace, Actor], tmp_path: Path) -> None:
    ws, _ = fake_ws
    calls: list[int] = []
    paths = _photos(tmp_path / "in", 6)
    results = _analyser(ws, calls).analyse_many(paths)
    assert calls == [6]
    assert [r.path for r in results] == paths
    assert all(r.error is None and len(r.faces) == 1 for r in results)
    alone = _analyser(ws, calls).analyse(paths[3])
    assert alone.faces[0].vector == results[3].faces[0].vector


def test_a_photo_the_recogniser_refuses_fails_alone_in_its_batch(
        fake_ws: tuple[Workspace, Actor], tmp_path: Path) -> None:
    ws, _ = fake_ws
    calls: list[int] = []
    paths = _photos(tmp_path / "in", 4)
    green = tmp_path / "in" / "green.png"
    Image.new("RGB", (32, 32), (0, 255, 0)).save(green)
    broken = tmp_path / "in" / "broken.jpg"
    broken.write_bytes(b"\xff\xd8 not a photo")
    batch = paths[:2] + [str(green), str(broken)] + paths[2:]
    results = {Path(r.path).name: r for r in _analyser(ws, calls).analyse_many(batch)}
    assert results["green.png"].error == "the recogniser refused this face"
    assert results["broken.jpg"].error is not None
    assert all(results[Path(p).name].error is None and results[Path(p).name].faces
               for p in paths)
    assert calls[0] == 5  # one call for the batch, then photo by photo to find the culprit
    assert len(calls) == 6


def test_large_photos_are_embedded_before_their_batch_outgrows_the_memory_budget(
        fake_ws: tuple[Workspace, Actor], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    ws, _ = fake_ws
    calls: list[int] = []
    monkeypatch.setattr(analysis, "BATCH_PIXELS", 3 * 40 * 30)  # about three photos
    results = _analyser(ws, calls).analyse_many(_photos(tmp_path / "in", 7))
    assert all(r.error is None for r in results)
    assert calls == [3, 3, 1]


def _mixed_folder(root: Path, bad_name: str, colour: tuple[int, int, int]) -> None:
    for i in range(7):
        (root / f"b{i}").mkdir(parents=True)
        gradient(40 + i, 30).save(root / f"b{i}" / "ok.png")
    Image.new("RGB", (32, 32), colour).save(root / "b3" / bad_name)


def test_a_file_that_kills_a_worker_in_a_batch_is_reported_others_imported(
        fake_ws: tuple[Workspace, Actor], tmp_path: Path) -> None:
    ws, actor = fake_ws
    _mixed_folder(tmp_path / "in", "crash.png", (0, 0, 255))
    report = ImportService(ws).run(ImportPhotos(tmp_path / "in", Side.PM, "folder", "c", 2,
                                                photos_per_task=3), actor)
    assert {Path(s.path).name: s.reason for s in report.skipped}["crash.png"].endswith(
        "(worker died)")
    assert report.new_photos == 7
    assert report.accounted == report.total == 8


def test_a_file_that_stalls_a_batch_is_stopped_and_reported_others_imported(
        fake_ws: tuple[Workspace, Actor], tmp_path: Path) -> None:
    ws, actor = fake_ws
    _mixed_folder(tmp_path / "in", "stall.png", (255, 0, 0))
    report = ImportService(ws).run(ImportPhotos(tmp_path / "in", Side.PM, "folder", "c", 2,
                                                file_timeout_s=1.0, photos_per_task=3), actor)
    reasons = {Path(s.path).name: s.reason for s in report.skipped}
    assert "longer than 1 s" in reasons["stall.png"]
    assert report.new_photos == 7


@dataclass(frozen=True)
class _OnGpu(FakePipelineFactory):
    def device(self) -> str:
        return "GPU (CUDA)"


def test_photos_are_batched_only_where_the_model_computes_on_a_gpu() -> None:
    assert photos_per_task(FakePipelineFactory()) == 1
    assert photos_per_task(_OnGpu()) == PHOTOS_PER_TASK_ON_GPU > 1
