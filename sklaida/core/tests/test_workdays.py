"""Working days in Lithuania: weekends and the public holidays of the Labour Code are skipped.

The years are fixed: holidays are facts of a given year (Easter moves, Christmas Eve has been
a day off since 2024), so each test names the dates it is about.
"""

from __future__ import annotations

import datetime

import pytest

from sklaida.core.workdays import (
    add_working_days,
    is_working_day,
    public_holiday,
    working_days_between,
)


def day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def test_a_working_day_after_a_friday_is_the_next_monday():
    assert add_working_days(day("2026-12-04"), 1) == day("2026-12-07")


def test_a_week_of_working_days_from_a_monday_ends_on_the_next_monday():
    assert add_working_days(day("2026-11-30"), 5) == day("2026-12-07")


def test_christmas_eve_and_both_christmas_days_are_skipped():
    # Wed 23 Dec 2026; Thu 24 (Kūčios), Fri 25, Sat 26 are public holidays, then Sunday.
    assert add_working_days(day("2026-12-23"), 1) == day("2026-12-28")


def test_christmas_eve_is_a_holiday_with_its_lithuanian_name():
    assert public_holiday(day("2026-12-24")) == "Kūčių diena"
    assert not is_working_day(day("2026-12-24"))
    assert is_working_day(day("2026-12-23"))


def test_easter_monday_is_skipped():
    # Fri 3 Apr 2026, Easter Sunday 5 Apr, Easter Monday 6 Apr.
    assert add_working_days(day("2026-04-03"), 1) == day("2026-04-07")


@pytest.mark.parametrize(
    ("before", "holiday", "after"),
    [
        # 16 February 2027 is a Tuesday.
        ("2027-02-15", "2027-02-16", "2027-02-17"),
        # 11 March 2026 is a Wednesday.
        ("2026-03-10", "2026-03-11", "2026-03-12"),
        # Joninės, 24 June 2026, a Wednesday.
        ("2026-06-23", "2026-06-24", "2026-06-25"),
        # Mindaugas' coronation day, 6 July 2027, a Tuesday.
        ("2027-07-05", "2027-07-06", "2027-07-07"),
        # All Saints' and All Souls' days, Mon 1 and Tue 2 November 2027.
        ("2027-10-29", "2027-11-01", "2027-11-03"),
    ],
)
def test_a_public_holiday_on_a_weekday_is_skipped(before, holiday, after):
    assert public_holiday(day(holiday))
    assert add_working_days(day(before), 1) == day(after)


def test_a_holiday_on_a_weekend_adds_no_extra_day_off():
    # Žolinė 2026 falls on Saturday 15 August; Monday 17 August is an ordinary working day.
    assert public_holiday(day("2026-08-15"))
    assert add_working_days(day("2026-08-14"), 1) == day("2026-08-17")


def test_ten_working_days_across_christmas_and_new_year():
    # From Fri 18 Dec 2026: 21, 22, 23, 28, 29, 30, 31 Dec (1 Jan is off), 4, 5, 6 Jan.
    assert add_working_days(day("2026-12-18"), 10) == day("2027-01-06")


def test_zero_working_days_is_the_same_day():
    assert add_working_days(day("2026-12-25"), 0) == day("2026-12-25")


def test_negative_counts_go_back_over_weekends_and_holidays():
    assert add_working_days(day("2026-12-28"), -1) == day("2026-12-23")
    assert add_working_days(day("2026-04-07"), -1) == day("2026-04-03")
    assert add_working_days(day("2027-01-06"), -10) == day("2026-12-18")


def test_working_days_between_counts_the_days_after_the_start_up_to_the_end():
    assert working_days_between(day("2026-12-04"), day("2026-12-11")) == 5
    assert working_days_between(day("2026-12-23"), day("2026-12-28")) == 1
    assert working_days_between(day("2026-12-23"), day("2026-12-23")) == 0


def test_working_days_between_is_negative_when_the_end_has_passed():
    assert working_days_between(day("2026-12-28"), day("2026-12-23")) == -1
    assert working_days_between(day("2027-01-06"), day("2026-12-18")) == -10


@pytest.mark.parametrize("count", [1, 3, 10, 22, 60])
def test_counting_back_what_was_added_gives_the_same_number(count):
    start = day("2026-12-18")
    assert working_days_between(start, add_working_days(start, count)) == count
