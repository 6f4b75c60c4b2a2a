"""What every editorial check returns, and the parts of a text the checks leave alone."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

NBSP = "\u00a0"


@dataclass(frozen=True)
class Finding:
    """One remark on a text: which rule, what is wrong, where (character offsets), the fix.

    `start`/`end` are None for remarks on the text as a whole (length, images, readability).
    `suggestion` is the replacement for text[start:end], or None when there is none to offer.
    `kind` names the rule's part (typography: "quotes", "dash", "nbsp", "date", "space").
    """

    rule: str
    message: str
    start: int | None = None
    end: int | None = None
    suggestion: str | None = None
    kind: str = ""


# Rule names and the headings the findings are grouped under.
TYPOGRAPHY = "typography"
SPELLING = "spelling"
LENGTH = "length"
ALT_TEXT = "alt_text"
READABILITY = "readability"
LINKS = "links"

RULE_LABELS = {
    TYPOGRAPHY: _("Typography"),
    SPELLING: _("Spelling"),
    LENGTH: _("Length"),
    ALT_TEXT: _("Image descriptions"),
    READABILITY: _("Readability"),
    LINKS: _("Links"),
}

URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"'„“”]+", re.IGNORECASE)
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
TAG_RE = re.compile(r"<[^<>]*>")
# #hashtags and @handles of social networks; bare domains such as biblioteka.lt or file names.
HASHTAG_RE = re.compile(r"(?<![\w&])[#@]\w[\w.]*(?<!\.)")
DOMAIN_RE = re.compile(
    r"(?<![\w@])(?:[\w-]+\.)+(?:lt|lv|eu|com|org|net|info|gov|edu|pl|de|uk|fm|tv|io|pdf|docx?|"
    r"xlsx?|pptx?|jpe?g|png)\b",
    re.IGNORECASE,
)
_TRAILING = ".,;:!?)]»"


def url_spans(text: str) -> list[tuple[str, int, int]]:
    """Web addresses in the text with their offsets, without trailing punctuation."""
    found = []
    for match in URL_RE.finditer(text):
        url = match.group().rstrip(_TRAILING)
        found.append((url, match.start(), match.start() + len(url)))
    return found


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Web and e-mail addresses, domains, file names, markup tags, #hashtags and @handles:
    typography and spelling skip them."""
    spans = [(start, end) for _url, start, end in url_spans(text)]
    spans += [
        match.span()
        for pattern in (EMAIL_RE, TAG_RE, HASHTAG_RE, DOMAIN_RE)
        for match in pattern.finditer(text)
    ]
    return spans


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < span_end and span_start < end for span_start, span_end in spans)
