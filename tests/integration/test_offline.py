"""A whole import-and-search flow with the network closed, in every process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from athar.app.cli import main
from support import new_ws


def test_guard_refuses_lookups_and_connections() -> None:
    code = (
        "from athar.casework.domain.offline import forbid_network, NetworkForbidden\n"
        "import socket, urllib.request\n"
        "forbid_network()\n"
        "for attempt in (lambda: socket.getaddrinfo('example.org', 443),\n"
        "                lambda: urllib.request.urlopen('http://192.0.2.1/', timeout=1),\n"
        "                lambda: socket.create_connection(('192.0.2.1', 80))):\n"
        "    try:\n"
        "        attempt()\n"
        "    except NetworkForbidden:\n"
        "        continue\n"
        "    raise SystemExit('a connection was allowed')\n"
        "a, b = socket.socketpair()\n"  # local pipes (multiprocessing) still work
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=False)
    assert out.stdout.strip() == "ok", out.stderr


def test_import_and_search_with_sockets_disabled(tmp_path: Path, small_pm: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    # pytest-socket blocks this process; forbid_network() guards the spawned workers, where
    # any download attempt would fail the file and show up as skipped.
    root = tmp_path / "ws"
    new_ws(root)[0].close()
    assert main(["import-pm", str(root), str(small_pm / "pm"), "--collection", "c",
                 "--quiet"]) == 0
    assert main(["import-am", str(root), str(small_pm / "am"), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "skipped: 0" in out
    assert main(["search", str(root), "--all", "--top", "3"]) == 0
