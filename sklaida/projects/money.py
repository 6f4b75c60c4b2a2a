"""Euros as Decimal: parsing what people type, rounding as the funders' forms do."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")


def euros(value: Decimal | int | str) -> Decimal:
    """`value` rounded to the cent, halves away from zero (0.005 → 0.01) as accountants
    and the funders' budget forms round — not Python's banker's rounding."""
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def share_percent(part: Decimal, whole: Decimal) -> Decimal:
    """`part` as a percentage of `whole`, to two decimals (0 when there is no whole)."""
    if not whole:
        return Decimal("0.00")
    return (Decimal(part) * 100 / Decimal(whole)).quantize(CENT, rounding=ROUND_HALF_UP)


def parse_amount(text: str) -> Decimal:
    """An amount typed the Lithuanian or the English way: "1 234,50", "1234.50", "60 000"."""
    cleaned = re.sub(r"[\s\u00a0\u202f€]", "", text)
    if cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        amount = Decimal(cleaned)
    except InvalidOperation as error:
        raise ValueError(text) from error
    if not amount.is_finite() or amount < 0:
        raise ValueError(text)
    return euros(amount)


def parse_amounts(text: str) -> list[Decimal]:
    """Amounts separated by semicolons ("30000; 60000"); empty text gives none."""
    return [parse_amount(part) for part in text.split(";") if part.strip()]
