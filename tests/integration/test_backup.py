"""A backup taken while the workspace is in use restores and verifies."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from athar.app.bootstrap import open_ws
from athar.app.cli import main
from athar.casework.accounts.users import login
from athar.casework.domain.permissions import Actor
from athar.casework.intake.persons import AddPerson, add_person
from athar.casework.integrity.backup import backup, restore
from athar.casework.integrity.verify import verify_workspace
from athar.casework.matching.search import RunSearch, SearchService
from athar.casework.storage.workspace import Workspace
from support import PASSPHRASE, PASSWORD, SUPERVISOR


def test_backup_during_activity_then_restore_verifies(
        small_ws: Workspace, small_sup: Actor, tmp_path: Path) -> None:
    stop = threading.Event()

    def busy() -> None:
        n = 0
        while not stop.is_set():
            add_person(small_ws, AddPerson(f"person during backup {n}"), small_sup)
            n += 1

    worker = threading.Thread(target=busy)
    worker.start()
    try:
        backup(small_ws, tmp_path / "bk", small_sup)
    finally:
        stop.set()
        worker.join()
    restore(tmp_path / "bk", tmp_path / "restored")
    ws = open_ws(tmp_path / "restored", PASSPHRASE)
    try:
        actor = login(ws, SUPERVISOR, PASSWORD)
        report = verify_workspace(ws, actor)
        assert report.ok, report.problems
        results = SearchService(ws).run(RunSearch(person_ids=(1,), top=1), actor)
        assert results[0].matches[0].label == results[0].query_label
    finally:
        ws.close()


def test_cli_backup_and_restore(small_ws: Workspace, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    root = str(small_ws.paths.root)
    small_ws.close()
    assert main(["backup", root, str(tmp_path / "bk")]) == 0
    assert main(["restore", str(tmp_path / "bk"), str(tmp_path / "back")]) == 0
    assert "verified OK" in capsys.readouterr().out


def test_restore_refuses_a_non_empty_target(small_ws: Workspace, small_sup: Actor,
                                            tmp_path: Path) -> None:
    from athar.casework.domain.errors import InvalidRequest

    backup(small_ws, tmp_path / "bk", small_sup)
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "file").write_text("x")
    with pytest.raises(InvalidRequest, match="not empty"):
        restore(tmp_path / "bk", tmp_path / "busy")
