"""Post-mortem duplicates in the services (issue 18): suggestions from the faces and from
agreeing numbers, merges confirmed by a person with a reason and the evidence, searches
that count a merged Body's photos as its Body's, every refused decision with its message,
and an undo that keeps the history and flags what it touches."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from fakes import FAKE_INFO
from PIL import Image
from sqlalchemy import select

from athar.casework.accounts.users import CreateUser, add_user
from athar.casework.bus import MessageBus
from athar.casework.checks import duplicates
from athar.casework.checks.duplicates import (
    RelateBodies,
    RelationRefused,
    UndoRelation,
    identifying_key,
    relations,
    suggestions,
)
from athar.casework.checks.strength import Calibration
from athar.casework.domain.entities import (
    AuditEvent,
    Candidate,
    ReviewDecision,
    Role,
    SearchRun,
    Side,
)
from athar.casework.domain.errors import InvalidRequest, NotFoundError
from athar.casework.domain.permissions import Actor, PermissionDenied
from athar.casework.intake.ingest import ImportPhotos, ImportService
from athar.casework.matching.search import RunSearch, SearchService
from athar.casework.records.browse import UpdateBody
from athar.casework.review.reviews import RecordReview, record_review
from athar.casework.review.signoff import confirm
from athar.casework.storage.workspace import Workspace

# Body "B1" of collection c was photographed again for collection "second" ("B1 again");
# "Omar" is the person who looks like it. B2 and B3 are other people.
PM = {"B1": [(200, 40, 40)], "B2": [(60, 180, 60)], "B3": [(40, 40, 200)]}
AGAIN = {"B1 again": [(199, 41, 40)]}
AM = {"Omar": [(198, 42, 41)], "Huda": [(62, 178, 58)]}

FAKE_CALIBRATION = Calibration(FAKE_INFO.model_id, 1000.0, -997.0, "test pairs",
                               {"same": 1000, "different": 100000}, "2026-12-02", {})
"""The fake model's cosine 0.9999 of two photos of one colour reads as an LR of 1000."""


@dataclass
class Case:
    ws: Workspace
    sup: Actor
    exam: Actor
    ident: Actor
    bodies: dict[str, int]
    persons: dict[str, int]

    def run(self, cmd: object, actor: Actor) -> object:
        return MessageBus(self.ws).handle(cmd, actor)  # type: ignore[arg-type]

    def listed(self, person: str) -> dict[int, int | None]:
        """Body id -> rank in the person's list."""
        with self.ws.uow() as uow:
            return {b: c.rank for b, c in uow.candidates.for_person(
                self.persons[person]).items()}

    def candidate(self, person: str, body: str) -> Candidate:
        with self.ws.uow() as uow:
            return uow.candidates.for_person(self.persons[person])[self.bodies[body]]

    def events(self, action: str) -> list[dict[str, object]]:
        with self.ws.uow() as uow:
            return [json.loads(d) for d in uow.session.scalars(
                select(AuditEvent.details).where(AuditEvent.action == action))]


def _photos(root: Path, groups: dict[str, list[tuple[int, int, int]]]) -> None:
    for owner, colours in groups.items():
        for i, colour in enumerate(colours):
            (root / owner).mkdir(parents=True, exist_ok=True)
            Image.new("RGB", (32, 32), colour).save(root / owner / f"{i}.png")


@pytest.fixture
def case(fake_ws: tuple[Workspace, Actor], tmp_path: Path,
         monkeypatch: pytest.MonkeyPatch) -> Case:
    ws, sup = fake_ws
    monkeypatch.setattr(duplicates, "calibration_for",
                        lambda model_id: FAKE_CALIBRATION if model_id == FAKE_INFO.model_id
                        else None)
    _photos(tmp_path / "pm", PM)
    _photos(tmp_path / "again", AGAIN)
    _photos(tmp_path / "am", AM)
    ImportService(ws).run(ImportPhotos(tmp_path / "pm", Side.PM, "folder", "c", 1), sup)
    ImportService(ws).run(ImportPhotos(tmp_path / "again", Side.PM, "folder", "second", 1),
                          sup)
    ImportService(ws).run(ImportPhotos(tmp_path / "am", Side.AM, "folder", None, 1), sup)
    SearchService(ws).run(RunSearch(all_persons=True, top=5), sup)
    exam = add_user(ws, CreateUser("exam1", "exam1-password", Role.EXAMINER), sup)
    ident = add_user(ws, CreateUser("ident1", "ident1-password", Role.IDENTIFIER), sup)
    with ws.uow() as uow:
        bodies = {b.label: b.id for b in uow.owners.all_bodies()}
        persons = {uow.owners.person(p).label: p for p in uow.owners.person_ids()}
    return Case(ws, sup, exam, ident, bodies, persons)


def test_numbers_are_compared_as_a_reader_would() -> None:
    assert identifying_key("D-4471") == identifying_key("d 4471")
    assert identifying_key("٤٤٧١") == identifying_key("4471")  # Arabic-Indic digits
    assert identifying_key("0071/2") == identifying_key("71-2")
    assert identifying_key("  ") is None
    assert identifying_key(None) is None
    assert identifying_key("4471") != identifying_key("4417")


def test_the_same_body_photographed_twice_is_suggested_from_its_faces(case: Case) -> None:
    found = suggestions(case.ws, case.exam)
    assert [(s.body_label, s.other_label) for s in found] == [("B1", "B1 again")]
    first = found[0]
    assert first.log10_lr is not None
    assert first.log10_lr >= duplicates.MUTUAL_MIN_LOG10
    assert first.collection == "c"
    assert first.other_collection == "second"
    assert "strong support" in first.face_words
    # asked for one Body: only its pairs, that Body first
    mine = suggestions(case.ws, case.exam, body_id=case.bodies["B1 again"])
    assert [(s.body_label, s.other_label) for s in mine] == [("B1 again", "B1")]
    assert suggestions(case.ws, case.exam, body_id=case.bodies["B3"]) == []


def test_an_agreeing_number_suggests_a_pair_whatever_the_faces(case: Case) -> None:
    case.run(UpdateBody(case.bodies["B2"], {"detainee_no": "D-4471", "forensic_no": "12"}),
             case.sup)
    case.run(UpdateBody(case.bodies["B3"], {"detainee_no": "d 4471", "forensic_no": "13"}),
             case.sup)
    found = {frozenset((s.body_label, s.other_label)): s
             for s in suggestions(case.ws, case.exam)}
    pair = found[frozenset(("B2", "B3"))]
    assert pair.agreeing == ["detainee number"]
    assert pair.differing == ["forensic number"]
    reasons = pair.reasons()  # the first Body's value first (Bodies in id order)
    assert any(r in ("the same detainee number on both (D-4471)",
                     "the same detainee number on both (d 4471)") for r in reasons)
    assert any(r in ("forensic number 12 on one, 13 on the other",
                     "forensic number 13 on one, 12 on the other") for r in reasons)
    assert pair.log10_lr is not None
    assert pair.log10_lr < 0  # the faces say two people, and the list shows it
    assert list(found)[0] == frozenset(("B2", "B3"))  # an agreeing number ranks first


def test_a_merge_counts_the_duplicate_under_its_body_and_flags_its_candidates(
        case: Case) -> None:
    b1, again = case.bodies["B1"], case.bodies["B1 again"]
    assert {b1, again} <= set(case.listed("Omar"))  # two Bodies in Omar's list
    rid = case.run(RelateBodies(b1, again, "same_body", "same tattoo and wound, same "
                                "morgue number on the tag"), case.exam)
    assert isinstance(rid, int)
    flagged = case.candidate("Omar", "B1 again")
    assert flagged.attention is not None
    assert "merged into Body B1" in flagged.attention
    SearchService(case.ws).run(RunSearch(person_ids=(case.persons["Omar"],), top=5), case.sup)
    listed = case.listed("Omar")
    assert listed[again] is None  # kept, out of the list: its photo counts as B1's
    assert listed[b1] == 1
    with pytest.raises(InvalidRequest, match="merged into Body B1 .*search --body"):
        SearchService(case.ws).run(RunSearch(body_ids=(again,)), case.sup)
    # B1's own search now uses both photos
    result = SearchService(case.ws).run(RunSearch(body_ids=(b1,)), case.sup)[0]
    assert result.matches[0].label == "Omar"
    with case.ws.uow() as uow:
        run = uow.session.get(SearchRun, result.search_run_id)
        faces, _, _ = uow.faces.owner_faces(Side.PM, [b1, again], FAKE_INFO.model_id,
                                            FAKE_INFO.dim)
    assert run is not None
    assert run.params["query_faces"] == faces  # both photos, recorded with the run
    assert run.params["merged"] == {str(again): b1}
    event = case.events("body.relate")[0]
    assert event["kind"] == "same_body"
    assert event["candidates_flagged"] == 2  # Omar's and Huda's pairs with "B1 again"
    assert event["evidence"]["log10_lr"] >= 2  # type: ignore[index,operator]
    assert [r.kind for r in relations(case.ws, case.ident)] == ["same_body"]


def test_every_forbidden_decision_says_why(case: Case) -> None:
    b1, b2, b3, again = (case.bodies[k] for k in ("B1", "B2", "B3", "B1 again"))
    with pytest.raises(PermissionDenied):
        case.run(RelateBodies(b1, again, "same_body", "looks alike"), case.ident)
    with pytest.raises(InvalidRequest, match="itself"):
        case.run(RelateBodies(b1, b1, "same_body", "x"), case.exam)
    with pytest.raises(InvalidRequest, match="needs a reason"):
        case.run(RelateBodies(b1, again, "same_body", "   "), case.exam)
    with pytest.raises(InvalidRequest, match="unknown decision 'twins'"):
        case.run(RelateBodies(b1, again, "twins", "x"), case.exam)
    with pytest.raises(NotFoundError, match="no body with id 999"):
        case.run(RelateBodies(b1, 999, "same_body", "x"), case.exam)
    case.run(RelateBodies(b1, again, "same_body", "same wound"), case.exam)
    with pytest.raises(RelationRefused, match="B1 again are merged as one body .decision 1 "
                                              "by exam1 .*undo it first"):
        case.run(RelateBodies(again, b1, "fragment", "x"), case.exam)
    with pytest.raises(RelationRefused, match="itself merged into Body B1 .*instead"):
        case.run(RelateBodies(again, b2, "same_body", "x"), case.exam)
    with pytest.raises(RelationRefused, match="already merged into Body B1"):
        case.run(RelateBodies(b2, again, "same_body", "x"), case.exam)
    # a Body with a confirmed identification is never merged away
    huda = case.candidate("Huda", "B2")
    record_review(case.ws, RecordReview(huda.id, ReviewDecision.PROPOSE, "the face and the "
                                        "scar agree"), case.ident)
    with case.ws.uow() as uow:
        ident_id = uow.reviews.identifications()[0].id
    confirm(case.ws, ident_id, "checked every photo pair", case.sup)
    with pytest.raises(RelationRefused, match="Body B2 has identification .* \\(confirmed\\)"
                                              ": keep Body B2 and merge Body B3 into it"):
        case.run(RelateBodies(b3, b2, "same_body", "x"), case.exam)
    rid = case.run(RelateBodies(b2, b3, "same_body", "the kept one is identified"), case.exam)
    assert isinstance(rid, int)
    case.run(UndoRelation(rid, "B3 is another person: different tattoo"), case.sup)
    with pytest.raises(RelationRefused, match="was undone already by supervisor1"):
        case.run(UndoRelation(rid, "again"), case.sup)
    with pytest.raises(InvalidRequest, match="an undo needs a reason"):
        case.run(UndoRelation(rid, ""), case.sup)
    with pytest.raises(NotFoundError, match="athar duplicates list"):
        case.run(UndoRelation(999, "x"), case.sup)


def test_an_undo_keeps_the_history_and_flags_the_pairs_resting_on_the_duplicate(
        case: Case) -> None:
    b1, again = case.bodies["B1"], case.bodies["B1 again"]
    rid = case.run(RelateBodies(b1, again, "same_body", "same wound"), case.exam)
    assert isinstance(rid, int)
    # a re-search whose best pair is on the duplicate's photo
    SearchService(case.ws).run(RunSearch(person_ids=(case.persons["Omar"],), top=5), case.sup)
    with case.ws.uow() as uow:
        again_faces, _, _ = uow.faces.owner_faces(Side.PM, [again], FAKE_INFO.model_id,
                                                  FAKE_INFO.dim)
    assert case.candidate("Omar", "B1").pm_face_id in again_faces  # (199,41,40) is closer
    case.run(UndoRelation(rid, "the tag numbers differ: two bodies"), case.exam)
    assert "search again" in (case.candidate("Omar", "B1").attention or "")
    SearchService(case.ws).run(RunSearch(person_ids=(case.persons["Omar"],), top=5), case.sup)
    listed = case.listed("Omar")
    assert listed[again] is not None  # back on its own
    assert listed[b1] is not None
    (view,) = relations(case.ws, case.ident, body_id=again)
    assert not view.standing
    assert view.reason == "same wound"
    assert view.undo_reason == "the tag numbers differ: two bodies"
    assert view.undone_by == "exam1"
    assert [e["reason"] for e in case.events("body.relation_undo")] == [
        "the tag numbers differ: two bodies"]
    # suggested again once undone
    assert [(s.body_label, s.other_label) for s in suggestions(case.ws, case.exam)] == [
        ("B1", "B1 again")]


def test_distinct_stops_the_suggestion_and_fragments_stay_apart(case: Case) -> None:
    b1, again, b2 = case.bodies["B1"], case.bodies["B1 again"], case.bodies["B2"]
    rid = case.run(RelateBodies(b1, again, "distinct", "twin brothers, different scars"),
                   case.exam)
    assert suggestions(case.ws, case.exam) == []
    assert isinstance(rid, int)
    case.run(UndoRelation(rid, "the scars were the same after cleaning"), case.exam)
    assert len(suggestions(case.ws, case.exam)) == 1
    case.run(RelateBodies(b1, b2, "fragment", "left arm found with the torso"), case.sup)
    SearchService(case.ws).run(RunSearch(person_ids=(case.persons["Huda"],), top=5), case.sup)
    assert case.listed("Huda")[b2] is not None  # a fragment is still its own Body
    kinds = [(r.kind, r.standing) for r in relations(case.ws, case.ident)]
    assert kinds == [("distinct", False), ("fragment", True)]
