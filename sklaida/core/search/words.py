"""The words a search compares: Lithuanian stems of text folded to plain Latin letters.

Both the stored documents and the queries go through the same functions, in Python, so
PostgreSQL and SQLite compare exactly the same keys and find exactly the same rows.

Each word gives up to two keys:
- the stem of the word as written, folded ("Žemaičio" → "žemait" → "zemait"), which is
  what the Snowball stemmer does best, with the diacritics that tell endings apart;
- the stem of the folded word ("zemaicio" → "zemait"), which is all a query typed
  without diacritics can give. Snowball turns a final "č"/"dž" into "t"/"d"; the folded
  stem gets the same repair, so both spellings of a name meet.
A query word matches when either of its keys is among the document's keys.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache

import snowballstemmer
from django.utils.html import strip_tags

# A query longer than this is cut: nobody types more, and each word is one more index probe.
MAX_QUERY_WORDS = 16
MAX_WORD_LENGTH = 60
# The last word also matches as the start of a word while the user types, once it is
# long enough to be selective.
MIN_PREFIX_LENGTH = 3

# Letters and digits of any script; the underscore of \w splits words ("DSC_0042").
_WORD = re.compile(r"[^\W_]+")
_NOT_WORD = re.compile(r"[\W_]+")

# Snowball stemmers keep state while they work, so each thread has its own.
_local = threading.local()


def _stemmer() -> snowballstemmer.BaseStemmer:
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("lithuanian")
    return stemmer


def fold(word: str) -> str:
    """A word in lower case without diacritics: "Šiaulių" → "siauliu". Compatibility forms
    become plain ones ("ﬁ" → "fi", "²" → "2"), and whatever they bring that is not a letter
    or digit is dropped ("⑴" → "1"), so a key never carries search syntax."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return _NOT_WORD.sub("", "".join(c for c in decomposed if not unicodedata.combining(c)))


def words(text: str) -> list[str]:
    """The lower-case words of `text` (NFC first: a name typed on a Mac, letters and
    combining marks apart, is the same word as one typed elsewhere)."""
    return _WORD.findall(unicodedata.normalize("NFC", text).casefold())


def _repair_folded_stem(stem: str) -> str:
    if stem.endswith("dz"):
        return stem[:-1]
    if stem.endswith("c"):
        return stem[:-1] + "t"
    return stem


@lru_cache(maxsize=100_000)
def keys(word: str) -> tuple[str, ...]:
    """The one or two keys of a lower-case word (see the module's description)."""
    stemmer = _stemmer()
    as_written = fold(stemmer.stemWord(word))
    folded = _repair_folded_stem(stemmer.stemWord(fold(word)))
    return tuple(dict.fromkeys(key for key in (as_written, folded) if key))


def document(*parts: str | None) -> str:
    """The keys of every word of `parts`, each once, space-separated, in reading order.
    Markup is no word: HTML tags are left out, their text kept."""
    seen: dict[str, None] = {}
    for part in parts:
        if not part:
            continue
        if "<" in part:
            part = strip_tags(part)
        for word in words(part):
            for key in keys(word[:MAX_WORD_LENGTH]):
                seen.setdefault(key, None)
    return " ".join(seen)


def query_words(query: str) -> list[str]:
    """The words of a query that count (letters and digits only, at most 16)."""
    return [word[:MAX_WORD_LENGTH] for word in words(query)][:MAX_QUERY_WORDS]


def query_terms(query: str, *, prefix: bool = True) -> list[tuple[tuple[str, ...], str | None]]:
    """Per word of the query: its keys, and for the last word (while the user types) the
    folded beginning every word it starts must have. Every term must match; a term matches
    by any of its keys or by its beginning. Only letters and digits come through, so no
    search syntax can be injected."""
    found = [word for word in query_words(query) if keys(word)]
    terms: list[tuple[tuple[str, ...], str | None]] = [(keys(word), None) for word in found]
    if prefix and found and len(fold(found[-1])) >= MIN_PREFIX_LENGTH:
        terms[-1] = (terms[-1][0], fold(found[-1]))
    return terms
