"""Euros in Decimal: rounded as accountants round, summed to the exact cent, read as
people type them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sklaida.projects.money import euros, parse_amount, parse_amounts, share_percent


def test_half_a_cent_rounds_up_to_a_whole_cent():
    assert euros(Decimal("0.005")) == Decimal("0.01")
    assert euros("0.004") == Decimal("0.00")


def test_halves_round_away_from_zero_not_to_the_even_cent():
    # Python's round() would give 2.67 (banker's rounding on the float 2.67499…).
    assert euros("2.675") == Decimal("2.68")
    assert euros("0.125") == Decimal("0.13")
    assert euros("-0.005") == Decimal("-0.01")


def test_a_hundred_thousand_cents_add_up_to_exactly_one_thousand_euros():
    cents = [euros("0.01")] * 100_000
    assert sum(cents, Decimal("0")) == Decimal("1000.00")
    # The same sum in floats drifts, which is why money is never a float here.
    assert sum([0.01] * 100_000) != 1000.0


def test_thirds_of_a_budget_rounded_per_line_are_off_by_a_cent_and_nothing_more():
    third = euros(Decimal("100") / 3)
    assert third == Decimal("33.33")
    assert Decimal("100.00") - 3 * third == Decimal("0.01")


def test_amounts_are_read_the_lithuanian_and_the_english_way():
    assert parse_amount("1 234,50") == Decimal("1234.50")
    assert parse_amount("1\u00a0234,50 €") == Decimal("1234.50")
    assert parse_amount("1234.50") == Decimal("1234.50")
    assert parse_amount("60 000") == Decimal("60000.00")
    assert parse_amount("0,005") == Decimal("0.01")


@pytest.mark.parametrize("typed", ["", "abc", "1,234,50", "-5", "NaN", "Infinity"])
def test_what_is_not_an_amount_is_refused(typed):
    with pytest.raises(ValueError):
        parse_amount(typed)


def test_lump_sums_are_read_from_a_list_separated_by_semicolons():
    assert parse_amounts("30000; 60 000,00;") == [Decimal("30000.00"), Decimal("60000.00")]
    assert parse_amounts("") == []


def test_a_share_is_a_percentage_to_two_decimals_and_zero_without_a_whole():
    assert share_percent(Decimal("12000"), Decimal("13000")) == Decimal("92.31")
    assert share_percent(Decimal("1"), Decimal("3")) == Decimal("33.33")
    assert share_percent(Decimal("5"), Decimal("0")) == Decimal("0.00")
