"""The whole workflow from the command line on faces-dev photos, with three users: an
identifier proposes, a supervisor who is not the proposer confirms, the proposer's own
confirmation is refused; the report is produced, read back and its first page rendered
(issue 15)."""

from __future__ import annotations

import json
import os
import shutil
import unicodedata
from pathlib import Path

import pypdfium2
import pytest
from conftest import identities
from pypdf import PdfReader

from guisupport import SCREENSHOTS
from support import SUPERVISOR, as_user, new_ws, run_cli

NAME_AR = "عبد الله محمد الخطيب"
NAME = "Abdullah Mohammad al-Khatib"


_run = run_cli


def _text(pdf: Path) -> str:
    """The report's text as a reader gets it: Arabic presentation forms folded (NFKC)."""
    raw = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    return unicodedata.normalize("NFKC", raw)


@pytest.mark.slow
def test_three_users_propose_confirm_and_report(tmp_path: Path, faces_dev: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    people = identities(faces_dev, 3)
    pm = tmp_path / "pm"
    for folder in people:
        shutil.copytree(folder, pm / folder.name, ignore=lambda d, names: sorted(names)[:1])
    family_photo = sorted(people[0].glob("*.jpg"))[0]  # held out of the Bodies
    root = tmp_path / "ws"
    new_ws(root)[0].close()
    ws = str(root)
    for name, role in (("ident1", "identifier"), ("sup2", "supervisor")):
        os.environ["ATHAR_NEW_PASSWORD"] = f"{name}-password"
        assert _run(capsys, "user", "add", ws, name, "--role", role)[0] == 0
    assert _run(capsys, "import-pm", ws, str(pm), "--collection", "Caesar test", "--quiet")[0] == 0
    with as_user("ident1", "ident1-password"):
        status, out, _ = _run(capsys, "add-person", ws, "--name", NAME, "--name-ar", NAME_AR,
                              "--born", "1983", "--photo", str(family_photo))
        assert status == 0
        person = json.loads(_run(capsys, "persons", ws, "--json")[1])[0]["id"]
        status, out, _ = _run(capsys, "search", ws, "--person", str(person), "--top", "3",
                              "--json")
        top = json.loads(out)[0]["candidates"][0]
        assert top["body_label"] == people[0].name
        status, out, _ = _run(capsys, "review", ws, str(top["candidate"]), "--decision",
                              "propose", "--rationale", "Same brow, ears and chin line in "
                              "every pair; الأذن متطابقة")
        assert status == 0
        assert "identification 1 is proposed" in out
        status, _, err = _run(capsys, "confirm", ws, "1", "--reason", "mine")
        assert status == 2
        assert err.startswith("error: ident1 (identifier) may not sign off")
    with as_user("sup2", "sup2-password"):
        status, _, err = _run(capsys, "review", ws, str(top["candidate"]), "--decision",
                              "propose", "--rationale", "I agree with the proposal")
        assert status == 0
        status, _, err = _run(capsys, "confirm", ws, "1", "--reason", "co-proposer")
        assert status == 2
        assert "reviewed this pair with 'propose'" in err
    report = tmp_path / "report.pdf"
    status, _, err = _run(capsys, "report", ws, "1", "--out", str(report))
    assert status == 2
    assert "is proposed: a report is made for a confirmed identification" in err
    assert not report.exists()
    status, out, _ = _run(capsys, "confirm", ws, "1", "--reason",
                          "Reviewed every pair and the record; confirmed")
    assert status == 0
    listed = json.loads(_run(capsys, "identifications", ws, "--json")[1])
    assert [(i["state"], i["proposed_by"], i["decided_by"]) for i in listed] == [
        ("confirmed", "ident1", SUPERVISOR)]
    assert _run(capsys, "report", ws, "1", "--out", str(report))[0] == 0
    text = _text(report)
    for expected in (NAME_AR, NAME, people[0].name, "ident1", "sup2", SUPERVISOR,
                     "Reviewed every pair and the record; confirmed", "confirmed",
                     "not a probability", listed[0]["evidence"]["model_id"][:40],
                     # the frozen score as a likelihood ratio, with its calibration
                     "Strength of evidence", "Face: likelihood ratio",
                     "support for the proposition that the two are the same person",
                     "faces-tune: 310 identities", "Cllr", "ENFSI"):
        assert expected in " ".join(text.split()), expected
    for pair in listed[0]["evidence"]["pairs"]:
        assert pair["am_sha256"] in text
        assert pair["pm_sha256"] in text.replace("\n", "")
    assert "ﷲ" not in text  # no Allah ligature drawn for a name typed without it
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    arabic = tmp_path / "report-ar.pdf"
    assert _run(capsys, "report", ws, "1", "--out", str(arabic), "--language", "ar")[0] == 0
    text_ar = _text(arabic).replace("\n", " ")
    words = set(text_ar.replace("(", " ").replace(")", " ").split())  # runs, not lines
    for expected in ("التعرّف", "المراجعات", "الاعتماد", "المفقود", *NAME_AR.split(),
                     *NAME.split(), "ident1", SUPERVISOR):
        assert unicodedata.normalize("NFKC", expected) in words, expected
    assert NAME_AR in text_ar  # the name itself reads back whole, in logical order
    assert unicodedata.normalize("NFKC", "الوجه: نسبة الأرجحية") in text_ar
    for name, path in (("en", report), ("ar", arabic)):
        pdf = pypdfium2.PdfDocument(path)
        page = pdf[0].render(scale=1.5).to_pil()
        page.save(SCREENSHOTS / f"{name}-report-page1.png")
        assert page.size[0] > 800
        for index in range(len(pdf)):  # the strength-of-evidence page, for the eye
            if any(w in pdf[index].get_textpage().get_text_range()
                   for w in ("Strength of evidence", "قوة الدليل")):
                pdf[index].render(scale=1.5).to_pil().save(
                    SCREENSHOTS / f"{name}-report-strength.png")
                break
        pdf.close()


def test_a_report_never_overwrites_half_and_the_contact_needs_the_grant(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "ws"
    new_ws(root)[0].close()
    status, _, err = _run(capsys, "report", str(root), "1", "--out",
                          str(tmp_path / "missing" / "r.pdf"))
    assert status == 2
    assert "does not exist" in err
    status, _, err = _run(capsys, "report", str(root), "7", "--out", str(tmp_path / "r.pdf"))
    assert status == 2
    assert "no identification with id 7" in err
    assert not (tmp_path / "r.pdf").exists()
