"""Kill imports and searches at random moments, 20+ times; the workspace always recovers."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from athar.app.bootstrap import open_ws
from athar.app.cli import main
from athar.app.demo import stage_holdout
from athar.casework.accounts.users import login
from athar.casework.domain.entities import Candidate, Embedding, Face, Photo, PhotoAnalysis, Side
from athar.casework.integrity.verify import verify_workspace
from support import PASSPHRASE, PASSWORD, SUPERVISOR, new_ws

KILLS = 20


def _check_invariants(root: Path) -> int:
    """Open (repairing the index), verify, and check the cross-table invariants."""
    ws = open_ws(root, PASSPHRASE)
    try:
        report = verify_workspace(ws, login(ws, SUPERVISOR, PASSWORD))
        assert report.ok, report.problems
        with ws.uow() as uow:
            s = uow.session
            faces = s.scalar(select(func.count()).select_from(Face))
            embedded = s.scalar(select(func.count(func.distinct(Embedding.face_id))))
            assert faces == embedded  # no Face without its vector, none the other way
            photos = s.scalar(select(func.count()).select_from(Photo))
            analysed = s.scalar(select(func.count()).select_from(PhotoAnalysis))
            assert photos == analysed  # no Photo left half-analysed
            pairs = s.execute(select(Candidate.person_id, Candidate.body_id)).all()
            assert len(pairs) == len(set(pairs))
            searchable = len(uow.faces.subject_vectors(ws.model.model_id, Side.PM,
                                                       ws.model.dim)[0])
        assert len(ws.indexes.get(ws.model, Side.PM)) == searchable
        return int(photos or 0)
    finally:
        ws.close()


def _wait_for_photos(root: Path, proc: subprocess.Popen[bytes], target: int) -> None:
    ws = open_ws(root, PASSPHRASE, repair=False)
    deadline = time.monotonic() + 120
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            with ws.uow() as uow:
                if (uow.session.scalar(select(func.count()).select_from(Photo)) or 0) >= target:
                    return
            time.sleep(0.05)
    finally:
        ws.engine.dispose()


@pytest.mark.slow
def test_random_kills_during_import_and_search(tmp_path: Path, faces_dev: Path) -> None:
    staged = tmp_path / "staged"
    stage_holdout(faces_dev, staged)
    root = tmp_path / "ws"
    new_ws(root)[0].close()
    assert main(["import-am", str(root), str(staged / "am"), "--quiet"]) == 0
    rng = random.Random(20261128)
    cli = [sys.executable, "-m", "athar.app.cli"]
    imports = [*cli, "import-pm", str(root), str(staged / "pm"), "--collection", "pm",
               "--quiet"]
    search = [*cli, "search", str(root), "--all", "--top", "5", "--json"]
    progress = [_check_invariants(root)]
    for cycle in range(KILLS):
        is_search = cycle % 4 == 3
        proc = subprocess.Popen(search if is_search else imports, start_new_session=True,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if is_search:
            time.sleep(rng.uniform(0.5, 3.0))
        else:  # a random point: after 0 to 12 more photos, plus a random fraction of one
            _wait_for_photos(root, proc, progress[-1] + rng.randint(0, 12))
            time.sleep(rng.uniform(0.0, 0.3))
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        progress.append(_check_invariants(root))
    assert main(["import-pm", str(root), str(staged / "pm"), "--collection", "pm",
                 "--quiet"]) == 0
    final = _check_invariants(root)
    assert final == sum(1 for _ in staged.rglob("*.jpg"))
    assert progress == sorted(progress)  # work done before a kill is never lost
    assert progress[-1] > progress[0] + 20  # the kills did land in the middle of imports
