"""Post-mortem duplicates and continuous matching from the command line, on faces-dev
photos with the real model: one body photographed again for a second collection is
suggested, merged with a reason, searched as one Body, and unmerged on record; imports
say which searches they made due and `athar match-new` runs them (issue 18)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import identities
from PIL import Image

from support import new_ws, run_cli

_run = run_cli


@pytest.mark.slow
def test_duplicates_and_match_new_from_the_command_line(
        tmp_path: Path, faces_dev: Path, capsys: pytest.CaptureFixture[str]) -> None:
    people = identities(faces_dev, 3)
    photos = {p.name: sorted(p.glob("*.jpg")) for p in people}
    first = people[0].name
    for person in people:
        (tmp_path / "pm" / person.name).mkdir(parents=True)
        Image.open(photos[person.name][1]).save(tmp_path / "pm" / person.name / "0.jpg")
    # the same photograph again, scanned for another collection: other bytes, same face
    (tmp_path / "again" / "X-17").mkdir(parents=True)
    with Image.open(photos[first][1]) as im:
        im.resize((im.width * 9 // 10, im.height * 9 // 10)).save(
            tmp_path / "again" / "X-17" / "scan.jpg", quality=70)
    root = tmp_path / "ws"
    new_ws(root)[0].close()
    ws = str(root)

    status, out, _ = _run(capsys, "import-pm", ws, str(tmp_path / "pm"), "--collection", "c",
                          "--quiet")
    assert status == 0
    assert "searches due: 0 missing person(s), 3 Body(ies)" in out
    status, out, _ = _run(capsys, "add-person", ws, "--name", "Yusuf", "--photo",
                          str(photos[first][0]))
    assert status == 0
    assert "searches due: 1 missing person(s), 3 Body(ies)" in out
    status, out, _ = _run(capsys, "match-new", ws, "--dry-run")
    assert out.splitlines()[0] == "person 1: never searched"
    status, out, _ = _run(capsys, "match-new", ws)
    assert out.strip() == ("searched 1 missing person(s) and 3 Body(ies): 3 new "
                           "candidate(s) for 1 person(s)")
    status, out, _ = _run(capsys, "import-pm", ws, str(tmp_path / "again"), "--collection",
                          "second", "--quiet")
    assert "searches due: 1 missing person(s), 1 Body(ies)" in out
    assert _run(capsys, "match-new", ws)[1].startswith("searched 1 missing person(s) and 1")

    pairs = json.loads(_run(capsys, "duplicates", "suggest", ws, "--json")[1])
    assert [(p["body_label"], p["other_label"]) for p in pairs] == [(first, "X-17")]
    assert pairs[0]["log10_lr"] >= 2
    assert pairs[0]["other_collection"] == "second"
    kept, other = pairs[0]["body"], pairs[0]["other"]
    status, out, _ = _run(capsys, "duplicates", "merge", ws, str(kept), str(other),
                          "--reason", "same photograph, rescanned")
    assert status == 0
    assert f"Body X-17 ({other}) merged into Body {first} ({kept})" in out
    status, _, err = _run(capsys, "duplicates", "fragment", ws, str(kept), str(other),
                          "--reason", "again")
    assert (status, err.count("\n")) == (2, 1)
    assert "undo it first" in err
    status, _, err = _run(capsys, "search", ws, "--body", str(other))
    assert status == 2
    assert f"search --body {kept}" in err
    assert _run(capsys, "match-new", ws, "--dry-run")[1].splitlines() == [
        "person 1: duplicate Bodies merged or unmerged since its last search",
        f"Body {kept}: its faces changed since its last search"]
    assert _run(capsys, "match-new", ws)[0] == 0
    listing = json.loads(_run(capsys, "candidates", ws, "--person", "1", "--json")[1])
    ranks = {c["body_label"]: c["rank"] for c in listing}
    assert ranks["X-17"] is None  # kept, flagged, out of the list
    assert ranks[first] == 1
    assert _run(capsys, "duplicates", "suggest", ws)[1].strip() == (
        "no Bodies suggested as duplicates")

    decision = json.loads(_run(capsys, "duplicates", "list", ws, "--json")[1])[0]["id"]
    status, out, _ = _run(capsys, "duplicates", "undo", ws, str(decision), "--reason",
                          "the tags differ")
    assert status == 0
    (row,) = json.loads(_run(capsys, "duplicates", "list", ws, "--json")[1])
    assert (row["standing"], row["undo_reason"], row["reason"]) == (
        False, "the tags differ", "same photograph, rescanned")
    status, out, _ = _run(capsys, "duplicates", "list", ws)
    assert "undone by supervisor1" in out
