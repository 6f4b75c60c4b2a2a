"""Settings read from the environment: production is safe, and services switch on by URL."""

import json

from sklaida.testing.processes import production_environment, run

PRINT_SETTINGS = """
import json, os
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sklaida.settings")
django.setup()
from django.conf import settings
print(json.dumps({
    "database": settings.DATABASES["default"]["ENGINE"],
    "cache": settings.CACHES["default"]["BACKEND"],
    "tasks": settings.TASKS["default"]["BACKEND"],
}))
"""


def settings_under(**variables: str) -> dict[str, str]:
    finished = run("-c", PRINT_SETTINGS, environment=production_environment(**variables))
    assert finished.returncode == 0, finished.stderr
    return json.loads(finished.stdout.splitlines()[-1])


def test_a_production_environment_passes_the_deployment_checks_once_static_files_are_collected(
    tmp_path,
):
    environment = production_environment(STATIC_ROOT=str(tmp_path / "static"))
    assert len(environment["SECRET_KEY"]) == 60
    check = ("manage.py", "check", "--deploy", "--fail-level", "WARNING")

    before = run(*check, environment=environment)
    collected = run("manage.py", "collectstatic", "--no-input", environment=environment)
    after = run(*check, environment=environment)

    assert before.returncode != 0
    assert "sklaida.E001" in before.stderr
    assert "Run `manage.py collectstatic --no-input`" in before.stderr
    assert collected.returncode == 0, collected.stdout + collected.stderr
    assert after.returncode == 0, after.stdout + after.stderr
    assert "System check identified no issues" in after.stdout


def test_without_a_secret_key_the_server_refuses_to_start():
    finished = run("manage.py", "check", environment=production_environment(SECRET_KEY=None))

    assert finished.returncode != 0
    assert "Set SECRET_KEY, or DEBUG=1 for local development." in finished.stderr


def test_without_urls_of_services_it_runs_on_sqlite_memory_cache_and_the_database_queue():
    assert settings_under() == {
        "database": "django.db.backends.sqlite3",
        "cache": "django.core.cache.backends.locmem.LocMemCache",
        "tasks": "django_tasks_db.DatabaseBackend",
    }


def test_a_postgres_url_selects_postgresql():
    chosen = settings_under(DATABASE_URL="postgres://sklaida:secret@db.example.lt:5432/sklaida")

    assert chosen["database"] == "django.db.backends.postgresql"


def test_a_redis_url_moves_the_cache_and_the_job_queue_to_redis():
    chosen = settings_under(REDIS_URL="redis://127.0.0.1:6379/0")

    assert chosen["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert chosen["tasks"] == "django_tasks_rq.RQBackend"


PRINT_ACCOUNT_SETTINGS = """
import json, os
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sklaida.settings")
django.setup()
from django.conf import settings
print(json.dumps({
    "session_seconds": settings.SESSION_COOKIE_AGE,
    "remember_days": settings.SESSION_REMEMBER_DAYS,
    "failure_limit": settings.AXES_FAILURE_LIMIT,
    "lockout_minutes": settings.AXES_COOLOFF_TIME.total_seconds() / 60,
    "otp_roles": settings.OTP_REQUIRED_FOR_ROLES,
}))
"""


def account_settings_under(**variables: str) -> dict:
    finished = run("-c", PRINT_ACCOUNT_SETTINGS, environment=production_environment(**variables))
    assert finished.returncode == 0, finished.stderr
    return json.loads(finished.stdout.splitlines()[-1])


def test_sessions_last_a_working_day_and_no_role_needs_a_code_unless_configured():
    assert account_settings_under() == {
        "session_seconds": 8 * 3600,
        "remember_days": 14,
        "failure_limit": 10,
        "lockout_minutes": 30,
        "otp_roles": [],
    }


def test_session_lengths_lockouts_and_roles_needing_a_code_come_from_the_environment():
    chosen = account_settings_under(
        SESSION_HOURS="4.5",
        SESSION_REMEMBER_DAYS="7",
        LOGIN_FAILURE_LIMIT="5",
        LOGIN_LOCKOUT_MINUTES="60",
        OTP_REQUIRED_FOR_ROLES="head,admin",
    )

    assert chosen == {
        "session_seconds": 4 * 3600 + 1800,
        "remember_days": 7,
        "failure_limit": 5,
        "lockout_minutes": 60,
        "otp_roles": ["head", "admin"],
    }


def test_an_unknown_role_needing_a_code_stops_the_server():
    finished = run(
        "manage.py",
        "check",
        environment=production_environment(OTP_REQUIRED_FOR_ROLES="head,vadove"),
    )

    assert finished.returncode != 0
    assert "OTP_REQUIRED_FOR_ROLES names unknown roles: vadove." in finished.stderr
