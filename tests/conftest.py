"""Shared fixtures: the faces-dev photos (skipped with a reason when absent), workspaces."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import urllib3  # noqa: F401  # see below
from fakes import FAKE_INFO, FakePipelineFactory

from athar.app.bootstrap import open_ws
from athar.casework.accounts.users import login
from athar.casework.domain.permissions import Actor
from athar.casework.storage.workspace import Workspace
from athar.index.faiss_store import open_store
from support import PASSPHRASE, PASSWORD, SUPERVISOR, new_ws

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["ATHAR_PASSPHRASE"] = PASSPHRASE
os.environ["ATHAR_USER"] = SUPERVISOR
os.environ["ATHAR_PASSWORD"] = PASSWORD

REPO = Path(__file__).resolve().parent.parent
# urllib3 (imported by insightface through requests) opens a local IPv6 socket at import
# to probe for IPv6, connecting nowhere: imported above, before pytest-socket blocks
# sockets, so that the probe is not reported as a network attempt of some later test.


def _shared(variable: str, *parts: str) -> Path:
    """The folder named by an environment variable, else ../shared/PARTS."""
    configured = os.environ.get(variable)
    return Path(configured) if configured else REPO.parent.joinpath("shared", *parts)


def faces_dev_dir() -> Path | None:
    """ATHAR_FACES_DEV, else ../shared/data/faces-dev beside the repository."""
    path = _shared("ATHAR_FACES_DEV", "data", "faces-dev")
    return path if path.is_dir() else None


@pytest.fixture(scope="session")
def faces_dev() -> Path:
    """The real multi-identity face photos; tests needing them skip when absent."""
    path = faces_dev_dir()
    if path is None:
        pytest.skip("faces-dev photos not found: set ATHAR_FACES_DEV or place "
                    "../shared/data/faces-dev beside the repository")
    return path


def models_test_dir() -> Path | None:
    """ATHAR_MODELS_TEST, else ../shared/models-test (small real ONNX networks, tests only)."""
    path = _shared("ATHAR_MODELS_TEST", "models-test")
    return path if (path / "det_500m.onnx").is_file() else None


@pytest.fixture(scope="session")
def models_test() -> Path:
    """The test networks (SCRFD-500M, YuNet, MobileFaceNet), never copied into the repo."""
    path = models_test_dir()
    if path is None:
        pytest.skip("models-test networks not found: set ATHAR_MODELS_TEST or place "
                    "../shared/models-test beside the repository")
    return path


@pytest.fixture(scope="session")
def test_packs(tmp_path_factory: pytest.TempPathFactory, models_test: Path
               ) -> dict[str, Path]:
    """Two packs built from the test networks, installed in one model folder: "insightface"
    (SCRFD-500M + MobileFaceNet) and "opencv" (YuNet + MobileFaceNet through OpenCV's
    SFace API: tests the code path, not SFace's accuracy). Also "dir": the model folder."""
    from athar.models.pack_builder import make_pack
    from athar.models.packs import install_pack

    built = tmp_path_factory.mktemp("packs")
    installed = tmp_path_factory.mktemp("models")
    out: dict[str, Path] = {"dir": installed}
    for kind, detector in (("insightface", "det_500m.onnx"), ("opencv", "yunet_2026may.onnx")):
        pack = make_pack(kind, models_test / detector, models_test / "mobilefacenet_128.onnx",
                         f"test-{kind}", built / kind)
        out[kind] = install_pack(pack.folder, installed)[0].folder
    return out


@pytest.fixture(scope="session")
def batch_pack(tmp_path_factory: pytest.TempPathFactory, models_test: Path) -> Path:
    """An insightface pack whose recogniser takes batches: the test MobileFaceNet (exported
    for one face per call) with its batch dimension made free and its final reshape
    keeping it, written in tmp (same weights, same vectors)."""
    import numpy as np
    import onnx
    from onnx import numpy_helper

    from athar.models.pack_builder import make_pack

    net = onnx.load(str(models_test / "mobilefacenet_128.onnx"))
    for node in net.graph.node:
        if node.op_type == "Constant" and node.output[0] == "/Constant_output_0":
            node.attribute[0].t.CopyFrom(numpy_helper.from_array(np.array([0, -1], np.int64)))
    for tensor in [*net.graph.input, *net.graph.output]:
        tensor.type.tensor_type.shape.dim[0].dim_param = "N"
    del net.graph.value_info[:]
    folder = tmp_path_factory.mktemp("batch-net")
    onnx.save(net, str(folder / "mobilefacenet_batch.onnx"))
    return make_pack("insightface", models_test / "det_500m.onnx",
                     folder / "mobilefacenet_batch.onnx", "test-batch", folder / "pack").folder


@pytest.fixture
def own_models(test_packs: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
               ) -> tuple[Path, str]:
    """A model folder of this test's own (ATHAR_MODELS_DIR) holding the insightface test
    pack, so that what a test writes there (a calibration) stays its own: (folder, the
    pack's id)."""
    from athar.models.packs import installed_packs, open_pack

    pack = open_pack(test_packs["insightface"])
    models = tmp_path / "models"
    models.mkdir()
    installed = next(e.folder for e in installed_packs(test_packs["dir"])
                     if e.pack is not None and e.pack.pack_id == pack.pack_id)
    (models / installed.name).symlink_to(installed, target_is_directory=True)
    monkeypatch.setenv("ATHAR_MODELS_DIR", str(models))
    return models, pack.pack_id


def identities(root: Path, count: int | None = None) -> list[Path]:
    """Identity folders (with at least two photos), sorted by name."""
    folders = [p for p in sorted(root.iterdir())
               if p.is_dir() and len(list(p.glob("*.jpg"))) >= 2]
    return folders[:count] if count else folders


@pytest.fixture
def ws_actor(tmp_path: Path) -> Iterator[tuple[Workspace, Actor]]:
    """A new, empty workspace and its supervisor."""
    workspace, actor = new_ws(tmp_path / "ws")
    yield workspace, actor
    workspace.close()


@pytest.fixture
def ws(ws_actor: tuple[Workspace, Actor]) -> Workspace:
    """A new, empty workspace."""
    return ws_actor[0]


@pytest.fixture
def sup(ws_actor: tuple[Workspace, Actor]) -> Actor:
    """The supervisor of the `ws` workspace."""
    return ws_actor[1]


@pytest.fixture
def fake_ws(tmp_path: Path) -> Iterator[tuple[Workspace, Actor]]:
    """A workspace whose face model is the fake that stalls on red and dies on blue."""
    new_ws(tmp_path / "ws")[0].close()
    ws = Workspace.open(tmp_path / "ws", PASSPHRASE, FakePipelineFactory(), FAKE_INFO,
                        open_store)
    yield ws, login(ws, SUPERVISOR, PASSWORD)
    ws.close()


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
    from athar.casework.domain.entities import Side
    from athar.casework.intake.ingest import ImportPhotos, ImportService

    root = tmp_path_factory.mktemp("tmpl") / "ws"
    workspace, actor = new_ws(root)
    service = ImportService(workspace)
    service.run(ImportPhotos(small_pm / "pm", Side.PM, "folder", "small", 2), actor)
    service.run(ImportPhotos(small_pm / "am", Side.AM, "folder", None, 2), actor)
    workspace.close()
    return root


@pytest.fixture
def small_ws(tmp_path: Path, small_ws_template: Path) -> Iterator[Workspace]:
    """A private copy of the imported six-identity workspace."""
    root = tmp_path / "ws"
    shutil.copytree(small_ws_template, root)
    workspace = open_ws(root, PASSPHRASE)
    yield workspace
    workspace.close()


@pytest.fixture
def small_sup(small_ws: Workspace) -> Actor:
    """The supervisor of `small_ws`, logged in."""
    from athar.casework.accounts.users import login

    return login(small_ws, SUPERVISOR, PASSWORD)
