"""No test may open a network connection: pytest-socket is on for the whole suite."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from pytest_socket import SocketBlockedError


def test_sockets_are_blocked() -> None:
    with pytest.warns(UserWarning, match="socket"), pytest.raises(SocketBlockedError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)


def test_model_code_does_not_download() -> None:
    # The default model comes from an installed package; building it reads local files.
    from athar.models.dlib_backend import DlibPipelineFactory

    pipeline = DlibPipelineFactory()()
    assert pipeline.info.dim == 128


def test_every_pack_kind_loads_and_computes_offline(test_packs: dict[str, Path],
                                                   faces_dev: Path) -> None:
    # pytest-socket fails any connection attempt of this process: insightface's and
    # OpenCV's loaders, onnxruntime (telemetry off) and inference of both pack kinds.
    import os

    import numpy as np
    from PIL import Image

    from athar.models.onnx_backend import OnnxPipelineFactory

    assert os.environ["ORT_DISABLE_TELEMETRY"] == "1"
    assert os.environ["NO_ALBUMENTATIONS_UPDATE"] == "1"
    photo = np.asarray(Image.open(sorted(faces_dev.glob("*/*.jpg"))[0]).convert("RGB"))
    for kind in ("insightface", "opencv"):
        pipeline = OnnxPipelineFactory(str(test_packs[kind]), "auto")()
        faces = pipeline.detect(photo)
        assert len(faces) == 1
        assert pipeline.embed(photo, faces).shape == (1, 128)
