"""Lithuanian typography: quotes, dashes, non-breaking spaces, dates, spaces around punctuation.

The rules apply to Lithuanian sentences only: an English paragraph keeps its own quotes and
dates (see `language`). Each finding offers its replacement, so one click can apply it.
"""

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
from sklaida.communication.checks.language import foreign_spans

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
# Single straight quotes around words; an apostrophe inside a word (O'Brien) is no quote.
SINGLE_PAIR = re.compile(r"(?<![\w'])'(?=\S)([^'\n]{1,200}?)(?<=\S)'(?![\w'])")
STRAY_QUOTE = re.compile(r'["”]')
# A number (or a time such as 10.00) joined to another by a hyphen: a range.
_NUMBER = r"\d{1,4}(?:[.:]\d{2})?"
NUMBER_RANGE = re.compile(rf"(?<![\w.:\-])({_NUMBER})-({_NUMBER})(?![\w\-]|[.:]\d)")
ROMAN_RANGE = re.compile(r"(?<![\w\-])([IVXLC]+)-([IVXLC]+)(?![\w\-])")
ROMAN_NUMERAL = re.compile(r"^(?=[IVXLC])(?:L?X{0,3}|XL|XC)(?:IX|IV|V?I{0,3})$")
SENTENCE_DASH = re.compile(r"(?<=\S) (?:-|--) (?=\S)")
UNITS = (
    "val.",
    "min.",
    "proc.",
    "vnt.",
    "mln.",
    "tūkst.",
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
_UNIT = "|".join(re.escape(unit) for unit in UNITS)
UNIT_SPACE = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?) (" + _UNIT + r")(?!\w)")
GLUED_UNIT = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)(" + _UNIT + r")(?!\w)")
# "Nr. 5", "p. 12": the number stays on the line of its abbreviation.
NUMBER_ABBREVIATION = re.compile(r"(?<![\w.])(Nr\.|nr\.|psl\.|p\.) ?(?=\d)")
_CAPITAL = "A-ZĄČĘĖĮŠŲŪŽ"
_SMALL = "a-ząčęėįšųūž"
# An initial and the name after it: "J. Jonaitis", "J. K. Jonaitis" (one finding each).
INITIAL = re.compile(rf"(?<![\w.])([{_CAPITAL}]\.) ?(?=([{_CAPITAL}](?:[{_SMALL}]+|\.)))")
NUMERIC_DATE = re.compile(r"(?<![\w.\-/])(\d{4})([-./])(\d{1,2})\2(\d{1,2})(?![\w\-/]|\.\d)")
DAY_FIRST_DATE = re.compile(r"(?<![\w.\-/])(\d{1,2})([./])(\d{1,2})\2(\d{4})(?![\w\-/]|\.\d)")
_MONTH = "|".join(MONTHS_GENITIVE)
# Dates in words in another order than "2026 m. lapkričio 25 d.".
DAY_BEFORE_MONTH = re.compile(
    rf"(?<![\w.,])(\d{{1,2}})(?: d\.)? ({_MONTH})(?:,? (\d{{4}})(?: m\.)?)?(?!\w)", re.IGNORECASE
)
YEAR_AFTER_DAY = re.compile(
    rf"(?<![\w.])({_MONTH}) (\d{{1,2}})(?: d\.)?,? (\d{{4}})(?: m\.)?(?![\w.]|\.\w)",
    re.IGNORECASE,
)
YEAR_WITHOUT_M = re.compile(rf"(?<![\w.])(\d{{4}}) ({_MONTH}) (\d{{1,2}})(?: d\.)?(?!\w)", re.I)
DOUBLE_SPACE = re.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)")
SPACE_BEFORE_PUNCTUATION = re.compile(r"(?<=[\w“”\")»])[ \u00a0]+([,.;:!?])(?=\s|$|[“”\"»])")
# A comma, semicolon, colon, ! or ? glued to the next word; a full stop glued to a capital.
_LETTERS = f"[{_CAPITAL}{_SMALL}]"
NO_SPACE_AFTER = re.compile(
    rf"(?<![\w.])({_LETTERS}{{2,}})([,;:!?]|\.(?=[{_CAPITAL}]))(?=({_LETTERS}+))"
)


def lithuanian_date(year: int | None, month: int, day: int) -> str:
    """2026, 11, 25 → "2026 m. lapkričio 25 d." (with non-breaking spaces); without a year,
    "lapkričio 25 d."."""
    date = f"{MONTHS_GENITIVE[month - 1]} {day}{NBSP}d."
    return f"{year}{NBSP}m. {date}" if year else date


def _roman(numeral: str) -> int | None:
    if not ROMAN_NUMERAL.match(numeral):
        return None
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for index, letter in enumerate(numeral):
        value = values[letter]
        following = values[numeral[index + 1]] if index + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


def _quotes(text: str) -> Iterator[Finding]:
    paired: list[tuple[int, int]] = []
    for pattern, message in (
        (STRAIGHT_PAIR, _("Use Lithuanian quotation marks „…“ instead of straight quotes.")),
        (ENGLISH_PAIR, _("Use Lithuanian quotation marks „…“ instead of English ones.")),
        (SINGLE_PAIR, _("Use Lithuanian quotation marks „…“ instead of single quotes.")),
    ):
        for match in pattern.finditer(text):
            if inside(paired, *match.span()):
                continue
            paired.append(match.span())
            yield Finding(TYPOGRAPHY, message, *match.span(), f"„{match.group(1)}“", kind="quotes")
    for match in STRAY_QUOTE.finditer(text):
        if not inside(paired, *match.span()):
            yield Finding(
                TYPOGRAPHY,
                _("Use Lithuanian quotation marks „…“."),
                *match.span(),
                None,
                kind="quotes",
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
            kind="dash",
        )
    for match in ROMAN_RANGE.finditer(text):
        first, last = _roman(match.group(1)), _roman(match.group(2))
        if first is None or last is None or first >= last:
            continue
        yield Finding(
            TYPOGRAPHY,
            _("Use an en dash (–), not a hyphen, between numbers in a range."),
            *match.span(),
            f"{match.group(1)}–{match.group(2)}",
            kind="dash",
        )
    for match in SENTENCE_DASH.finditer(text):
        yield Finding(
            TYPOGRAPHY,
            _("Use a dash (–) with spaces, not a hyphen, between parts of a sentence."),
            *match.span(),
            " – ",
            kind="dash",
        )


def _non_breaking_spaces(text: str) -> Iterator[Finding]:
    for pattern, message in (
        (UNIT_SPACE, _("Put a non-breaking space between a number and its unit or abbreviation.")),
        (GLUED_UNIT, _("Separate the number from its unit with a non-breaking space.")),
    ):
        for match in pattern.finditer(text):
            yield Finding(
                TYPOGRAPHY,
                message,
                *match.span(),
                f"{match.group(1)}{NBSP}{match.group(2)}",
                kind="nbsp",
            )
    for match in NUMBER_ABBREVIATION.finditer(text):
        end = match.end() + len(re.match(r"\d+", text[match.end() :]).group())
        yield Finding(
            TYPOGRAPHY,
            _("Put a non-breaking space between “%(abbreviation)s” and its number.")
            % {"abbreviation": match.group(1)},
            match.start(),
            end,
            f"{match.group(1)}{NBSP}{text[match.end() : end]}",
            kind="nbsp",
        )
    for match in INITIAL.finditer(text):
        end = match.end() + len(match.group(2))
        yield Finding(
            TYPOGRAPHY,
            _("Put a non-breaking space after an initial, so it stays with the name."),
            match.start(),
            end,
            f"{match.group(1)}{NBSP}{match.group(2)}",
            kind="nbsp",
        )


def _dates(text: str) -> Iterator[Finding]:
    def in_words(year, month, day) -> str | None:
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        return lithuanian_date(year, month, day)

    for match in NUMERIC_DATE.finditer(text):
        year, month, day = int(match.group(1)), int(match.group(3)), int(match.group(4))
        if suggestion := in_words(year, month, day):
            yield _date_finding(match, suggestion)
    for match in DAY_FIRST_DATE.finditer(text):
        first, second, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
        if match.group(2) == "." or first > 12:
            day, month = first, second
        elif second > 12:
            day, month = second, first  # written the American way: month first
        elif first == second:
            day, month = first, second
        else:
            yield Finding(
                TYPOGRAPHY,
                _(
                    "Write dates in running text in words: %(date)s may be read as the "
                    "%(first)s or the %(second)s."
                )
                % {
                    "date": match.group(),
                    "first": lithuanian_date(year, second, first),
                    "second": lithuanian_date(year, first, second),
                },
                *match.span(),
                None,
                kind="date",
            )
            continue
        if suggestion := in_words(year, month, day):
            yield _date_finding(match, suggestion)
    for match in DAY_BEFORE_MONTH.finditer(text):
        month = MONTHS_GENITIVE.index(match.group(2).lower()) + 1
        year = int(match.group(3)) if match.group(3) else None
        if suggestion := in_words(year, month, int(match.group(1))):
            yield _date_finding(match, suggestion, order=True)
    for pattern, (month_at, day_at, year_at) in (
        (YEAR_AFTER_DAY, (1, 2, 3)),
        (YEAR_WITHOUT_M, (2, 3, 1)),
    ):
        for match in pattern.finditer(text):
            month = MONTHS_GENITIVE.index(match.group(month_at).lower()) + 1
            day, year = int(match.group(day_at)), int(match.group(year_at))
            if suggestion := in_words(year, month, day):
                yield _date_finding(match, suggestion, order=True)


def _date_finding(match: re.Match, suggestion: str, *, order: bool = False) -> Finding:
    if order:
        message = _("Write the date in the order year, month, day: “%(example)s”.")
    else:
        message = _("Write dates in running text in words, e.g. “%(example)s”.")
    return Finding(
        TYPOGRAPHY, message % {"example": suggestion}, *match.span(), suggestion, kind="date"
    )


def _spaces(text: str) -> Iterator[Finding]:
    for match in DOUBLE_SPACE.finditer(text):
        yield Finding(TYPOGRAPHY, _("Remove the double space."), *match.span(), " ", kind="space")
    for match in SPACE_BEFORE_PUNCTUATION.finditer(text):
        yield Finding(
            TYPOGRAPHY,
            _("Remove the space before the punctuation mark."),
            *match.span(),
            match.group(1),
            kind="space",
        )
    for match in NO_SPACE_AFTER.finditer(text):
        yield Finding(
            TYPOGRAPHY,
            _("Put a space after the punctuation mark."),
            match.start(),
            match.end() + len(match.group(3)),
            f"{match.group(1)}{match.group(2)} {match.group(3)}",
            kind="space",
        )


RULES: tuple[Callable[[str], Iterator[Finding]], ...] = (
    _quotes,
    _dashes,
    _non_breaking_spaces,
    _dates,
    _spaces,
)


def check_quotes(text: str) -> list[Finding]:
    return _outside_protected(text, _quotes)


def check_dashes(text: str) -> list[Finding]:
    return _outside_protected(text, _dashes)


def check_non_breaking_spaces(text: str) -> list[Finding]:
    return _outside_protected(text, _non_breaking_spaces)


def check_dates(text: str) -> list[Finding]:
    return _outside_protected(text, _dates)


def check_spaces(text: str) -> list[Finding]:
    return _outside_protected(text, _spaces)


def check_typography(text: str) -> list[Finding]:
    """All typography rules, in text order, each place once; web addresses, markup and
    sentences in another language are left alone."""
    skipped = protected_spans(text) + foreign_spans(text)
    findings = [
        finding
        for rule in RULES
        for finding in rule(text)
        if not inside(skipped, finding.start, finding.end)
    ]
    # A date's suggestion already has its non-breaking spaces: no separate remark for those.
    dates = [(f.start, f.end) for f in findings if f.kind == "date"]
    findings = [
        finding
        for finding in findings
        if finding.kind == "date"
        or not any(start <= finding.start and finding.end <= end for start, end in dates)
    ]
    unique = {(f.start, f.end, f.suggestion): f for f in findings}
    return sorted(unique.values(), key=lambda finding: (finding.start, finding.end))


def _outside_protected(text: str, rule) -> list[Finding]:
    protected = protected_spans(text)
    return [f for f in rule(text) if not inside(protected, f.start, f.end)]
