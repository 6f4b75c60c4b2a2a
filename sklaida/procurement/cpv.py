"""Common Procurement Vocabulary codes: "30213100-6", eight digits, a hyphen, a check digit.

Regulation (EC) No 213/2008 says only that the ninth digit verifies the previous eight.
The rule the published vocabulary follows is a weighted sum: the eight digits times
3, 7, 1, 3, 7, 1, 3, 7, modulo 10 (30213100 → 9 + 0 + 2 + 3 + 21 + 1 + 0 + 0 = 36 → 6);
every code of the vocabulary we tried passes it, so a mistyped
digit is caught while the person still has the catalogue open.

A code's levels: 2 digits division, 3 group, 4 class, 5 category. The split-purchase
check compares categories (the first five digits; see `group`).
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

CPV_FORMAT = re.compile(r"^(\d{8})-(\d)$")
WEIGHTS = (3, 7, 1, 3, 7, 1, 3, 7)
# The digits that name a category: "30213" holds personal computers, portable and
# desktop alike (30213100, 30213300), which are bought as one need, while "30214"
# (workstations) or "30216" (magnetic and optical readers) are other needs.
GROUP_DIGITS = 5


def check_digit(digits: str) -> int:
    return sum(int(digit) * weight for digit, weight in zip(digits, WEIGHTS, strict=True)) % 10


def normalise(code: str) -> str:
    """What a person typed, without spaces; "302131006" gets its hyphen."""
    code = re.sub(r"\s+", "", code or "")
    if re.fullmatch(r"\d{9}", code):
        code = f"{code[:8]}-{code[8]}"
    return code


def validate_cpv(code: str) -> None:
    match = CPV_FORMAT.match(code or "")
    if match is None:
        raise ValidationError(
            _("Write the CPV code as eight digits, a hyphen and the check digit: 30213100-6."),
            code="cpv_format",
        )
    digits, given = match.groups()
    if check_digit(digits) != int(given):
        raise ValidationError(
            _("The CPV code %(code)s does not add up: check its digits in the vocabulary.")
            % {"code": code},
            code="cpv_check_digit",
        )


def group(code: str) -> str:
    """The category a code belongs to ("30213100-6" → "30213"), or "" without a code."""
    return code[:GROUP_DIGITS] if CPV_FORMAT.match(code or "") else ""
