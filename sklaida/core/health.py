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


def _database() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # noqa: BLE001 - any failure means "down", reported as text
        return {"ok": False, "vendor": connection.vendor, "error": str(error)}
    return {"ok": True, "vendor": connection.vendor}


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

    The worker is judged by the heartbeat job the scheduler enqueues every minute: a
    fresh heartbeat proves scheduler, queue and worker all work.
    """
    now = timezone.now()
    database = _database()
    checks = {"database": database, "cache": _cache()}
    if database["ok"]:
        checks["worker"] = {"backend": settings.TASKS_BACKEND, **_heartbeat("worker", now)}
        checks["scheduler"] = _heartbeat("scheduler", now)
    healthy = all(check["ok"] for check in checks.values())
    status = "ok" if healthy else ("degraded" if database["ok"] else "down")
    return JsonResponse(
        {"status": status, "time": now.isoformat(), **checks},
        status=200 if database["ok"] else 503,
    )
