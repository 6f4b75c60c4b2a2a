"""Lithuanian typography: quotes, dashes, non-breaking spaces, dates, double spaces."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from django.utils.translation import gettext as _

from sklaida.communication.checks.findings import (
    NBSP,
    TYPOGRAPHY,
    Finding,
    inside,
    protected_spans,
)

MONTHS_GENITIVE = (
    "sausio",
    "vasario",
    "kovo",
    "balandžio",
    "gegužės",
    "birželio",
    "liepos",
    "rugpjūčio",
    "rugsėjo",
    "spalio",
    "lapkričio",
    "gruodžio",
)

STRAIGHT_PAIR = re.compile(r'"([^"\n]+)"')
ENGLISH_PAIR = re.compile(r"[“‘]([^“”‘’„\n]+)[”’]")
STRAY_QUOTE = re.compile(r'["”]')
# A number (or a time such as 10.00) joined to another by a hyphen: a range.
_NUMBER = r"\d{1,4}(?:[.:]\d{2})?"
NUMBER_RANGE = re.compile(rf"(?<![\w.:\-])({_NUMBER})-({_NUMBER})(?![\w\-]|[.:]\d)")
SENTENCE_DASH = re.compile(r"(?<=\S) (?:-|--) (?=\S)")
UNITS = (
    "val.",
    "min.",
    "proc.",
    "vnt.",
    "Eur",
    "EUR",
    "eur.",
    "km",
    "cm",
    "mm",
    "kg",
    "ml",
    "m.",
    "d.",
    "m",
    "g",
    "l",
    "%",
    "€",
)
UNIT_SPACE = re.compile(
    r"(?<![\w.,])(\d+(?:[.,]\d+)?) (" + "|".join(re.escape(unit) for unit in UNITS) + r")(?!\w)"
)
NUMERIC_DATE = re.compile(r"(?<![\w.\-])(\d{4})([-.])(\d{1,2})\2(\d{1,2})(?![\w\-]|\.\d)")
DOUBLE_SPACE = re.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)")


def lithuanian_date(year: int, month: int, day: int) -> str:
    """2026, 11, 25 → "2026 m. lapkričio 25 d." (with non-breaking spaces)."""
    return f"{year}{NBSP}m. {MONTHS_GENITIVE[month - 1]} {day}{NBSP}d."


def _quotes(text: str) -> Iterator[Finding]:
    paired: list[tuple[int, int]] = []
    for pattern, message in (
        (STRAIGHT_PAIR, _("Use Lithuanian quotation marks „…“ instead of straight quotes.")),
        (ENGLISH_PAIR, _("Use Lithuanian quotation marks „…“ instead of English ones.")),
    ):
        for match in pattern.finditer(text):
            paired.append(match.span())
            yield Finding(TYPOGRAPHY, message, *match.span(), f"„{match.group(1)}“")
    for match in STRAY_QUOTE.finditer(text):
        if not inside(paired, *match.span()):
            yield Finding(
                TYPOGRAPHY,
                _("Use Lithuanian quotation marks „…“."),
                *match.span(),
                None,
            )


def _dashes(text: str) -> Iterator[Finding]:
    for match in NUMBER_RANGE.finditer(text):
        if NUMERIC_DATE.match(text, match.start()):
            continue
        yield Finding(
            TYPOGRAPHY,
            _("Use an en dash (–), not a hyphen, between numbers in a range."),
            *match.span(),
            f"{match.group(1)}–{match.group(2)}",
        )
    for match in SENTENCE_DASH.finditer(text):
        yield Finding(
            TYPOGRAPHY,
            _("Use a dash (–) with spaces, not a hyphen, between parts of a sentence."),
            *match.span(),
            " – ",
        )


def _non_breaking_spaces(text: str) -> Iterator[Finding]:
    for match in UNIT_SPACE.finditer(text):
        unit = match.group(2)
        yield Finding(
            TYPOGRAPHY,
            _("Put a non-breaking space between a number and its unit or abbreviation."),
            *match.span(),
            f"{match.group(1)}{NBSP}{unit}",
        )


def _dates(text: str) -> Iterator[Finding]:
    for match in NUMERIC_DATE.finditer(text):
        year, month, day = int(match.group(1)), int(match.group(3)), int(match.group(4))
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        yield Finding(
            TYPOGRAPHY,
            _("Write dates in running text in words, e.g. “%(example)s”.")
            % {"example": lithuanian_date(year, month, day)},
            *match.span(),
            lithuanian_date(year, month, day),
        )


def _double_spaces(text: str) -> Iterator[Finding]:
    for match in DOUBLE_SPACE.finditer(text):
        yield Finding(TYPOGRAPHY, _("Remove the double space."), *match.span(), " ")


RULES: tuple[Callable[[str], Iterator[Finding]], ...] = (
    _quotes,
    _dashes,
    _non_breaking_spaces,
    _dates,
    _double_spaces,
)


def check_quotes(text: str) -> list[Finding]:
    return _outside_protected(text, _quotes)


def check_dashes(text: str) -> list[Finding]:
    return _outside_protected(text, _dashes)


def check_non_breaking_spaces(text: str) -> list[Finding]:
    return _outside_protected(text, _non_breaking_spaces)


def check_dates(text: str) -> list[Finding]:
    return _outside_protected(text, _dates)


def check_double_spaces(text: str) -> list[Finding]:
    return _outside_protected(text, _double_spaces)


def check_typography(text: str) -> list[Finding]:
    """All typography rules, in text order; web addresses and markup are left alone."""
    protected = protected_spans(text)
    findings = [
        finding
        for rule in RULES
        for finding in rule(text)
        if not inside(protected, finding.start, finding.end)
    ]
    return sorted(findings, key=lambda finding: finding.start)


def _outside_protected(text: str, rule) -> list[Finding]:
    protected = protected_spans(text)
    return [f for f in rule(text) if not inside(protected, f.start, f.end)]
