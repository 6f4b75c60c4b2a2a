"""/healthz: is the database answering, the cache working, a worker taking jobs?"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.views.decorators.cache import never_cache

from sklaida.core.models import Heartbeat
from sklaida.core.permissions import Capability, has_capability


def _database() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # noqa: BLE001 - any failure means "down", reported as text
        return {"ok": False, "vendor": connection.vendor, "error": str(error)}
    return {"ok": True, "vendor": connection.vendor}


def _without_details(check: dict) -> dict:
    """A driver's error names the host, port and database; strangers need only that it failed."""
    if "error" not in check:
        return check
    return {**check, "error": "unreachable"}


def _cache() -> dict:
    backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    key, value = "healthz:" + get_random_string(8), get_random_string(8)
    try:
        cache.set(key, value, timeout=10)
        ok = cache.get(key) == value
        cache.delete(key)
    except Exception as error:  # noqa: BLE001
        return {"ok": False, "backend": backend, "error": str(error)}
    return {"ok": ok, "backend": backend}


def _heartbeat(name: str, now: datetime.datetime) -> dict:
    beat = Heartbeat.objects.filter(name=name).values_list("beat_at", flat=True).first()
    if beat is None:
        return {"ok": False, "last_seen": None, "age_seconds": None}
    age = (now - beat).total_seconds()
    return {
        "ok": age <= settings.WORKER_HEARTBEAT_MAX_AGE_SECONDS,
        "last_seen": beat.isoformat(),
        "age_seconds": round(age),
    }


@never_cache
@login_not_required
def healthz(request: HttpRequest) -> JsonResponse:
    """JSON status; HTTP 503 only when the database is down (the web cannot serve then).

    The worker and the scheduler beat by themselves (`core.processes`), so a worker busy
    with a long job is still alive. `queue` says when the heartbeat job the scheduler
    enqueues every minute last went through; it is shown, not judged, because a queue
    may rightly wait behind a long job.
    """
    now = timezone.now()
    database = _database()
    checks = {"database": database, "cache": _cache()}
    if database["ok"]:
        checks["worker"] = {"backend": settings.TASKS_BACKEND, **_heartbeat("worker", now)}
        checks["scheduler"] = _heartbeat("scheduler", now)
    healthy = all(check["ok"] for check in checks.values())
    status = "ok" if healthy else ("degraded" if database["ok"] else "down")
    if database["ok"]:
        queue = _heartbeat("queue", now)
        checks["queue"] = {"last_seen": queue["last_seen"], "age_seconds": queue["age_seconds"]}
    # With the database down, the signed-in user cannot even be looked up: no details then.
    if not (database["ok"] and has_capability(request.user, Capability.MANAGE_SYSTEM)):
        checks = {name: _without_details(check) for name, check in checks.items()}
    return JsonResponse(
        {"status": status, "time": now.isoformat(), **checks},
        status=200 if database["ok"] else 503,
    )
