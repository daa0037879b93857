"""No test may open a network connection: pytest-socket is on for the whole suite."""

from __future__ import annotations

import socket

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
