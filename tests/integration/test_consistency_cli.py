"""A Body's forensic estimates and what the two records of a candidate say about each
other, from the command line (issue 18): recorded by an examiner or supervisor, refused
for an identifier, checked rule by rule, flagged and filtered, never dropped."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import identities

from support import as_user, new_ws, run_cli

pytestmark = pytest.mark.slow


def test_estimates_and_consistency_flags(tmp_path: Path, faces_dev: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    people = identities(faces_dev, 2)
    pm = tmp_path / "pm"
    for folder in people:
        shutil.copytree(folder, pm / folder.name, ignore=lambda d, names: sorted(names)[:1])
    family = sorted(people[0].glob("*.jpg"))[0]
    root = tmp_path / "ws"
    new_ws(root)[0].close()
    ws = str(root)
    os.environ["ATHAR_NEW_PASSWORD"] = "ident1-password"
    assert run_cli(capsys, "user", "add", ws, "ident1", "--role", "identifier")[0] == 0
    assert run_cli(capsys, "import-pm", ws, str(pm), "--collection", "c", "--quiet")[0] == 0
    assert run_cli(capsys, "add-person", ws, "--name", "Yusuf", "--sex", "male", "--born",
                   "1985", "--arrest-date", "2012-05", "--arresting-branch",
                   "فرع ٢١٥", "--photo", str(family))[0] == 0
    assert run_cli(capsys, "search", ws, "--person", "1")[0] == 0
    bodies = json.loads(run_cli(capsys, "bodies", ws, "--json")[1])
    true_body = next(b["id"] for b in bodies if b["label"] == people[0].name)
    other = next(b["id"] for b in bodies if b["label"] != people[0].name)

    with as_user("ident1", "ident1-password"):
        status, _, err = run_cli(capsys, "body", ws, str(other), "--est-sex", "female")
        assert status == 2
        assert err.startswith("error: ident1 (identifier) may not annotate")
        assert run_cli(capsys, "body", ws, str(other), "--branch-no", "227",
                       "--photo-date", "2013-08")[0] == 0
    for bad, message in ((["--age-min", "50", "--age-max", "40"], "runs backwards"),
                         (["--death-date", "2013-02-30"], "not a day of the calendar"),
                         (["--age-min", "old"], "not a whole number")):
        status, _, err = run_cli(capsys, "body", ws, str(other), *bad)
        assert (status, message in err) == (2, True), err
    status, out, _ = run_cli(capsys, "body", ws, str(other), "--est-sex", "female",
                             "--age-min", "30", "--age-max", "40")
    assert status == 0
    assert "est_sex: - -> female" in out
    assert run_cli(capsys, "body", ws, str(true_body), "--est-sex", "male", "--branch-no",
                   "215", "--photo-date", "2013-07")[0] == 0

    rows = json.loads(run_cli(capsys, "candidates", ws, "--person", "1", "--json")[1])
    records = {r["body"]: {x["rule"]: x["outcome"] for x in r["records"]} for r in rows}
    assert records[other] == {"sex": "inconsistent", "age": "consistent",
                              "dates": "consistent", "branch": "inconsistent"}
    assert records[true_body] == {"sex": "consistent", "age": "unknown",
                                  "dates": "consistent", "branch": "consistent"}
    flagged = json.loads(run_cli(capsys, "candidates", ws, "--person", "1", "--records",
                                 "disagree", "--json")[1])
    assert [r["body"] for r in flagged] == [other]
    agree = json.loads(run_cli(capsys, "candidates", ws, "--person", "1", "--records",
                               "agree", "--json")[1])
    assert [r["body"] for r in agree] == [true_body]
    text = run_cli(capsys, "candidates", ws, "--person", "1")[1]
    assert "records disagree (sex): the family reports male; the examiner estimated " \
           "female" in text

    # strength of evidence: the face's likelihood ratio with its calibration, and the fused
    # score adding each record rule's stated weight (casework.checks.fusion)
    by_body = {r["body"]: r for r in rows}
    face = {b: r["evidence"]["face_log10_lr"] for b, r in by_body.items()}
    fused = {b: r["evidence"]["fused_log10_lr"] for b, r in by_body.items()}
    assert face[true_body] > 0 > face[other]
    assert by_body[true_body]["evidence"]["calibration"]["fitted_on"].startswith("faces-tune")
    terms = {t["source"]: t["log10_lr"] for t in by_body[other]["evidence"]["terms"]}
    assert set(terms) == {"face", "records:sex", "records:age", "records:dates",
                          "records:branch"}
    assert terms["records:sex"] < 0
    assert terms["records:branch"] < 0 < terms["records:age"]
    assert fused[other] == pytest.approx(sum(terms.values()), abs=0.02)
    assert fused[true_body] > face[true_body]  # sex, dates and branch agree
    ranked = json.loads(run_cli(capsys, "candidates", ws, "--person", "1", "--order", "fused",
                                "--json")[1])
    assert [r["evidence"]["fused_log10_lr"] for r in ranked] == sorted(fused.values(),
                                                                       reverse=True)
    text = run_cli(capsys, "candidates", ws, "--person", "1", "--order", "fused")[1]
    assert "fused: log10 of the likelihood ratio" in text
    assert "%" not in text
    with pytest.raises(SystemExit) as bad:  # argparse refuses it: one line, status 2
        run_cli(capsys, "candidates", ws, "--person", "1", "--order", "best")
    assert bad.value.code == 2
    assert "--order: invalid choice: 'best'" in capsys.readouterr().err
