"""Every consistency rule, each outcome with its reason (issue 18)."""

from __future__ import annotations

import pytest

from athar.casework.checks.consistency import (
    Outcome,
    check_age,
    check_branch,
    check_dates,
    check_pair,
    check_sex,
)
from athar.casework.domain.dates import PartialDate, parse_date
from athar.casework.domain.entities import Body, MissingPerson


def _person(**fields: object) -> MissingPerson:
    return MissingPerson(id=1, label="p", **fields)


def _body(**fields: object) -> Body:
    return Body(id=2, label="b", collection_id=1, **fields)


@pytest.mark.parametrize(("family", "estimate", "outcome", "reason"), [
    ("male", "male", Outcome.CONSISTENT, "both records say male"),
    ("male", "female", Outcome.INCONSISTENT,
     "the family reports male; the examiner estimated female"),
    ("female", None, Outcome.UNKNOWN, "the sex is not recorded for the Body"),
    ("unknown", "male", Outcome.UNKNOWN, "the sex is not recorded for the missing person"),
    (None, "female", Outcome.UNKNOWN, "the sex is not recorded for the missing person"),
])
def test_sex(family: str | None, estimate: str | None, outcome: Outcome, reason: str) -> None:
    result = check_sex(_person(sex=family), _body(est_sex=estimate))
    assert (result.outcome, result.reason) == (outcome, reason)


@pytest.mark.parametrize(("born", "body", "outcome", "reason"), [
    ("1985", {"photo_date": "2013-08", "est_age_min": 25, "est_age_max": 35},
     Outcome.CONSISTENT, "aged 27-28 at the photo (2013-08), within the estimated 25-35"),
    ("1985-03-02", {"photo_date": "2013-08-20", "est_age_min": 45, "est_age_max": 60},
     Outcome.INCONSISTENT, "aged 28-28 at the photo (2013-08-20), outside the estimated "
     "45-60 (±3 years)"),
    ("1990", {"photo_date": "2013", "est_age_min": 25, "est_age_max": 30},
     Outcome.CONSISTENT, "aged 22-23 at the photo (2013), within the estimated 25-30"),
    ("1990", {"photo_date": "2013", "death_date": "2012-11", "est_age_min": 40,
              "est_age_max": 50}, Outcome.INCONSISTENT,
     "aged 21-22 at the certified death (2012-11), outside the estimated 40-50 (±3 years)"),
    ("1990", {"photo_date": "2013"}, Outcome.UNKNOWN, "no age estimate for the Body recorded"),
    (None, {"photo_date": "2013", "est_age_min": 20, "est_age_max": 30}, Outcome.UNKNOWN,
     "no birth date or year for the missing person recorded"),
    ("1990", {"photo_date": "summer", "est_age_min": 20, "est_age_max": 30}, Outcome.UNKNOWN,
     "no date of the photo or of death for the Body recorded"),
])
def test_age(born: str | None, body: dict[str, object], outcome: Outcome, reason: str) -> None:
    result = check_age(_person(born=born), _body(**body))
    assert (result.outcome, result.reason) == (outcome, reason)


@pytest.mark.parametrize(("arrest", "body", "outcome", "reason"), [
    ("2012-05", {"photo_date": "2013-08-02"}, Outcome.CONSISTENT,
     "the photo (2013-08-02) comes after the arrest (2012-05)"),
    ("2013-09-01", {"photo_date": "2013-08-02"}, Outcome.INCONSISTENT,
     "the photo (2013-08-02) comes before the arrest the family reports (2013-09-01)"),
    ("2013", {"photo_date": "2013-08"}, Outcome.UNKNOWN,
     "the photo (2013-08) and the arrest (2013) are given too roughly to tell"),
    ("2012", {"death_date": "2013-01-04", "photo_date": "2013-01-06"}, Outcome.CONSISTENT,
     "the certified death (2013-01-04) comes after the arrest (2012)"),
    ("2012", {"death_date": "2013-01-04", "photo_date": "2012-12-30"}, Outcome.INCONSISTENT,
     "the photo (2012-12-30) comes before the certified death (2013-01-04)"),
    (None, {"photo_date": "2013"}, Outcome.UNKNOWN, "no date of arrest recorded"),
    ("2012", {}, Outcome.UNKNOWN, "no date of the photo or of death for the Body recorded"),
])
def test_dates(arrest: str | None, body: dict[str, object], outcome: Outcome,
               reason: str) -> None:
    result = check_dates(_person(arrest_date=arrest), _body(**body))
    assert (result.outcome, result.reason) == (outcome, reason)


@pytest.mark.parametrize(("family", "number", "outcome", "reason"), [
    ("Military Intelligence, Branch 215", "215", Outcome.CONSISTENT,
     "branch 215 on both records"),
    ("فرع ٢١٥ (المخابرات العسكرية)", "215", Outcome.CONSISTENT, "branch 215 on both records"),
    ("Branch 227", "215", Outcome.INCONSISTENT,
     "branch 215 on the Body, Branch 227 named by the family (a detainee may have been "
     "moved between branches)"),
    ("Air Force Intelligence", "215", Outcome.UNKNOWN,
     "the family names the branch without a number (Air Force Intelligence)"),
    (None, "215", Outcome.UNKNOWN, "no branch recorded for the missing person"),
    ("Branch 215", None, Outcome.UNKNOWN, "no branch recorded for the Body"),
])
def test_branch(family: str | None, number: str | None, outcome: Outcome, reason: str) -> None:
    result = check_branch(_person(arresting_branch=family), _body(branch_no=number))
    assert (result.outcome, result.reason) == (outcome, reason)


def test_a_pair_is_flagged_by_any_inconsistent_rule() -> None:
    agree = check_pair(_person(sex="male"), _body(est_sex="male"))
    assert not agree.flagged
    assert [r.rule for r in agree.results] == ["sex", "age", "dates", "branch"]
    disagree = check_pair(_person(sex="male", arresting_branch="Branch 227"),
                          _body(est_sex="female", branch_no="215"))
    assert disagree.flagged
    assert [r.rule for r in disagree.inconsistent] == ["sex", "branch"]


def test_partial_dates_keep_their_precision() -> None:
    assert parse_date("2013") == PartialDate(2013)
    assert str(parse_date("2013-02")) == "2013-02"
    assert parse_date("2013-02").span()[1].day == 28  # type: ignore[union-attr]
    assert parse_date("2013-02-30") is None
    assert parse_date("early 2013") is None
