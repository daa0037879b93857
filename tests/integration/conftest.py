"""Fixtures of the integration tests that work on a copy of the small workspace with the
test packs installed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest


@pytest.fixture
def root(tmp_path: Path, small_ws_template: Path) -> Path:
    """A private copy of the imported six-identity workspace's folder, not opened."""
    dest = tmp_path / "ws"
    shutil.copytree(small_ws_template, dest)
    return dest


@pytest.fixture
def pack_id(test_packs: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> str:
    """The test packs installed in ATHAR_MODELS_DIR; returns the insightface pack's id."""
    from athar.models.packs import open_pack

    monkeypatch.setenv("ATHAR_MODELS_DIR", str(test_packs["dir"]))
    return open_pack(test_packs["insightface"]).pack_id
