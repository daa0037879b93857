"""The command line for a new user: one clear line instead of a traceback, Ctrl-C that keeps
what was done, commands to find records, help for every option, ids to act on (issue 13,
points 8-15)."""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from athar.app.bootstrap import open_ws
from athar.app.cli import main
from athar.app.cli.parser import DESCRIPTION, build_parser
from athar.casework.domain.entities import AuditEvent, Candidate, Photo, SearchRun
from athar.casework.storage.workspace import Workspace
from imagegen import gradient
from support import PASSPHRASE, new_ws

README = Path(__file__).resolve().parents[2] / "README.md"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def _count(ws: Workspace, model: type[object]) -> int:
    with ws.uow() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(model)) or 0)


# -- 8. refusals are one line, status 2, nothing half-done ---------------------------------

def test_search_csv_into_a_missing_folder_is_refused_before_searching(
        small_ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    runs = _count(small_ws, SearchRun)
    status, _, err = _run(capsys, "search", str(small_ws.paths.root), "--person", "1",
                          "--csv", str(tmp_path / "no" / "such" / "out.csv"))
    assert status == 2
    assert err.count("\n") == 1
    assert "the folder" in err
    assert "does not exist" in err
    assert "Traceback" not in err
    assert _count(small_ws, SearchRun) == runs  # refused before any search was stored
    status, _, _ = _run(capsys, "search", str(small_ws.paths.root), "--person", "1",
                        "--csv", str(tmp_path / "out.csv"), "--top", "3")
    assert status == 0
    rows = (tmp_path / "out.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("direction,search_run,")
    assert len(rows) == 4


def test_verify_with_a_missing_checkpoint_file_is_one_clear_line(
        ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, "verify", str(ws.paths.root), "--checkpoint",
                            str(tmp_path / "nope.txt"))
    assert (status, out) == (2, "")
    assert err == f"error: checkpoint {tmp_path / 'nope.txt'}: no such file\n"


def test_audit_export_into_a_missing_folder_writes_nothing(
        ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "missing" / "audit.log"
    events = _count(ws, AuditEvent)
    status, _, err = _run(capsys, "audit", "export", str(ws.paths.root), str(target))
    assert status == 2
    assert err.startswith("error: cannot write")
    assert err.count("\n") == 1
    assert not target.parent.exists()
    assert _count(ws, AuditEvent) == events  # refused before the workspace was even opened
    status, _, err = _run(capsys, "audit", "checkpoint", str(ws.paths.root), "--out",
                          str(target))
    assert status == 2
    assert "does not exist" in err


# -- 9. Ctrl-C: the summary so far, how to resume, status 130, audited as cancelled --------

def test_ctrl_c_during_an_import_prints_the_summary_and_exits_130(tmp_path: Path) -> None:
    folder = tmp_path / "pm"
    for i in range(150):
        (folder / f"b{i:03d}").mkdir(parents=True)
        gradient(64 + i, 48).save(folder / f"b{i:03d}" / "p.png")
    root = tmp_path / "ws"
    new_ws(root)[0].close()
    cmd = [sys.executable, "-m", "athar.app.cli", "import-pm", str(root), str(folder),
           "--collection", "c", "--quiet", "--workers", "2"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(cmd, start_new_session=True, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)
    ws = open_ws(root, PASSPHRASE, repair=False)
    try:
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline and _count(ws, Photo) < 5:
            time.sleep(0.05)
    finally:
        ws.engine.dispose()
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole group
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    assert "KeyboardInterrupt" not in err
    assert "import interrupted:" in out
    assert "run the same command again to resume" in out
    done = int(re.search(r"interrupted: (\d+) of 150 files done", out).group(1))  # type: ignore[union-attr]
    assert 5 <= done < 150
    assert re.search(r"not reached: (\d+)", out).group(1) == str(150 - done)  # type: ignore[union-attr]
    ws = open_ws(root, PASSPHRASE)
    try:
        with ws.uow() as uow:
            finish = uow.session.scalars(select(AuditEvent).where(
                AuditEvent.action == "import.finish")).one()
        assert json.loads(finish.details)["cancelled"] is True
        assert _count(ws, Photo) == done
    finally:
        ws.close()
    assert main(["import-pm", str(root), str(folder), "--collection", "c", "--quiet"]) == 0


# -- 10. nothing imported: a warning and a non-zero status ---------------------------------

def test_an_import_that_imports_nothing_warns_and_exits_1(
        ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    status, out, err = _run(capsys, "import-pm", str(ws.paths.root), str(tmp_path / "empty"),
                            "--collection", "c", "--quiet")
    assert status == 1
    assert out.startswith("files: 0 = new photos: 0")
    assert err == "warning: nothing was imported: the folder holds no file\n"
    (tmp_path / "junk" / "b").mkdir(parents=True)
    (tmp_path / "junk" / "b" / "a.txt").write_text("x")
    (tmp_path / "junk" / "b" / "c.jpg").write_bytes(b"")
    status, out, err = _run(capsys, "import-pm", str(ws.paths.root), str(tmp_path / "junk"),
                            "--collection", "c", "--quiet")
    assert status == 1
    assert "files: 2 =" in out
    assert "skipped: 2" in out
    assert "no file could be filed" in err


# -- 11. --all with no person --------------------------------------------------------------

def test_search_all_without_persons_says_there_is_none_yet(
        ws: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _run(capsys, "search", str(ws.paths.root), "--all")
    assert status == 2
    assert "no missing person in this workspace yet" in err


# -- 12. finding records -------------------------------------------------------------------

def test_list_commands_give_the_ids_and_never_search(
        small_ws: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    root = str(small_ws.paths.root)
    status, out, _ = _run(capsys, "persons", root, "--json")
    persons = json.loads(out)
    assert status == 0
    assert len(persons) == 6
    assert {"id", "label", "photos"} <= set(persons[0])
    status, out, _ = _run(capsys, "collections", root, "--json")
    assert [c["name"] for c in json.loads(out)] == ["small"]
    status, out, _ = _run(capsys, "bodies", root, "--collection", "small", "--json")
    bodies = json.loads(out)
    assert len(bodies) == 6
    assert bodies[0]["collection"] == "small"
    status, _, err = _run(capsys, "bodies", root, "--collection", "nope")
    assert status == 2
    assert "no collection named «nope»" in err
    with small_ws.uow() as uow:
        body = uow.owners.get_body(bodies[0]["id"])
        body.forensic_no = "77/2013"
        uow.commit()
    status, out, _ = _run(capsys, "bodies", root, "--number", "77/2013", "--json")
    assert [b["id"] for b in json.loads(out)] == [bodies[0]["id"]]
    assert _run(capsys, "search", root, "--person", "1", "--top", "3")[0] == 0
    runs = _count(small_ws, SearchRun)
    status, out, _ = _run(capsys, "candidates", root, "--person", "1", "--json")
    cands = json.loads(out)
    assert [c["rank"] for c in cands] == [1, 2, 3]
    assert {"candidate", "person", "body", "score", "state", "am_face", "pm_face"} <= set(
        cands[0])
    status, out, _ = _run(capsys, "candidates", root, "--body", str(cands[0]["body"]))
    assert status == 0
    assert str(cands[0]["candidate"]) in out
    status, out, _ = _run(capsys, "candidates", root, "--state", "excluded")
    assert out.startswith("no candidate stored")
    assert _count(small_ws, SearchRun) == runs  # read only


# -- 13. help for users --------------------------------------------------------------------

def _subparsers(parser: argparse.ArgumentParser) -> list[tuple[str, argparse.ArgumentParser]]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.append((name, sub))
                found += [(f"{name} {n}", s) for n, s in _subparsers(sub)]
    return found


def test_every_command_option_and_argument_has_help() -> None:
    parser = build_parser()
    assert "dispatch" not in DESCRIPTION
    assert "identify the dead" in DESCRIPTION
    missing = []
    for name, sub in _subparsers(parser):
        for action in sub._actions:
            if isinstance(action, argparse._SubParsersAction | argparse._HelpAction):
                continue
            if not (action.help or "").strip():
                missing.append(f"{name}: {action.dest}")
    assert missing == []
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert all(c.help for c in commands._choices_actions)


# -- 14. ids to trace and act on -----------------------------------------------------------

def test_search_json_gives_candidate_face_and_run_ids(
        small_ws: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "search", str(small_ws.paths.root), "--person", "2",
                          "--top", "2", "--json")
    result = json.loads(out)[0]
    with small_ws.uow() as uow:
        run = uow.session.get(SearchRun, result["search_run"])
        assert run is not None
        assert run.direction == "am->pm"
        for c in result["candidates"]:
            stored = uow.session.get(Candidate, c["candidate"])
            assert stored is not None
            assert (stored.person_id, stored.body_id, stored.am_face_id, stored.pm_face_id,
                    stored.search_run_id) == (2, c["body"], c["am_face"], c["pm_face"],
                                              run.id)


# -- 15. the checkpoint key, checked with a standard tool ----------------------------------

def _readme_block(heading: str) -> str:
    text = README.read_text(encoding="utf-8")
    section = text[text.index(heading):]
    start = section.index("```bash\n") + len("```bash\n")
    return section[start:section.index("\n```", start)]


def test_a_checkpoint_verifies_with_openssl_and_the_printed_key(
        ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if subprocess.run(["openssl", "version"], capture_output=True, check=False).returncode:
        pytest.skip("openssl not installed")
    root = str(ws.paths.root)
    status, key, _ = _run(capsys, "audit", "key", root)
    assert status == 0
    assert re.fullmatch(r"athar-audit-log\+[0-9a-f]{8}\+[A-Za-z0-9+/=]+\n", key)
    assert _run(capsys, "audit", "checkpoint", root, "--out",
                str(tmp_path / "checkpoint.txt"))[0] == 0
    (tmp_path / "key.txt").write_text(key, encoding="utf-8")
    script = _readme_block("### Checking a checkpoint without Athar")
    ok = subprocess.run(["bash", "-euo", "pipefail", "-c", script], cwd=tmp_path,
                        capture_output=True, text=True, check=False)
    assert ok.returncode == 0, ok.stderr
    assert "Signature Verified Successfully" in ok.stdout
    note = (tmp_path / "checkpoint.txt").read_text(encoding="utf-8")
    lines = note.split("\n")
    lines[1] = str(int(lines[1]) + 1)  # a forged size
    (tmp_path / "checkpoint.txt").write_text("\n".join(lines), encoding="utf-8")
    bad = subprocess.run(["bash", "-euo", "pipefail", "-c", script], cwd=tmp_path,
                         capture_output=True, text=True, check=False)
    assert bad.returncode != 0


# -- 3 and 7 from the command line ---------------------------------------------------------

def test_add_person_refuses_a_photo_filed_elsewhere_and_a_bad_date(
        small_ws: Workspace, small_pm: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    root = str(small_ws.paths.root)
    filed = next((small_pm / "pm").rglob("*.jpg"))
    with small_ws.uow() as uow:
        persons_before = len(uow.owners.person_ids())
    status, out, err = _run(capsys, "add-person", root, "--name", "Samir", "--photo",
                            str(filed))
    assert (status, out) == (2, "")
    assert "already in the workspace as photo" in err
    assert "filed under Body" in err
    status, _, err = _run(capsys, "add-person", root, "--name", "Samir", "--photo",
                          str(tmp_path / "missing.jpg"))
    assert status == 2
    assert "no such file" in err
    status, _, err = _run(capsys, "add-person", root, "--name", "Samir", "--born",
                          "1985-13-45")
    assert status == 2
    assert "born: «1985-13-45» has no month 13" in err
    with small_ws.uow() as uow:
        assert len(uow.owners.person_ids()) == persons_before
    status, out, _ = _run(capsys, "add-person", root, "--name", "Samir", "--born", "1985")
    assert status == 0
    assert "added with 0 of 0 photo(s)" in out
    assert "--into" in out
