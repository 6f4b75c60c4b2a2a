"""E-mail addresses compared as mailboxes: when two typed addresses count as the same."""

from __future__ import annotations


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
