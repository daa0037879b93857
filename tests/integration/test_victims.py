"""A documented-victims list: imported with clear per-row errors and nothing lost on bad
rows; matched against missing persons in either script, with the fields that agreed
(issue 18)."""

from __future__ import annotations

from pathlib import Path

import pytest

from athar.casework.checks.victims import import_victims, match_persons
from athar.casework.domain.errors import InvalidRequest
from athar.casework.domain.permissions import Actor
from athar.casework.intake.persons import AddPerson, add_person
from athar.casework.storage.workspace import Workspace

HEADER = "source_id,name,father_name,mother_name,birth,origin,arrest_date,death_date," \
         "death_place\n"


def _csv(path: Path, rows: list[str], header: str = HEADER) -> Path:
    path.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_bad_rows_are_listed_and_the_good_ones_kept(ws: Workspace, sup: Actor,
                                                    tmp_path: Path) -> None:
    path = _csv(tmp_path / "list.csv", [
        "V1,محمد أحمد الخطيب,أحمد,فاطمة,1985,داريا,2012-05,2013-01-04,صيدنايا",
        ",Omar Haddad,,,1980,,,,",
        "V3,,,,1980,,,,",
        "V4,Yusuf Nasser,,,19x5,,,,",
        "V5,Huda Saleh,Saleh,,1990-02-30,,,,",
        "V1,Another,,,,,,,",
        "V6,Khaled Darwish,Mahmoud,Amina,1978,Homs,,,",
    ])
    done = import_victims(ws, path, sup)
    assert (done.rows, done.added) == (7, 2)
    assert list(done.errors) == [
        "row 3: source_id is empty",
        "row 4: name is empty",
        "row 5: birth «19x5» is not a year or a date (YYYY, YYYY-MM or YYYY-MM-DD)",
        "row 6: birth «1990-02-30» is not a year or a date (YYYY, YYYY-MM or YYYY-MM-DD)",
        "row 7: source_id V1 appears twice in the file; the first is kept"]
    again = import_victims(ws, path, sup)
    assert again.added == 0
    assert "row 2: source_id V1 was imported before; kept as it was" in again.errors


@pytest.mark.parametrize(("text", "message"), [
    ("name,birth\nX,1980\n", r"lacks the column\(s\) source_id"),
    ("source_id,name,nickname\n1,X,Y\n", r"unknown column\(s\) nickname"),
])
def test_a_bad_header_is_refused_whole(ws: Workspace, sup: Actor, tmp_path: Path,
                                       text: str, message: str) -> None:
    path = tmp_path / "list.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidRequest, match=message):
        import_victims(ws, path, sup)


def test_not_utf8_is_refused(ws: Workspace, sup: Actor, tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes((HEADER + "V1,محمد,,,,,,,\n").encode("cp1256"))
    with pytest.raises(InvalidRequest, match="not UTF-8"):
        import_victims(ws, path, sup)


def test_a_person_matches_records_in_either_script(ws: Workspace, sup: Actor,
                                                   tmp_path: Path) -> None:
    import_victims(ws, _csv(tmp_path / "list.csv", [
        "S-101,Mohammed Ahmad al-Khatib,Ahmad,Fatima,1985,Daraya,2012-05,,",
        "S-102,محمد أحمد الخطيب,أحمد,,1986,,,,",
        "S-103,Mohammad Khatib,Mahmoud,,1961,,,,",  # another man of that name
        "S-104,Omar Haddad,Salim,,1980,,,,",
    ]), sup)
    person, _ = add_person(ws, AddPerson("Muhammad al-Khatib", name_ar="محمد الخطيب",
                                         born="1985", father_name="أحمد",
                                         mother_name="فاطمه", origin="داريا"), sup)
    found = match_persons(ws, sup, person)[0]
    ids = [m.source_id for m in found.matches]
    assert ids[:2] == ["S-101", "S-102"]
    assert "S-104" not in ids
    best = found.matches[0]
    assert set(best.agreed) >= {"name", "father_name", "mother_name", "birth"}
    if "S-103" in ids:  # the other man, same name: the father and the birth year differ
        other = next(m for m in found.matches if m.source_id == "S-103")
        assert other.score < found.matches[1].score
        assert "father_name" not in other.agreed


def test_the_command_line_imports_matches_and_reports(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    import json

    from support import new_ws, run_cli

    root = tmp_path / "ws"
    new_ws(root)[0].close()
    ws = str(root)
    path = _csv(tmp_path / "list.csv", ["S-1,يوسف ناصر,ناصر,,1979,,,,", "S-2,,,,,,,,"])
    status, out, _ = run_cli(capsys, "victims", "import", ws, str(path))
    assert status == 0
    assert "rows: 2 = added 1 + left out 1" in out
    assert "row 3: name is empty" in out
    assert run_cli(capsys, "add-person", ws, "--name", "Yousef Nasser", "--father",
                   "Nasser", "--born", "1979")[0] == 0
    found = json.loads(run_cli(capsys, "victims", "match", ws, "--json")[1])
    assert found[0]["matches"][0]["source_id"] == "S-1"
    assert set(found[0]["matches"][0]["agreed"]) == {"name", "father_name", "birth"}
    status, out, _ = run_cli(capsys, "victims", "report", ws, "--out",
                             str(tmp_path / "report.csv"))
    assert status == 0
    assert "confirmed identifications: 0" in out
    status, _, err = run_cli(capsys, "victims", "report", ws, "--out",
                             str(tmp_path / "nowhere" / "r.csv"))
    assert status == 2


def test_confirmed_identifications_in_the_list_or_not(fake_ws: tuple[Workspace, Actor],
                                                      tmp_path: Path) -> None:
    from PIL import Image

    from athar.casework.accounts.users import CreateUser, add_user
    from athar.casework.checks.victims import identified_report
    from athar.casework.domain.entities import ReviewDecision, Role, Side
    from athar.casework.intake.ingest import ImportPhotos, ImportService
    from athar.casework.matching.search import RunSearch, SearchService
    from athar.casework.review.reviews import RecordReview, record_review
    from athar.casework.review.signoff import confirm

    ws, sup = fake_ws
    for side, owner, colour in (("pm", "B1", (200, 40, 40)), ("am", "Omar Haddad",
                                                             (198, 42, 41))):
        (tmp_path / side / owner).mkdir(parents=True)
        Image.new("RGB", (40, 40), colour).save(tmp_path / side / owner / "0.png")
    ImportService(ws).run(ImportPhotos(tmp_path / "pm", Side.PM, "folder", "c", 1), sup)
    ImportService(ws).run(ImportPhotos(tmp_path / "am", Side.AM, "folder", None, 1), sup)
    SearchService(ws).run(RunSearch(all_persons=True, top=1), sup)
    ident = add_user(ws, CreateUser("ident1", "ident1-password", Role.IDENTIFIER), sup)
    with ws.uow() as uow:
        cand = next(iter(uow.candidates.for_person(1).values())).id
    proposal = record_review(ws, RecordReview(cand, ReviewDecision.PROPOSE, "same face"),
                             ident).identification_id
    assert proposal is not None
    confirm(ws, proposal, "checked", sup)
    assert identified_report(ws, sup)[0].best is None  # no list yet: not found there
    import_victims(ws, _csv(tmp_path / "list.csv", ["S-9,عمر حداد,,,,,,,"]), sup)
    row = identified_report(ws, sup)[0]
    assert (row.identification_id, row.best.source_id if row.best else None) == (
        proposal, "S-9")
    assert row.name_only  # both records hold the name alone: said so, not counted as listed
    assert not row.listed
