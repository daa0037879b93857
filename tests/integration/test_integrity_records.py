"""Records are never merged, overwritten or left empty without someone deciding it
(issue 13, points 1-7), checked at the service level with the fake face model."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select

from athar.casework.accounts.users import CreateUser, add_user
from athar.casework.domain.entities import AuditEvent, Body, MissingPerson, Photo, Role, Side
from athar.casework.domain.errors import InvalidRequest
from athar.casework.domain.permissions import Actor, PermissionDenied
from athar.casework.intake.ingest import ImportPhotos, ImportReport, ImportService
from athar.casework.intake.persons import AddPerson, add_person, check_date
from athar.casework.intake.registration import RegisterPerson, register_person
from athar.casework.matching.candidates import candidates_of, candidates_of_body
from athar.casework.matching.search import RunSearch, SearchService
from athar.casework.records.browse import BodyRecord, find_bodies
from athar.casework.storage.workspace import Workspace

COLOURS = [(200, 40, 40), (40, 200, 40), (60, 60, 200), (200, 200, 40), (40, 200, 200),
           (120, 90, 30), (90, 30, 120)]


def _photo(path: Path, colour: tuple[int, int, int], size: int = 32) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (size, size), colour).save(path, "PNG")
    return path


def _count(ws: Workspace, model: type[object]) -> int:
    with ws.uow() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(model)) or 0)


def _import(ws: Workspace, actor: Actor, root: Path, side: Side, collection: str | None = None,
            group_by: str = "folder", into_person: int | None = None) -> ImportReport:
    return ImportService(ws).run(ImportPhotos(root, side, group_by, collection, workers=1,
                                              into_person=into_person), actor)


# -- 1. a pair's rank from each direction is kept apart ------------------------------------

def test_a_bodys_search_never_rewrites_the_ranks_of_a_persons_list(
        fake_ws: tuple[Workspace, Actor], tmp_path: Path) -> None:
    ws, sup = fake_ws
    for i, colour in enumerate(COLOURS[:5]):
        _photo(tmp_path / "pm" / f"b{i}" / "p.png", colour)
    # Two persons close to body b1's colour: from b1's side, person 2 ranks first.
    _photo(tmp_path / "am" / "p1" / "a.png", (190, 55, 45))
    _photo(tmp_path / "am" / "p2" / "a.png", (200, 42, 40))
    _import(ws, sup, tmp_path / "pm", Side.PM, "c")
    _import(ws, sup, tmp_path / "am", Side.AM)
    service = SearchService(ws)
    service.run(RunSearch(person_ids=(1,), top=5), sup)
    before = [(c.body_id, c.rank, c.score) for c in candidates_of(ws, sup, 1)]
    assert [r for _, r, _ in before] == [1, 2, 3, 4, 5]
    for body in range(1, 6):
        service.run(RunSearch(body_ids=(body,), top=2), sup)
    after = [(c.body_id, c.rank, c.score) for c in candidates_of(ws, sup, 1)]
    assert after == before  # ranks 1..5 in score order, exactly as the person's search gave
    body_list = candidates_of_body(ws, sup, 1)
    assert [(c.person_id, c.body_rank) for c in body_list] == [(2, 1), (1, 2)]
    assert candidates_of(ws, sup, 2)[0].rank is None  # found only from the Body's side


# -- 2. folders never merge two families ---------------------------------------------------

def test_a_folder_named_like_an_existing_person_makes_a_new_record_and_says_so(
        fake_ws: tuple[Workspace, Actor], tmp_path: Path) -> None:
    ws, sup = fake_ws
    _photo(tmp_path / "family1" / "Mohammad" / "a.png", COLOURS[0])
    _photo(tmp_path / "family2" / "Mohammad" / "a.png", COLOURS[1])
    _photo(tmp_path / "family2" / "Mohammad" / "b.png", COLOURS[2])
    _import(ws, sup, tmp_path / "family1", Side.AM)
    report = _import(ws, sup, tmp_path / "family2", Side.AM)
    with ws.uow() as uow:
        people = {p.label: len([ph for s in p.submissions for ph in s.photos])
                  for p in uow.session.scalars(select(MissingPerson))}
    assert people == {"Mohammad": 1, "Mohammad #2": 2}  # not merged; both photos together
    assert any("«Mohammad #2»" in line and "nothing was merged" in line
               for line in report.created)


def test_a_resumed_am_import_finds_its_own_person_again(
        fake_ws: tuple[Workspace, Actor], tmp_path: Path) -> None:
    ws, sup = fake_ws
    _photo(tmp_path / "other" / "Ali" / "a.png", COLOURS[3])
    _import(ws, sup, tmp_path / "other", Side.AM)  # an existing "Ali" from another family
    _photo(tmp_path / "fam" / "Ali" / "a.png", COLOURS[0])
    _import(ws, sup, tmp_path / "fam", Side.AM)
    _photo(tmp_path / "fam" / "Ali" / "b.png", COLOURS[1])  # the family's photo added later
    report = _import(ws, sup, tmp_path / "fam", Side.AM)
    assert report.already_done == 1
    assert report.new_photos == 1
    assert report.created == []
    with ws.uow() as uow:
        second = uow.owners.person_by_label("Ali #2")
        assert second is not None
        assert sum(len(s.photos) for s in second.submissions) == 2


def test_into_adds_a_familys_photos_to_a_named_existing_record(
        fake_ws: tuple[Workspace, Actor], tmp_path: Path) -> None:
    ws, sup = fake_ws
    _photo(tmp_path / "first" / "Omar" / "a.png", COLOURS[0])
    _import(ws, sup, tmp_path / "first", Side.AM)
    _photo(tmp_path / "more" / "x.png", COLOURS[1])
    _photo(tmp_path / "more" / "sub" / "y.png", COLOURS[2])
    report = _import(ws, sup, tmp_path / "more", Side.AM, into_person=1)
    assert report.new_photos == 2
    assert _count(ws, MissingPerson) == 1
    from athar.casework.domain.errors import NotFoundError

    with pytest.raises(NotFoundError, match="no missing person with id 9"):
        _import(ws, sup, tmp_path / "more", Side.AM, into_person=9)
    with pytest.raises(InvalidRequest, match="only for ante-mortem"):
        _import(ws, sup, tmp_path / "more", Side.PM, "c", into_person=1)


# -- 3. a person is never created empty by accident ----------------------------------------

def test_registering_with_a_photo_filed_elsewhere_or_missing_records_nothing(
        fake_ws: tuple[Workspace, Actor], tmp_path: Path) -> None:
    ws, sup = fake_ws
    shared = _photo(tmp_path / "am" / "Huda" / "a.png", COLOURS[0])
    _import(ws, sup, tmp_path / "am", Side.AM)
    events = _count(ws, AuditEvent)
    with pytest.raises(InvalidRequest, match=r"already in the workspace as photo 1, filed "
                       r"under missing person 1 «Huda»"):
        register_person(ws, RegisterPerson(AddPerson("Samir"), (shared,)), sup)
    with pytest.raises(InvalidRequest, match="no such file"):
        register_person(ws, RegisterPerson(AddPerson("Samir"), (tmp_path / "nope.jpg",)), sup)
    twice = _photo(tmp_path / "t.png", COLOURS[1])
    with pytest.raises(InvalidRequest, match="give each photo once"):
        register_person(ws, RegisterPerson(AddPerson("Samir"), (twice, twice)), sup)
    assert _count(ws, MissingPerson) == 1
    assert _count(ws, AuditEvent) == events  # nothing at all was recorded
    done = register_person(ws, RegisterPerson(AddPerson("Samir"), (twice,)), sup)
    assert done.photos_filed == 1
    with ws.uow() as uow:
        assert len(uow.owners.person(done.person_id).submissions[0].photos) == 1


def test_registering_an_undecodable_photo_says_the_record_lacks_it(
        fake_ws: tuple[Workspace, Actor], tmp_path: Path) -> None:
    ws, sup = fake_ws
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"not a photo at all" * 10)
    done = register_person(ws, RegisterPerson(AddPerson("Rami"), (bad,)), sup)
    assert done.photos_filed == 0
    assert done.report is not None
    assert "not an image" in done.report.skipped[0].reason


# -- 4. the same folder in a second collection creates nothing empty -----------------------

def test_a_second_collection_of_the_same_files_creates_no_empty_body(
        fake_ws: tuple[Workspace, Actor], tmp_path: Path) -> None:
    ws, sup = fake_ws
    for i in range(3):
        _photo(tmp_path / "pm" / f"b{i}" / "p.png", COLOURS[i])
    _import(ws, sup, tmp_path / "pm", Side.PM, "first")
    report = _import(ws, sup, tmp_path / "pm", Side.PM, "second")
    assert report.filed_elsewhere == 3
    assert report.new_photos == 0
    assert report.filed == 0
    assert _count(ws, Body) == 3  # no photo-less Body in "second"
    assert any("already filed under Body 1 «b0» of collection «first»" in n
               for n in report.notes)
    again = _import(ws, sup, tmp_path / "pm", Side.PM, "second")
    assert again.already_done == 3


# -- 5. every file a CSV leaves out is listed; contradicting numbers are reported ----------

def test_csv_lists_unlisted_files_and_reports_conflicting_numbers(
        fake_ws: tuple[Workspace, Actor], tmp_path: Path) -> None:
    ws, sup = fake_ws
    root = tmp_path / "in"
    for i in range(4):
        _photo(root / f"img{i}.png", COLOURS[i])
    (root / "notes.txt").write_text("x")
    csv_path = tmp_path / "bodies.csv"
    csv_path.write_text(
        "file,body,detainee_no,branch_no\n"
        "img0.png,B-1,1234,215\n"
        "img1.png,B-1,9999,215\n"
        "img0.png,B-1,1234,215\n", encoding="utf-8")
    report = _import(ws, sup, root, Side.PM, "c", group_by=f"csv:{csv_path}")
    reasons = {Path(s.path.split(" (")[-1].rstrip(")")).name: s.reason
               for s in report.skipped}
    assert reasons["img2.png"] == reasons["img3.png"] == reasons["notes.txt"] \
        == "not listed in the grouping CSV: not imported"
    assert "already listed at line 2" in reasons["img0.png"]
    assert any("detainee_no «9999» differs from «1234» given at line 2; kept «1234»" in n
               for n in report.notes)
    assert report.total == report.accounted == 6
    bodies: list[BodyRecord] = find_bodies(ws, sup)
    assert [(b.label, b.fields["detainee_no"], b.photos) for b in bodies] == [("B-1", "1234", 2)]
    with ws.uow() as uow:
        numbers = uow.session.scalars(select(AuditEvent).where(
            AuditEvent.action == "body.numbers")).all()
    filled: dict[str, str] = {}
    for event in numbers:  # one event per file that filled something (files finish in any order)
        filled.update(json.loads(event.details)["set"])
    assert filled == {"detainee_no": "1234", "branch_no": "215"}


def test_csv_number_differing_from_the_body_on_record_is_kept_and_reported(
        fake_ws: tuple[Workspace, Actor], tmp_path: Path) -> None:
    ws, sup = fake_ws
    root = tmp_path / "in"
    _photo(root / "a.png", COLOURS[0])
    _photo(root / "b.png", COLOURS[1])
    first = tmp_path / "1.csv"
    first.write_text("file,body,forensic_no\na.png,B-7,11/2013\n", encoding="utf-8")
    second = tmp_path / "2.csv"
    second.write_text("file,body,forensic_no\nb.png,B-7,12/2013\n", encoding="utf-8")
    _import(ws, sup, root, Side.PM, "c", group_by=f"csv:{first}")
    report = _import(ws, sup, root, Side.PM, "c", group_by=f"csv:{second}")
    assert any("already has forensic_no «11/2013»; the CSV gives «12/2013»; kept" in n
               for n in report.notes)
    assert find_bodies(ws, sup)[0].fields["forensic_no"] == "11/2013"


# -- 6. writing a contact needs the contact grant ------------------------------------------

def test_writing_a_contact_needs_the_same_grant_as_reading_it(
        fake_ws: tuple[Workspace, Actor]) -> None:
    ws, sup = fake_ws
    ident = add_user(ws, CreateUser("ident1", "ident-password-1", Role.IDENTIFIER), sup)
    granted = add_user(ws, CreateUser("ident2", "ident-password-2", Role.IDENTIFIER, True),
                       sup)
    with pytest.raises(PermissionDenied, match="needs the contact grant"):
        add_person(ws, AddPerson("Nour", submitter="Brother", contact="+963 11 000"), ident)
    assert _count(ws, MissingPerson) == 0
    add_person(ws, AddPerson("Nour", submitter="Brother"), ident)  # no contact: allowed
    add_person(ws, AddPerson("Nour", contact="+963 11 000"), granted)
    assert _count(ws, MissingPerson) == 2


# -- 7. dates are real dates ---------------------------------------------------------------

@pytest.mark.parametrize(("value", "message"), [
    ("1985-13-45", "no month 13"), ("1985-02-30", "not a day of the calendar"),
    ("85", "not a date"), ("1985/05/01", "not a date"), ("1700", "outside 1880"),
    ("2026-12-02", "in the future"), ("2027", "outside"), ("1985-00", "no month 00"),
])
def test_impossible_dates_are_refused_with_the_field_named(value: str, message: str) -> None:
    with pytest.raises(InvalidRequest, match=message) as err:
        check_date("born", value, today=date(2026, 12, 1))
    assert str(err.value).startswith("born:")


@pytest.mark.parametrize("value", ["1985", "1985-05", "1985-05-17", "2000-02-29"])
def test_years_months_and_dates_are_accepted(value: str) -> None:
    check_date("born", value, today=date(2026, 12, 1))


def test_add_person_refuses_an_impossible_birth_date(fake_ws: tuple[Workspace, Actor]) -> None:
    ws, sup = fake_ws
    with pytest.raises(InvalidRequest, match="born: «1985-13-45» has no month 13"):
        add_person(ws, AddPerson("Lina", born="1985-13-45"), sup)
    with pytest.raises(InvalidRequest, match="arrest_date"):
        add_person(ws, AddPerson("Lina", arrest_date="2013-04-31"), sup)
    assert _count(ws, MissingPerson) == 0


def test_import_counts_add_up(fake_ws: tuple[Workspace, Actor], tmp_path: Path) -> None:
    ws, sup = fake_ws
    folder = tmp_path / "in" / "b"
    _photo(folder / "good.png", COLOURS[0])
    shutil.copy(folder / "good.png", folder / "copy.png")
    (folder / "readme.txt").write_text("x")
    (folder / "broken.jpg").write_bytes(b"\xff\xd8broken")
    (tmp_path / "in" / "loose.png").write_bytes((folder / "good.png").read_bytes())
    report = _import(ws, sup, tmp_path / "in", Side.PM, "c")
    assert report.total == 5
    assert (report.new_photos, report.duplicates, len(report.skipped)) == (1, 1, 3)
    assert report.accounted == report.total
    with ws.uow() as uow:
        assert uow.session.scalar(select(func.count()).select_from(Photo)) == 1
