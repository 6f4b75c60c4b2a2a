"""Who is asking, and how often: the client's address and counters in fixed time windows.

Counters live in the cache (Redis in production, so every web process counts together;
the in-process cache of a single-process install is enough there). A window's counter
expires by itself; nothing has to clean up.
"""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The address of the client, as far as the trusted reverse proxies tell it.

    Without a proxy (TRUSTED_PROXY_COUNT = 0) X-Forwarded-For is ignored: anyone can send
    that header. Behind N proxies, each appends the address it got the request from, so
    the client is the N-th entry counted from the right; entries left of it are the
    client's own claims and are not believed.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def within_limit(*, scope: str, key: str, limit: int, window_seconds: int) -> bool:
    """Count one more request of `key` in the current window; False once past `limit`.

    The key is hashed, so an e-mail address never appears in the cache as such.
    """
    window = int(time.time() // window_seconds)
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    cache_key = f"throttle:{scope}:{window}:{digest}"
    # add() creates the counter only if absent; incr() is atomic on Redis.
    cache.add(cache_key, 0, timeout=window_seconds)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add() and incr(): this is the first request
        cache.add(cache_key, 1, timeout=window_seconds)
        count = 1
    return count <= limit
