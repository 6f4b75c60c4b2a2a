"""Run the periodic-job scheduler: wakes every minute and enqueues what is due."""

from __future__ import annotations

import datetime
import signal
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils import timezone

from sklaida.core import scheduling, services

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
        last_done = None
        while self.running:
            close_old_connections()
            now = timezone.now().replace(second=0, microsecond=0)
            first = (
                now
                if last_done is None
                else max(
                    last_done + datetime.timedelta(minutes=1),
                    now - datetime.timedelta(minutes=MAX_CATCH_UP_MINUTES - 1),
                )
            )
            minute = first
            while minute <= now:
                scheduling.enqueue_due_jobs(minute)
                minute += datetime.timedelta(minutes=1)
            last_done = now
            services.record_heartbeat(name="scheduler")
            if once:
                return
            self._sleep_until(now + datetime.timedelta(minutes=1))

    def _sleep_until(self, moment: datetime.datetime) -> None:
        while self.running and timezone.now() < moment:
            remaining = (moment - timezone.now()).total_seconds()
            time.sleep(max(0.05, min(1.0, remaining)))

    def _stop(self, *args) -> None:
        self.running = False
