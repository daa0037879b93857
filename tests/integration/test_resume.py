"""A killed import, run again, ends with exactly what an uninterrupted import gives."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from athar.app.bootstrap import open_ws
from athar.app.cli import main
from athar.casework.accounts.users import login
from athar.casework.domain.entities import Side
from athar.casework.integrity.verify import verify_workspace
from athar.casework.storage.workspace import Workspace
from support import PASSPHRASE, PASSWORD, SUPERVISOR, kill_when, new_ws

TABLES = ("photo", "face", "embedding", "provenance", "photo_analysis", "body")


def _count(ws: Workspace, table: str) -> int:
    with ws.engine.connect() as conn:
        return int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def _counts(root: Path) -> dict[str, int]:
    ws = open_ws(root, PASSPHRASE)
    try:
        counts = {t: _count(ws, t) for t in TABLES}
        counts["indexed"] = len(ws.indexes.get(ws.model, Side.PM))
    finally:
        ws.close()
    return counts


def _import_cmd(src: Path, root: Path) -> list[str]:
    return ["import-pm", str(root), str(src), "--collection", "c", "--workers", "2", "--quiet"]


def _kill_after(root: Path, src: Path, photos: int) -> None:
    ws = open_ws(root, PASSPHRASE, repair=False)
    try:
        kill_when(_import_cmd(src, root), lambda: _count(ws, "photo") >= photos)
    finally:
        ws.engine.dispose()


def test_killed_import_resumes_to_the_same_result(tmp_path: Path, small_pm: Path) -> None:
    src = small_pm / "pm"
    reference, killed = tmp_path / "reference", tmp_path / "killed"
    new_ws(reference)[0].close()
    new_ws(killed)[0].close()
    assert main(["import-pm", str(reference), str(src), "--collection", "c", "--quiet"]) == 0

    _kill_after(killed, src, 4)
    _kill_after(killed, src, 12)
    assert main(["import-pm", str(killed), str(src), "--collection", "c", "--quiet"]) == 0

    assert _counts(killed) == _counts(reference)
    ws = open_ws(killed, PASSPHRASE)
    try:
        report = verify_workspace(ws, login(ws, SUPERVISOR, PASSWORD))
    finally:
        ws.close()
    assert report.ok, report.problems  # every evidence file whole, index and chain intact
