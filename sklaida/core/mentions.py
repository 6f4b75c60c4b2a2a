"""A person's name, e-mail address and phone number found in free text, in any Lithuanian case.

Erasing a person must also reach what staff wrote about her: "Skambinau Eglei Žvirblytei",
a file called `egle_zvirblyte_sutikimas.pdf`, her address in a note. Lithuanian inflects
names, so the text is compared word by word through Snowball's Lithuanian stems with the
accents dropped ("Eglei" → "egl", "Žvirblytės" and "zvirblyte" → "zvirbl").

A run of neighbouring words that are all parts of her names counts as a mention when it
holds a part of her surname: "Eglė Žvirblytė", "Žvirblytės-Test", "E. Žvirblytė" (the
initial stays). A first name alone does not count — "eglė" is also a tree, and another
Eglė may be meant. The price of comparing stems: a word that shares a stem with her
surname ("Žvirblis") is replaced too, in the rows linked to her that are searched.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import snowballstemmer

from sklaida.core.addresses import mailbox_key

_WORD = re.compile(r"[^\W_]+")
# What may stand between two parts of one name: spaces, a hyphen, an underscore, a dot.
_NAME_GAP = re.compile(r"[\s\-_.‐‑–]{1,3}")
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
# Phone numbers shorter than this are too likely to be some other number.
MIN_PHONE_DIGITS = 6

_local = threading.local()


def _stemmer() -> snowballstemmer.BaseStemmer:
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("lithuanian")
    return stemmer


def _without_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=20_000)
def word_key(word: str) -> str:
    """What two forms of one name have in common: "Žvirblytės" and "zvirblyte" → "zvirbl"."""
    lowered = unicodedata.normalize("NFC", word).lower()
    return _without_accents(_stemmer().stemWord(lowered))


def _keys(names: Iterable[str]) -> frozenset[str]:
    return frozenset(word_key(word) for name in names for word in _WORD.findall(name or ""))


def _phone_pattern(phone: str) -> str | None:
    """A pattern for `phone` however it is spaced; +370 numbers also in the national form 8…."""
    digits = re.sub(r"\D", "", phone or "")
    if len(digits) < MIN_PHONE_DIGITS:
        return None
    variants = {digits}
    if digits.startswith("370"):
        variants.add("8" + digits[3:])
    elif digits.startswith("8") and len(digits) == 9:
        variants.add("370" + digits[1:])
    spaced = [r"[\s\-().]*".join(variant) for variant in sorted(variants, key=len, reverse=True)]
    return r"(?<!\d)\+?(?:" + "|".join(spaced) + r")(?!\d)"


class Mentions:
    """Finds and replaces one person's mentions in text (and in the strings of JSON values)."""

    def __init__(
        self,
        *,
        label: str,
        first_names: Iterable[str] = (),
        last_names: Iterable[str] = (),
        emails: Iterable[str] = (),
        phones: Iterable[str] = (),
    ) -> None:
        self.label = label
        self.surname_keys = _keys(last_names)
        self.name_keys = self.surname_keys | _keys(first_names)
        self.mailboxes = frozenset(mailbox_key(email) for email in emails if email)
        patterns = [pattern for phone in set(phones) if (pattern := _phone_pattern(phone))]
        self._phones = re.compile("|".join(patterns)) if patterns else None

    def replace(self, value):
        """`value` with every mention replaced by the label: a string, or the strings inside
        lists and dicts (audit changes, EXIF, registration answers). Other values stay."""
        if isinstance(value, str):
            return self._replace_text(value)
        if isinstance(value, list):
            return [self.replace(item) for item in value]
        if isinstance(value, dict):
            return {key: self.replace(item) for key, item in value.items()}
        return value

    def found_in(self, value) -> bool:
        return self.replace(value) != value

    def _replace_text(self, text: str) -> str:
        if not text:
            return text
        text = unicodedata.normalize("NFC", text)
        if self.mailboxes:
            text = _EMAIL.sub(self._email_or_same, text)
        if self._phones is not None:
            text = self._phones.sub(self.label, text)
        if self.surname_keys:
            text = self._replace_names(text)
        return text

    def _email_or_same(self, match: re.Match) -> str:
        return self.label if mailbox_key(match.group(0)) in self.mailboxes else match.group(0)

    def _replace_names(self, text: str) -> str:
        spans: list[tuple[int, int]] = []
        run: list[re.Match] = []

        def close_run() -> None:
            if any(word_key(word.group(0)) in self.surname_keys for word in run):
                spans.append((run[0].start(), run[-1].end()))
            run.clear()

        for word in _WORD.finditer(text):
            if word_key(word.group(0)) not in self.name_keys:
                close_run()
                continue
            if run and not _NAME_GAP.fullmatch(text[run[-1].end() : word.start()]):
                close_run()
            run.append(word)
        close_run()
        for start, end in reversed(spans):
            text = text[:start] + self.label + text[end:]
        return text
