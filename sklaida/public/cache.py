"""A short-lived cache of rendered public calendar pages and feeds.

Every key carries a version; saving or deleting any event (or changing its audiences)
writes a new version, so the next request renders afresh on every web process sharing the
cache (Redis in production). Entries of old versions simply expire.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

VERSION_KEY = "public:calendar:version"
# Long enough to absorb a rush of visitors, short enough that "upcoming" stays true.
TIMEOUT_SECONDS = 120


def calendar_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return version


def calendar_changed(**kwargs) -> None:
    """Signal receiver: the public calendar must be rendered afresh."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def _key(request: HttpRequest) -> str:
    query = sorted(request.GET.lists())
    fingerprint = hashlib.sha256(f"{get_language()}|{request.path}|{query}".encode()).hexdigest()
    return f"public:page:{calendar_version()}:{fingerprint}"


def cached_page(request: HttpRequest, render: Callable[[], HttpResponse]) -> HttpResponse:
    """The response `render` gives, kept for TIMEOUT_SECONDS per language, path and query."""
    key = _key(request)
    stored = cache.get(key)
    if stored is not None:
        content, content_type, headers = stored
        response = HttpResponse(content, content_type=content_type)
        for name, value in headers.items():
            response[name] = value
        return response
    response = render()
    if response.status_code == 200:
        headers = {
            name: response[name] for name in ("Content-Disposition",) if response.has_header(name)
        }
        cache.set(key, (response.content, response["Content-Type"], headers), TIMEOUT_SECONDS)
    return response
