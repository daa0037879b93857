"""A family photo of two people: the import chooses one as the subject; a person can make
the other one the subject (service, command line), and the next search looks for that
face (issue 17)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import identities

from athar.casework.accounts.users import CreateUser, add_user, login
from athar.casework.domain.entities import Role
from athar.casework.domain.errors import InvalidRequest, NotFoundError
from athar.casework.domain.permissions import PermissionDenied
from athar.casework.domain.ports import Box
from athar.casework.domain.quality import SubjectWeights, subject_index
from athar.casework.records.subject import choose_subject
from support import PASSWORD, new_ws, run_cli, two_people

pytestmark = pytest.mark.slow


def test_the_subject_rule_weighs_size_centre_and_confidence() -> None:
    centred, large_side = Box(180, 60, 80, 80), Box(360, 40, 110, 110)
    boxes = [centred, large_side]
    size_only = SubjectWeights(size=1.0, centre=0.0, confidence=0.0)
    assert subject_index(boxes, 480, 240, [2.0, 0.2], size_only) == 1
    assert subject_index(boxes, 480, 240, [2.0, 0.2],
                         SubjectWeights(size=1.0, centre=2.0, confidence=2.0)) == 0
    assert subject_index([], 10, 10) is None
    assert subject_index([centred], 480, 240, [0.3]) == 0


def test_choosing_the_other_face_changes_what_is_searched(
        tmp_path: Path, faces_dev: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = identities(faces_dev, 2)
    pm = tmp_path / "pm"
    for ident in (a, b):
        shutil.copytree(ident, pm / ident.name, ignore=lambda d, n: sorted(n)[:1])
    family = two_people(sorted(a.glob("*.jpg"))[0], sorted(b.glob("*.jpg"))[0],
                         tmp_path / "am" / "Family" / "group.jpg")
    root = tmp_path / "ws"
    new_ws(root)[0].close()
    ws = str(root)
    assert run_cli(capsys, "import-pm", ws, str(pm), "--collection", "c", "--quiet")[0] == 0
    assert run_cli(capsys, "import-am", ws, str(family.parent.parent), "--quiet")[0] == 0
    photo = json.loads(run_cli(capsys, "photos", ws, "--person", "1", "--json")[1])[0]
    faces = photo["face_list"]
    assert len(faces) == 2
    chosen = next(f for f in faces if f["subject"])
    other = next(f for f in faces if not f["subject"])

    def top() -> str:
        out = json.loads(run_cli(capsys, "search", ws, "--person", "1", "--json")[1])
        return str(out[0]["candidates"][0]["body_label"])

    first = top()
    status, out, _ = run_cli(capsys, "subject", ws, "--face", str(other["face"]))
    assert status == 0
    assert f"face {other['face']} is now the subject of photo {photo['photo']}" in out
    assert top() != first  # the next search looks for the other person
    status, _, err = run_cli(capsys, "subject", ws, "--face", str(other["face"]))
    assert status == 2
    assert "already the subject" in err
    status, _, err = run_cli(capsys, "subject", ws, "--face", "999")
    assert (status, "no face with id 999" in err) == (2, True)
    listed = json.loads(run_cli(capsys, "photos", ws, "--person", "1", "--json")[1])[0]
    assert {f["face"]: f["subject"] for f in listed["face_list"]} == {
        chosen["face"]: False, other["face"]: True}

    from athar.app.bootstrap import open_ws

    workspace = open_ws(root, os.environ["ATHAR_PASSPHRASE"])
    try:
        sup = login(workspace, os.environ["ATHAR_USER"], os.environ["ATHAR_PASSWORD"])
        exam = add_user(workspace, CreateUser("exam1", PASSWORD, Role.EXAMINER), sup)
        with pytest.raises(PermissionDenied, match="examiner"):
            choose_subject(workspace, chosen["face"], exam)
        with pytest.raises(NotFoundError):
            choose_subject(workspace, 12345, sup)
        assert choose_subject(workspace, chosen["face"], sup) == photo["photo"]
        with pytest.raises(InvalidRequest, match="already the subject"):
            choose_subject(workspace, chosen["face"], sup)
        with workspace.uow() as uow:
            events = [e.action for e in uow.audit.about([("photo", str(photo["photo"]))])]
        assert events.count("face.subject") == 2
    finally:
        workspace.close()
