"""Sklaida's own processes (worker, scheduler) started for real against the test database.

Tests that use them must be transactional (`django_db(transaction=True)`): a process of its
own sees only what is committed.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import connection


def production_environment(**variables: str | None) -> dict[str, str]:
    """A server's environment: nothing of the test run's (pytest-env) settings, only these
    (a variable given as None is left out)."""
    environment = {"PATH": os.environ["PATH"], "LANG": "C.UTF-8"}
    environment.update(
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(45),
        ALLOWED_HOSTS="sklaida.example.lt",
    )
    environment.update(variables)
    return {name: value for name, value in environment.items() if value is not None}


def run(*arguments: str, environment: dict[str, str]) -> subprocess.CompletedProcess:
    """Our Python with these arguments (`manage.py …`, `-c …`), waited for."""
    return subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, *arguments],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def url_of_test_database(*, host: str | None = None, port: int | None = None) -> str:
    """DATABASE_URL of the database this test runs on, optionally through another address."""
    database = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{database['NAME']}"
    user = urllib.parse.quote(database["USER"] or "postgres")
    password = f":{urllib.parse.quote(database['PASSWORD'])}" if database["PASSWORD"] else ""
    address = f"{host or database['HOST'] or '127.0.0.1'}:{port or database['PORT'] or 5432}"
    return f"postgres://{user}{password}@{address}/{database['NAME']}"


@contextmanager
def manage_py(*arguments: str, **environment: str) -> Iterator[subprocess.Popen]:
    """`manage.py <arguments>` in a process of its own, with the test run's environment plus
    `environment`; stopped (SIGTERM, then SIGKILL) when the block ends."""
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", *arguments],
        cwd=settings.BASE_DIR,
        env={**os.environ, "TASKS_BACKEND": "db", **environment},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()


def wait_for(condition: Callable[[], object], *, seconds: float, what: str) -> object:
    """Poll `condition` until it returns something true; fail after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if result := condition():
            return result
        time.sleep(0.2)
    raise AssertionError(f"Waited {seconds} s in vain for {what}")
