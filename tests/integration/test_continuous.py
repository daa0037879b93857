"""Continuous matching in the services (issue 18): new post-mortem or ante-mortem material
makes the searches it touches due, MatchNew runs exactly those, and the review queue says
what is new since the user's last visit."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from athar.casework.accounts.users import CreateUser, add_user
from athar.casework.bus import MessageBus
from athar.casework.checks.duplicates import RelateBodies
from athar.casework.domain.entities import ReviewDecision, Role, Side
from athar.casework.domain.permissions import Actor, PermissionDenied
from athar.casework.intake.ingest import ImportPhotos, ImportService
from athar.casework.matching.continuous import MatchNew, MatchSummary, pending
from athar.casework.review.queue import RecordQueueVisit, queue_news, review_queue
from athar.casework.review.reviews import RecordReview, record_review
from athar.casework.review.signoff import confirm
from athar.casework.storage.workspace import Workspace

PM = {"B1": [(200, 40, 40)], "B2": [(60, 180, 60)]}
AM = {"Omar": [(198, 42, 41)], "Huda": [(62, 178, 58)]}


def _photos(root: Path, groups: dict[str, list[tuple[int, int, int]]]) -> Path:
    for owner, colours in groups.items():
        for i, colour in enumerate(colours):
            (root / owner).mkdir(parents=True, exist_ok=True)
            Image.new("RGB", (32, 32), colour).save(root / owner / f"{i}.png")
    return root


def _import(ws: Workspace, actor: Actor, root: Path, side: Side, collection: str | None
            ) -> None:
    ImportService(ws).run(ImportPhotos(root, side, "folder", collection, 1), actor)


def _match(ws: Workspace, actor: Actor) -> MatchSummary:
    return MessageBus(ws).handle(MatchNew(top=5), actor)


@pytest.fixture
def started(fake_ws: tuple[Workspace, Actor], tmp_path: Path) -> tuple[Workspace, Actor]:
    ws, sup = fake_ws
    _import(ws, sup, _photos(tmp_path / "pm", PM), Side.PM, "c")
    _import(ws, sup, _photos(tmp_path / "am", AM), Side.AM, None)
    return ws, sup


def test_what_was_never_searched_is_due_and_matching_clears_it(
        started: tuple[Workspace, Actor]) -> None:
    ws, sup = started
    due = pending(ws, sup)
    assert set(due.persons.values()) == {"never searched"}
    assert len(due.persons) == 2
    assert len(due.bodies) == 2
    summary = _match(ws, sup)
    assert (summary.persons_searched, summary.bodies_searched) == (2, 2)
    assert summary.new_candidates == 4  # every pair: two persons by two Bodies
    assert "4 new candidate(s) for 2 person(s)" in summary.sentence()
    assert pending(ws, sup).empty
    again = _match(ws, sup)
    assert again.sentence() == "every search is up to date"


def test_a_new_body_is_searched_against_every_open_person(
        started: tuple[Workspace, Actor], tmp_path: Path) -> None:
    ws, sup = started
    _match(ws, sup)
    _import(ws, sup, _photos(tmp_path / "new", {"B9": [(199, 41, 40)]}), Side.PM, "later")
    due = pending(ws, sup)
    assert set(due.persons.values()) == {"new post-mortem material since its last search"}
    assert len(due.persons) == 2
    with ws.uow() as uow:
        b9 = next(b.id for b in uow.owners.all_bodies() if b.label == "B9")
    assert due.bodies == {b9: "never searched"}  # the old Bodies' lists are still current
    summary = _match(ws, sup)
    assert summary.new_candidates == 2
    with ws.uow() as uow:
        omar = next(p for p in uow.owners.person_ids() if uow.owners.person(p).label == "Omar")
        assert uow.candidates.for_person(omar)[b9].rank == 1  # the closer photo ranks first


def test_a_new_person_and_a_new_photo_are_searched(started: tuple[Workspace, Actor],
                                                     tmp_path: Path) -> None:
    ws, sup = started
    _match(ws, sup)
    _import(ws, sup, _photos(tmp_path / "am2", {"Sami": [(61, 179, 59)]}), Side.AM, None)
    due = pending(ws, sup)
    assert list(due.persons.values()) == ["never searched"]
    assert not due.bodies  # a new person does not change any Body's faces
    assert _match(ws, sup).new_candidates == 2


def test_identified_persons_are_no_longer_searched(started: tuple[Workspace, Actor],
                                                   tmp_path: Path) -> None:
    ws, sup = started
    _match(ws, sup)
    ident = add_user(ws, CreateUser("ident1", "ident1-password", Role.IDENTIFIER), sup)
    with ws.uow() as uow:
        omar = next(p for p in uow.owners.person_ids() if uow.owners.person(p).label == "Omar")
        cand = min(uow.candidates.for_person(omar).values(), key=lambda c: c.rank or 99)
    record_review(ws, RecordReview(cand.id, ReviewDecision.PROPOSE, "face and scar agree"),
                  ident)
    with ws.uow() as uow:
        ident_id = uow.reviews.identifications()[0].id
    confirm(ws, ident_id, "checked", sup)
    _import(ws, sup, _photos(tmp_path / "new", {"B9": [(199, 41, 40)]}), Side.PM, "later")
    assert omar not in pending(ws, sup).persons


def test_a_merge_makes_the_lists_it_changes_due(started: tuple[Workspace, Actor],
                                                tmp_path: Path) -> None:
    ws, sup = started
    _import(ws, sup, _photos(tmp_path / "new", {"B9": [(199, 41, 40)]}), Side.PM, "later")
    _match(ws, sup)
    with ws.uow() as uow:
        ids = {b.label: b.id for b in uow.owners.all_bodies()}
    MessageBus(ws).handle(RelateBodies(ids["B1"], ids["B9"], "same_body", "same tag"), sup)
    due = pending(ws, sup)
    assert set(due.persons.values()) == {
        "duplicate Bodies merged or unmerged since its last search"}
    assert due.bodies == {ids["B1"]: "its faces changed since its last search"}


def test_the_queue_says_what_is_new_since_the_last_visit(started: tuple[Workspace, Actor],
                                                         tmp_path: Path) -> None:
    ws, sup = started
    ident = add_user(ws, CreateUser("ident1", "ident1-password", Role.IDENTIFIER), sup)
    first = queue_news(ws, ident)
    assert first.since is None
    assert first.sentence() == "Nothing new on your first visit."
    _match(ws, sup)
    news = queue_news(ws, ident)
    assert len(news.new_ids) == 4
    MessageBus(ws).handle(RecordQueueVisit(), ident)
    seen = queue_news(ws, ident)
    assert seen.since is not None
    assert not seen.new_ids
    assert seen.sentence().startswith("Nothing new since your last visit (")
    _import(ws, sup, _photos(tmp_path / "new", {"B9": [(199, 41, 40)]}), Side.PM, "later")
    _match(ws, sup)
    news = queue_news(ws, ident)
    queue = {v.id: v for v in review_queue(ws, ident)}
    assert {queue[i].body_label for i in news.new_ids} == {"B9"}
    assert (news.persons, news.bodies) == (2, 1)
    assert news.sentence().startswith("2 new candidates since your last visit (")
    assert news.sentence().endswith(": for 2 persons, 1 Body.")
    # each user has their own visit
    assert len(queue_news(ws, sup).new_ids) == 6


def test_only_users_who_may_search_run_the_searches(started: tuple[Workspace, Actor]) -> None:
    ws, sup = started
    exam = add_user(ws, CreateUser("exam1", "exam1-password", Role.EXAMINER), sup)
    with pytest.raises(PermissionDenied):
        _match(ws, exam)
    assert len(pending(ws, exam).persons) == 2  # who may see records sees what is due
