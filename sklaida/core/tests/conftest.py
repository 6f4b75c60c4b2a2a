"""Fixtures for tests of the job flow: a real database or Redis queue instead of `immediate`."""

from __future__ import annotations

import logging
import signal
from collections.abc import Iterator

import django_rq
import pytest
from rq.worker import Worker

from sklaida.testing.redis import redis_url  # noqa: F401 - a fixture these tests use

# Workers and the scheduler take over these signals for a clean shutdown and keep them.
WORKER_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)
# db_worker sets these loggers' levels from its verbosity.
WORKER_LOGGERS = ("django_tasks", "django_tasks_db")


@pytest.fixture
def worker_side_effects_undone() -> Iterator[None]:
    """Give pytest back its Ctrl+C handling and the job loggers' levels after a worker ran."""
    handlers = {number: signal.getsignal(number) for number in WORKER_SIGNALS}
    levels = {name: logging.getLogger(name).level for name in WORKER_LOGGERS}
    yield
    for number, handler in handlers.items():
        signal.signal(number, handler)
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


@pytest.fixture
def database_queue(settings, worker_side_effects_undone) -> None:
    """Jobs wait in the database until `db_worker` takes them, as in the default deployment."""
    settings.TASKS_BACKEND = "db"
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }


@pytest.fixture
def redis_queue(settings, redis_url, worker_side_effects_undone) -> None:  # noqa: F811
    """Jobs wait in the tests' Redis database until an RQ worker takes them."""
    settings.REDIS_URL = redis_url
    settings.RQ_QUEUES = {"default": {"URL": redis_url}}
    settings.TASKS_BACKEND = "rq"
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}


@pytest.fixture
def rq_worker(redis_queue) -> Iterator[Worker]:
    """An RQ worker set up as `manage.py worker` sets it up, but running jobs in this process.

    RQ's usual worker runs each job in a forked child, whose e-mails the test's outbox
    would never see; a SimpleWorker runs it here.
    """
    worker = django_rq.get_worker(
        "default", job_class="django_tasks_rq.Job", worker_class="rq.worker.SimpleWorker"
    )
    yield worker
    # The worker sits in reference cycles; close its Redis connection now rather than
    # leave an open socket for the garbage collector to warn about.
    worker.connection.close()
