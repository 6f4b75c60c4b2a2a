"""File names that arrive with uploads, made safe to keep, show and offer for download.

A name is whatever the sender's computer (or a script) put in the request: it may hold a
NUL byte (which PostgreSQL refuses to store), line breaks, a right-to-left override that
shows "gpj.exe" as "exe.jpg", folders, or a thousand characters. Every place that keeps
an uploaded file's name passes it through `clean_filename` first.
"""

from __future__ import annotations

import re
import unicodedata

from django.utils.translation import pgettext

# Unicode categories dropped: control characters (NUL, escapes; line breaks and tabs
# become spaces) and format characters (the bidi embeddings, overrides and isolates,
# zero-width spaces and marks).
DROPPED_CATEGORIES = {"Cc", "Cf"}
# The longest extension kept whole when a long name is shortened (".jpeg", ".docx").
MAX_EXTENSION = 16
SPACES = re.compile(r"\s+")


def clean_filename(name: str, max_length: int = 255) -> str:
    """`name` without folders, control and bidi characters, at most `max_length`
    characters long, its extension kept; letters of every language stay as they are.

    Whitespace of any kind becomes one plain space; leading and trailing spaces and dots
    go (a leading dot hides a file, a trailing one Windows drops). A name with nothing
    left becomes "file" in the current language.
    """
    name = unicodedata.normalize("NFC", _without_surrogates(str(name or "")))
    parts = [part for part in re.split(r"[/\\]", name) if part.strip(" .")]
    name = parts[-1] if parts else ""
    name = "".join(
        " " if character.isspace() else character
        for character in name
        if character.isspace() or unicodedata.category(character) not in DROPPED_CATEGORIES
    )
    name = SPACES.sub(" ", name).strip(" .")
    if not name:
        name = pgettext("name given to an uploaded file that came without one", "file")
    if len(name) <= max_length:
        return name
    stem, dot, extension = name.rpartition(".")
    extension = dot + extension
    if stem and len(extension) <= min(MAX_EXTENSION, max_length // 2):
        return stem[: max_length - len(extension)].rstrip(" .") + extension
    return name[:max_length].rstrip(" .")


def _without_surrogates(name: str) -> str:
    """A name read from a disk in another encoding carries its undecodable bytes as lone
    surrogates, which no database stores: show each as the replacement character."""
    return "".join(
        "\ufffd" if "\ud800" <= character <= "\udfff" else character for character in name
    )
