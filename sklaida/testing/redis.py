"""A clean Redis database for tests that need the real thing (the cache, the RQ queue).

Tests use database 15 of the local Redis and empty it before and after each test, so
they never see the development data in database 0. Where Redis is not running, such a
test is skipped with the reason, except on CI (env CI set), where it fails instead:
CI promises Redis, and a quietly skipped test would hide a broken setup.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
import redis

# TEST_REDIS_URL lets two test runs on one machine use different databases.
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def emptied_test_redis() -> str:
    """Empty the tests' Redis database and return its URL; skip (or fail on CI) without Redis."""
    client = redis.Redis.from_url(TEST_REDIS_URL, socket_connect_timeout=2)
    try:
        client.flushdb()
    except (redis.ConnectionError, redis.TimeoutError) as error:
        reason = f"this test needs Redis at {TEST_REDIS_URL} ({error})"
        if os.environ.get("CI"):
            pytest.fail(f"CI must provide Redis: {reason}")
        pytest.skip(f"Redis is not running: {reason}")
    finally:
        client.close()
    return TEST_REDIS_URL


@pytest.fixture
def redis_url() -> Iterator[str]:
    """The URL of an empty Redis database of the test's own, emptied again afterwards."""
    url = emptied_test_redis()
    yield url
    client = redis.Redis.from_url(url)
    try:
        client.flushdb()
    finally:
        client.close()


def redis_cache(url: str) -> dict:
    """CACHES for Django's Redis cache at `url`, as production configures it."""
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "sklaida",
        }
    }
