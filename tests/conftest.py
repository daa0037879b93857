"""Shared fixtures: the faces-dev photos (skipped with a reason when absent), workspaces."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from athar.app.bootstrap import create_ws, open_ws
from athar.casework.context import Workspace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("ATHAR_USER", "test-identifier")

REPO = Path(__file__).resolve().parent.parent


def faces_dev_dir() -> Path | None:
    """ATHAR_FACES_DEV, else ../shared/data/faces-dev beside the repository."""
    configured = os.environ.get("ATHAR_FACES_DEV")
    path = Path(configured) if configured else REPO.parent / "shared" / "data" / "faces-dev"
    return path if path.is_dir() else None


@pytest.fixture(scope="session")
def faces_dev() -> Path:
    """The real multi-identity face photos; tests needing them skip when absent."""
    path = faces_dev_dir()
    if path is None:
        pytest.skip("faces-dev photos not found: set ATHAR_FACES_DEV or place "
                    "../shared/data/faces-dev beside the repository")
    return path


def identities(root: Path, count: int | None = None) -> list[Path]:
    """Identity folders (with at least two photos), sorted by name."""
    folders = [p for p in sorted(root.iterdir())
               if p.is_dir() and len(list(p.glob("*.jpg"))) >= 2]
    return folders[:count] if count else folders


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    """A new, empty workspace."""
    workspace = create_ws(tmp_path / "ws")
    yield workspace
    workspace.close()


@pytest.fixture(scope="session")
def small_pm(tmp_path_factory: pytest.TempPathFactory, faces_dev: Path) -> Path:
    """Six identities of faces-dev, held-out first photo in am/, the rest in pm/."""
    from athar.app.demo import stage_holdout

    src = tmp_path_factory.mktemp("small-src")
    for folder in identities(faces_dev, 6):
        shutil.copytree(folder, src / folder.name)
    staging = tmp_path_factory.mktemp("small-staged")
    stage_holdout(src, staging)
    return staging


@pytest.fixture(scope="session")
def small_ws_template(tmp_path_factory: pytest.TempPathFactory, small_pm: Path) -> Path:
    """A workspace with the six identities imported (PM and AM), built once per session."""
    from athar.casework.entities import Side
    from athar.casework.ingest import ImportPhotos, ImportService

    root = tmp_path_factory.mktemp("tmpl") / "ws"
    workspace = create_ws(root)
    service = ImportService(workspace)
    service.run(ImportPhotos(small_pm / "pm", Side.PM, "folder", "small", 2), "tester")
    service.run(ImportPhotos(small_pm / "am", Side.AM, "folder", None, 2), "tester")
    workspace.close()
    return root


@pytest.fixture
def small_ws(tmp_path: Path, small_ws_template: Path) -> Iterator[Workspace]:
    """A private copy of the imported six-identity workspace."""
    root = tmp_path / "ws"
    shutil.copytree(small_ws_template, root)
    workspace = open_ws(root)
    yield workspace
    workspace.close()
