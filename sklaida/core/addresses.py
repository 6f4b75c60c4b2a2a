"""E-mail addresses compared as mailboxes: when two typed addresses count as the same."""

from __future__ import annotations

from collections.abc import Iterable


def mailbox_key(address: str) -> str:
    """`address` in lower case without a `+tag`: "Ona+Renginiai@Pastas.LT" → "ona@pastas.lt".

    Most providers deliver `name+anything@` to `name@`, so a duplicate check or a limit
    per address that compared the typed text could be passed a thousand times over. Only
    for comparing: what the person typed is what is stored and written to.
    """
    local, at, domain = address.strip().lower().rpartition("@")
    if not at:
        return domain
    return f"{local.split('+', 1)[0]}@{domain}"


def also_saved(update_fields: Iterable[str] | None, source: str, derived: str) -> list[str] | None:
    """`update_fields` of a save, with the `derived` column added when `source` is saved
    (a mailbox key saved with its address)."""
    if update_fields is None:
        return None
    fields = list(update_fields)
    return [*fields, derived] if source in fields and derived not in fields else fields
