"""What the two records of a candidate say about each other, rule by rule: sex, age,
dates, branch. Each rule gives `consistent`, `inconsistent` or `unknown`, with a reason
(a code, its values, and the sentence in English). An inconsistent candidate is
flagged, never dropped: records can be wrong, and a family may not know.

- sex: the family's against the examiner's estimate for the Body.
- age: the age at the photo (or at the certified death) from the birth date or year,
  against the examiner's estimated range, with AGE_MARGIN years either way.
- dates: the post-mortem photo and the certified death cannot come before the arrest
  the family reports, nor the photo before the death; dates given to the year or month
  are compared at that precision ("cannot tell" when they overlap).
- branch: the branch number written on the Body against the numbers in the arresting
  branch the family names (a detainee may have been moved between branches: a
  difference is a flag to look at, nothing more).
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from athar.casework.domain.dates import PartialDate, parse_date
from athar.casework.domain.entities import Body, MissingPerson
from athar.casework.domain.permissions import Actor, Permission, require
from athar.casework.storage.uow import UnitOfWork
from athar.casework.storage.workspace import Workspace

AGE_MARGIN = 3
"""Years either way around an examiner's age range (estimates from photographs are
rough; starvation and torture make the dead look older)."""


class Outcome(enum.StrEnum):
    """What one rule says."""

    CONSISTENT = "consistent"
    INCONSISTENT = "inconsistent"
    UNKNOWN = "unknown"


REASONS: Mapping[str, str] = {
    "sex.same": "both records say {sex}",
    "sex.differs": "the family reports {family}; the examiner estimated {body}",
    "sex.unrecorded": "the sex is not recorded for the {missing}",
    "age.fits": "aged {low}-{high} at the {what} ({when}), within the estimated "
                "{est_min}-{est_max}",
    "age.outside": "aged {low}-{high} at the {what} ({when}), outside the estimated "
                   "{est_min}-{est_max} (±{margin} years)",
    "age.unrecorded": "no {missing} recorded",
    "dates.after_arrest": "the {what} ({when}) comes after the arrest ({arrest})",
    "dates.before_arrest": "the {what} ({when}) comes before the arrest the family reports "
                           "({arrest})",
    "dates.photo_before_death": "the photo ({photo}) comes before the certified death "
                                "({death})",
    "dates.cannot_tell": "the {what} ({when}) and the arrest ({arrest}) are given too "
                         "roughly to tell",
    "dates.unrecorded": "no {missing} recorded",
    "branch.same": "branch {number} on both records",
    "branch.differs": "branch {body} on the Body, {family} named by the family (a "
                      "detainee may have been moved between branches)",
    "branch.no_number": "the family names the branch without a number ({family})",
    "branch.unrecorded": "no branch recorded for the {missing}",
}
"""Every reason's English sentence; the desktop and the report translate the codes."""


@dataclass(frozen=True)
class RuleResult:
    """One rule's outcome and why."""

    rule: str
    outcome: Outcome
    code: str
    values: dict[str, object] = field(default_factory=dict)

    @property
    def reason(self) -> str:
        """The reason in English."""
        return REASONS[self.code].format(**self.values)


@dataclass(frozen=True)
class Consistency:
    """Every rule's result for one (person, Body) pair."""

    person_id: int
    body_id: int
    results: tuple[RuleResult, ...]

    @property
    def inconsistent(self) -> tuple[RuleResult, ...]:
        """The rules the records break."""
        return tuple(r for r in self.results if r.outcome is Outcome.INCONSISTENT)

    @property
    def flagged(self) -> bool:
        """Whether any rule found the records inconsistent."""
        return bool(self.inconsistent)


def _r(rule: str, outcome: Outcome, code: str, **values: object) -> RuleResult:
    return RuleResult(rule, outcome, code, values)


def check_sex(person: MissingPerson, body: Body) -> RuleResult:
    """The family's sex against the examiner's estimate."""
    family = (person.sex or "").lower() if (person.sex or "").lower() != "unknown" else ""
    est = (body.est_sex or "").lower() if (body.est_sex or "").lower() != "unknown" else ""
    if not family or not est:
        return _r("sex", Outcome.UNKNOWN, "sex.unrecorded",
                  missing="missing person" if not family else "Body")
    if family == est:
        return _r("sex", Outcome.CONSISTENT, "sex.same", sex=family)
    return _r("sex", Outcome.INCONSISTENT, "sex.differs", family=family, body=est)


def _reference(body: Body) -> tuple[str, PartialDate] | None:
    for what, value in (("certified death", body.death_date), ("photo", body.photo_date)):
        parsed = parse_date(value) if value else None
        if parsed is not None:
            return what, parsed
    return None


def _years(a: date, b: date) -> int:
    """Whole years from a to b."""
    return b.year - a.year - ((b.month, b.day) < (a.month, a.day))


def check_age(person: MissingPerson, body: Body) -> RuleResult:
    """The age at the photo (or the certified death) against the estimated range."""
    born = parse_date(person.born) if person.born else None
    ref = _reference(body)
    if body.est_age_min is None and body.est_age_max is None:
        return _r("age", Outcome.UNKNOWN, "age.unrecorded", missing="age estimate for the Body")
    if born is None:
        return _r("age", Outcome.UNKNOWN, "age.unrecorded",
                  missing="birth date or year for the missing person")
    if ref is None:
        return _r("age", Outcome.UNKNOWN, "age.unrecorded",
                  missing="date of the photo or of death for the Body")
    what, when = ref
    b_first, b_last = born.span()
    r_first, r_last = when.span()
    low, high = max(_years(b_last, r_first), 0), max(_years(b_first, r_last), 0)
    est_min = body.est_age_min if body.est_age_min is not None else 0
    est_max = body.est_age_max if body.est_age_max is not None else 150
    values = {"low": low, "high": high, "what": what, "when": str(when), "est_min": est_min,
              "est_max": est_max, "margin": AGE_MARGIN}
    if high < est_min - AGE_MARGIN or low > est_max + AGE_MARGIN:
        return _r("age", Outcome.INCONSISTENT, "age.outside", **values)
    return _r("age", Outcome.CONSISTENT, "age.fits", **values)


def check_dates(person: MissingPerson, body: Body) -> RuleResult:
    """The photo and the certified death after the arrest; the photo after the death."""
    photo = parse_date(body.photo_date) if body.photo_date else None
    death = parse_date(body.death_date) if body.death_date else None
    if photo is not None and death is not None and photo.span()[1] < death.span()[0]:
        return _r("dates", Outcome.INCONSISTENT, "dates.photo_before_death", photo=str(photo),
                  death=str(death))
    arrest = parse_date(person.arrest_date) if person.arrest_date else None
    ref = _reference(body)
    if arrest is None or ref is None:
        return _r("dates", Outcome.UNKNOWN, "dates.unrecorded",
                  missing="date of arrest" if arrest is None else
                  "date of the photo or of death for the Body")
    what, when = ref
    values = {"what": what, "when": str(when), "arrest": str(arrest)}
    if when.span()[1] < arrest.span()[0]:
        return _r("dates", Outcome.INCONSISTENT, "dates.before_arrest", **values)
    if when.span()[0] >= arrest.span()[1]:
        return _r("dates", Outcome.CONSISTENT, "dates.after_arrest", **values)
    return _r("dates", Outcome.UNKNOWN, "dates.cannot_tell", **values)


_NUMBER = re.compile(r"\d+")


def _numbers(text: str) -> set[str]:
    """The numbers in a text, Arabic-Indic digits read as Western ones, no leading zeros."""
    western = "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in text)
    return {n.lstrip("0") or "0" for n in _NUMBER.findall(western)}


def check_branch(person: MissingPerson, body: Body) -> RuleResult:
    """The branch number on the Body against the branch the family names."""
    if not person.arresting_branch or not body.branch_no:
        return _r("branch", Outcome.UNKNOWN, "branch.unrecorded",
                  missing="missing person" if not person.arresting_branch else "Body")
    family, on_body = _numbers(person.arresting_branch), _numbers(body.branch_no)
    if not family or not on_body:
        return _r("branch", Outcome.UNKNOWN, "branch.no_number",
                  family=person.arresting_branch)
    if family & on_body:
        return _r("branch", Outcome.CONSISTENT, "branch.same",
                  number=sorted(family & on_body)[0])
    return _r("branch", Outcome.INCONSISTENT, "branch.differs", body=body.branch_no,
              family=person.arresting_branch)


RULES = (check_sex, check_age, check_dates, check_branch)


def check_pair(person: MissingPerson, body: Body) -> Consistency:
    """Every rule for one pair."""
    return Consistency(person.id, body.id, tuple(rule(person, body) for rule in RULES))


def consistency_in(uow: UnitOfWork, pairs: Iterable[tuple[int, int]]
                   ) -> dict[tuple[int, int], Consistency]:
    """Every rule for each (person, Body) pair."""
    out = {}
    for person_id, body_id in dict.fromkeys(pairs):
        out[(person_id, body_id)] = check_pair(uow.owners.person(person_id),
                                               uow.owners.get_body(body_id))
    return out


def consistency(ws: Workspace, actor: Actor, pairs: Iterable[tuple[int, int]]
                ) -> dict[tuple[int, int], Consistency]:
    """What each pair's records say about each other (see the module docstring).

    Raises:
        PermissionDenied, NotFoundError.
    """
    require(actor, Permission.VIEW_RECORDS)
    with ws.uow(actor) as uow:
        return consistency_in(uow, pairs)
