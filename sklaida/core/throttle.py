"""Request limits per client or per address: fixed-window counters in the cache.

A limit allows `requests` within each window of `seconds`; the windows are aligned on the
clock, so everyone's window ends at the same moment and the refusal can say when to try
again. A burst across a window's end may get up to twice the limit: the price of a
counter that is one atomic `INCR` in Redis (the production cache, shared by every web
process) instead of a log of timestamps. The in-process cache of development counts per
process, which is all one process needs.

Subjects (an address, an e-mail) are hashed before they become cache keys, so the cache
holds no personal data and no key grows with what a stranger typed.
"""

from __future__ import annotations

import datetime
import hashlib
import math
import time
from dataclasses import dataclass

from django.core.cache import cache


@dataclass(frozen=True)
class Limit:
    scope: str
    requests: int
    seconds: int


class Throttled(Exception):
    """Over a limit until the window ends: `until`, and `retry_after` seconds from now."""

    def __init__(self, limit: Limit, *, window_ends: float, now: float) -> None:
        super().__init__(f"{limit.scope}: more than {limit.requests} in {limit.seconds} s")
        self.limit = limit
        self.until = datetime.datetime.fromtimestamp(window_ends, tz=datetime.UTC)
        self.retry_after = max(math.ceil(window_ends - now), 1)

    @property
    def minutes(self) -> int:
        return max(math.ceil(self.retry_after / 60), 1)


def _key(limit: Limit, subject: str, window: int) -> str:
    digest = hashlib.sha256(subject.encode()).hexdigest()[:32]
    return f"throttle:{limit.scope}:{digest}:{window}"


def hit(limit: Limit, subject: str) -> None:
    """Count one request of `subject` against `limit`; raise `Throttled` once it is over."""
    now = time.time()
    window = int(now // limit.seconds)
    key = _key(limit, subject, window)
    # The key outlives its window by a little, so it never expires between add and incr.
    timeout = limit.seconds + 5
    cache.add(key, 0, timeout=timeout)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted meanwhile: this request starts the count again
        cache.set(key, 1, timeout=timeout)
        count = 1
    if count > limit.requests:
        raise Throttled(limit, window_ends=(window + 1) * limit.seconds, now=now)
