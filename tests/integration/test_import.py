"""Import through the real service and model: dedupe, read-only evidence, bad input, CSV."""

from __future__ import annotations

import io
import shutil
import stat
from pathlib import Path

from PIL import Image
from sqlalchemy import func, select

from athar.casework.accounts.users import CreateUser, add_user
from athar.casework.domain.entities import Body, Face, Photo, Provenance, Role, Side
from athar.casework.domain.permissions import Actor
from athar.casework.intake.ingest import ImportPhotos, ImportService
from athar.casework.storage.workspace import Workspace
from imagegen import write_bad_inputs


def _count(ws: Workspace, model: type[object]) -> int:
    with ws.uow() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(model)) or 0)


def _one_photo(faces_dev: Path) -> Path:
    return sorted(faces_dev.glob("*/*.jpg"))[0]


def test_same_file_twice_is_one_photo_with_two_provenance_records(
        ws: Workspace, sup: Actor, tmp_path: Path, faces_dev: Path) -> None:
    src = _one_photo(faces_dev)
    for name in ("first", "second"):
        (tmp_path / name / "body-a").mkdir(parents=True)
        shutil.copy(src, tmp_path / name / "body-a" / "photo.jpg")
    bob = add_user(ws, CreateUser("bob", "bob-password-1", Role.IDENTIFIER), sup)
    service = ImportService(ws)
    service.run(ImportPhotos(tmp_path / "first", Side.PM, "folder", "c1", 1), sup)
    report = service.run(ImportPhotos(tmp_path / "second", Side.PM, "folder", "c1", 1), bob)
    assert report.duplicates == 1
    assert _count(ws, Photo) == 1
    with ws.uow() as uow:
        prov = uow.session.scalars(select(Provenance).order_by(Provenance.id)).all()
        assert [(p.imported_by, Path(p.original_path).parts[-3]) for p in prov] == [
            ("supervisor1", "first"), ("bob", "second")]
    assert _count(ws, Face) == 1


def test_originals_are_stored_byte_identical_and_read_only(
        ws: Workspace, sup: Actor, tmp_path: Path, faces_dev: Path) -> None:
    src = _one_photo(faces_dev)
    img = Image.open(src)
    sideways = img.transpose(Image.Transpose.ROTATE_270)  # stored turned, EXIF says upright
    exif = Image.Exif()
    exif[0x0112] = 8
    buf = io.BytesIO()
    sideways.save(buf, "JPEG", exif=exif.tobytes(), quality=95)
    (tmp_path / "in" / "b1").mkdir(parents=True)
    (tmp_path / "in" / "b1" / "exif.jpg").write_bytes(buf.getvalue())
    ImportService(ws).run(ImportPhotos(tmp_path / "in", Side.PM, "folder", "c", 1), sup)
    with ws.uow() as uow:
        photo = uow.session.scalars(select(Photo)).one()
        face = uow.session.scalars(select(Face)).one()
        stored = ws.evidence.path_for(photo.sha256)
        assert ws.evidence.read(photo.sha256) == buf.getvalue()  # the original, unchanged
        assert buf.getvalue()[100:200] not in stored.read_bytes()  # sealed on disk
        assert stat.S_IMODE(stored.stat().st_mode) & 0o222 == 0
        assert photo.exif_orientation == 8
        assert face.rotation == 0  # found upright because EXIF was honoured for analysis


def test_every_bad_input_is_reported_and_the_run_goes_on(
        ws: Workspace, sup: Actor, tmp_path: Path, faces_dev: Path) -> None:
    folder = tmp_path / "in" / "body-x"
    reasons = write_bad_inputs(folder)
    shutil.copy(_one_photo(faces_dev), folder / "good.jpg")
    (tmp_path / "outside.jpg").write_bytes(b"x")
    (folder / "escape.jpg").symlink_to(tmp_path / "outside.jpg")
    (folder / "readme.txt").write_text("not an image")
    report = ImportService(ws).run(
        ImportPhotos(tmp_path / "in", Side.PM, "folder", "c", 2), sup)
    skipped = {Path(s.path).name: s.reason for s in report.skipped}
    for name, word in reasons.items():
        if word == "no face":
            assert any(Path(p).name == name for p in report.no_face)
        else:
            assert word in skipped[name].lower(), (name, skipped.get(name))
    assert "outside" in skipped["escape.jpg"]
    assert "not a supported image type" in skipped["readme.txt"]
    assert report.new_photos == 2  # the good photo and the faceless one (kept, listed)
    assert _count(ws, Face) == 1


def test_group_by_csv_sets_body_numbers(
ws: Workspace, sup: Actor, tmp_path: Path, faces_dev: Path) -> None:
    photos = sorted(faces_dev.glob("*/*.jpg"))[:3]
    root = tmp_path / "in"
    root.mkdir()
    for i, p in enumerate(photos):
        shutil.copy(p, root / f"img{i}.jpg")
    csv_path = tmp_path / "bodies.csv"
    csv_path.write_text(
        "file,body,detainee_no,branch_no,forensic_no,photo_date\n"
        "img0.jpg,B-1,1234,215,77/2013,2013-05-02\n"
        "img1.jpg,B-1,1234,215,77/2013,2013-05-02\n"
        "img2.jpg,B-2,5678,227,,\n"
        "missing.jpg,B-3,1,1,1,\n", encoding="utf-8")
    report = ImportService(ws).run(
        ImportPhotos(root, Side.PM, f"csv:{csv_path}", "caesar-test", 1), sup)
    assert report.new_photos == 3
    assert any("does not exist" in s.reason for s in report.skipped)
    with ws.uow() as uow:
        bodies = {b.label: b for b in uow.session.scalars(select(Body))}
        assert set(bodies) == {"B-1", "B-2"}
        assert (bodies["B-1"].detainee_no, bodies["B-1"].branch_no,
                bodies["B-1"].forensic_no, bodies["B-1"].photo_date) == (
            "1234", "215", "77/2013", "2013-05-02")
        assert len(bodies["B-1"].photos) == 2


def test_csv_without_needed_columns_is_refused_by_name(
ws: Workspace, sup: Actor, tmp_path: Path) -> None:
    import pytest

    from athar.casework.domain.errors import InvalidRequest

    (tmp_path / "in").mkdir()
    csv_path = tmp_path / "b.csv"
    csv_path.write_text("filename,number\nx.jpg,1\n")
    with pytest.raises(InvalidRequest, match="body"):
        ImportService(ws).run(
            ImportPhotos(tmp_path / "in", Side.PM, f"csv:{csv_path}", "c", 1), sup)


def test_group_by_file_makes_one_body_per_file(
        ws: Workspace, sup: Actor, tmp_path: Path, faces_dev: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    for p in sorted(faces_dev.glob("*/*.jpg"))[:2]:
        shutil.copy(p, root / p.name)
    ImportService(ws).run(ImportPhotos(root, Side.PM, "file", "c", 1), sup)
    assert _count(ws, Body) == 2


def test_cancel_keeps_what_was_done_and_a_rerun_completes(
        ws: Workspace, sup: Actor, small_pm: Path) -> None:
    import threading

    cancel = threading.Event()
    seen: list[int] = []

    def progress(p: object) -> None:
        seen.append(1)
        if len(seen) == 5:
            cancel.set()

    cmd = ImportPhotos(small_pm / "pm", Side.PM, "folder", "c", 2)
    first = ImportService(ws).run(cmd, sup, progress=progress, cancel=cancel)
    assert first.cancelled
    assert 5 <= first.new_photos < first.total
    second = ImportService(ws).run(cmd, sup)
    assert second.already_done == first.new_photos
    assert first.new_photos + second.new_photos == first.total
    assert _count(ws, Photo) == first.total
