"""Dates as families and records give them: a year, a year and month, or a full date.

`PartialDate` keeps the precision it was given, so that comparing "2013" with
"2013-05-14" says "cannot tell" rather than inventing a day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from athar.casework.domain.errors import InvalidRequest

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
EARLIEST_YEAR = 1880
DATE_FORMS = "a year (1980), a month (1980-05) or a date (1980-05-17)"


@dataclass(frozen=True, order=True)
class PartialDate:
    """A year, with the month and the day when known."""

    year: int
    month: int | None = None
    day: int | None = None

    def span(self) -> tuple[date, date]:
        """The first and last day it may be."""
        if self.month is None:
            return date(self.year, 1, 1), date(self.year, 12, 31)
        if self.day is None:
            nxt = date(self.year + (self.month == 12), self.month % 12 + 1, 1)
            return date(self.year, self.month, 1), date.fromordinal(nxt.toordinal() - 1)
        day = date(self.year, self.month, self.day)
        return day, day

    def __str__(self) -> str:
        parts = [f"{self.year:04d}"] + [f"{v:02d}" for v in (self.month, self.day) if v]
        return "-".join(parts)


def parse_date(value: str) -> PartialDate | None:
    """The date in `value`, or None when it is not one of DATE_FORMS (no checks)."""
    match = _DATE.match(value.strip())
    if match is None:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    try:
        if month is not None:
            date(year, month, day or 1)
    except ValueError:
        return None
    return PartialDate(year, month, day)


def check_date(name: str, value: str, today: date | None = None) -> None:
    """A year, year-month or full date that exists on the calendar and is not in the future.

    Raises:
        InvalidRequest: naming the field and what was wrong.
    """
    match = _DATE.match(value)
    if match is None:
        raise InvalidRequest(f"{name}: «{value}» is not a date; write {DATE_FORMS}")
    year, month, day = (int(g) if g else None for g in match.groups())
    today = today or date.today()
    if year is None or not EARLIEST_YEAR <= year <= today.year:
        raise InvalidRequest(f"{name}: year {year} is outside {EARLIEST_YEAR}-{today.year}")
    if month is not None and not 1 <= month <= 12:
        raise InvalidRequest(f"{name}: «{value}» has no month {month:02d} (01 to 12)")
    if month is not None and day is not None:
        try:
            when = date(year, month, day)
        except ValueError as exc:
            raise InvalidRequest(f"{name}: «{value}» is not a day of the calendar") from exc
        if when > today:
            raise InvalidRequest(f"{name}: {value} is in the future")
