"""Run the periodic-job scheduler: wakes every minute and enqueues what is due."""

from __future__ import annotations

import datetime
import logging
import signal
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections, connection
from django.utils import timezone

from sklaida.core import scheduling, services
from sklaida.core.processes import FIRST_PAUSE, LONGEST_PAUSE, OUTAGES

logger = logging.getLogger(__name__)

# After a pause (laptop sleep, a long stall) catch up at most this many minutes.
MAX_CATCH_UP_MINUTES = 10


class Command(BaseCommand):
    help = "Enqueue periodic jobs (reminders, audits) when they are due. Run exactly one."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--once",
            action="store_true",
            help="Enqueue the jobs due this minute and exit.",
        )

    def handle(self, *args, once: bool = False, **options) -> None:
        self.running = True
        signal.signal(signal.SIGTERM, self._stop)
        signal.signal(signal.SIGINT, self._stop)
        jobs = scheduling.periodic_jobs()
        self.stdout.write("Scheduler: " + ", ".join(f"{job.name} ({job.cron})" for job in jobs))
        self.last_done: datetime.datetime | None = None
        pause = FIRST_PAUSE
        while self.running:
            close_old_connections()
            now = timezone.now().replace(second=0, microsecond=0)
            try:
                self._enqueue_until(now)
                services.record_heartbeat(name="scheduler")
            except OUTAGES as error:
                # The database or Redis is away: wait, longer each time, and catch up after.
                logger.warning("Scheduler: %s; trying again in %.0f s", error, pause)
                connection.close()
                self._sleep_until(timezone.now() + datetime.timedelta(seconds=pause))
                pause = min(pause * 2, LONGEST_PAUSE)
                continue
            pause = FIRST_PAUSE
            if once:
                return
            self._sleep_until(now + datetime.timedelta(minutes=1))

    def _enqueue_until(self, now: datetime.datetime) -> None:
        """Enqueue the jobs of every minute since the last one done, up to `now`; a minute
        counts as done once all its jobs are enqueued, so an outage repeats at most that one."""
        minute = (
            now
            if self.last_done is None
            else max(
                self.last_done + datetime.timedelta(minutes=1),
                now - datetime.timedelta(minutes=MAX_CATCH_UP_MINUTES - 1),
            )
        )
        while minute <= now:
            scheduling.enqueue_due_jobs(minute)
            self.last_done = minute
            minute += datetime.timedelta(minutes=1)

    def _sleep_until(self, moment: datetime.datetime) -> None:
        while self.running and timezone.now() < moment:
            remaining = (moment - timezone.now()).total_seconds()
            time.sleep(max(0.05, min(1.0, remaining)))

    def _stop(self, *args) -> None:
        self.running = False
