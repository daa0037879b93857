"""A killed import, run again, ends with exactly what an uninterrupted import gives."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from athar.app.bootstrap import create_ws, open_ws
from athar.app.cli import main
from athar.casework.entities import Side
from athar.casework.verify import verify_workspace

TABLES = ("photo", "face", "embedding", "provenance", "photo_analysis", "body")


def _counts(root: Path) -> dict[str, int]:
    with sqlite3.connect(f"file:{root / 'athar.db'}?mode=ro", uri=True) as conn:
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    ws = open_ws(root)
    try:
        counts["indexed"] = len(ws.indexes.get(ws.model, Side.PM))
    finally:
        ws.close()
    return counts


def _photos(root: Path) -> int:
    try:
        with sqlite3.connect(f"file:{root / 'athar.db'}?mode=ro", uri=True, timeout=5) as c:
            return int(c.execute("SELECT count(*) FROM photo").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def _import_cmd(root: Path, src: Path) -> list[str]:
    return [sys.executable, "-m", "athar.app.cli", "import-pm", str(root), str(src),
            "--collection", "c", "--workers", "2", "--quiet"]


def _kill_after(root: Path, src: Path, photos: int) -> None:
    proc = subprocess.Popen(_import_cmd(root, src), start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    try:
        while _photos(root) < photos and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert proc.poll() is None, "import finished before it could be killed"
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def test_killed_import_resumes_to_the_same_result(tmp_path: Path, small_pm: Path) -> None:
    src = small_pm / "pm"
    reference, killed = tmp_path / "reference", tmp_path / "killed"
    create_ws(reference).close()
    create_ws(killed).close()
    assert main(["import-pm", str(reference), str(src), "--collection", "c", "--quiet"]) == 0

    _kill_after(killed, src, 4)
    _kill_after(killed, src, 12)
    assert main(["import-pm", str(killed), str(src), "--collection", "c", "--quiet"]) == 0

    assert _counts(killed) == _counts(reference)
    ws = open_ws(killed)
    try:
        report = verify_workspace(ws)
    finally:
        ws.close()
    assert report.ok, report.problems  # every evidence file whole, index and chain intact
