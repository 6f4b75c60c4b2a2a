"""Month and week grids shared by the staff calendars (events, content).

An app turns its records into entries with a local `day`; these helpers lay the entries
out as whole weeks from Monday to Sunday, so every calendar pages and draws the same way.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol


class DatedEntry(Protocol):
    @property
    def day(self) -> datetime.date: ...


@dataclass
class Day:
    date: datetime.date
    in_period: bool
    is_today: bool
    entries: list[Any] = field(default_factory=list)


def month_bounds(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The first and last day of the month of `day`."""
    first = day.replace(day=1)
    return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])


def grid_bounds(first: datetime.date, last: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The Monday on or before `first` and the Sunday on or after `last`."""
    return (
        first - datetime.timedelta(days=first.weekday()),
        last + datetime.timedelta(days=6 - last.weekday()),
    )


def week_bounds(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The Monday and Sunday of the week of `day`."""
    monday = day - datetime.timedelta(days=day.weekday())
    return monday, monday + datetime.timedelta(days=6)


def days(
    first: datetime.date,
    last: datetime.date,
    entries: Iterable[DatedEntry],
    *,
    today: datetime.date,
    period: tuple[datetime.date, datetime.date] | None = None,
) -> list[Day]:
    """Every day from `first` to `last` with its entries; days outside `period` are greyed."""
    shown_from, shown_to = period or (first, last)
    by_day: dict[datetime.date, list] = {}
    for entry in entries:
        by_day.setdefault(entry.day, []).append(entry)
    result = []
    day = first
    while day <= last:
        result.append(
            Day(
                date=day,
                in_period=shown_from <= day <= shown_to,
                is_today=day == today,
                entries=by_day.get(day, []),
            )
        )
        day += datetime.timedelta(days=1)
    return result


def weeks(grid: list[Day]) -> list[list[Day]]:
    """A grid of whole weeks cut into rows of seven days."""
    return [grid[index : index + 7] for index in range(0, len(grid), 7)]
