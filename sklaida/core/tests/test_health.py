"""/healthz: what a monitor sees about the database, the cache, the worker and the scheduler."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_tasks import TaskResultStatus

from sklaida.core import services, tasks
from sklaida.core.models import Heartbeat
from sklaida.testing.tasks import take_a_while

CLOSED_REDIS_URL = "redis://127.0.0.1:1/0"


def health(client: Client | None = None) -> dict:
    """GET /healthz as an anonymous monitor; the HTTP status is part of the answer."""
    response = (client or Client()).get("/healthz")
    assert response["Content-Type"] == "application/json"
    return {"http_status": response.status_code, **response.json()}


def processes_beat_now() -> None:
    """The worker and the scheduler beat, and the heartbeat job runs (here at once)."""
    services.record_heartbeat(name="worker")
    services.record_heartbeat(name="scheduler")
    tasks.record_queue_heartbeat.enqueue()


def redis_cache(url: str) -> dict:
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "sklaida",
        }
    }


def test_healthz_answers_an_anonymous_monitor_with_json_that_is_never_cached(db):
    response = Client().get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    report = response.json()
    assert set(report) == {"status", "time", "database", "cache", "worker", "scheduler", "queue"}
    assert report["database"]["ok"] is True
    assert report["cache"] == {"ok": True, "backend": "LocMemCache"}


def test_without_a_worker_heartbeat_health_is_degraded_but_the_page_still_answers(db):
    report = health()

    assert report["http_status"] == 200
    assert report["status"] == "degraded"
    assert report["worker"] == {
        "backend": "immediate",
        "ok": False,
        "last_seen": None,
        "age_seconds": None,
    }
    assert report["scheduler"]["ok"] is False


def test_health_is_ok_once_the_worker_and_scheduler_beat_and_the_heartbeat_job_has_run(db):
    processes_beat_now()

    report = health()

    assert report["status"] == "ok"
    assert report["worker"]["ok"] is True
    assert report["worker"]["age_seconds"] < 5
    beat_at = Heartbeat.objects.get(name="worker").beat_at
    assert datetime.datetime.fromisoformat(report["worker"]["last_seen"]) == beat_at
    assert report["scheduler"]["ok"] is True
    assert report["queue"]["age_seconds"] < 5


def test_a_worker_heartbeat_older_than_the_allowed_age_makes_health_degraded(db, settings):
    processes_beat_now()
    too_old = settings.WORKER_HEARTBEAT_MAX_AGE_SECONDS + 60
    Heartbeat.objects.filter(name="worker").update(
        beat_at=timezone.now() - datetime.timedelta(seconds=too_old)
    )

    report = health()

    assert report["http_status"] == 200
    assert report["status"] == "degraded"
    assert report["worker"]["ok"] is False
    assert too_old <= report["worker"]["age_seconds"] <= too_old + 5
    assert report["scheduler"]["ok"] is True


@pytest.mark.django_db(transaction=True)
def test_the_heartbeat_job_goes_through_the_database_queue_ahead_of_waiting_work(
    database_queue,
):
    waiting_work = take_a_while.enqueue(seconds=0)
    call_command("scheduler", once=True, stdout=io.StringIO())

    assert health()["queue"] == {"last_seen": None, "age_seconds": None}

    call_command("db_worker", max_tasks=1, startup_delay=False, verbosity=0)

    assert health()["queue"]["age_seconds"] < 5
    waiting_work.refresh()
    assert waiting_work.status == TaskResultStatus.READY


def test_with_redis_as_the_cache_health_reports_the_redis_cache_working(db, settings, redis_url):
    settings.CACHES = redis_cache(redis_url)
    processes_beat_now()

    report = health()

    assert report["cache"] == {"ok": True, "backend": "RedisCache"}
    assert report["status"] == "ok"


def test_an_unreachable_redis_cache_makes_health_degraded_and_says_why(db, settings):
    settings.CACHES = redis_cache(CLOSED_REDIS_URL)
    processes_beat_now()

    report = health()

    assert report["http_status"] == 200
    assert report["status"] == "degraded"
    assert report["cache"]["ok"] is False
    assert report["cache"]["backend"] == "RedisCache"
    assert report["cache"]["error"] == "unreachable"
    assert report["database"]["ok"] is True
    assert report["worker"]["ok"] is True


def test_only_the_system_administrator_reads_where_the_unreachable_service_is(
    db, settings, client_as
):
    settings.CACHES = redis_cache(CLOSED_REDIS_URL)

    for anyone_else in (Client(), client_as("vadove")):
        assert "127.0.0.1" not in str(health(anyone_else))
    assert "127.0.0.1:1" in health(client_as("admin"))["cache"]["error"]


def test_the_browsers_favicon_request_finds_the_icon(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 302
    assert response["Location"].endswith(".svg")
    assert "core/favicon" in response["Location"]
