"""The fused score: the face's likelihood ratio combined with what the records and the
marks say, as one log10 likelihood ratio a candidate list can be ranked by.

Each piece of evidence is a likelihood ratio of its own, and the pieces are multiplied
(their log10s added) as if independent given the proposition; the terms are written out
with every candidate so that a reader sees what moved it.

- face: the calibrated LR of the face score (casework.checks.strength).
- records, per consistency rule: LR = P(outcome | same person) / P(outcome | different
  people). A family's record or an examiner's estimate is wrong with probability `error`;
  two unrelated records agree by chance with probability `chance`. So a consistent rule
  weighs (1 - error) / chance and an inconsistent one error / (1 - chance); "unknown"
  weighs 1. The values below are stated assumptions about records like the team's, not
  fitted (there is no labelled case set to fit them on), and are deliberately generous
  with errors: one wrong record moves a candidate by about one order of magnitude, less
  than the face evidence of a true pair typically carries, so it flags a candidate
  without burying it (bench/fusion.py measures exactly that).
- marks, per mark the family or an examiner recorded for the person: an examiner's link
  counts as the examiner's judgement (corresponding 10^2, similar 10^1, not
  corresponding 10^-2); an unlinked mark of the same category at the same place on the
  Body 10^0.5; everything else (a different mark there, nothing recorded) 1: the Body's
  side may simply not show that part.

A candidate without a face LR (a model with no calibration, or a score blind review
withholds) has no fused score: the lists then stay in face order.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from athar.casework.checks.consistency import Consistency, Outcome
from athar.casework.checks.strength import MAX_LOG10, Strength, verbal_of


@dataclass(frozen=True)
class RecordRate:
    """The assumptions behind one rule's weight."""

    error: float
    """How often one of the two records is wrong about this."""
    chance: float
    """How often two unrelated people's records agree on it."""

    def log10_lr(self, outcome: Outcome) -> float:
        """The rule's weight for an outcome."""
        if outcome is Outcome.CONSISTENT:
            return math.log10((1 - self.error) / self.chance)
        if outcome is Outcome.INCONSISTENT:
            return math.log10(self.error / (1 - self.chance))
        return 0.0


RECORD_RATES: Mapping[str, RecordRate] = {
    # almost every detainee in the photographs is a man: sex says little when it agrees
    "sex": RecordRate(error=0.05, chance=0.9),
    # an examiner's age range from a photo of a starved body, or a family's birth year, is
    # wrong one time in four; a range ±3 years fits half of unrelated adults
    "age": RecordRate(error=0.25, chance=0.5),
    # most photos of unrelated people also come after a given arrest date
    "dates": RecordRate(error=0.15, chance=0.7),
    # detainees were moved between branches: a differing number is as often no error
    "branch": RecordRate(error=0.50, chance=0.15),
}
"""Per consistency rule, the stated assumptions its weight follows from (chosen on
faces-tune with bench/fusion.py over the first set, error 10% / 10% / 30% for age, dates
and branch with age chance 35%, which let one wrong birth year or branch bury true
Bodies)."""

MARK_WEIGHTS: Mapping[str, float] = {
    "corresponding": 2.0,
    "similar": 1.0,
    "not_corresponding": -2.0,
    "compatible": 0.5,
    "other_at_location": 0.0,
    "none_recorded": 0.0,
}
"""log10 weight of each of a person's marks by what the Body's marks say about it
(casework.marks.search.Agreement)."""


@dataclass(frozen=True)
class Term:
    """One piece of evidence and its weight."""

    source: str
    """"face", "records:<rule>" or "marks:<agreement>"."""
    log10_lr: float
    count: int = 1


@dataclass(frozen=True)
class Fused:
    """A candidate's combined evidence."""

    log10_lr: float
    terms: tuple[Term, ...]

    @property
    def verbal(self) -> str:
        """The verbal scale's words for the combined ratio."""
        return verbal_of(self.log10_lr)

    @property
    def for_same(self) -> bool:
        """Whether the combination supports the same person."""
        return self.log10_lr > 0


def record_terms(records: Consistency | None,
                 rates: Mapping[str, RecordRate] = RECORD_RATES) -> list[Term]:
    """The records' terms (rules that say something only)."""
    if records is None:
        return []
    out = []
    for result in records.results:
        rate = rates.get(result.rule)
        if rate is None or result.outcome is Outcome.UNKNOWN:
            continue
        out.append(Term(f"records:{result.rule}", round(rate.log10_lr(result.outcome), 3)))
    return out


def mark_terms(marks: Mapping[str, int] | None) -> list[Term]:
    """The marks' terms: per agreement, how many of the person's marks have it."""
    out = []
    for agreement, count in sorted((marks or {}).items()):
        weight = MARK_WEIGHTS.get(agreement, 0.0)
        if count and weight:
            out.append(Term(f"marks:{agreement}", round(weight * count, 3), count))
    return out


def fuse(face: Strength | None, records: Consistency | None,
         marks: Mapping[str, int] | None,
         rates: Mapping[str, RecordRate] = RECORD_RATES) -> Fused | None:
    """The combined evidence of one candidate (None without a face LR; `rates`: other
    assumptions, for the bench to compare)."""
    if face is None:
        return None
    terms = [Term("face", face.log10_lr), *record_terms(records, rates),
             *mark_terms(marks)]
    total = sum(t.log10_lr for t in terms)
    return Fused(round(max(-MAX_LOG10, min(MAX_LOG10, total)), 2), tuple(terms))
