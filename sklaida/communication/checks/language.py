"""Which stretches of a text are Lithuanian: a small heuristic, not a language model.

A library's Lithuanian text carries English now and then: an English paragraph for foreign
guests, a quoted English title, a sentence from a partner. Lithuanian spelling and
typography must not be applied to them. Each sentence is judged by the words only one of
the two dictionaries knows (Lithuanian letters ą č ę ė į š ų ū ž count for Lithuanian): it
is English when at least two words are English-only and they outnumber the Lithuanian-only
ones two to one. A sentence with too few telling words takes its paragraph's verdict, and a
paragraph its text's. Without the English dictionary everything counts as Lithuanian.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sklaida.communication.checks.dictionaries import dictionary

LITHUANIAN_LETTERS = set("ąčęėįšųūžĄČĘĖĮŠŲŪŽ")
LETTER_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
PARAGRAPH = re.compile(r"[^\n]+")
# A sentence ends at . ! ? followed by a space and a capital letter or a quote, or at the end.
SENTENCE = re.compile(r".+?(?:[.!?…]+(?=\s+[\"„“'(]?[A-ZĄČĘĖĮŠŲŪŽ])|$)", re.DOTALL)
MIN_TELLING_WORDS = 2


@dataclass(frozen=True)
class Stretch:
    start: int
    end: int
    language: str  # "lt" or "en"


def word_votes(words: list[str]) -> tuple[int, int]:
    """(Lithuanian-only, English-only) words among `words`."""
    lithuanian, english = dictionary("lt"), dictionary("en")
    if english is None:
        return len(words), 0
    lt_votes = en_votes = 0
    for word in words:
        if LITHUANIAN_LETTERS.intersection(word):
            lt_votes += 1
            continue
        in_lt = lithuanian is not None and (
            lithuanian.known(word) or lithuanian.known(word.lower())
        )
        in_en = english.known(word) or english.known(word.lower())
        if in_en and not in_lt and len(word) > 1:
            en_votes += 1
        elif in_lt and not in_en:
            lt_votes += 1
    return lt_votes, en_votes


def verdict(lt_votes: int, en_votes: int) -> str | None:
    if en_votes >= MIN_TELLING_WORDS and en_votes >= 2 * lt_votes:
        return "en"
    if lt_votes >= MIN_TELLING_WORDS or (lt_votes and lt_votes > en_votes):
        return "lt"
    return None


def language_of(text: str) -> str | None:
    """ "en", "lt", or None when the words do not tell."""
    return verdict(*word_votes(LETTER_WORD.findall(text)))


def stretches(text: str, default: str = "lt") -> list[Stretch]:
    """The text cut into sentences, each with its language (only "lt" and "en" are told)."""
    result: list[Stretch] = []
    for paragraph in PARAGRAPH.finditer(text):
        sentences = []
        totals = [0, 0]
        for sentence in SENTENCE.finditer(paragraph.group()):
            votes = word_votes(LETTER_WORD.findall(sentence.group()))
            totals[0] += votes[0]
            totals[1] += votes[1]
            start = paragraph.start() + sentence.start()
            sentences.append((start, start + len(sentence.group()), verdict(*votes)))
        paragraph_language = verdict(*totals) or default
        result += [
            Stretch(start, end, told or paragraph_language) for start, end, told in sentences
        ]
    return result


def foreign_spans(text: str, default: str = "lt") -> list[tuple[int, int]]:
    """The (start, end) of the sentences not in `default`."""
    return [(s.start, s.end) for s in stretches(text, default) if s.language != default]
