"""Spelling: words neither Hunspell's Lithuanian dictionary nor the staff dictionary knows.

A remark that is wrong three times out of four teaches editors to ignore the check, so the
rule errs towards silence where a text is not Lithuanian prose:
- addresses, domains, file names, #hashtags, @handles, markup and numbers with units;
- sentences in English (see `language`), which are checked with the English dictionary,
  lower-case words only (capitalised ones there are names, often Lithuanian ones);
- quoted Latin-script words that are English, or that a marker such as "angl." or "lot."
  declares foreign: „Book Club“, lot. „carpe diem“;
- brand names English knows as written ("Facebook", "YouTube") and short abbreviations;
- parts of a person's or an institution's name: a capitalised word right after an initial
  ("J. Jonaitytė") or after a name the dictionaries know ("Povilo Višinskio") — unless it is
  a known word with its diacritics lost, which is a misspelling, not a name.
The staff dictionary holds words with a paradigm (see `dictionaries`).

Suggestions first restore lost diacritics (Siauliu → Šiaulių, Renginis → Renginys: typing
without the Lithuanian keyboard is the commonest slip), then add Hunspell's own.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from django.utils.translation import gettext as _

from sklaida.communication.checks.dictionaries import Speller, dictionary, with_staff_words
from sklaida.communication.checks.findings import SPELLING, Finding, inside, protected_spans
from sklaida.communication.checks.language import LITHUANIAN_LETTERS, foreign_spans, language_of

# Hunspell's own suggestions take up to a tenth of a second each: for the first few words only.
SUGGESTIONS_FOR = 5
# Diacritic variants tried per word at most (each is one quick dictionary look-up).
VARIANT_BUDGET = 5_000
MAX_RESTORED = 4

WORD_RE = re.compile(r"\w+(?:[-’']\w+)*")
# Abbreviations and units a Lithuanian text uses that the dictionary lacks.
ALWAYS_ACCEPTED = frozenset(
    {"eur", "proc", "vnt", "psl", "tūkst", "mln", "mlrd", "lt", "doc", "prof", "habil"}
    | {"angl", "lot", "vok", "pranc", "ital", "isp", "lenk", "rus", "lat", "est", "suom"}
)
ROMAN_ORDINAL = re.compile(r"^[IVXLCDM]+-\w+$")
# Latin-script words that a preceding marker declares foreign (lot. „carpe diem“, angl. book).
LANGUAGE_MARKER = re.compile(
    r"\b(?:angl|lot|vok|pranc|ital|isp|lenk|rus|lat|est|suom|šved|norv|dan|ol|gr)\.\s+"
    r"(„[^“\n]*“|\"[^\"\n]*\"|“[^”\n]*”|[^\W\d][^,;:()\n.„“\"]*)",
    re.IGNORECASE,
)
QUOTED = re.compile(
    r"„([^“”\n]{1,300})[“”]|“([^”\n]{1,300})”|\"([^\"\n]{1,300})\"|«([^»\n]{1,300})»"
)
SINGLE_QUOTED = re.compile(r"(?<!\w)'([^'\n]{1,300})'(?!\w)")
# A Lithuanian surname's ending (Radvilavičiūtės, Kazlauskienei, Beinoravičiaus, Jonaičio).
SURNAME = re.compile(
    r"(?:ien|ait|yt|ut|ūt|iūt)(?:ė|ės|ei|ę|e|ėje)$"
    r"|(?:ausk|insk|ack|eck)(?:as|o|ui|ą|u|ai|ų)$"
    r"|(?:evič|avič|ič|uč|ulč)(?:ius|iaus|iui|ių|iumi|iaus)$"
    r"|(?:ait|ėn|on|ūn)(?:is|io|iui|į|iu|iai|ių)$"
)
# A diminutive (parodėlė, knygelės, namukas) of a word the dictionary knows (paroda, knyga).
DIMINUTIVE = re.compile(
    r"^(.{4,}?)(?:ėl|el|uk|už|yt|ut|ait|ul)"
    r"(?:ė|ės|ei|ę|e|ėje|ių|ėms|es|ėmis|ėse|is|io|iui|į|iu|yje|iai|iams|ius|iais|iuose"
    r"|as|o|ui|ą|u|ai|ų|ams|us|ais|uose)$"
)
NOUN_ENDINGS = ("a", "as", "ė", "is", "ys", "us", "ai", "os", "ės", "ius")
# A prefix on a known word makes a word (iš+pardavimas, nebe+skaito) the dictionary may lack.
PREFIXES = ("nebe", "api", "ati", "per", "pra", "pri", "par", "iš", "su", "pa", "nu", "at", "ap")
PREFIXES += ("į", "už", "ne", "be")
INITIAL_BEFORE = re.compile(r"(?:^|[\s(])[A-ZĄČĘĖĮŠŲŪŽ]\.\s?$")

_BASE = str.maketrans("ąčęėįyšųūžĄČĘĖĮYŠŲŪŽ", "aceeiisuuzACEEIISUUZ")
_VARIANTS = {
    "a": "aą",
    "c": "cč",
    "e": "eėę",
    "i": "iyį",
    "s": "sš",
    "u": "uūų",
    "z": "zž",
}


def _variants_of(character: str) -> str:
    base = character.translate(_BASE)
    variants = _VARIANTS.get(base.lower(), "")
    if not variants:
        return character
    return variants.upper() if character.isupper() else variants


@lru_cache(maxsize=10_000)
def restore_diacritics(word: str, speller: Speller) -> tuple[str, ...]:
    """Known words that differ from `word` only in Lithuanian letters (s/š, u/ų/ū, i/y/į …),
    fewest changes first: Siauliu → Šiaulių, Renginis → Renginys.

    A word typed without a single Lithuanian letter most likely lost them all, its ending's
    too: there, a form with one more change that restores a final -ų, -ė or -į comes first
    (zaidimu → žaidimų before žaidimu, svente → šventė before švente).
    """
    options = [_variants_of(character) for character in word]
    positions = [index for index, choices in enumerate(options) if len(choices) > 1]
    typed_without = not LITHUANIAN_LETTERS.intersection(word)
    tried = 0
    found: list[tuple[int, str]] = []
    for changes in range(1, min(MAX_RESTORED, len(positions)) + 1):
        if found and (not typed_without or changes > found[0][0] + 1):
            break
        for chosen in itertools.combinations(positions, changes):
            alternatives = [
                [choice for choice in options[index] if choice != word[index]] for index in chosen
            ]
            for replacement in itertools.product(*alternatives):
                tried += 1
                if tried > VARIANT_BUDGET:
                    return _ranked(found, word, typed_without)
                letters = list(word)
                for index, letter in zip(chosen, replacement, strict=True):
                    letters[index] = letter
                candidate = "".join(letters)
                if speller.known(candidate):
                    found.append((changes, candidate))
    return _ranked(found, word, typed_without)


def _ranked(found: list[tuple[int, str]], word: str, typed_without: bool) -> tuple[str, ...]:
    # -ų, -ė, -į are far commoner endings than -u, -e, -i; -ą and -a are both common.
    if typed_without and word[-1:].lower() in ("u", "e", "i"):
        found.sort(key=lambda pair: (pair[1][-1] == word[-1], pair[0]))
    return tuple(candidate for _changes, candidate in found)


@dataclass(frozen=True)
class StaffWords:
    """The staff dictionary as the rule uses it: (word, model word) pairs."""

    entries: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, words: Iterable[str | tuple[str, str]]) -> StaffWords:
        return cls(tuple((w, "") if isinstance(w, str) else (w[0], w[1] or "") for w in words))

    @property
    def folded(self) -> frozenset[str]:
        return frozenset(word.casefold() for word, _model in self.entries)


def _quoted_foreign(text: str, speller: Speller, english: Speller | None) -> list[tuple[int, int]]:
    """Quoted Latin-script words that are not Lithuanian, and words a marker calls foreign.

    Quoted words are foreign when they are English, or when none of those the Lithuanian
    dictionary lacks is a Lithuanian word with lost diacritics („Silva rerum“ is Latin,
    „Knygu savaite“ is Lithuanian typed without them).
    """
    spans = [match.span(1) for match in LANGUAGE_MARKER.finditer(text)]
    for pattern in (QUOTED, SINGLE_QUOTED):
        for match in pattern.finditer(text):
            group = next(index for index in range(1, 5) if match.group(index) is not None)
            quoted = match.group(group)
            if LITHUANIAN_LETTERS.intersection(quoted):
                continue
            words = WORD_RE.findall(quoted)
            if english is not None and (
                language_of(quoted) == "en" or (words and all(map(english.known, words)))
            ):
                spans.append(match.span(group))
                continue
            unknown = [word for word in words if not speller.known(word)]
            if unknown and not any(restore_diacritics(word, speller) for word in unknown):
                spans.append(match.span(group))
    return spans


def _plainly_skipped(word: str, accepted: frozenset[str]) -> bool:
    return (
        any(character.isdigit() or character == "_" for character in word)
        or len(word) < 2
        or (word.isupper() and len(word) <= 6)  # abbreviations: LNB, VšĮ, ES
        or word.casefold() in accepted
        or word.casefold() in ALWAYS_ACCEPTED
    )


class _Checker:
    def __init__(self, text: str, speller: Speller, english: Speller | None, staff: StaffWords):
        self.text = text
        self.speller = speller
        self.english = english
        self.accepted = staff.folded
        self.protected = protected_spans(text)
        self.foreign = foreign_spans(text) if english is not None else []
        self.quoted_foreign = _quoted_foreign(text, speller, english)
        self.name_part_ends: set[int] = set()

    def _is_name_context(self, part: str, start: int) -> bool:
        """A capitalised word right after an initial or another part of a name, or one with
        a surname's ending right after a capitalised word (Giedros Radvilavičiūtės)."""
        before = self.text[max(0, start - 4) : start]
        if INITIAL_BEFORE.search(before):
            return True
        gap = self.text[max(0, start - 1) : start]
        if gap not in (" ", "-"):
            return False
        if (start - 1) in self.name_part_ends:
            return True
        previous = re.search(r"(\w+)[ -]$", self.text[max(0, start - 40) : start])
        return bool(previous and previous.group(1)[:1].isupper() and SURNAME.search(part.lower()))

    def _prefixed(self, part: str) -> bool:
        lower = part.lower()
        return any(
            lower.startswith(prefix)
            and len(lower) - len(prefix) >= 5
            and self.speller.known(lower[len(prefix) :])
            for prefix in PREFIXES
        ) and not restore_diacritics(part, self.speller)

    def _diminutive(self, part: str) -> bool:
        match = DIMINUTIVE.match(part.lower())
        return (
            bool(match)
            and any(self.speller.known(match.group(1) + ending) for ending in NOUN_ENDINGS)
            and not restore_diacritics(part, self.speller)
        )

    def _known_part(self, part: str, start: int) -> bool:
        if _plainly_skipped(part, self.accepted) or self.speller.known(part):
            if part[:1].isupper() and (
                part.casefold() in self.accepted or self.speller.is_proper_name(part)
            ):
                self.name_part_ends.add(start + len(part))
            return True
        if self._diminutive(part) or self._prefixed(part):
            return True
        if not part[:1].isupper():
            return False
        latin = not LITHUANIAN_LETTERS.intersection(part)
        if latin and (not part[1:].islower() or self._english_proper_name(part)):
            return True  # a brand or a name as English writes it: YouTube, TikTok, Facebook
        if (
            self._is_name_context(part, start)
            and not part.isupper()
            and not restore_diacritics(part, self.speller)
        ):
            self.name_part_ends.add(start + len(part))
            return True
        return False

    def _english_proper_name(self, word: str) -> bool:
        english = self.english
        return english is not None and english.known(word) and not english.known(word.lower())

    def word_is_known(self, word: str, start: int) -> bool:
        if _plainly_skipped(word, self.accepted) or ROMAN_ORDINAL.match(word):
            return True
        offset = 0
        known = True
        for part in re.split(r"([-’'])", word):
            if part and part not in "-’'":
                known = self._known_part(part, start + offset) and known
            offset += len(part)
        return known

    def english_word_is_known(self, word: str, start: int) -> bool:
        """Lower-case words; a capitalised one only at a sentence's start (elsewhere it is a
        name, often a Lithuanian one)."""
        if _plainly_skipped(word, self.accepted) or self.english.known(word):
            return True
        if self.speller.known(word) or LITHUANIAN_LETTERS.intersection(word):
            return True
        if word.islower():
            return False
        sentence_start = not self.text[:start].strip() or re.search(
            r"[.!?]\s+$|\n\s*$", self.text[max(0, start - 5) : start]
        )
        return not (sentence_start and word[1:].islower() and not self.english.known(word.lower()))


def check_spelling(
    text: str,
    *,
    accepted_words: Iterable[str | tuple[str, str]] = (),
    language: str = "lt",
    suggest: bool = True,
) -> list[Finding]:
    """Words the dictionaries do not know, each with the best suggestion.

    `accepted_words` is the staff dictionary: words, or (word, model word) pairs whose whole
    paradigm is accepted. Plain words are compared case-insensitively.
    """
    staff = StaffWords.of(accepted_words)
    speller = with_staff_words(staff.entries, language)
    if speller is None:
        return []
    english = dictionary("en") if language == "lt" else None
    checker = _Checker(text, speller, english, staff)
    findings = []
    hunspell_suggested = 0
    for match in WORD_RE.finditer(text):
        word, (start, end) = match.group(), match.span()
        if inside(checker.protected, start, end) or inside(checker.quoted_foreign, start, end):
            continue
        if inside(checker.foreign, start, end):
            if checker.english_word_is_known(word, start):
                continue
            suggestion = None
            if suggest and hunspell_suggested < SUGGESTIONS_FOR:
                hunspell_suggested += 1
                suggestion = next(iter(english.suggest(word)), None)
            findings.append(
                Finding(
                    SPELLING,
                    _("“%(word)s” is not in the English dictionary.") % {"word": word},
                    start,
                    end,
                    suggestion,
                )
            )
            continue
        if checker.word_is_known(word, start):
            continue
        suggestion = None
        if suggest:
            restored = restore_diacritics(word, speller)
            if restored:
                suggestion = restored[0]
            elif hunspell_suggested < SUGGESTIONS_FOR:
                hunspell_suggested += 1
                suggestion = next(iter(speller.suggest(word)), None)
        findings.append(
            Finding(
                SPELLING,
                _("“%(word)s” is not in the dictionary.") % {"word": word},
                start,
                end,
                suggestion,
            )
        )
    return findings
