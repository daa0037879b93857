"""Fused ranking against face-only ranking on a simulated case set.

    .venv/bin/python bench/fusion.py ../shared/data/faces-dev [--condition pm-hard]

Each identity of the folder becomes one case: its first photo the family's, the rest one
Body (degraded with a bench condition, post-mortem-like by default). Records are
generated per identity from a seeded "truth" (sex, birth year, arrest date and branch,
the photo's date), then written the way a team's records are, with their errors: the
family's sex missing, a wrong or missing birth year, a missing or wrong arrest date, the
branch unknown; the Body's branch number from another branch (detainees were moved),
the examiner's estimates missing or rough. The generator's rates are its own, not the
fusion's assumptions (casework.checks.fusion.RECORD_RATES).

The case set goes through the product: the Bodies' numbers and dates by a CSV import, the
examiner's estimates with RecordEstimates, the families' records with RegisterPerson,
the search, then casework.reports.weight ranks each person's full list by the face
score and by the fused score. Reported: CMC (rank 1/5/10), mean rank of the true Body,
and, with exactly one of each person's fields made wrong (every field in turn), how far
the true Body falls.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
from calibrate import cllr, reliability  # noqa: E402
from common import identities, new_workspace, stage  # noqa: E402
from conditions import CONDITIONS  # noqa: E402

from athar.casework.bus import MessageBus  # noqa: E402
from athar.casework.checks.consistency import check_pair  # noqa: E402
from athar.casework.checks.fusion import RECORD_RATES, RecordRate, fuse  # noqa: E402
from athar.casework.checks.strength import calibration_for  # noqa: E402
from athar.casework.domain.entities import MissingPerson, Side  # noqa: E402
from athar.casework.intake.ingest import ImportPhotos, ImportService  # noqa: E402
from athar.casework.intake.persons import AddPerson  # noqa: E402
from athar.casework.intake.registration import RegisterPerson  # noqa: E402
from athar.casework.matching.candidates import CandidateView, candidates_of  # noqa: E402
from athar.casework.matching.search import RunSearch, SearchService  # noqa: E402
from athar.casework.records.estimates import RecordEstimates  # noqa: E402
from athar.casework.reports.weight import (  # noqa: E402
    FACE_ORDER,
    FUSED_ORDER,
    marks_tally,
    ordered,
    weigh,
)

VARIANTS: dict[str, Mapping[str, RecordRate]] = {
    "product": RECORD_RATES,
    # the first stated set, before faces-tune showed a wrong birth year or branch burying
    # true Bodies with it
    "first": {"sex": RecordRate(0.05, 0.9), "age": RecordRate(0.10, 0.35),
              "dates": RecordRate(0.10, 0.7), "branch": RecordRate(0.30, 0.15)},
}
"""Record-rule assumptions compared in one run (the product uses RECORD_RATES)."""

BRANCHES = ("215", "227", "235", "248", "251", "216", "290")
SEED = 20261201


@dataclass(frozen=True)
class Truth:
    """What is true of one identity (never shown to Athar)."""

    sex: str
    born: date
    arrest: date
    photo: date
    branch: str


@dataclass(frozen=True)
class Family:
    """The family's record as written, with its errors."""

    sex: str | None
    born: str | None
    arrest: str | None
    branch: str | None


@dataclass(frozen=True)
class BodyRecord:
    """The Body's record as written."""

    branch: str | None
    photo: str
    sex: str | None
    age: tuple[int, int] | None


def _day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randrange((last - first).days + 1))


def truth(rng: random.Random) -> Truth:
    """One identity's facts."""
    arrest = _day(rng, date(2011, 3, 15), date(2013, 10, 1))
    return Truth("male" if rng.random() < 0.92 else "female",
                 _day(rng, date(1955, 1, 1), date(1996, 12, 31)), arrest,
                 arrest + timedelta(days=rng.randrange(7, 720)),
                 rng.choices(BRANCHES, weights=(5, 4, 3, 2, 2, 1, 1))[0])


def family_record(rng: random.Random, t: Truth) -> Family:
    """What the family writes down: sex missing 15%, wrong 2%; birth a date 20%, a year
    60%, missing 10%, a wrong year (2-12 off) 10%; arrest missing 20%, to the month 40%,
    wrong (after the photo) 5%; branch unknown 40%."""
    r = rng.random()
    sex = None if r < 0.15 else ({"male": "female", "female": "male"}[t.sex]
                                 if r < 0.17 else t.sex)
    r = rng.random()
    if r < 0.2:
        born: str | None = t.born.isoformat()
    elif r < 0.8:
        born = str(t.born.year)
    elif r < 0.9:
        born = None
    else:
        born = str(t.born.year + rng.choice([-1, 1]) * rng.randint(2, 12))
    r = rng.random()
    if r < 0.2:
        arrest = None
    elif r < 0.25:
        arrest = (t.photo + timedelta(days=rng.randint(30, 400))).isoformat()
    elif r < 0.65:
        arrest = t.arrest.strftime("%Y-%m")
    else:
        arrest = t.arrest.isoformat()
    branch = None if rng.random() < 0.4 else f"Branch {t.branch}"
    return Family(sex, born, arrest, branch)


def body_record(rng: random.Random, t: Truth) -> BodyRecord:
    """What the Body's record holds: the branch number of another branch 15% (moved),
    none 10%; the examiner's sex estimate missing 10%; an age range of 10 years around
    the true age off by a normal error of 4 years, missing 15%."""
    r = rng.random()
    branch = None if r < 0.1 else (rng.choice([b for b in BRANCHES if b != t.branch])
                                   if r < 0.25 else t.branch)
    sex = None if rng.random() < 0.1 else t.sex
    age_now = (t.photo - t.born).days // 365
    centre = round(age_now + rng.gauss(0, 4))
    low = max(centre - 5, 14)
    age = None if rng.random() < 0.15 else (low, max(centre + 5, low + 4))
    return BodyRecord(branch, t.photo.isoformat(), sex, age)


WRONG_FIELDS = ("sex", "born", "arrest", "branch")


def one_wrong(person: MissingPerson, t: Truth, which: str) -> MissingPerson:
    """A copy of a person's record with exactly one field wrong."""
    copy = MissingPerson(**{c.key: getattr(person, c.key)
                            for c in MissingPerson.__table__.columns})
    if which == "sex":
        copy.sex = {"male": "female", "female": "male"}[t.sex]
    elif which == "born":
        copy.born = str(t.born.year + 15)
    elif which == "arrest":
        copy.arrest_date = (t.photo + timedelta(days=200)).isoformat()
    else:
        copy.arresting_branch = "Branch " + next(b for b in BRANCHES if b != t.branch)
    return copy


def cmc(ranks: list[int]) -> dict[str, float]:
    """Rank 1/5/10 shares and the mean rank."""
    n = len(ranks)
    return {"rank1": sum(r <= 1 for r in ranks) / n, "rank5": sum(r <= 5 for r in ranks) / n,
            "rank10": sum(r <= 10 for r in ranks) / n,
            "mean_rank": statistics.fmean(ranks), "median_rank": statistics.median(ranks)}


def run(data: Path, condition: str, limit: int | None = None) -> dict[str, object]:
    """Build the case set (the first `limit` identities), search, rank both ways."""
    rng = random.Random(SEED)
    ids = identities(data)[:limit]
    truths = {i.name: truth(rng) for i in ids}
    families = {i.name: family_record(rng, truths[i.name]) for i in ids}
    bodies = {i.name: body_record(rng, truths[i.name]) for i in ids}
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="athar-fusion-") as tmp:
        work = Path(tmp)
        pm = stage(work / "pm", {i.name: list(i.photos[1:]) for i in ids},
                   CONDITIONS[condition])
        sheet = work / "bodies.csv"
        with sheet.open("w", newline="", encoding="utf-8") as fh:
            out = csv.writer(fh)
            out.writerow(["file", "body", "branch_no", "photo_date"])
            for i in ids:
                for photo in sorted((pm / i.name).iterdir()):
                    b = bodies[i.name]
                    out.writerow([f"{i.name}/{photo.name}", i.name, b.branch or "", b.photo])
        ws, actor = new_workspace(work / "ws")
        try:
            ImportService(ws).run(ImportPhotos(pm, Side.PM, f"csv:{sheet}", "sim", 2), actor)
            bus = MessageBus(ws)
            with ws.uow() as uow:
                body_ids = {b.label: b.id for b in uow.records.bodies()}
            for name, b in bodies.items():
                if name in body_ids:
                    bus.handle(RecordEstimates(body_ids[name], est_sex=b.sex or "",
                                               est_age_min=b.age[0] if b.age else "",
                                               est_age_max=b.age[1] if b.age else ""), actor)
            person_ids = {}
            for i in ids:
                f = families[i.name]
                reg = bus.handle(RegisterPerson(AddPerson(
                    name=i.name, label=i.name, sex=f.sex, born=f.born, arrest_date=f.arrest,
                    arresting_branch=f.branch), (i.photos[0],)), actor)
                person_ids[i.name] = reg.person_id
            SearchService(ws).run(RunSearch(all_persons=True, top=len(ids)), actor)
            model_id = ws.model.model_id
            searched = time.monotonic()
            face: list[int] = []
            face_llr: list[float] = []
            same_pair: list[int] = []
            ranked: dict[str, list[int]] = {v: [] for v in VARIANTS}
            wrong: dict[str, dict[str, list[tuple[int, int]]]] = {
                v: {w: [] for w in WRONG_FIELDS} for v in VARIANTS}
            product: list[int] = []
            for name, pid in person_ids.items():
                views = candidates_of(ws, actor, pid)
                if name not in {v.body_label for v in views}:
                    continue  # no face found on the Body's photos: no candidate either way
                weighed = weigh(ws, actor, views)
                for v in views:  # the face LRs on these photos: does the calibration hold?
                    found = weighed[(v.person_id, v.body_id)].face
                    if found is not None:
                        face_llr.append(found.log10_lr)
                        same_pair.append(int(v.body_label == name))
                face_rank = _rank(ordered(views, weighed, FACE_ORDER), name)
                face.append(face_rank)
                product.append(_rank(ordered(views, weighed, FUSED_ORDER), name))
                with ws.uow() as uow:
                    person = uow.owners.person(pid)
                    body_of = {v.body_id: uow.owners.get_body(v.body_id) for v in views}
                    people = {"none": person, **{w: one_wrong(person, truths[name], w)
                                                 for w in WRONG_FIELDS}}
                    for variant, rates in VARIANTS.items():
                        for which, record in people.items():
                            scores = []
                            for v in views:
                                w = weighed[(v.person_id, v.body_id)]
                                now = fuse(w.face, check_pair(record, body_of[v.body_id]),
                                           marks_tally(w.marks), rates)
                                scores.append((-(now.log10_lr if now else -99.0),
                                               v.body_label))
                            rank = 1 + [label for _s, label in sorted(scores)].index(name)
                            if which == "none":
                                ranked[variant].append(rank)
                            else:
                                wrong[variant][which].append((face_rank, rank))
        finally:
            ws.close()
    cal = calibration_for(model_id)
    return {
        "data": data.name, "condition": condition, "cases": len(face),
        "identities": len(ids), "bodies": len(ids),
        "calibration": None if cal is None else {"model_id": cal.model_id,
                                                  "fitted_on": cal.fitted_on},
        "face_lr_on_these_photos": _calibration_check(face_llr, same_pair),
        "face_only": cmc(face), "fused": cmc(product),
        "variants": {variant: {
            "rates": {k: [r.error, r.chance] for k, r in VARIANTS[variant].items()},
            "fused": cmc(ranked[variant]),
            "one_wrong_field": {
                which: {"fused": cmc([r for _f, r in pairs]),
                        "fell_out_of_top10": sum(1 for f, r in pairs if f <= 10 < r),
                        "worse_than_face_only": sum(1 for f, r in pairs if r > f),
                        "median_fall": statistics.median([r - f for f, r in pairs])}
                for which, pairs in wrong[variant].items()}}
            for variant in VARIANTS},
        "seconds": {"import_and_search": round(searched - started, 1),
                    "total": round(time.monotonic() - started, 1)},
    }


def _calibration_check(llr: list[float], same: list[int]) -> dict[str, float]:
    """Cllr and ECE of the face LRs on the case set's pairs (a calibration fitted on clean
    faces-tune photos, measured here on other identities and other photos)."""
    values, labels = np.array(llr), np.array(same)
    ece, _curve = reliability(values, labels)
    return {"same_pairs": int(labels.sum()), "different_pairs": int((1 - labels).sum()),
            "cllr": round(cllr(values, labels), 4), "ece": round(ece, 4)}


def _rank(rows: Sequence[CandidateView], label: str) -> int:
    return 1 + [r.body_label for r in rows].index(label)


def main() -> int:
    """Run and print the figures (JSON, and a markdown table)."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", type=Path)
    ap.add_argument("--condition", default="pm-hard", choices=sorted(CONDITIONS))
    ap.add_argument("--identities", type=int, default=None,
                    help="only the first N identities (a shorter run)")
    ap.add_argument("--out", type=Path, default=Path("bench/out/fusion"))
    args = ap.parse_args()
    result = run(args.data, args.condition, args.identities)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / f"{args.condition}.json").write_text(json.dumps(result, indent=1))
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

