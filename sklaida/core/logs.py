"""Logs without the secrets that travel in addresses.

Registration, tour, newsletter, share and password-reset links carry a token that works
like a password for whoever holds the link. Logs are read by more people and kept longer
than the links live, so a token in a logged address is replaced by a short hash of it:
still enough to follow one visitor's requests, useless to open the link.
"""

from __future__ import annotations

import hashlib
import logging
import re
from typing import Any

# A path segment of 16+ token characters after a route word that precedes a token.
SECRET_IN_ADDRESS = re.compile(
    r"(?P<before>/(?:registracija|registration|ekskursijos|tours|patvirtinti|confirm"
    r"|atsisakyti|unsubscribe|bendrinti|naujas/[^/\s?#\"']+)/)"
    r"(?P<token>[A-Za-z0-9_\-:]{16,})"
)


def _hashed(match: re.Match) -> str:
    digest = hashlib.sha256(match["token"].encode()).hexdigest()[:10]
    return f"{match['before']}[token:{digest}]"


def redact(text: str) -> str:
    """`text` with every address token replaced by a short hash of it."""
    return SECRET_IN_ADDRESS.sub(_hashed, text)


class RedactSecrets(logging.Filter):
    """On a handler: every record it writes has address tokens hashed."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True


try:
    from gunicorn.glogging import Logger as _GunicornLogger
except ImportError:  # gunicorn is the production server; development may not have it
    _GunicornLogger = object


class GunicornLogger(_GunicornLogger):
    """gunicorn's access log with address tokens hashed in the request line, path,
    query and referrer (see gunicorn.conf.py)."""

    def atoms(self, resp, req, environ, request_time) -> dict[str, Any]:
        atoms = super().atoms(resp, req, environ, request_time)
        for key in ("r", "U", "q", "f", "{referer}i"):
            if isinstance(atoms.get(key), str):
                atoms[key] = redact(atoms[key])
        return atoms
