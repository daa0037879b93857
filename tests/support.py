"""Test support shared by fixtures and tests: credentials and a fast workspace factory."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from athar.app.bootstrap import create_ws
from athar.casework.domain.permissions import Actor
from athar.casework.storage.crypto import KdfParams
from athar.casework.storage.workspace import Workspace

PASSPHRASE = "correct horse battery staple"
SUPERVISOR = "supervisor1"
PASSWORD = "test-password-1"
FAST_KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
"""Cheap Argon2id for the many workspaces tests make; one test uses the real cost."""


def new_ws(root: Path) -> tuple[Workspace, Actor]:
    """A new workspace at root with the test supervisor (fast key derivation)."""
    return create_ws(root, PASSPHRASE, SUPERVISOR, PASSWORD, FAST_KDF)


@contextmanager
def as_user(name: str, password: str) -> Iterator[None]:
    """Run the command line as another user (ATHAR_USER / ATHAR_PASSWORD)."""
    saved = os.environ["ATHAR_USER"], os.environ["ATHAR_PASSWORD"]
    os.environ["ATHAR_USER"], os.environ["ATHAR_PASSWORD"] = name, password
    try:
        yield
    finally:
        os.environ["ATHAR_USER"], os.environ["ATHAR_PASSWORD"] = saved


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`athar ARGS...` in-process: (exit status, stdout, stderr)."""
    from athar.app.cli import main

    capsys.readouterr()
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def two_people(a: Path, b: Path, out: Path) -> Path:
    """A family photo of two people: two photos side by side, saved as JPEG at `out`."""
    from PIL import Image

    left, right = Image.open(a).convert("RGB"), Image.open(b).convert("RGB")
    canvas = Image.new("RGB", (left.width + right.width + 20, left.height), (128, 128, 128))
    canvas.paste(left, (0, 0))
    canvas.paste(right, (left.width + 20, 0))
    out.parent.mkdir(parents=True, exist_ok=True)
    canvas.save(out, quality=95)
    return out


def kill_when(cli_args: list[str], ready: Callable[[], bool], timeout_s: float = 120) -> None:
    """Run `athar CLI_ARGS` in a new process group and SIGKILL it once `ready()` holds
    (fails when the command ends first)."""
    proc = subprocess.Popen([sys.executable, "-m", "athar.app.cli", *cli_args],
                            start_new_session=True, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + timeout_s
        while not ready() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert proc.poll() is None, f"athar {cli_args[0]} finished before it could be killed"
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def write_calibration(models_dir: Path, model_id: str, slope: float, intercept: float
                      ) -> None:
    """A calibration for a pack in a model folder, where bench/calibrate.py --write puts
    it (log10 LR = slope * score + intercept)."""
    import json

    from athar.casework.checks.strength import SCORE_RULE
    from athar.models.packs import CALIBRATION_FOLDER

    folder = models_dir / CALIBRATION_FOLDER
    folder.mkdir(exist_ok=True)
    (folder / f"{model_id.split('@')[0]}.json").write_text(json.dumps({
        "model_id": model_id, "slope": slope, "intercept": intercept,
        "fitted_on": "test pairs", "score_rule": SCORE_RULE,
        "pairs": {"same": 100, "different": 10000},
        "date": "2026-12-03", "held_out": {}}))
