"""What keeps the background processes honest and alive: the worker's own heartbeat, and
patience when the database or Redis is unreachable.

A worker busy with a long job (a video proxy, a fixity audit of the whole archive) takes
no new job for minutes, so a heartbeat that waits in the queue would call a working
worker dead. The worker process therefore beats from a thread of its own; the periodic
heartbeat *job* still runs, ahead of waiting work, to show that jobs go through the queue.

When the database or Redis goes away, the worker and the scheduler do not exit: they
wait, longer each time up to a minute, and go on when it is back.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from django.conf import settings
from django.db import DatabaseError, close_old_connections, connection
from redis.exceptions import RedisError

from sklaida.core import services

logger = logging.getLogger(__name__)

# Errors that mean "a service we need is away for now", not a bug in a job.
OUTAGES: tuple[type[Exception], ...] = (DatabaseError, RedisError)
FIRST_PAUSE = 1.0
LONGEST_PAUSE = 60.0


class HeartbeatThread(threading.Thread):
    """Records `Heartbeat(name)` now and every WORKER_HEARTBEAT_SECONDS until stopped."""

    def __init__(self, name: str = "worker") -> None:
        super().__init__(name=f"{name}-heartbeat", daemon=True)
        self.beat_name = name
        self.every = settings.WORKER_HEARTBEAT_SECONDS
        self.stopped = threading.Event()

    def run(self) -> None:
        while True:
            try:
                services.record_heartbeat(name=self.beat_name)
            except OUTAGES as error:
                logger.warning("Cannot record the %s heartbeat: %s", self.beat_name, error)
            finally:
                # This thread's own connection; a broken one is not reused next time.
                connection.close()
            if self._sleep_unless_stopped(self.every):
                return

    def _sleep_unless_stopped(self, seconds: float) -> bool:
        """Sleep in short steps; True once stopped. (Not `Event.wait`: libfaketime, which CI
        runs the suite under, leaves a timed wait on a condition hanging.)"""
        deadline = time.monotonic() + seconds
        while not self.stopped.is_set():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            time.sleep(min(remaining, 0.5))
        return True

    def stop(self) -> None:
        self.stopped.set()


def run_until_done(
    work: Callable[[], object],
    *,
    what: str,
    sleep: Callable[[float], None] = time.sleep,
    keep_going: Callable[[], bool] = lambda: True,
) -> None:
    """Run `work` until it returns; while the database or Redis is away, wait and retry.

    The pause doubles from one second up to a minute and starts again from one second once
    `work` has run for a while without failing.
    """
    pause = FIRST_PAUSE
    while keep_going():
        started = time.monotonic()
        try:
            work()
            return
        except OUTAGES as error:
            if time.monotonic() - started > LONGEST_PAUSE:
                pause = FIRST_PAUSE
            logger.warning("%s: %s; trying again in %.0f s", what, error, pause)
            close_old_connections()
            connection.close()
            sleep(pause)
            pause = min(pause * 2, LONGEST_PAUSE)
