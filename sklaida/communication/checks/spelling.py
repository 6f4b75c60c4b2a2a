"""Spelling against Hunspell's Lithuanian dictionary (Debian package hunspell-lt).

Hunspell itself does the work, through the `chunspell` binding (Hunspell 1.7 compiled into
the wheel). The dictionary is loaded once per process and kept; Hunspell is not documented
as thread-safe, so calls go through a lock. When the dictionary is missing, the rule reports
nothing and logs a warning once; it never fails a save.
"""

from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from sklaida.communication.checks.findings import SPELLING, Finding, inside, protected_spans

logger = logging.getLogger(__name__)

# Language code → Hunspell dictionary base name under HUNSPELL_DIRECTORY.
DICTIONARIES = {"lt": "lt_LT"}
DEFAULT_DIRECTORY = "/usr/share/hunspell"
# Suggestions take up to a tenth of a second each: offered for the first few words only.
SUGGESTIONS_FOR = 5

WORD_RE = re.compile(r"\w+(?:[-’']\w+)*")

_lock = threading.Lock()
_loaded: dict[str, object] = {}
_warned: set[str] = set()


def dictionary(language: str = "lt"):
    """The Hunspell object for a language, loaded once; None when it is not installed."""
    if language in _loaded:
        return _loaded[language]
    with _lock:
        if language not in _loaded:
            _loaded[language] = _load(language)
    return _loaded[language]


def _load(language: str):
    name = DICTIONARIES.get(language)
    directory = Path(getattr(settings, "HUNSPELL_DIRECTORY", DEFAULT_DIRECTORY))
    base = directory / name if name else None
    if base is None or not base.with_suffix(".dic").exists():
        if language not in _warned:
            _warned.add(language)
            logger.warning(
                "Spelling check for %r is off: no Hunspell dictionary at %s.dic "
                "(install the Debian package hunspell-lt).",
                language,
                base,
            )
        return None
    from hunspell import Hunspell

    return Hunspell(name, hunspell_data_dir=str(directory))


def forget_dictionaries() -> None:
    """Drop the loaded dictionaries (tests that point HUNSPELL_DIRECTORY elsewhere)."""
    with _lock:
        _loaded.clear()
        _warned.clear()
    _known.cache_clear()


@lru_cache(maxsize=50_000)
def _known(language: str, word: str) -> bool:
    spelling = dictionary(language)
    with _lock:
        return bool(spelling.spell(word))


def _suggestion(spelling, word: str) -> str | None:
    with _lock:
        return next(iter(spelling.suggest(word)), None)


def _skipped(word: str, accepted: set[str]) -> bool:
    return (
        any(character.isdigit() or character == "_" for character in word)
        or len(word) < 2
        or (word.isupper() and len(word) <= 6)  # abbreviations: LNB, VšĮ, ES
        or word.casefold() in accepted
    )


def check_spelling(
    text: str, *, accepted_words=(), language: str = "lt", suggest: bool = True
) -> list[Finding]:
    """Words the dictionary does not know, each with the dictionary's best suggestion.

    Skipped: words with digits, web and e-mail addresses, markup, short abbreviations, and
    the staff dictionary (`accepted_words`, compared case-insensitively) — which also holds
    the names of people and places the Hunspell dictionary lacks.
    """
    spelling = dictionary(language)
    if spelling is None:
        return []
    accepted = {word.casefold() for word in accepted_words}
    protected = protected_spans(text)
    findings = []
    suggested = 0
    for match in WORD_RE.finditer(text):
        word = match.group()
        if _skipped(word, accepted) or inside(protected, *match.span()):
            continue
        parts = [part for part in re.split(r"[-’']", word) if part]
        if all(_skipped(part, accepted) or _known(language, part) for part in parts):
            continue
        suggestion = None
        if suggest and suggested < SUGGESTIONS_FOR:
            suggested += 1
            suggestion = _suggestion(spelling, word)
        findings.append(
            Finding(
                SPELLING,
                _("“%(word)s” is not in the dictionary.") % {"word": word},
                *match.span(),
                suggestion,
            )
        )
    return findings
