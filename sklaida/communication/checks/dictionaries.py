"""Hunspell dictionaries of the spelling check: Lithuanian with the staff's words, English.

Hunspell does the work, through the `chunspell` binding (Hunspell 1.7 compiled into the
wheel), with the Debian dictionaries hunspell-lt and hunspell-en-us. A dictionary is loaded
once per process (about 40 ms) and kept; Hunspell is not documented as thread-safe, so every
call goes through one lock, and answers are remembered per dictionary.

The staff dictionary holds words with their paradigm: "Višinskis" declined like "Jonaitis"
is added with Hunspell's `add_with_affix`, which gives the new word the model word's affix
flags, so every case form Hunspell derives for "Jonaitis" (Jonaičio, Jonaičiui, …) exists for
"Višinskis" too. Hunspell has no way to take such words out again, so the Lithuanian
dictionary with the staff's words is rebuilt whenever the staff dictionary differs from the
one it was built from; it is compared on every check (one query), which keeps every worker
process of the server current without a message between them.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from django.conf import settings

logger = logging.getLogger(__name__)

# Language code → Hunspell dictionaries (base name under HUNSPELL_DIRECTORY, Debian package).
# English: British spelling first (the library's partners write it), American accepted too.
DICTIONARIES = {
    "lt": (("lt_LT", "hunspell-lt"),),
    "en": (("en_GB", "hunspell-en-gb"), ("en_US", "hunspell-en-us")),
}
DEFAULT_DIRECTORY = "/usr/share/hunspell"

# Model words offered for the paradigm of a new word: (model, its genitive, what it declines).
MODEL_WORDS = (
    ("Jonaitis", "Jonaičio", "-is"),
    ("Janonys", "Janonio", "-ys"),
    ("Kazlauskas", "Kazlausko", "-as"),
    ("Vaitkus", "Vaitkaus", "-us"),
    ("Kudirka", "Kudirkos", "-a"),
    ("Petraitytė", "Petraitytės", "-ė"),
    ("Adamkienė", "Adamkienės", "-ienė"),
    ("Šiauliai", "Šiaulių", "-iai"),
    ("Biržai", "Biržų", "-ai"),
)

_lock = threading.Lock()
_loaded: dict[str, Speller | None] = {}
_warned: set[tuple[str, str]] = set()
_staff: dict[str, tuple[frozenset, Speller]] = {}


class Speller:
    """One Hunspell dictionary and the answers it gave (words are checked many times)."""

    def __init__(self, hunspell) -> None:
        self._hunspell = hunspell
        self._known: dict[str, bool] = {}

    def known(self, word: str) -> bool:
        answer = self._known.get(word)
        if answer is None:
            with _lock:
                answer = bool(self._hunspell.spell(word))
            if len(self._known) > 100_000:
                self._known.clear()
            self._known[word] = answer
        return answer

    def suggest(self, word: str) -> tuple[str, ...]:
        with _lock:
            return tuple(self._hunspell.suggest(word))

    def stems(self, word: str) -> tuple[str, ...]:
        with _lock:
            return tuple(self._hunspell.stem(word))

    def is_proper_name(self, word: str) -> bool:
        """A form of a capitalised base form: Šiaulių (Šiauliai), Povilo (Povilas), Rūta."""
        return self.known(word) and any(stem[:1].isupper() for stem in self.stems(word))


class EitherSpeller(Speller):
    """Several dictionaries of one language (British and American English): a word any of
    them knows is known; suggestions come from the first."""

    def __init__(self, spellers: list[Speller]) -> None:
        self._spellers = spellers
        self._known = {}

    def known(self, word: str) -> bool:
        return any(speller.known(word) for speller in self._spellers)

    def suggest(self, word: str) -> tuple[str, ...]:
        return self._spellers[0].suggest(word)

    def stems(self, word: str) -> tuple[str, ...]:
        return tuple(stem for speller in self._spellers for stem in speller.stems(word))


def _path(language: str) -> tuple[Path | None, str]:
    """The first installed dictionary of a language (else the first expected), its package."""
    directory = Path(getattr(settings, "HUNSPELL_DIRECTORY", DEFAULT_DIRECTORY))
    candidates = [(directory / name, package) for name, package in DICTIONARIES.get(language, ())]
    for base, package in candidates:
        if base.with_suffix(".dic").exists():
            return base, package
    return candidates[0] if candidates else (None, "")


def _new_hunspell(language: str, base: Path | None = None):
    base, package = (base, "") if base else _path(language)
    if base is None or not base.with_suffix(".dic").exists():
        # Once per language and place: a test that points elsewhere sees its own warning.
        if (language, str(base)) not in _warned:
            _warned.add((language, str(base)))
            logger.warning(
                "Spelling check for %r is off: no Hunspell dictionary at %s.dic "
                "(install the Debian package %s).",
                language,
                base,
                package or "with its Hunspell dictionary",
            )
        return None
    from hunspell import Hunspell

    return Hunspell(base.name, hunspell_data_dir=str(base.parent))


def _load(language: str) -> Speller | None:
    directory = Path(getattr(settings, "HUNSPELL_DIRECTORY", DEFAULT_DIRECTORY))
    installed = [
        directory / name
        for name, _package in DICTIONARIES.get(language, ())
        if (directory / name).with_suffix(".dic").exists()
    ]
    if not installed:
        _new_hunspell(language)  # warns
        return None
    spellers = [Speller(_new_hunspell(language, base)) for base in installed]
    return spellers[0] if len(spellers) == 1 else EitherSpeller(spellers)


def dictionary(language: str = "lt") -> Speller | None:
    """The Hunspell dictionary of a language, loaded once; None when it is not installed."""
    if language not in _loaded:
        with _lock:
            if language not in _loaded:
                _loaded[language] = _load(language)
    return _loaded[language]


def forget_dictionaries() -> None:
    """Drop the loaded dictionaries (tests that point HUNSPELL_DIRECTORY elsewhere)."""
    with _lock:
        _loaded.clear()
        _warned.clear()
        _staff.clear()
    base_form_flags.cache_clear()


def with_staff_words(entries: Iterable[tuple[str, str]], language: str = "lt") -> Speller | None:
    """The language's dictionary with the staff's (word, model word) entries added.

    A word without a model word is accepted as it is written (and capitalised, and in
    capitals); with one, in every form of the model word's paradigm.
    """
    key = frozenset((word, model) for word, model in entries if word)
    base = dictionary(language)
    if base is None or not key:
        return base
    built = _staff.get(language)
    if built and built[0] == key:
        return built[1]
    with _lock:
        hunspell = _new_hunspell(language)
    if hunspell is None:
        return base
    for word, model in sorted(key):
        root = base_form(model, language) if model else None
        with _lock:
            if root:
                hunspell.add_with_affix(word, root)
            else:
                hunspell.add(word)
    speller = Speller(hunspell)
    _staff[language] = (key, speller)
    return speller


@lru_cache(maxsize=4)
def base_form_flags(language: str = "lt") -> dict[str, str]:
    """Base form → its affix flags, read from the dictionary's .dic file (its SET encoding)."""
    base, _package = _path(language)
    if base is None or not base.with_suffix(".dic").exists():
        return {}
    encoding = "utf-8"
    for line in base.with_suffix(".aff").read_bytes().splitlines():
        if line.startswith(b"SET "):
            encoding = line.split()[1].decode("ascii")
            break
    flags: dict[str, str] = {}
    lines = base.with_suffix(".dic").read_text(encoding=encoding, errors="replace").splitlines()
    for line in lines[1:]:
        word, _slash, rest = line.partition("/")
        if rest:
            flags[word] = rest.split()[0] if rest.split() else ""
    return flags


def base_form(model: str, language: str = "lt") -> str | None:
    """The dictionary's base form for a model word as typed ("jonaitis" → "Jonaitis"), when
    it has a paradigm (affix flags); else None."""
    flags = base_form_flags(language)
    for candidate in (model, model[:1].upper() + model[1:], model.lower()):
        if flags.get(candidate):
            return candidate
    return None
