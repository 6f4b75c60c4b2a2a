"""A real `manage.py worker` in its own process, on the test database's queue.

For tests of what survives a worker's death: the test kills the process (SIGKILL) as an
operating system or an out-of-memory killer would, then starts another. The test must be
transactional (the worker reads what the test committed) and use the database queue.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from django.conf import settings

from sklaida.testing.processes import url_of_test_database

MANAGE = Path(settings.BASE_DIR) / "manage.py"
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def start_worker(log: Path, **environment: str) -> subprocess.Popen:
    """`manage.py worker` on the test database's queue; its output goes to `log`."""
    env = {**os.environ, "DATABASE_URL": url_of_test_database(), "TASKS_BACKEND": "db"}
    env.pop("REDIS_URL", None)
    env.update(environment)
    with log.open("ab") as output:
        return subprocess.Popen(  # noqa: S603 (our own manage.py, fixed arguments)
            [sys.executable, str(MANAGE), "worker"],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )


def wait_for(
    condition: Callable[[], bool], *, process: subprocess.Popen, log: Path, seconds: float = 60
) -> None:
    """Wait until `condition()` holds, failing with the worker's output if it dies or times out."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        if process.poll() is not None:
            raise AssertionError(f"the worker exited ({process.returncode}):\n{log.read_text()}")
        time.sleep(0.02)
    raise AssertionError(f"still waiting after {seconds} s; the worker said:\n{log.read_text()}")
