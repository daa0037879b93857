"""Hostile and broken input: stalls, crashes, symlink tricks, formulas, direction tricks."""

from __future__ import annotations

import csv
import os
import time
from pathlib import Path

import pytest
from PIL import Image

from athar.app.cli import main
from athar.casework.domain.entities import Side
from athar.casework.domain.permissions import Actor
from athar.casework.domain.text import clean_name, csv_cell, neutralise
from athar.casework.intake.ingest import ImportPhotos, ImportService
from athar.casework.storage.workspace import Workspace
from imagegen import gradient, jpeg_bytes


def _bodies(root: Path, count: int) -> None:
    """`count` body folders, each with one valid, faceless photo of its own size."""
    for i in range(count):
        (root / f"b{i}").mkdir(parents=True)
        gradient(40 + i, 30).save(root / f"b{i}" / "ok.png")


def _reasons(report: object) -> dict[str, str]:
    return {Path(s.path).name: s.reason for s in report.skipped}  # type: ignore[attr-defined]


def _solid(path: Path, colour: tuple[int, int, int]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (32, 32), colour).save(path, "PNG")


def test_stalling_file_is_stopped_and_reported_others_imported(
        fake_ws: tuple[Workspace, Actor], tmp_path: Path) -> None:
    ws, actor = fake_ws
    root = tmp_path / "in"
    _bodies(root, 6)
    _solid(root / "b2" / "stall.png", (255, 0, 0))
    started = time.monotonic()
    report = ImportService(ws).run(
        ImportPhotos(root, Side.PM, "folder", "c", 2, file_timeout_s=2.0), actor)
    assert time.monotonic() - started < 60
    reasons = _reasons(report)
    assert "longer than 2 s" in reasons["stall.png"]
    assert report.new_photos == 6


def test_file_that_kills_a_worker_is_reported_others_imported(
        fake_ws: tuple[Workspace, Actor], tmp_path: Path) -> None:
    ws, actor = fake_ws
    root = tmp_path / "in"
    _bodies(root, 5)
    _solid(root / "b1" / "crash.png", (0, 0, 255))
    report = ImportService(ws).run(ImportPhotos(root, Side.PM, "folder", "c", 2), actor)
    reasons = _reasons(report)
    assert "worker died" in reasons["crash.png"]
    assert report.new_photos == 5


def test_symlink_loops_and_escapes_are_survived(
        fake_ws: tuple[Workspace, Actor], tmp_path: Path) -> None:
    ws, actor = fake_ws
    root = tmp_path / "in"
    (root / "body").mkdir(parents=True)
    gradient().save(root / "body" / "ok.png")
    (root / "body" / "loop").symlink_to(root, target_is_directory=True)
    (root / "escape").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "secret.jpg").write_bytes(jpeg_bytes())
    (root / "body" / "secret.jpg").symlink_to(tmp_path / "secret.jpg")
    report = ImportService(ws).run(ImportPhotos(root, Side.PM, "folder", "c", 1), actor)
    reasons = _reasons(report)
    assert "not followed" in reasons["loop"]
    assert "not followed" in reasons["escape"]
    assert "outside" in reasons["secret.jpg"]
    assert report.new_photos == 1


def test_import_writes_nothing_outside_the_workspace(
        fake_ws: tuple[Workspace, Actor], tmp_path: Path) -> None:
    ws, actor = fake_ws
    root = tmp_path / "in"
    (root / "b").mkdir(parents=True)
    gradient().save(root / "b" / "ok.png")

    def snapshot() -> dict[str, int]:
        return {str(p): p.stat().st_mtime_ns for p in tmp_path.rglob("*")
                if ws.paths.root not in p.parents and p != ws.paths.root}

    before = snapshot()
    ImportService(ws).run(ImportPhotos(root, Side.PM, "folder", "c", 1), actor)
    assert snapshot() == before


def test_direction_overrides_are_neutralised() -> None:
    spoof = "\u202eabc.jpg\u202c"
    assert neutralise(spoof) == "abc.jpg"
    assert clean_name("  محمد\u200f  \u2067الأحمد\u2069 ") == "محمد الأحمد"
    assert "\u202e" not in neutralise("x\u202ey")


@pytest.mark.parametrize("value", ["=HYPERLINK(\"http://x\")", "+1+1", "-2", "@SUM(A1)",
                                   "\t=1", "\uff1d1"])
def test_csv_cells_cannot_become_formulas(value: str) -> None:
    assert csv_cell(value).startswith("'")


def test_names_from_folders_are_stored_without_overrides(
        fake_ws: tuple[Workspace, Actor], tmp_path: Path) -> None:
    ws, actor = fake_ws
    folder = tmp_path / "in" / "Ali\u202e gpj.exe"
    folder.mkdir(parents=True)
    gradient().save(folder / "ok.png")
    ImportService(ws).run(ImportPhotos(tmp_path / "in", Side.AM, "folder", None, 1), actor)
    with ws.uow() as uow:
        person = uow.owners.person(1)
    assert person.label == "Ali gpj.exe"


def test_search_csv_export_is_formula_safe(small_ws: Workspace, tmp_path: Path) -> None:
    from sqlalchemy import update

    from athar.casework.domain.entities import MissingPerson

    with small_ws.uow() as uow:
        uow.session.execute(update(MissingPerson).where(MissingPerson.id == 1)
                            .values(label="=cmd|' /C calc'!A0"))
        uow.commit()
    root = str(small_ws.paths.root)
    small_ws.close()
    out = tmp_path / "results.csv"
    assert main(["search", root, "--person", "1", "--top", "2", "--csv", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows[0]["query_label"].startswith("'=")


def test_unreadable_folder_is_reported(fake_ws: tuple[Workspace, Actor],
                                       tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("running as root: permissions cannot make a folder unreadable")
    ws, actor = fake_ws
    root = tmp_path / "in"
    (root / "locked").mkdir(parents=True)
    os.chmod(root / "locked", 0)
    try:
        report = ImportService(ws).run(ImportPhotos(root, Side.PM, "folder", "c", 1), actor)
    finally:
        os.chmod(root / "locked", 0o755)
    assert any("cannot be read" in s.reason for s in report.skipped)
