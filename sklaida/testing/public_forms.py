"""Posting the public forms in tests as a person would: shown a while ago, honeypot empty."""

from __future__ import annotations

import time

from sklaida.public.protection import signed_start


def typed_by_a_person(seconds: float = 60) -> dict[str, str]:
    """The hidden fields of a public form a person took `seconds` to fill in."""
    return {"started": signed_start(time.time() - seconds), "website": ""}
