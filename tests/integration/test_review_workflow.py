"""Review and sign-off, in the services (whoever calls them): every allowed step, every
forbidden one with a message a user can act on, blind review, four eyes, the audit trail,
and re-searching that leaves decisions alone (issue 15)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select, text
from sqlcipher3 import dbapi2

from athar.casework.accounts.users import CreateUser, add_user
from athar.casework.domain.entities import (
    AuditEvent,
    Candidate,
    CandidateState,
    IdentificationState,
    ReviewDecision,
    Role,
    Side,
)
from athar.casework.domain.errors import InvalidRequest
from athar.casework.domain.permissions import Actor, PermissionDenied
from athar.casework.intake.ingest import ImportPhotos, ImportService
from athar.casework.matching.candidates import candidates_of
from athar.casework.matching.search import RunSearch, SearchService
from athar.casework.review.context import review_context
from athar.casework.review.reviews import (
    RecordReview,
    close_candidate,
    open_candidate,
    record_review,
    set_blind_scores,
)
from athar.casework.review.signoff import (
    SignOffRefused,
    confirm,
    identification,
    identifications,
    return_proposal,
    revoke,
)
from athar.casework.storage.workspace import Workspace

# Two persons; three Bodies. Person "Omar" looks like Body B1 and, less, B2; "Huda" like B2.
PM = {"B1": [(200, 40, 40), (195, 45, 42)], "B2": [(60, 180, 60)], "B3": [(40, 40, 200)]}
AM = {"Omar": [(198, 42, 41)], "Huda": [(62, 178, 58)]}


@dataclass
class Team:
    ws: Workspace
    sup: Actor
    sup2: Actor
    ident1: Actor
    ident2: Actor
    exam: Actor

    def cand(self, person: int, body: int) -> int:
        with self.ws.uow() as uow:
            return next(c.id for c in uow.candidates.for_person(person).values()
                        if c.body_id == body)

    def state(self, cand_id: int) -> CandidateState:
        with self.ws.uow() as uow:
            found = uow.candidates.get(cand_id)
            assert found is not None
            return CandidateState(found.state)

    def actions(self) -> list[str]:
        with self.ws.uow() as uow:
            return list(uow.session.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)))


def _photos(root: Path, groups: dict[str, list[tuple[int, int, int]]]) -> None:
    for owner, colours in groups.items():
        for i, colour in enumerate(colours):
            (root / owner).mkdir(parents=True, exist_ok=True)
            Image.new("RGB", (32, 32), colour).save(root / owner / f"{i}.png")


@pytest.fixture
def team(fake_ws: tuple[Workspace, Actor], tmp_path: Path) -> Team:
    ws, sup = fake_ws
    _photos(tmp_path / "pm", PM)
    _photos(tmp_path / "am", AM)
    ImportService(ws).run(ImportPhotos(tmp_path / "pm", Side.PM, "folder", "c", 1), sup)
    ImportService(ws).run(ImportPhotos(tmp_path / "am", Side.AM, "folder", None, 1), sup)
    SearchService(ws).run(RunSearch(all_persons=True, top=3), sup)
    users = [add_user(ws, CreateUser(name, f"{name}-password", role), sup)
             for name, role in (("sup2", Role.SUPERVISOR), ("ident1", Role.IDENTIFIER),
                                ("ident2", Role.IDENTIFIER), ("exam1", Role.EXAMINER))]
    return Team(ws, sup, *users)


def _review(t: Team, who: Actor, cand: int, decision: ReviewDecision, why: str = "compared "
            "the faces, ears and the scar") -> int | None:
    return record_review(t.ws, RecordReview(cand, decision, why), who).identification_id


def test_a_review_needs_a_rationale_and_the_state_follows_the_latest(team: Team) -> None:
    cand = team.cand(1, 1)
    with pytest.raises(InvalidRequest, match="needs a written rationale"):
        _review(team, team.ident1, cand, ReviewDecision.POSSIBLE, "   \n ")
    open_candidate(team.ws, cand, team.ident1)
    assert team.state(cand) is CandidateState.IN_REVIEW
    close_candidate(team.ws, cand, team.ident1)
    assert team.state(cand) is CandidateState.QUEUED  # nobody decided yet
    _review(team, team.exam, cand, ReviewDecision.NEEDS_INFO, "the ear is not visible")
    assert team.state(cand) is CandidateState.NEEDS_INFO
    open_candidate(team.ws, cand, team.ident1)
    close_candidate(team.ws, cand, team.ident1)
    assert team.state(cand) is CandidateState.NEEDS_INFO  # back to the latest decision
    _review(team, team.ident1, cand, ReviewDecision.POSSIBLE)
    _review(team, team.ident1, cand, ReviewDecision.EXCLUDED, "second look: the nose differs")
    assert team.state(cand) is CandidateState.EXCLUDED
    ctx = review_context(team.ws, team.ident1, cand)
    assert [r.decision for r in ctx.my_reviews] == [ReviewDecision.POSSIBLE,
                                                    ReviewDecision.EXCLUDED]  # both kept


def test_propose_freezes_the_evidence_and_four_eyes_confirms(team: Team) -> None:
    cand = team.cand(1, 1)
    _review(team, team.ident2, cand, ReviewDecision.POSSIBLE, "similar brow")
    ident = _review(team, team.ident1, cand, ReviewDecision.PROPOSE)
    assert ident is not None
    assert team.state(cand) is CandidateState.PROPOSED
    view = identification(team.ws, team.sup, ident)
    assert view.state is IdentificationState.PROPOSED
    ev = view.evidence
    assert ev["model_id"]
    assert ev["index_version"]
    assert len(ev["pairs"]) == 2  # type: ignore[arg-type]  # one family photo x two PM photos
    assert all(0 < p["score"] <= 1 for p in ev["pairs"])  # type: ignore[attr-defined, index]
    assert [r["decision"] for r in ev["reviews"]] == ["possible", "propose"]  # type: ignore[attr-defined, index]
    with pytest.raises(PermissionDenied, match="ident1 .identifier. may not sign off"):
        confirm(team.ws, ident, "agreed", team.ident1)
    with pytest.raises(InvalidRequest, match="needs a written reason"):
        confirm(team.ws, ident, " ", team.sup)
    confirm(team.ws, ident, "faces and numbers agree", team.sup)
    confirmed = identification(team.ws, team.sup2, ident)
    assert confirmed.state is IdentificationState.CONFIRMED
    assert confirmed.decided_by == team.sup.username
    assert [s.state for s in confirmed.history] == [IdentificationState.PROPOSED,
                                                    IdentificationState.CONFIRMED]
    acts = team.actions()
    for action in ("review.record", "identification.propose", "identification.confirm"):
        assert action in acts


def test_the_proposer_and_co_proposers_never_confirm(team: Team) -> None:
    cand = team.cand(1, 1)
    ident = _review(team, team.sup, cand, ReviewDecision.PROPOSE)
    assert ident is not None
    with pytest.raises(SignOffRefused, match="proposed identification .* cannot confirm it: "
                       "another supervisor must"):
        confirm(team.ws, ident, "mine", team.sup)
    assert _review(team, team.sup2, cand, ReviewDecision.PROPOSE, "I agree") == ident
    with pytest.raises(SignOffRefused, match="reviewed this pair with 'propose'"):
        confirm(team.ws, ident, "agreed", team.sup2)
    assert identification(team.ws, team.sup, ident).state is IdentificationState.PROPOSED


def test_a_returned_proposal_is_never_confirmed_and_goes_back_to_review(team: Team) -> None:
    cand = team.cand(1, 1)
    ident = _review(team, team.ident1, cand, ReviewDecision.PROPOSE)
    assert ident is not None
    with pytest.raises(InvalidRequest, match="needs a written reason"):
        return_proposal(team.ws, ident, "", team.sup)
    return_proposal(team.ws, ident, "check the detainee number first", team.sup)
    assert team.state(cand) is CandidateState.NEEDS_INFO
    with team.ws.uow() as uow:
        found = uow.candidates.get(cand)
        assert found is not None
        assert "returned by supervisor1" in (found.attention or "")
    with pytest.raises(SignOffRefused, match="a returned proposal is never confirmed as it "
                       "stands"):
        confirm(team.ws, ident, "ok now", team.sup2)
    again = _review(team, team.ident1, cand, ReviewDecision.PROPOSE, "numbers checked")
    assert again is not None
    assert again != ident
    confirm(team.ws, again, "checked", team.sup2)
    states = {v.id: v.state for v in identifications(team.ws, team.sup)}
    assert states == {ident: IdentificationState.RETURNED, again: IdentificationState.CONFIRMED}


def test_one_confirmed_identification_per_body_and_person_and_flags(team: Team) -> None:
    omar_b2, huda_b2 = team.cand(1, 2), team.cand(2, 2)
    first = _review(team, team.ident1, huda_b2, ReviewDecision.PROPOSE)
    second = _review(team, team.ident2, omar_b2, ReviewDecision.PROPOSE)
    assert first is not None
    assert second is not None
    confirm(team.ws, first, "agreed", team.sup)
    with pytest.raises(SignOffRefused, match=f"this Body is already identified: "
                       f"identification {first} \\(missing person 2, Body 2\\)"):
        confirm(team.ws, second, "agreed", team.sup)
    omar_b1 = team.cand(1, 1)  # Omar's other open candidate: not flagged (not Huda, not B2)
    with team.ws.uow() as uow:
        flags = {c.id: c.attention for c in uow.session.scalars(select(Candidate))}
    assert flags[omar_b2] is not None
    assert "was confirmed as missing person 2" in flags[omar_b2]
    assert flags[omar_b1] is None
    assert team.state(omar_b2) is CandidateState.PROPOSED  # state kept, only flagged
    revoke(team.ws, first, "the family's second photo shows another man", team.sup2)
    confirm(team.ws, second, "now the Body is free", team.sup)
    assert identification(team.ws, team.sup, first).state is IdentificationState.REVOKED
    third = _review(team, team.ident1, team.cand(1, 3), ReviewDecision.PROPOSE)
    assert third is not None
    with pytest.raises(SignOffRefused, match="this missing person is already identified"):
        confirm(team.ws, third, "x", team.sup2)  # Omar is already identified as B2


def test_revocation_needs_a_reason_and_keeps_the_record(team: Team) -> None:
    ident = _review(team, team.ident1, team.cand(1, 1), ReviewDecision.PROPOSE)
    assert ident is not None
    with pytest.raises(SignOffRefused, match="only a confirmed identification can be revoked"):
        revoke(team.ws, ident, "no", team.sup)
    confirm(team.ws, ident, "agreed", team.sup)
    with pytest.raises(InvalidRequest, match="needs a written reason"):
        revoke(team.ws, ident, "", team.sup)
    with pytest.raises(PermissionDenied):
        revoke(team.ws, ident, "wrong", team.exam)
    revoke(team.ws, ident, "DNA excluded him", team.sup2)
    view = identification(team.ws, team.ident1, ident)
    assert view.state is IdentificationState.REVOKED
    assert view.revoke_reason == "DNA excluded him"
    assert [s.state.value for s in view.history] == ["proposed", "confirmed", "revoked"]
    with pytest.raises(SignOffRefused, match="only a confirmed identification can be revoked"):
        revoke(team.ws, ident, "again", team.sup)


def test_reviews_and_identifications_are_never_edited_or_deleted(team: Team) -> None:
    ident = _review(team, team.ident1, team.cand(1, 1), ReviewDecision.PROPOSE)
    assert ident is not None
    confirm(team.ws, ident, "agreed", team.sup)
    for statement, message in (
            ("UPDATE review SET rationale = 'changed'", "a review is never edited"),
            ("DELETE FROM review", "a review is never deleted"),
            ("DELETE FROM identification", "never deleted: revoke it"),
            ("UPDATE identification SET state = 'proposed'", "can only be revoked"),
            ("UPDATE identification SET evidence = '{}'", "frozen"),
            ("DELETE FROM identification_step", "never deleted")):
        with pytest.raises(dbapi2.DatabaseError, match=message), \
                team.ws.engine.begin() as conn:
            conn.execute(text(statement))
    assert identification(team.ws, team.sup, ident).state is IdentificationState.CONFIRMED


def test_a_later_review_against_the_proposal_blocks_confirmation(team: Team) -> None:
    cand = team.cand(1, 1)
    ident = _review(team, team.ident1, cand, ReviewDecision.PROPOSE)
    assert ident is not None
    _review(team, team.exam, cand, ReviewDecision.EXCLUDED, "the tattoo is on the other arm")
    with pytest.raises(SignOffRefused, match="latest review of this pair \\(by exam1: "
                       "excluded\\) does not support"):
        confirm(team.ws, ident, "agreed", team.sup)


def test_blind_review_hides_others_decisions_and_with_the_setting_the_scores(
        team: Team) -> None:
    cand = team.cand(1, 1)
    _review(team, team.ident1, cand, ReviewDecision.POSSIBLE, "my own view")
    ctx = review_context(team.ws, team.ident2, cand)
    assert ctx.other_reviews == ()
    assert ctx.others_hidden == 1
    assert ctx.state is None  # ident1's decision shows in the state: withheld too
    assert ctx.score is not None  # the setting is off: scores are shown
    listed = {c.id: c for c in candidates_of(team.ws, team.ident2, 1)}
    assert listed[cand].state is None
    assert "decision" in listed[cand].hidden
    with pytest.raises(PermissionDenied):
        set_blind_scores(team.ws, True, team.ident1)
    set_blind_scores(team.ws, True, team.sup)
    ctx = review_context(team.ws, team.ident2, cand)
    assert ctx.score is None
    assert ctx.rank is None
    assert all(p.score is None for p in ctx.pairs)
    listed = {c.id: c for c in candidates_of(team.ws, team.ident2, 1)}
    assert listed[cand].score is None
    assert listed[cand].rank is None
    _review(team, team.ident2, cand, ReviewDecision.NEEDS_INFO, "cannot tell")
    after = review_context(team.ws, team.ident2, cand)
    assert [r.reviewer for r in after.other_reviews] == ["ident1"]
    assert after.score is not None
    assert after.hidden == frozenset()
    with team.ws.uow() as uow:
        mine = [r for r in uow.reviews.reviews_of(cand) if r.reviewer == "ident2"][0]
    assert set(mine.shown["hidden"]) == {"decision", "other_reviews", "scores", "rank"}  # type: ignore[arg-type]
    assert mine.shown["other_reviews_withheld"] == 1


def test_searching_again_leaves_decided_pairs_and_identifications_alone(team: Team) -> None:
    cand = team.cand(1, 1)
    ident = _review(team, team.ident1, cand, ReviewDecision.PROPOSE)
    assert ident is not None
    confirm(team.ws, ident, "agreed", team.sup)
    excluded = team.cand(1, 3)
    _review(team, team.ident1, excluded, ReviewDecision.EXCLUDED, "different person")
    with team.ws.uow() as uow:
        uow.session.execute(text("UPDATE candidate SET score = 0.123 WHERE id IN (:a, :b)"),
                            {"a": cand, "b": excluded})
        uow.commit()
    before = identification(team.ws, team.sup, ident)
    SearchService(team.ws).run(RunSearch(all_persons=True, top=3), team.sup)
    SearchService(team.ws).run(RunSearch(body_ids=(1, 3), top=3), team.sup)
    with team.ws.uow() as uow:
        rows = {c.id: (c.state, c.score) for c in uow.session.scalars(select(Candidate))}
    assert rows[cand] == (CandidateState.PROPOSED, 0.123)
    assert rows[excluded] == (CandidateState.EXCLUDED, 0.123)
    after = identification(team.ws, team.sup, ident)
    assert (after.state, after.evidence, after.history) == (before.state, before.evidence,
                                                           before.history)


def test_every_step_is_audited_with_its_details(team: Team) -> None:
    cand = team.cand(2, 2)
    open_candidate(team.ws, cand, team.ident1)
    ident = _review(team, team.ident1, cand, ReviewDecision.PROPOSE)
    assert ident is not None
    return_proposal(team.ws, ident, "numbers?", team.sup)
    again = _review(team, team.ident1, cand, ReviewDecision.PROPOSE, "numbers agree")
    assert again is not None
    confirm(team.ws, again, "agreed", team.sup2)
    revoke(team.ws, again, "family withdrew the photo as not him", team.sup)
    with team.ws.uow() as uow:
        events = [(e.action, e.actor, json.loads(e.details)) for e in uow.session.scalars(
            select(AuditEvent).where(AuditEvent.seq > 0).order_by(AuditEvent.seq))]
    tail = [(a, who) for a, who, _ in events if a.startswith(("candidate.", "review.",
                                                              "identification."))]
    assert tail == [("candidate.open", "ident1"), ("review.record", "ident1"),
                    ("identification.propose", "ident1"), ("identification.return", "supervisor1"),
                    ("review.record", "ident1"), ("identification.propose", "ident1"),
                    ("identification.confirm", "sup2"),
                    ("identification.revoke", "supervisor1")]
    confirm_details = next(d for a, _, d in events if a == "identification.confirm")
    assert confirm_details["reason"] == "agreed"


def test_a_revoked_identifications_report_says_so_on_every_page(team: Team,
                                                                 tmp_path: Path) -> None:
    from pypdf import PdfReader

    from athar.casework.reports.content import ReportRefused
    from athar.casework.reports.service import MakeReport, make_report

    cand = team.cand(1, 1)
    ident = _review(team, team.ident1, cand, ReviewDecision.PROPOSE)
    assert ident is not None
    with pytest.raises(ReportRefused, match="is proposed"):
        make_report(team.ws, MakeReport(ident, tmp_path / "early.pdf"), team.sup)
    confirm(team.ws, ident, "agreed", team.sup)
    for i in range(12):  # enough text for several pages
        _review(team, team.exam, cand, ReviewDecision.POSSIBLE, f"note {i}: " + "a long "
                "rationale " * 40)
    revoke(team.ws, ident, "the family recognised a different scar", team.sup2)
    with pytest.raises(PermissionDenied, match="contact grant"):
        make_report(team.ws, MakeReport(ident, tmp_path / "c.pdf", contact=True), team.ident1)
    done = make_report(team.ws, MakeReport(ident, tmp_path / "revoked.pdf", full_body=True),
                       team.ident1)
    pages = PdfReader(done.path).pages
    assert len(pages) >= 2
    for page in pages:
        words = page.extract_text()
        assert "REVOKED" in words
    first = pages[0].extract_text().replace("\n", " ")
    assert "the family recognised a different scar" in first
    assert "full post-mortem photographs" in first
    text = " ".join(page.extract_text().replace("\n", " ") for page in pages)
    with team.ws.uow() as uow:
        found = uow.reviews.identification(ident)
        assert found is not None
        frozen = found.evidence
    assert frozen["pooled"] is not None  # the score's parts, as the search ranked by them
    assert f"pooled faces {frozen['pooled']}" in text
    with team.ws.uow() as uow:
        made = uow.session.scalars(select(AuditEvent).where(
            AuditEvent.action == "report.make")).one()
    details = json.loads(made.details)
    assert details["sha256"] == done.sha256
    assert details["state"] == "revoked"
    assert details["full_body"] is True
