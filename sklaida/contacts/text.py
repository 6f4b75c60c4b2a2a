"""Search keys for names: lower case, without diacritics, single spaces ("Žemaitė" → "zemaite")."""

import unicodedata


def search_key(*parts: str | None) -> str:
    """The normalised form names are stored and searched in, the same on every database."""
    text = " ".join(part for part in parts if part)
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(stripped.split())
