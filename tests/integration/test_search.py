"""Search on real faces: hold-out accuracy, stored Candidates, decided pairs left alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, event, func, select, update

from athar.app.cli import main
from athar.app.demo import stage_holdout
from athar.casework.domain.entities import Candidate, CandidateState, Side
from athar.casework.domain.permissions import Actor
from athar.casework.matching.search import RunSearch, SearchService
from athar.casework.storage.workspace import Workspace
from support import new_ws


def _search_json(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, object]]:
    capsys.readouterr()
    assert main(["search", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


@pytest.mark.slow
def test_holdout_search_all_on_faces_dev(tmp_path: Path, faces_dev: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    staged = tmp_path / "staged"
    n = stage_holdout(faces_dev, staged)
    ws_root = tmp_path / "ws"
    new_ws(ws_root)[0].close()
    assert main(["import-pm", str(ws_root), str(staged / "pm"), "--collection", "dev",
                 "--quiet"]) == 0
    assert main(["import-am", str(ws_root), str(staged / "am"), "--quiet"]) == 0
    results = _search_json(capsys, str(ws_root), "--all")
    assert len(results) == n
    ranks = []
    for r in results:
        cands = r["candidates"]
        assert isinstance(cands, list)
        assert len(cands) == min(50, n)
        assert [c["rank"] for c in cands] == list(range(1, len(cands) + 1))
        ranks.append(next((c["rank"] for c in cands if c["body_label"] == r["person_label"]),
                          None))
    rank1 = sum(1 for x in ranks if x == 1) / n
    rank10 = sum(1 for x in ranks if x is not None and x <= 10) / n
    print(f"faces-dev hold-out: {n} persons, rank-1 {rank1:.1%}, rank-10 {rank10:.1%}")
    assert rank1 >= 0.95
    assert rank10 >= 0.99


def test_json_shape_and_body_direction(small_ws: Workspace,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    root = str(small_ws.paths.root)
    results = _search_json(capsys, root, "--person", "1", "--top", "3")
    assert set(results[0]) == {"person", "person_label", "direction", "search_run",
                               "candidates"}
    first = results[0]["candidates"][0]  # type: ignore[index]
    assert {"candidate", "body", "body_label", "score", "best_pair", "pooled", "mean_faces",
            "rank", "am_face", "pm_face", "state"} <= set(first)
    assert first["score"] == pytest.approx((first["best_pair"] + first["pooled"]) / 2,
                                           abs=2e-6)
    assert first["body_label"] == results[0]["person_label"]
    body_id = first["body"]
    reverse = _search_json(capsys, root, "--body", str(body_id))
    assert reverse[0]["candidates"][0]["person"] == 1  # type: ignore[index]


def _candidates(ws: Workspace) -> list[Candidate]:
    with ws.uow() as uow:
        return list(uow.session.scalars(select(Candidate).order_by(Candidate.id)))


def test_rerun_updates_instead_of_duplicating_and_keeps_decisions(small_ws: Workspace,
                                                                  small_sup: Actor) -> None:
    service = SearchService(small_ws)
    service.run(RunSearch(all_persons=True, top=4), small_sup)
    first = _candidates(small_ws)
    excluded = first[0]
    with small_ws.uow() as uow:
        uow.session.execute(update(Candidate).where(Candidate.id == excluded.id)
                            .values(state=CandidateState.EXCLUDED, score=-1.0))
        uow.commit()
    results = service.run(RunSearch(all_persons=True, top=4), small_sup)
    after = _candidates(small_ws)
    assert len(after) == len(first)
    kept = next(c for c in after if c.id == excluded.id)
    assert kept.state is CandidateState.EXCLUDED
    assert kept.score == -1.0  # a decided pair is left exactly as the reviewer saw it
    shown = [m for r in results for m in r.matches if m.owner_id == excluded.body_id
             and r.query_id == excluded.person_id]
    assert shown[0].state == "excluded"
    with small_ws.uow() as uow:
        runs = uow.session.scalar(select(func.count()).select_from(Candidate))
    assert runs == len(first)


def test_a_search_writes_its_new_pairs_in_one_statement(small_ws: Workspace,
                                                        small_sup: Actor) -> None:
    # Building and flushing an ORM object per Candidate was most of a search's time when
    # every Body is ranked (accuracy.py ranks all 620 of faces-tune): a list's new pairs
    # now go to the database in one INSERT, and the pairs it had already are updated.
    inserts: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, params: object,
              _context: object, _many: bool) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO CANDIDATE "):
            inserts.append(statement)

    service = SearchService(small_ws)
    event.listen(Engine, "before_cursor_execute", count)
    try:
        [first] = service.run(RunSearch(person_ids=(1,), top=3), small_sup)
        assert len(inserts) == 1  # three pairs, one statement
        decided = first.matches[0].candidate_id
        with small_ws.uow() as uow:
            uow.session.execute(update(Candidate).where(Candidate.id == decided)
                                .values(state=CandidateState.EXCLUDED, score=-1.0))
            uow.commit()
        [wider] = service.run(RunSearch(person_ids=(1,), top=6), small_sup)
        assert len(inserts) == 2  # the three pairs it did not have, one statement
    finally:
        event.remove(Engine, "before_cursor_execute", count)
    stored = {c.id: c for c in _candidates(small_ws)}
    assert len(stored) == 6
    before = {m.owner_id: m.candidate_id for m in first.matches}
    for rank, m in enumerate(wider.matches, start=1):  # ids, ranks, states as stored
        cand = stored[m.candidate_id]
        assert (cand.person_id, cand.body_id, cand.state.value) == (1, m.owner_id, m.state)
        assert before.get(m.owner_id, m.candidate_id) == m.candidate_id  # not duplicated
        if cand.id == decided:  # left exactly as the reviewer saw it
            assert (cand.score, cand.search_run_id, m.state) == (-1.0, first.search_run_id,
                                                                "excluded")
            continue
        assert (cand.rank, cand.search_run_id) == (rank, wider.search_run_id)
        assert cand.score == pytest.approx(m.best)
        assert cand.score_pooled == pytest.approx(m.pooled)
        assert (cand.am_face_id, cand.pm_face_id) == (m.query_face_id, m.match_face_id)


def test_candidates_record_model_and_index_version(small_ws: Workspace,
                                                   small_sup: Actor) -> None:
    SearchService(small_ws).run(RunSearch(person_ids=(1,), top=2), small_sup)
    cands = _candidates(small_ws)
    index = small_ws.indexes.get(small_ws.model, Side.PM)
    assert {c.model_id for c in cands} == {small_ws.model.model_id}
    assert {c.index_version for c in cands} == {index.version()}
    assert all(c.state is CandidateState.QUEUED for c in cands)
    assert all(c.score_mean_faces is not None for c in cands)
    assert all(c.score_pooled is not None for c in cands)
    assert all(c.ranked_score == pytest.approx((c.score + (c.score_pooled or 0.0)) / 2)
               for c in cands)
    ranked = sorted(cands, key=lambda c: c.rank or 0)
    assert [c.ranked_score for c in ranked] == sorted((c.ranked_score for c in cands),
                                                      reverse=True)


def test_demo_prints_hit_rates(tmp_path: Path, small_pm: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "ids"
    for side in ("pm", "am"):
        for folder in (small_pm / side).iterdir():
            dest = src / folder.name
            dest.mkdir(parents=True, exist_ok=True)
            for f in folder.iterdir():
                (dest / f.name).write_bytes(f.read_bytes())
    assert main(["demo", str(src), "--workspace", str(tmp_path / "demo-ws")]) == 0
    out = capsys.readouterr().out
    assert "rank-1 hit rate: 100.0%" in out
    assert "rank-10 hit rate: 100.0%" in out


def test_unknown_person_is_a_clear_error(small_ws: Workspace,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", str(small_ws.paths.root), "--person", "999"]) == 2
    assert "no missing person with id 999" in capsys.readouterr().err


def test_empty_workspace_search_all_says_there_is_no_person_yet(ws: Workspace, sup: Actor) -> None:
    from athar.casework.domain.errors import InvalidRequest

    with pytest.raises(InvalidRequest, match="no missing person in this workspace yet"):
        SearchService(ws).run(RunSearch(all_persons=True), sup)


def _down_and_up(ws: Workspace, revision: str, column: str) -> None:
    """Downgrade the workspace's database to `revision` (the candidate table then has no
    `column`), then upgrade it to the latest migration again."""
    from alembic import command
    from sqlalchemy import text

    from athar.casework.storage.folder import _alembic_config

    cfg = _alembic_config(ws.engine)
    with ws.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
    with ws.engine.connect() as conn:
        assert column not in {
            row[1] for row in conn.execute(text("PRAGMA table_info(candidate)"))}
    with ws.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def test_candidates_from_before_mean_faces_survive_the_migration(small_ws: Workspace,
                                                                 small_sup: Actor) -> None:
    """Migration 0003 on a workspace holding Candidates: every row and decision kept; the
    old rows keep their best-pair score until the next search scores them again."""
    from athar.casework.matching.candidates import candidates_of

    SearchService(small_ws).run(RunSearch(person_ids=(1,), top=3), small_sup)
    before = {c.id: (c.score, c.rank, c.state) for c in _candidates(small_ws)}
    _down_and_up(small_ws, "0002", "score_mean_faces")
    after = _candidates(small_ws)
    assert {c.id: (c.score, c.rank, c.state) for c in after} == before
    assert all(c.score_mean_faces is None for c in after)
    views = candidates_of(small_ws, small_sup, 1)
    assert [v.score for v in views] == [v.best for v in views]
    assert all(v.mean_faces is None for v in views)


def test_candidates_ranked_before_the_pooled_score_keep_their_rule(small_ws: Workspace,
                                                                   small_sup: Actor) -> None:
    """Migration 0010 on a workspace holding Candidates: every row kept; the old rows keep
    the ranked score of the rule they were ranked by (best pair and mean faces), without a
    likelihood ratio, until the next search scores them again, which stores the pooled
    score."""
    from athar.casework.matching.candidates import candidates_of
    from athar.casework.reports.weight import weigh

    SearchService(small_ws).run(RunSearch(person_ids=(1,), top=3), small_sup)
    before = {c.id: (c.score, c.score_mean_faces, c.rank, c.state)
              for c in _candidates(small_ws)}
    _down_and_up(small_ws, "0009", "score_pooled")
    after = _candidates(small_ws)
    assert {c.id: (c.score, c.score_mean_faces, c.rank, c.state) for c in after} == before
    assert all(c.score_pooled is None for c in after)
    views = candidates_of(small_ws, small_sup, 1)
    assert [v.score for v in views] == pytest.approx(
        [((v.best or 0.0) + (v.mean_faces or 0.0)) / 2 for v in views])
    assert all(v.pooled is None for v in views)
    # the calibration reads the pooled score's scale: an older score gets no ratio
    old_weights = weigh(small_ws, small_sup, views).values()
    assert all(w.earlier_rule and w.face is None for w in old_weights)
    SearchService(small_ws).run(RunSearch(person_ids=(1,), top=3), small_sup)
    assert all(c.score_pooled is not None for c in _candidates(small_ws))
    new_weights = weigh(small_ws, small_sup, candidates_of(small_ws, small_sup, 1)).values()
    assert all(not w.earlier_rule and w.face is not None for w in new_weights)
