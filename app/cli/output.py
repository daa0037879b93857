"""What the command line prints: import summaries, ranked lists, record tables, JSON."""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from athar.casework.checks.consistency import Consistency
from athar.casework.domain.entities import CandidateState
from athar.casework.domain.text import csv_cell, neutralise
from athar.casework.intake.ingest import ImportReport
from athar.casework.intake.persons import PersonSummary
from athar.casework.marks.search import MarksAgreement
from athar.casework.matching.candidates import CandidateView
from athar.casework.matching.search import QueryResult
from athar.casework.records.browse import BodyRecord, CollectionView
from athar.casework.reports.weight import Weighed
from athar.casework.review.signoff import IdentificationView
from athar.casework.storage.outputs import write_atomically


def print_json(data: Any) -> None:
    """JSON on stdout, non-ASCII kept (Arabic names readable)."""
    print(json.dumps(data, ensure_ascii=False, indent=1))


def print_import_summary(report: ImportReport) -> None:
    """Counts that add up to the files found, then every file not imported with its reason,
    every note, and what to do after a cancel."""
    rate = report.new_photos / report.elapsed_s if report.elapsed_s else 0.0
    parts = [f"new photos: {report.new_photos}", f"duplicates: {report.duplicates}",
             f"filed elsewhere: {report.filed_elsewhere}",
             f"already imported: {report.already_done}", f"skipped: {len(report.skipped)}"]
    if report.not_done:
        parts.append(f"not reached: {report.not_done}")
    print(f"files: {report.total} = " + "  ".join(parts))
    print(f"faces: {report.faces}  photos without a face: {len(report.no_face)}  "
          f"({report.elapsed_s:.1f} s, {rate:.2f} img/s)")
    for skipped in report.skipped:
        print(f"  skipped {neutralise(skipped.path)}: {neutralise(skipped.reason)}")
    for path in report.no_face:
        print(f"  no face found in {neutralise(path)} (photo kept; the face can be marked "
              "by hand)")
    for line in report.created:
        print(f"  new record: {neutralise(line)}")
    for note in report.notes:
        print(f"  note: {neutralise(note)}")
    if report.cancelled:
        print(f"import interrupted: {report.accounted} of {report.total} files done and kept; "
              "run the same command again to resume")


def _match_json(key: str, m: Any) -> dict[str, Any]:
    am, pm = ((m.query_face_id, m.match_face_id) if key == "body"
              else (m.match_face_id, m.query_face_id))
    return {"candidate": m.candidate_id, key: m.owner_id, f"{key}_label": neutralise(m.label),
            "rank": m.rank, "score": round(m.score, 6), "best_pair": round(m.best, 6),
            "pooled": round(m.pooled, 6), "mean_faces": round(m.mean_faces, 6),
            "score_mean3": round(m.score_mean3, 6), "am_face": am, "pm_face": pm,
            "state": m.state,
            **({"model": m.model_id} if m.model_id else {}),
            **({"fused_log10_lr": m.fused_log10_lr,
                "models": {k: {"score": round(v, 6), "log10_lr": m.model_log10_lr.get(k)}
                           for k, v in m.model_scores.items()}}
               if m.fused_log10_lr is not None else {})}


def print_results(results: Sequence[QueryResult], as_json: bool) -> None:
    """A table per query, or a JSON list with every id needed to act on a result."""
    if as_json:
        out = []
        for r in results:
            key, label_key = ("person", "body") if r.direction == "am->pm" else ("body",
                                                                                 "person")
            out.append({key: r.query_id, f"{key}_label": neutralise(r.query_label),
                        "direction": r.direction, "search_run": r.search_run_id,
                        "candidates": [_match_json(label_key, m) for m in r.matches],
                        **({"note": r.note} if r.note else {})})
        print_json(out)
        return
    for r in results:
        kind = "Person" if r.direction == "am->pm" else "Body"
        run = f" (search run {r.search_run_id})" if r.search_run_id else ""
        print(f"{kind} {r.query_id} «{neutralise(r.query_label)}»{run}"
              + (f": {r.note}" if r.note else ""))
        if r.matches and r.matches[0].fused_log10_lr is not None:
            _print_fused(r)
            continue
        if r.matches:
            print(f"  {'rank':>4}  {'id':>6}  {'cand.':>6}  {'score':>6}  {'best':>6}  "
                  f"{'pooled':>6}  {'means':>6}  {'mean3':>6}  {'state':<10} label")
        for m in r.matches:
            print(f"  {m.rank:>4}  {m.owner_id:>6}  {m.candidate_id:>6}  {m.score:6.3f}  "
                  f"{m.best:6.3f}  {m.pooled:6.3f}  {m.mean_faces:6.3f}  {m.score_mean3:6.3f}  "
                  f"{m.state:<10} {neutralise(m.label)}")


def _print_fused(r: QueryResult) -> None:
    """A fused list: the fused log10 LR it is ranked by, then each model's score and its
    calibrated log10 LR ("-": the model could not score that owner)."""
    models = list(dict.fromkeys(k for m in r.matches for k in m.model_scores))
    for n, model in enumerate(models, start=1):
        print(f"  model {n}: {model}")
    head = "  ".join(f"{f'm{n} score':>9}  {f'm{n} lgLR':>8}" for n in range(1, len(models) + 1))
    print(f"  {'rank':>4}  {'id':>6}  {'cand.':>6}  {'fused lgLR':>10}  {head}  "
          f"{'state':<10} label")
    for m in r.matches:
        cells = "  ".join(
            f"{m.model_scores[k]:9.3f}  {m.model_log10_lr[k]:8.2f}" if k in m.model_scores
            else f"{'-':>9}  {'-':>8}" for k in models)
        print(f"  {m.rank:>4}  {m.owner_id:>6}  {m.candidate_id:>6}  "
              f"{m.fused_log10_lr or 0.0:10.2f}  {cells}  {m.state:<10} {neutralise(m.label)}")


def write_results_csv(results: Sequence[QueryResult], path: Path) -> None:
    """The ranked lists as CSV (written whole or not at all), cells neutralised against
    formulas and direction tricks."""
    def write(fh: IO[str]) -> None:
        writer = csv.writer(fh)
        writer.writerow(["direction", "search_run", "query_id", "query_label", "rank",
                         "match_id", "match_label", "candidate", "score", "best_pair",
                         "pooled", "mean_faces", "score_mean3", "state", "model",
                         "fused_log10_lr", "model_scores"])
        for r in results:
            for m in r.matches:
                writer.writerow([csv_cell(v) for v in (
                    r.direction, r.search_run_id, r.query_id, r.query_label, m.rank,
                    m.owner_id, m.label, m.candidate_id, f"{m.score:.6f}", f"{m.best:.6f}",
                    f"{m.pooled:.6f}", f"{m.mean_faces:.6f}", f"{m.score_mean3:.6f}", m.state,
                    m.model_id,
                    "" if m.fused_log10_lr is None else f"{m.fused_log10_lr:.4f}",
                    " ".join(f"{k}={v:.6f}" for k, v in m.model_scores.items()))])

    write_atomically(path, write)


def print_persons(rows: Sequence[PersonSummary], as_json: bool) -> None:
    """Missing persons with their ids."""
    if as_json:
        print_json([{"id": p.id, "label": neutralise(p.label), "name": p.name,
                     "name_ar": p.name_ar, "sex": p.sex, "born": p.born, "photos": p.photos,
                     "faces": p.faces} for p in rows])
        return
    if not rows:
        print("no missing person yet (athar add-person, athar import-am)")
        return
    print(f"{'id':>6}  {'photos':>6}  {'faces':>5}  {'sex':<7}  {'born':<10}  label (name)")
    for p in rows:
        names = " / ".join(neutralise(n) for n in (p.name, p.name_ar) if n and n != p.label)
        print(f"{p.id:>6}  {p.photos:>6}  {p.faces:>5}  {p.sex or '-':<7}  "
              f"{p.born or '-':<10}  {neutralise(p.label)}" + (f" ({names})" if names else ""))


def print_bodies(rows: Sequence[BodyRecord], as_json: bool) -> None:
    """Bodies with their ids, collection and numbers."""
    if as_json:
        print_json([{"id": b.id, "label": neutralise(b.label), "collection": b.collection,
                     **b.fields, "photos": b.photos, "faces": b.faces} for b in rows])
        return
    if not rows:
        print("no Body matches")
        return
    print(f"{'id':>6}  {'photos':>6}  {'faces':>5}  {'detainee':<10}  {'branch':<8}  "
          f"{'forensic':<10}  {'date':<10}  collection / label")
    for b in rows:
        f = {k: neutralise(v) if v else "-" for k, v in b.fields.items()}
        print(f"{b.id:>6}  {b.photos:>6}  {b.faces:>5}  {f['detainee_no']:<10}  "
              f"{f['branch_no']:<8}  {f['forensic_no']:<10}  {f['photo_date']:<10}  "
              f"{neutralise(b.collection)} / {neutralise(b.label)}")


def print_collections(rows: Sequence[CollectionView], as_json: bool) -> None:
    """Post-mortem collections with their ids and sizes."""
    if as_json:
        print_json([{"id": c.id, "name": c.name, "bodies": c.bodies, "photos": c.photos}
                    for c in rows])
        return
    if not rows:
        print("no collection yet (athar import-pm)")
        return
    print(f"{'id':>6}  {'bodies':>6}  {'photos':>6}  name")
    for c in rows:
        print(f"{c.id:>6}  {c.bodies:>6}  {c.photos:>6}  {neutralise(c.name)}")


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 6)


def shown_state(state: CandidateState | None) -> str:
    """A state for a table: `hidden` while blind review withholds others' decision."""
    return "hidden" if state is None else state.value


def _candidate_json(c: CandidateView) -> dict[str, Any]:
    return {"candidate": c.id, "person": c.person_id, "person_label": neutralise(c.person_label),
            "body": c.body_id, "body_label": neutralise(c.body_label),
            "collection": c.collection, "rank": c.rank, "body_rank": c.body_rank,
            "score": _round(c.score), "best_pair": _round(c.best),
            "pooled": _round(c.pooled), "mean_faces": _round(c.mean_faces),
            "score_mean3": _round(c.score_mean3),
            "state": None if c.state is None else c.state.value, "reviews": c.reviews,
            "hidden": sorted(c.hidden), "attention": c.attention,
            "am_face": c.am_face_id, "pm_face": c.pm_face_id, "model_id": c.model_id,
            "index_version": c.index_version, "search_run": c.search_run_id,
            "models": None if c.fusion is None else {
                m: {"score": c.fusion.scores[m], "log10_lr": c.fusion.log10_lr.get(m)}
                for m in c.fusion.models if m in c.fusion.scores},
            "fused_log10_lr": None if c.fusion is None else c.fusion.fused_log10_lr}


def _marks_json(agreement: MarksAgreement | None) -> dict[str, Any] | None:
    if agreement is None:
        return None
    return {"person_marks": len(agreement.items), "supporting": agreement.supporting,
            "contradicted": agreement.contradicted,
            "items": [{"person_mark": i.person_mark.id, "category": i.person_mark.category,
                       "location": i.person_mark.location, "on_body": i.agreement.value,
                       "body_marks": list(i.body_marks),
                       "link": i.link.id if i.link else None} for i in agreement.items]}


def _marks_cell(agreement: MarksAgreement | None) -> str:
    if agreement is None:
        return "-"
    text = f"{agreement.supporting}/{len(agreement.items)}"
    return text + (f" x{agreement.contradicted}" if agreement.contradicted else "")


def _records_of(weighed: Mapping[tuple[int, int], Weighed], c: CandidateView
                ) -> Consistency | None:
    found = weighed.get((c.person_id, c.body_id))
    return None if found is None else found.records


def _records_json(found: Consistency | None) -> list[dict[str, Any]]:
    return [] if found is None else [
        {"rule": r.rule, "outcome": r.outcome.value, "code": r.code, "reason": r.reason}
        for r in found.results]


def _evidence_json(found: Weighed | None) -> dict[str, Any] | None:
    if found is not None and found.earlier_rule:
        return {"face_log10_lr": None,
                "note": "scored before the pooled faces: search again for its likelihood "
                        "ratio"}
    if found is None or found.face is None or found.calibration is None:
        return None
    cal = found.calibration
    out: dict[str, Any] = {
        "face_log10_lr": found.face.log10_lr, "face_verbal": found.face.verbal,
        "calibration": {"model_id": cal.model_id, "fitted_on": cal.fitted_on,
                        "date": cal.date, "pairs": cal.pairs}}
    if found.fused is not None:
        out |= {"fused_log10_lr": found.fused.log10_lr, "fused_verbal": found.fused.verbal,
                "terms": [{"source": t.source, "log10_lr": t.log10_lr, "count": t.count}
                          for t in found.fused.terms]}
    return out


def _lr_cell(found: Weighed | None, fused: bool) -> str:
    if found is None or found.face is None:
        return "-"
    value = found.fused.log10_lr if fused and found.fused else found.face.log10_lr
    return f"{value:+.1f}"


def print_candidates(rows: Sequence[CandidateView], as_json: bool,
                     weighed: Mapping[tuple[int, int], Weighed] | None = None,
                     order: str = "face") -> None:
    """Stored candidates as they are (no search is run), with their evidence weighed:
    the face's likelihood ratio (log10) and, ranked by all the evidence, the fused one;
    what the Body's marks say about the person's (supported/person's marks, x
    contradicted); the rules the two records break."""
    weighed = weighed or {}
    marks = {k: w.marks for k, w in weighed.items() if w.marks is not None}
    if as_json:
        print_json([{**_candidate_json(c),
                     "evidence": _evidence_json(weighed.get((c.person_id, c.body_id))),
                     "marks": _marks_json(marks.get((c.person_id, c.body_id))),
                     "records": _records_json(_records_of(weighed, c))}
                    for c in rows])
        return
    if not rows:
        print("no candidate stored (run athar search first)")
        return
    lr_head = "fused" if order == "fused" else "faceLR"
    print(f"{'cand.':>6}  {'rank':>4}  {'b.rank':>6}  {'person':>6}  {'body':>6}  "
          f"{'score':>6}  {lr_head:>6}  {'state':<10} {'rev.':>4}  {'marks':>6}  "
          "person / body")
    for c in rows:
        rank = "-" if c.rank is None else str(c.rank)
        body_rank = "-" if c.body_rank is None else str(c.body_rank)
        score = "hidden" if c.score is None else f"{c.score:6.3f}"
        flag = "  (!)" if c.attention else ""
        found = weighed.get((c.person_id, c.body_id))
        print(f"{c.id:>6}  {rank:>4}  {body_rank:>6}  {c.person_id:>6}  {c.body_id:>6}  "
              f"{score:>6}  {_lr_cell(found, order == 'fused'):>6}  "
              f"{shown_state(c.state):<10} {c.reviews:>4}  "
              f"{_marks_cell(marks.get((c.person_id, c.body_id))):>6}  "
              f"{neutralise(c.person_label)} / {neutralise(c.body_label)}{flag}")
        records = _records_of(weighed, c)
        for r in records.inconsistent if records else ():
            print(f"{'':>8}records disagree ({r.rule}): {neutralise(r.reason)}")
    if any(w.face is not None for w in weighed.values()):
        print(f"{lr_head}: log10 of the likelihood ratio (+2: the score is 100 times more "
              "probable if the two are the same person; -2: if they are different people), "
              "never a probability of identity")
    if marks:
        print("marks: the person's marks with a compatible or linked mark on the Body / the "
              "person's marks; xN: contradicted by an examiner (athar mark list --person ID)")
    if any(c.hidden - {"other_reviews"} for c in rows):
        print("hidden: others' decisions (and, with the blind setting, scores and ranks) "
              "are shown once you have recorded your own review")


def _ident_json(v: IdentificationView) -> dict[str, Any]:
    return {"identification": v.id, "state": v.state.value, "candidate": v.candidate_id,
            "person": v.person_id, "person_label": neutralise(v.person_label),
            "body": v.body_id, "body_label": neutralise(v.body_label),
            "collection": v.collection, "proposed_by": v.proposed_by,
            "proposed_at": v.proposed_at.isoformat(), "decided_by": v.decided_by,
            "decided_at": v.decided_at.isoformat() if v.decided_at else None,
            "decision_reason": v.decision_reason, "revoked_by": v.revoked_by,
            "revoked_at": v.revoked_at.isoformat() if v.revoked_at else None,
            "revoke_reason": v.revoke_reason, "evidence": v.evidence,
            "history": [{"state": s.state.value, "by": s.actor, "at": s.at.isoformat(),
                         "reason": s.reason} for s in v.history],
            "reviews": [{"review": r.id, "reviewer": r.reviewer, "decision": r.decision.value,
                         "rationale": r.rationale, "at": r.at.isoformat()}
                        for r in v.reviews]}


def print_identifications(rows: Sequence[IdentificationView], as_json: bool) -> None:
    """Identifications with their state and who did what."""
    if as_json:
        print_json([_ident_json(v) for v in rows])
        return
    if not rows:
        print("no identification yet")
        return
    print(f"{'id':>5}  {'state':<10} {'cand.':>6}  {'proposed by':<14} {'signed off by':<14} "
          "person = Body")
    for v in rows:
        signed = v.revoked_by or v.decided_by or "-"
        print(f"{v.id:>5}  {v.state.value:<10} {v.candidate_id:>6}  {v.proposed_by:<14} "
              f"{signed:<14} {v.person_id} «{neutralise(v.person_label)}» = {v.body_id} "
              f"«{neutralise(v.body_label)}»")
