"""Request limits: a fixed window per subject, counted in the cache (in-process and Redis)."""

from __future__ import annotations

import datetime

import pytest
import redis
import time_machine
from django.core.cache import cache

from sklaida.core import throttle
from sklaida.testing.redis import redis_cache

LIMIT = throttle.Limit("test-form", requests=3, seconds=600)
# 12:03:20 UTC: 200 seconds into a ten-minute window.
MOMENT = datetime.datetime(2026, 11, 25, 12, 3, 20, tzinfo=datetime.UTC)


@pytest.fixture(params=["in-process", "redis"])
def any_cache(request, settings):
    """Each test runs on the development cache and on Redis, the production one."""
    if request.param == "redis":
        settings.CACHES = redis_cache(request.getfixturevalue("redis_url"))
    cache.clear()
    return request.param


def hits(count: int, subject: str = "192.0.2.10") -> None:
    for _ in range(count):
        throttle.hit(LIMIT, subject)


@time_machine.travel(MOMENT, tick=False)
def test_the_request_over_the_limit_is_refused_until_the_window_ends(any_cache):
    hits(3)

    with pytest.raises(throttle.Throttled) as refused:
        throttle.hit(LIMIT, "192.0.2.10")

    assert refused.value.retry_after == 400
    assert refused.value.until == datetime.datetime(2026, 11, 25, 12, 10, tzinfo=datetime.UTC)
    assert refused.value.minutes == 7


def test_each_subject_and_each_scope_is_counted_apart(any_cache):
    hits(3, "192.0.2.10")

    hits(3, "192.0.2.11")
    throttle.hit(throttle.Limit("other-form", requests=3, seconds=600), "192.0.2.10")


def test_a_new_window_starts_the_count_again(any_cache):
    with time_machine.travel(MOMENT, tick=False):
        hits(3)
        with pytest.raises(throttle.Throttled):
            throttle.hit(LIMIT, "192.0.2.10")

    with time_machine.travel(MOMENT + datetime.timedelta(seconds=400), tick=False):
        hits(3)


def test_the_cache_keeps_no_personal_data(any_cache, settings):
    throttle.hit(LIMIT, "ona@pastas.example")

    if any_cache == "redis":
        client = redis.Redis.from_url(settings.CACHES["default"]["LOCATION"])
        keys = [key.decode() for key in client.keys("*")]
        client.close()
    else:
        keys = list(cache._cache)
    assert keys and all("ona" not in key and "pastas" not in key for key in keys)
