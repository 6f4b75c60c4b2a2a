"""Length of a text against channel limits (e.g. a social network's characters)."""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.translation import gettext as _

from sklaida.communication.checks.findings import LENGTH, Finding
from sklaida.core.formatting import format_number


def check_length(text: str, limit: int | Mapping[str, int | None] | None) -> list[Finding]:
    """Over-limit text: `limit` is one number, or channel name → limit (None: no limit).

    The finding covers the characters past the limit, so an editor can mark them.
    """
    if limit is None:
        return []
    limits = limit.items() if isinstance(limit, Mapping) else [("", limit)]
    findings = []
    for channel, maximum in limits:
        if maximum is None or len(text) <= maximum:
            continue
        values = {
            "length": format_number(len(text)),
            "limit": format_number(maximum),
            "over": format_number(len(text) - maximum),
        }
        if channel:
            values["channel"] = channel
            message = _(
                "%(channel)s: the text has %(length)s characters, %(over)s over the limit "
                "of %(limit)s."
            )
        else:
            message = _("The text has %(length)s characters, %(over)s over the limit of %(limit)s.")
        findings.append(Finding(LENGTH, message % values, maximum, len(text), None))
    return findings
