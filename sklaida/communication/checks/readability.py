"""A readability figure for Lithuanian texts: a heuristic, not a validated formula.

Like the Swedish LIX, the index adds the average sentence length in words to the percentage
of long words. A word counts as long from four syllables; syllables are counted roughly as
groups of vowels, so diphthongs (ai, au, ei, ui, ie, uo) and a softening i (io, ia, iu) count
once. The thresholds were set by reading library news texts; treat the verdict as a hint.

A full stop after an abbreviation (Nr., p., tel., pvz., an initial) does not end a sentence;
after one that may close a sentence (d., m., val., kt.) it does only before a capital letter.
A text under MIN_WORDS words gets no verdict: a title or a one-line post is too short to judge.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sklaida.communication.checks.findings import READABILITY, Finding, url_spans

VOWEL_GROUP = re.compile(r"[aąeęėiįyouųū]+", re.IGNORECASE)
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
SENTENCE_END = re.compile(r"[.!?…]+(?=\s|$)|\n\s*\n")
# Abbreviations a number, a name or more words always follow.
NEVER_ENDING = frozenset(
    [
        "nr",
        "p",
        "psl",
        "tel",
        "mob",
        "el",
        "pvz",
        "žr",
        "plg",
        "gim",
        "dr",
        "doc",
        "prof",
        "habil",
        "gerb",
        "g",
        "al",
        "pr",
        "pl",
        "šv",
        "sk",
        "vyr",
        "mok",
        "kun",
        "angl",
        "lot",
        "vok",
        "pranc",
        "rus",
        "lenk",
    ]
)
# Abbreviations that may close a sentence: they end one only before a capital letter.
MAY_END = frozenset(
    [
        "d",
        "m",
        "val",
        "min",
        "proc",
        "vnt",
        "kt",
        "a",
        "r",
        "sav",
        "mln",
        "tūkst",
        "mlrd",
        "t",
        "pan",
    ]
)
WORD_BEFORE = re.compile(r"(\w+)$")
NEXT_CHARACTER = re.compile(r"\s*[\"„“'(]?(\S)")
LONG_WORD_SYLLABLES = 4
MIN_WORDS = 30
EASY_BELOW = 35
HARD_FROM = 55

VERDICTS = {
    "short": gettext_lazy("too short to judge"),
    "easy": gettext_lazy("easy to read"),
    "moderate": gettext_lazy("moderately hard to read"),
    "hard": gettext_lazy("hard to read"),
}


def syllables(word: str) -> int:
    return max(1, len(VOWEL_GROUP.findall(word)))


@dataclass(frozen=True)
class Readability:
    sentences: int
    words: int
    average_sentence_length: float
    long_word_share: float  # 0–1
    index: float
    verdict: str  # "short", "easy", "moderate" or "hard"

    @property
    def verdict_label(self) -> str:
        return str(VERDICTS[self.verdict])

    @property
    def long_word_percent(self) -> float:
        return round(self.long_word_share * 100, 1)


def _ends_sentence(text: str, match: re.Match) -> bool:
    if match.group().strip() != ".":
        return True  # ! ? … several marks, or a blank line
    before = WORD_BEFORE.search(text, 0, match.start())
    if before is None:
        return True
    word = before.group(1)
    if len(word) == 1 and word.isupper():
        return False  # an initial: J. Jonaitis
    if word.lower() in NEVER_ENDING:
        return False
    if word.lower() in MAY_END:
        following = NEXT_CHARACTER.match(text, match.end())
        return following is None or following.group(1).isupper()
    return True


def sentences_of(text: str) -> list[str]:
    """The sentences of a text, abbreviations and initials not taken for their ends."""
    parts, start = [], 0
    for match in SENTENCE_END.finditer(text):
        if _ends_sentence(text, match):
            parts.append(text[start : match.end()])
            start = match.end()
    parts.append(text[start:])
    return [part for part in parts if WORD.search(part)]


def readability(text: str) -> Readability | None:
    """The figures for a text, or None when it has no words."""
    for _url, start, end in reversed(url_spans(text)):
        text = text[:start] + text[end:]
    sentences = sentences_of(text)
    words = WORD.findall(text)
    if not words:
        return None
    average = len(words) / len(sentences)
    long_share = sum(syllables(word) >= LONG_WORD_SYLLABLES for word in words) / len(words)
    index = round(average + 100 * long_share, 1)
    if len(words) < MIN_WORDS:
        verdict = "short"
    elif index < EASY_BELOW:
        verdict = "easy"
    else:
        verdict = "moderate" if index < HARD_FROM else "hard"
    return Readability(
        sentences=len(sentences),
        words=len(words),
        average_sentence_length=round(average, 1),
        long_word_share=long_share,
        index=index,
        verdict=verdict,
    )


def describe(figures: Readability) -> str:
    if figures.verdict == "short":
        return _(
            "The text is too short to judge its readability: %(words)s words (a figure from "
            "%(minimum)s)."
        ) % {"words": figures.words, "minimum": MIN_WORDS}
    return _(
        "Readability index %(index)s: %(verdict)s. On average %(average)s words per sentence; "
        "%(long)s %% of the words have four syllables or more."
    ) % {
        # In the reader's notation: 94,7 in Lithuanian, 94.7 in English.
        "index": number_format(figures.index, 1),
        "verdict": figures.verdict_label,
        "average": number_format(figures.average_sentence_length, 1),
        "long": number_format(figures.long_word_percent, 1),
    }


def check_readability(text: str) -> list[Finding]:
    """A finding only when the text is hard to read (the figure itself: `readability`)."""
    figures = readability(text)
    if figures is None or figures.verdict != "hard":
        return []
    return [
        Finding(
            READABILITY,
            describe(figures) + " " + _("Try shorter sentences and simpler words."),
        )
    ]
