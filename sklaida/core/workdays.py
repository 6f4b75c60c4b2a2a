"""Working days in Lithuania: the one place reports, reminders and deadlines count them.

A working day is Monday to Friday that is not a public holiday of the Republic of
Lithuania (Darbo kodeksas, art. 123) as the `holidays` package lists them — it follows
changes of law (e.g. Christmas Eve since 2024) with each release, so no date is kept here.
"""

from __future__ import annotations

import datetime
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _public_holidays(year: int) -> dict[datetime.date, str]:
    return dict(holidays.country_holidays("LT", years=year, language="lt"))


def public_holiday(day: datetime.date) -> str | None:
    """The Lithuanian name of the public holiday on `day`, or None."""
    return _public_holidays(day.year).get(day)


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and public_holiday(day) is None


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """The date `days` working days after `start` (before it when negative); `start`
    itself is not counted, as a term "within 10 working days of the project's end" reads."""
    step = 1 if days >= 0 else -1
    day, left = start, abs(days)
    while left:
        day += datetime.timedelta(days=step)
        if is_working_day(day):
            left -= 1
    return day


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """Working days after `start` up to and including `end` (negative when `end` is
    earlier): how many working days are left until a deadline."""
    if end < start:
        return -working_days_between(end, start)
    count, day = 0, start
    while day < end:
        day += datetime.timedelta(days=1)
        count += is_working_day(day)
    return count
