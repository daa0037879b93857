"""Distinctive marks in the services: each shape stored and read back exactly, bad regions
and values refused, history and withdrawal audited, links by role, every forbidden call,
described marks, and what a person's marks say about a Body (issue 16)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select, text
from sqlcipher3 import dbapi2

from athar.casework.accounts.users import CreateUser, add_user
from athar.casework.domain.entities import AuditEvent, Role, Side
from athar.casework.domain.errors import InvalidRequest, NotFoundError
from athar.casework.domain.marks import Shape, ShapeKind, parse_shape
from athar.casework.domain.permissions import Actor, PermissionDenied
from athar.casework.intake.ingest import ImportPhotos, ImportService
from athar.casework.marks.annotate import (
    AddMark,
    DescribeMark,
    EditMark,
    MarkRefused,
    WithdrawMark,
    add_mark,
    describe_mark,
    edit_mark,
    withdraw_mark,
)
from athar.casework.marks.links import LinkMarks, link_marks
from athar.casework.marks.search import Agreement, MarkQuery, agreements, search_marks
from athar.casework.marks.views import mark_detail, marks_of
from athar.casework.storage.workspace import Workspace

W, H = 240, 160


@dataclass
class Team:
    ws: Workspace
    sup: Actor
    exam: Actor
    ident: Actor
    pm_photo: int
    pm_sha: str
    am_photo: int
    body: int
    person: int

    def actions(self) -> list[tuple[str, dict[str, object]]]:
        with self.ws.uow() as uow:
            rows = uow.session.execute(select(AuditEvent.action, AuditEvent.details)
                                       .order_by(AuditEvent.seq))
            return [(a, json.loads(d)) for a, d in rows]


@pytest.fixture
def team(fake_ws: tuple[Workspace, Actor], tmp_path: Path) -> Team:
    ws, sup = fake_ws
    for side, owner, colour in (("pm", "B1", (200, 40, 40)), ("pm", "B2", (40, 200, 40)),
                                ("am", "Omar", (198, 42, 41))):
        (tmp_path / side / owner).mkdir(parents=True)
        Image.new("RGB", (W, H), colour).save(tmp_path / side / owner / "0.png")
    ImportService(ws).run(ImportPhotos(tmp_path / "pm", Side.PM, "folder", "c", 1), sup)
    ImportService(ws).run(ImportPhotos(tmp_path / "am", Side.AM, "folder", None, 1), sup)
    exam = add_user(ws, CreateUser("exam1", "exam1-password", Role.EXAMINER), sup)
    ident = add_user(ws, CreateUser("ident1", "ident1-password", Role.IDENTIFIER), sup)
    with ws.uow() as uow:
        body = uow.owners.body(uow.owners.collection("c").id, "B1")
        pm = uow.records.photos_of_body(body.id)[0]
        person = uow.owners.person_by_label("Omar")
        assert person is not None
        am = uow.records.photos_of_person(person.id)[0]
        return Team(ws, sup, exam, ident, pm.id, pm.sha256, am.id, body.id, person.id)


SHAPES = [Shape(ShapeKind.RECT, (10.5, 20.25, 30.0, 40.0)),
          Shape(ShapeKind.ELLIPSE, (100.0, 50.0, 60.5, 30.0)),
          Shape(ShapeKind.POLYGON, (5.0, 5.0, 80.0, 10.0, 60.0, 90.0, 12.5, 70.0))]


@pytest.mark.parametrize("side", ["pm", "am"])
def test_each_shape_is_stored_and_read_back_exactly(team: Team, side: str) -> None:
    photo = team.pm_photo if side == "pm" else team.am_photo
    ids = [add_mark(team.ws, AddMark(str(photo), "tattoo", "forearm_left", shape,
                                     "anchor, blue ink"), team.exam) for shape in SHAPES]
    listed = marks_of(team.ws, team.ident, photo=str(photo))
    assert [m.id for m in listed.marks] == ids
    assert [m.shape for m in listed.marks] == SHAPES
    assert all(m.side == Side(side) and m.created_by == "exam1" for m in listed.marks)
    assert all(m.description == "anchor, blue ink" for m in listed.marks)
    # the command line form round-trips too
    assert [parse_shape(s.text()) for s in SHAPES] == SHAPES
    owner = dict(body_id=team.body) if side == "pm" else dict(person_id=team.person)
    assert [m.id for m in marks_of(team.ws, team.ident, **owner).marks] == ids  # type: ignore[arg-type]


def test_a_photo_is_named_by_its_id_or_its_sha256(team: Team) -> None:
    mark = add_mark(team.ws, AddMark(team.pm_sha, "scar", "chest", SHAPES[0]), team.exam)
    assert marks_of(team.ws, team.exam, photo=str(team.pm_photo)).marks[0].id == mark
    with pytest.raises(NotFoundError, match="athar photos"):
        add_mark(team.ws, AddMark("f" * 64, "scar", "chest", SHAPES[0]), team.exam)
    with pytest.raises(InvalidRequest, match="neither a photo id nor a SHA-256"):
        add_mark(team.ws, AddMark("IMG_0001.jpg", "scar", "chest", SHAPES[0]), team.exam)


@pytest.mark.parametrize(("shape", "message"), [
    ("rect:200,100,50,10", "outside the photo, which is 240 x 160"),
    ("rect:-1,0,10,10", "outside the photo"),
    ("ellipse:0,0,0,10", "width and a height above zero"),
    ("poly:", "polygon is empty"),
    ("poly:1,1,2,2", "three distinct points"),
    ("poly:1,1,2,2,3,3", "lie on one line"),
    ("poly:1,1,2,2,3", "x,y pairs"),
    ("poly:10,10,300,10,10,50", "outside the photo"),
    ("rect:1,2,3", "x, y, width and height"),
    ("rect:1,2,nan,4", "finite numbers"),
    ("square:1,2,3,4", "unknown shape"),
    ("rect:a,b,c,d", "not a number"),
])
def test_bad_regions_are_refused(team: Team, shape: str, message: str) -> None:
    with pytest.raises(InvalidRequest, match=message):
        add_mark(team.ws, AddMark(str(team.pm_photo), "tattoo", "chest", parse_shape(shape)),
                 team.exam)
    assert not marks_of(team.ws, team.exam, photo=str(team.pm_photo)).marks


@pytest.mark.parametrize(("category", "location", "message"), [
    ("tatoo", "chest", "unknown mark category 'tatoo': one of tattoo, scar"),
    ("tattoo", "elbow", "unknown body location 'elbow'"),
    ("tattoo", "forearm", "a limb needs its side on a photo"),
])
def test_unknown_category_or_location_is_refused(team: Team, category: str, location: str,
                                                 message: str) -> None:
    with pytest.raises(InvalidRequest, match=message):
        add_mark(team.ws, AddMark(str(team.pm_photo), category, location, SHAPES[0]),
                 team.exam)


def test_edits_keep_their_history_and_are_audited(team: Team) -> None:
    mark = add_mark(team.ws, AddMark(str(team.pm_photo), "tattoo", "forearm_left",
                                     SHAPES[0], "anchor"), team.exam)
    assert edit_mark(team.ws, EditMark(mark, location="forearm_right",
                                       reason="photo was mirrored"), team.sup) == 2
    assert edit_mark(team.ws, EditMark(mark, shape=SHAPES[2], description="anchor and rope"),
                     team.exam) == 3
    with pytest.raises(InvalidRequest, match="nothing to change"):
        edit_mark(team.ws, EditMark(mark, location="forearm_right"), team.exam)
    with pytest.raises(InvalidRequest, match="outside the photo"):
        edit_mark(team.ws, EditMark(mark, shape=parse_shape("rect:0,0,999,10")), team.exam)
    detail = mark_detail(team.ws, team.ident, mark)
    assert detail.mark.revision == 3
    assert detail.mark.location == "forearm_right"
    assert detail.mark.shape == SHAPES[2]
    assert [(h.revision, h.action, h.actor) for h in detail.history] == [
        (1, "create", "exam1"), (2, "edit", "supervisor1"), (3, "edit", "exam1")]
    assert detail.history[1].changes == {"location": ["forearm_left", "forearm_right"]}
    assert detail.history[1].reason == "photo was mirrored"
    assert detail.history[2].changes == {
        "description": ["anchor", "anchor and rope"],
        "shape": [SHAPES[0].text(), SHAPES[2].text()]}
    edits = [d for a, d in team.actions() if a == "mark.edit"]
    assert edits[0]["changes"] == {"location": ["forearm_left", "forearm_right"]}
    assert edits[1]["changes"]["shape"] == [SHAPES[0].text(), SHAPES[2].text()]  # type: ignore[index]


def test_withdrawal_is_recorded_with_its_reason_and_is_final(team: Team) -> None:
    mark = add_mark(team.ws, AddMark(str(team.pm_photo), "mole_birthmark", "neck",
                                     SHAPES[1]), team.exam)
    with pytest.raises(InvalidRequest, match="needs a written reason"):
        withdraw_mark(team.ws, WithdrawMark(mark, "  "), team.exam)
    withdraw_mark(team.ws, WithdrawMark(mark, "a shadow, not a mole"), team.exam)
    listed = marks_of(team.ws, team.ident, body_id=team.body)
    assert listed.marks[0].withdrawn
    assert listed.marks[0].withdraw_reason == "a shadow, not a mole"
    assert not marks_of(team.ws, team.ident, body_id=team.body,
                        include_withdrawn=False).marks
    with pytest.raises(MarkRefused, match="already withdrawn"):
        withdraw_mark(team.ws, WithdrawMark(mark, "again"), team.exam)
    with pytest.raises(MarkRefused, match="never changed"):
        edit_mark(team.ws, EditMark(mark, category="scar"), team.exam)
    assert [d["reason"] for a, d in team.actions() if a == "mark.withdraw"] == [
        "a shadow, not a mole"]
    assert not search_marks(team.ws, team.ident, MarkQuery(category="mole_birthmark")).hits


def test_the_database_itself_never_deletes_marks_or_rewrites_history(team: Team) -> None:
    mark = add_mark(team.ws, AddMark(str(team.pm_photo), "scar", "chest", SHAPES[0]),
                    team.exam)
    for statement, message in (
            ("DELETE FROM mark", "never deleted"),
            ("UPDATE mark_revision SET actor = 'x'", "never edited"),
            ("DELETE FROM mark_revision", "never deleted"),
            (f"UPDATE mark SET photo_id = NULL, person_id = 1 WHERE id = {mark}", "never moves")):
        with team.ws.uow() as uow, pytest.raises(dbapi2.DatabaseError, match=message):
            uow.session.execute(text(statement))


def test_described_marks_keep_the_familys_words(team: Team) -> None:
    words = "عنده وشم مرساة على ساعده، لا نذكر أي يد"
    mark = describe_mark(team.ws, DescribeMark(team.person, "tattoo", "forearm",
                                               "anchor", words), team.exam)
    view = marks_of(team.ws, team.ident, person_id=team.person).marks[0]
    assert (view.id, view.family_words, view.location, view.photo_id) == (mark, words,
                                                                         "forearm", None)
    with pytest.raises(InvalidRequest, match="description or the family's words"):
        describe_mark(team.ws, DescribeMark(team.person, "scar", "chest"), team.exam)
    with pytest.raises(NotFoundError, match="no missing person with id 99"):
        describe_mark(team.ws, DescribeMark(99, "scar", "chest", "x"), team.exam)
    with pytest.raises(InvalidRequest, match="no region to change"):
        edit_mark(team.ws, EditMark(mark, shape=SHAPES[0]), team.exam)
    pm = add_mark(team.ws, AddMark(str(team.pm_photo), "scar", "chest", SHAPES[0]), team.exam)
    with pytest.raises(InvalidRequest, match="belong to a described mark"):
        edit_mark(team.ws, EditMark(pm, family_words="x"), team.exam)
    described = [d for a, d in team.actions() if a == "mark.describe"]
    assert [(d["person"], d["family_words"]) for d in described] == [(team.person, words)]


def test_links_by_role_never_edited_and_superseded(team: Team) -> None:
    am = describe_mark(team.ws, DescribeMark(team.person, "tattoo", "forearm_left",
                                             "anchor"), team.exam)
    pm = add_mark(team.ws, AddMark(str(team.pm_photo), "tattoo", "forearm_left", SHAPES[0],
                                   "anchor"), team.exam)
    with pytest.raises(PermissionDenied, match="identifier"):
        link_marks(team.ws, LinkMarks(am, pm, "corresponding", "same anchor"), team.ident)
    with pytest.raises(InvalidRequest, match="needs a note"):
        link_marks(team.ws, LinkMarks(am, pm, "corresponding", " "), team.exam)
    with pytest.raises(InvalidRequest, match="ante-mortem first"):
        link_marks(team.ws, LinkMarks(pm, am, "corresponding", "same anchor"), team.exam)
    with pytest.raises(InvalidRequest, match="unknown link 'same'"):
        link_marks(team.ws, LinkMarks(am, pm, "same", "same anchor"), team.exam)
    first = link_marks(team.ws, LinkMarks(am, pm, "similar", "anchor, rope unclear"),
                       team.exam)
    with pytest.raises(InvalidRequest, match="already linked as similar"):
        link_marks(team.ws, LinkMarks(am, pm, "similar", "anchor, rope unclear"), team.exam)
    second = link_marks(team.ws, LinkMarks(am, pm, "corresponding", "rope visible after "
                                           "contrast"), team.sup)
    links = marks_of(team.ws, team.ident, body_id=team.body).links
    assert [(k.id, k.relation, k.current, k.supersedes_id) for k in links] == [
        (first, "similar", False, None), (second, "corresponding", True, first)]
    audited = [d for a, d in team.actions() if a == "mark.link"]
    assert audited[1]["previous_relation"] == "similar"
    with team.ws.uow() as uow, pytest.raises(dbapi2.DatabaseError, match="never edited"):
        uow.session.execute(text("UPDATE mark_link SET relation = 'similar'"))
    withdraw_mark(team.ws, WithdrawMark(pm, "wrong photo"), team.exam)
    with pytest.raises(MarkRefused, match="cannot be linked"):
        link_marks(team.ws, LinkMarks(am, pm, "similar", "again"), team.exam)


@pytest.mark.parametrize("call", [
    lambda t: add_mark(t.ws, AddMark(str(t.pm_photo), "scar", "chest", SHAPES[0]), t.ident),
    lambda t: describe_mark(t.ws, DescribeMark(t.person, "scar", "chest", "x"), t.ident),
    lambda t: edit_mark(t.ws, EditMark(1, category="tattoo"), t.ident),
    lambda t: withdraw_mark(t.ws, WithdrawMark(1, "why"), t.ident),
    lambda t: link_marks(t.ws, LinkMarks(1, 2, "similar", "n"), t.ident),
])
def test_identifiers_see_marks_but_never_change_them(team: Team, call: object) -> None:
    add_mark(team.ws, AddMark(str(team.pm_photo), "scar", "chest", SHAPES[0]), team.exam)
    with pytest.raises(PermissionDenied, match="identifier"):
        call(team)  # type: ignore[operator]
    assert len(marks_of(team.ws, team.ident, body_id=team.body).marks) == 1


def test_what_a_persons_marks_say_about_a_body(team: Team) -> None:
    with team.ws.uow() as uow:
        other = uow.owners.body(uow.owners.collection("c").id, "B2").id
    anchor = describe_mark(team.ws, DescribeMark(team.person, "tattoo", "forearm",
                                                 family_words="وشم مرساة"), team.exam)
    scar = describe_mark(team.ws, DescribeMark(team.person, "scar", "abdomen",
                                               "appendix operation"), team.exam)
    mole = add_mark(team.ws, AddMark(str(team.am_photo), "mole_birthmark", "face",
                                     SHAPES[0]), team.exam)
    pm_anchor = add_mark(team.ws, AddMark(str(team.pm_photo), "tattoo", "forearm_right",
                                          SHAPES[0], "anchor"), team.exam)
    add_mark(team.ws, AddMark(str(team.pm_photo), "tattoo", "abdomen", SHAPES[1]), team.exam)
    pm_mole = add_mark(team.ws, AddMark(str(team.pm_photo), "mole_birthmark", "face",
                                        SHAPES[2]), team.exam)
    link_marks(team.ws, LinkMarks(mole, pm_mole, "not_corresponding", "other cheek"),
               team.exam)
    found = agreements(team.ws, team.ident, [(team.person, team.body), (team.person, other)])
    here = {i.person_mark.id: i for i in found[(team.person, team.body)].items}
    assert here[anchor].agreement is Agreement.COMPATIBLE  # side unknown: either forearm
    assert here[anchor].body_marks == (pm_anchor,)
    assert here[scar].agreement is Agreement.OTHER_AT_LOCATION  # a fact, no contradiction
    assert here[mole].agreement is Agreement.NOT_CORRESPONDING
    assert here[mole].link is not None
    assert here[mole].link.note == "other cheek"
    assert found[(team.person, team.body)].contradicted == 1
    assert found[(team.person, team.body)].supporting == 1
    assert {i.agreement for i in found[(team.person, other)].items} == {
        Agreement.NONE_RECORDED}


def test_the_report_lists_the_linked_marks_with_both_crops(team: Team, tmp_path: Path
                                                           ) -> None:
    import unicodedata

    from pypdf import PdfReader

    from athar.casework.domain.entities import ReviewDecision
    from athar.casework.matching.search import RunSearch, SearchService
    from athar.casework.reports.service import MakeReport, make_report
    from athar.casework.review.reviews import RecordReview, record_review
    from athar.casework.review.signoff import confirm

    SearchService(team.ws).run(RunSearch(all_persons=True, top=2), team.sup)
    with team.ws.uow() as uow:
        cand = next(c.id for c in uow.candidates.for_person(team.person).values()
                    if c.body_id == team.body)
    am = add_mark(team.ws, AddMark(str(team.am_photo), "tattoo", "forearm_left", SHAPES[0],
                                   "anchor"), team.exam)
    described = describe_mark(team.ws, DescribeMark(
        team.person, "scar", "abdomen", family_words="ندبة عملية الزائدة"), team.exam)
    pm = add_mark(team.ws, AddMark(str(team.pm_photo), "tattoo", "forearm_left", SHAPES[2],
                                   "anchor, faded"), team.exam)
    pm_scar = add_mark(team.ws, AddMark(str(team.pm_photo), "scar", "abdomen", SHAPES[1]),
                       team.exam)
    link_marks(team.ws, LinkMarks(am, pm, "corresponding", "same anchor, same stock"),
               team.exam)
    link_marks(team.ws, LinkMarks(described, pm_scar, "similar", "low right abdomen"),
               team.exam)
    ident = record_review(team.ws, RecordReview(cand, ReviewDecision.PROPOSE, "face and the "
                                                "anchor tattoo"), team.ident).identification_id
    assert ident is not None
    confirm(team.ws, ident, "checked", team.sup)
    for language in ("en", "ar"):
        out = tmp_path / f"report-{language}.pdf"
        make_report(team.ws, MakeReport(ident, out, language=language), team.sup)
        text = unicodedata.normalize("NFKC", "\n".join(
            p.extract_text() for p in PdfReader(out).pages)).replace("\n", " ")
        if language == "en":
            for expected in ("Distinctive marks", f"Family's mark {am}: tattoo, left forearm",
                             f"Body's mark {pm}: tattoo, left forearm", "corresponding",
                             "same anchor, same stock", "low right abdomen", "exam1",
                             "similar", team.pm_sha,
                             "What the two records say about each other",
                             "no branch recorded for the missing person",
                             "Strength of evidence",
                             # a fake model has no calibration: said, and no ratio made up
                             "No calibration is stored for model"):
                assert expected in text, expected
            assert "% match" not in text
        else:
            for expected in ("العلامات المميزة", "same anchor, same stock", "مطابقة",
                             "ما يقوله السجلان أحدهما عن الآخر", "قوة الدليل"):
                assert unicodedata.normalize("NFKC", expected) in text, expected
        images = sum(len(page.images) for page in PdfReader(out).pages)
        assert images == 2 + 3  # the family photo and face, and three mark crops
        _save_marks_page(out, f"{language}-report-marks.png")


def _save_marks_page(pdf_path: Path, name: str,
                     wanted: tuple[str, ...] = ("Examiner", "ربط الخبير")) -> None:
    import pypdfium2

    from guisupport import SCREENSHOTS

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pdf = pypdfium2.PdfDocument(pdf_path)
    for index in range(len(pdf)):
        text = pdf[index].get_textpage().get_text_range()
        if any(w in text for w in wanted) or index == len(pdf) - 1:
            pdf[index].render(scale=1.5).to_pil().save(SCREENSHOTS / name)
            break
    pdf.close()
