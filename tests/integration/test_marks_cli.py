"""Distinctive marks from the command line on faces-dev photos: an examiner draws a mark on
a Body's photo (named by its SHA-256), describes the family's, links them; identifiers
see but cannot change; search, edit, history and withdrawal (issue 16)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import identities

from support import as_user, new_ws, run_cli

_run = run_cli


@pytest.mark.slow
def test_marks_from_the_command_line(tmp_path: Path, faces_dev: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    people = identities(faces_dev, 2)
    pm = tmp_path / "pm"
    for folder in people:
        shutil.copytree(folder, pm / folder.name, ignore=lambda d, names: sorted(names)[1:])
    root = tmp_path / "ws"
    new_ws(root)[0].close()
    ws = str(root)
    for name, role in (("exam1", "examiner"), ("ident1", "identifier")):
        os.environ["ATHAR_NEW_PASSWORD"] = f"{name}-password"
        assert _run(capsys, "user", "add", ws, name, "--role", role)[0] == 0
    assert _run(capsys, "import-pm", ws, str(pm), "--collection", "c", "--quiet")[0] == 0
    assert _run(capsys, "add-person", ws, "--name", "Yusuf")[0] == 0
    bodies = json.loads(_run(capsys, "bodies", ws, "--json")[1])
    body = next(b["id"] for b in bodies if b["label"] == people[1].name)
    photo = json.loads(_run(capsys, "photos", ws, "--body", str(body), "--json")[1])[0]
    assert len(photo["sha256"]) == 64
    assert photo["files"][0].endswith(".jpg")
    inside = f"rect:10,20,{photo['width'] // 3},{photo['height'] // 4}"

    with as_user("ident1", "ident1-password"):
        status, _, err = _run(capsys, "mark", "add", ws, "--photo", photo["sha256"],
                              "--category", "tattoo", "--location", "forearm_left",
                              "--shape", inside)
        assert status == 2
        assert err.startswith("error: ident1 (identifier) may not annotate")
    with as_user("exam1", "exam1-password"):
        status, _, err = _run(capsys, "mark", "add", ws, "--photo", photo["sha256"],
                              "--category", "tattoo", "--location", "forearm_left",
                              "--shape", f"rect:0,0,{photo['width'] + 1},10")
        assert (status, err.count("\n")) == (2, 1)
        assert f"outside the photo, which is {photo['width']} x {photo['height']}" in err
        status, _, err = _run(capsys, "mark", "add", ws, "--photo", photo["sha256"],
                              "--category", "tattoo", "--location", "elbow",
                              "--shape", inside)
        assert status == 2
        assert "unknown body location 'elbow'" in err
        status, out, _ = _run(capsys, "mark", "add", ws, "--photo", photo["sha256"],
                              "--category", "tattoo", "--location", "forearm_left",
                              "--shape", inside, "--description", "anchor, blue ink")
        assert status == 0
        pm_mark = int(out.split()[1])
        status, out, _ = _run(capsys, "mark", "describe", ws, "--person", "1", "--category",
                              "tattoo", "--location", "forearm", "--words",
                              "وشم مرساة على ساعده")
        assert status == 0
        am_mark = int(out.split()[1])
        assert _run(capsys, "mark", "link", ws, str(am_mark), str(pm_mark), "--as",
                    "corresponding", "--note", "same anchor, same place")[0] == 0
        assert _run(capsys, "mark", "edit", ws, str(pm_mark), "--description",
                    "anchor with rope, blue ink", "--reason", "rope seen at 2x")[0] == 0

    with as_user("ident1", "ident1-password"):
        listed = json.loads(_run(capsys, "mark", "list", ws, "--body", str(body), "--json")[1])
        assert [(m["mark"], m["shape"], m["revision"]) for m in listed["marks"]] == [
            (pm_mark, inside, 2)]
        assert [(k["am_mark"], k["relation"]) for k in listed["links"]] == [
            (am_mark, "corresponding")]
        shown = json.loads(_run(capsys, "mark", "show", ws, str(pm_mark), "--json")[1])
        assert [(h["action"], h["changes"]) for h in shown["history"]] == [
            ("create", {}),
            ("edit", {"description": ["anchor, blue ink", "anchor with rope, blue ink"]})]
        found = json.loads(_run(capsys, "mark", "search", ws, "--location", "forearm",
                                "--text", "مرساة", "--json")[1])
        assert found["bodies"][0]["body"] == body
        assert found["bodies"][0]["marks"][0]["matched"] == ["anchor"]
        status, out, _ = _run(capsys, "mark", "search", ws, "--person", "1")
        assert status == 0
        assert f"1. Body {body} {people[1].name}" in out
        status, _, err = _run(capsys, "mark", "search", ws)
        assert (status, err) == (2, "error: say what to look for: a category, a location "
                                 "or words\n")

    with as_user("exam1", "exam1-password"):
        assert _run(capsys, "mark", "withdraw", ws, str(pm_mark), "--reason",
                    "the photo of another Body")[0] == 0
        status, _, err = _run(capsys, "mark", "edit", ws, str(pm_mark), "--location",
                              "chest")
        assert status == 2
        assert "never changed" in err
    status, out, _ = _run(capsys, "mark", "list", ws, "--body", str(body))
    assert "WITHDRAWN by exam1: the photo of another Body" in out
    status, out, _ = _run(capsys, "mark", "search", ws, "--text", "anchor")
    assert "no Body has such a mark recorded" in out
