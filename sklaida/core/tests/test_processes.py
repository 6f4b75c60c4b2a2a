"""The worker and scheduler as processes: alive while busy, patient while the database is away."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult

from sklaida.core.models import Heartbeat
from sklaida.testing.processes import manage_py, url_of_test_database, wait_for
from sklaida.testing.tasks import take_a_while


def beat_of(name: str):
    return Heartbeat.objects.filter(name=name).values_list("beat_at", flat=True).first()


def running_jobs() -> int:
    return DBTaskResult.objects.filter(status="RUNNING").count()


@pytest.mark.django_db(transaction=True)
def test_a_worker_busy_with_a_long_job_still_shows_it_is_alive(database_queue):
    take_a_while.enqueue(seconds=30)

    with manage_py(
        "worker", DATABASE_URL=url_of_test_database(), WORKER_HEARTBEAT_SECONDS="2"
    ) as worker:
        wait_for(lambda: running_jobs() == 1, seconds=30, what="the worker to take the job")
        first = wait_for(lambda: beat_of("worker"), seconds=10, what="a first heartbeat")
        Heartbeat.objects.filter(name="worker").delete()

        # Still inside the long job, the worker process beats again.
        again = wait_for(lambda: beat_of("worker"), seconds=10, what="a heartbeat while busy")

        assert again > first
        assert running_jobs() == 1
        assert worker.poll() is None


@contextmanager
def database_that_comes_back() -> Iterator[tuple[int, threading.Event]]:
    """A local port that refuses connections until the event is set and then forwards them
    to the PostgreSQL server: a database that is away for a while."""
    settings = connection.settings_dict
    target = (settings["HOST"] or "127.0.0.1", int(settings["PORT"] or 5432))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    back, stop = threading.Event(), threading.Event()

    def pump(source: socket.socket, sink: socket.socket) -> None:
        with source, sink:
            try:
                while data := source.recv(65536):
                    sink.sendall(data)
            except OSError:
                return

    def serve() -> None:
        back.wait()
        with socket.create_server(("127.0.0.1", port)) as listener:
            listener.settimeout(0.2)
            while not stop.is_set():
                try:
                    client, _address = listener.accept()
                except TimeoutError:
                    continue
                server = socket.create_connection(target)
                threading.Thread(target=pump, args=(client, server), daemon=True).start()
                threading.Thread(target=pump, args=(server, client), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield port, back
    finally:
        back.set()
        stop.set()
        thread.join(timeout=5)


@pytest.mark.django_db(transaction=True)
def test_the_worker_and_the_scheduler_wait_for_the_database_and_go_on_when_it_returns(
    database_queue,
):
    if connection.vendor != "postgresql":
        pytest.skip("a database server that goes away is PostgreSQL's case; SQLite is a file")
    with database_that_comes_back() as (port, back):
        away = url_of_test_database(host="127.0.0.1", port=port)
        with (
            manage_py("worker", DATABASE_URL=away, WORKER_HEARTBEAT_SECONDS="2") as worker,
            manage_py("scheduler", DATABASE_URL=away) as scheduler,
        ):
            time.sleep(5)  # both meet the missing database, more than once
            assert worker.poll() is None, "the worker gave up while the database was away"
            assert scheduler.poll() is None, "the scheduler gave up while the database was away"
            assert beat_of("worker") is None

            back.set()

            wait_for(lambda: beat_of("scheduler"), seconds=40, what="the scheduler's heartbeat")
            wait_for(lambda: beat_of("worker"), seconds=40, what="the worker's heartbeat")
            wait_for(lambda: beat_of("queue"), seconds=40, what="the heartbeat job to run")
