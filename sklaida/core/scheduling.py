"""Periodic jobs: reminders and audits that the `scheduler` command enqueues on time.

An app lists its periodic jobs in its own `schedule.py` with `register(...)`; the
scheduler process discovers those modules, wakes every minute and enqueues the jobs
whose cron expression (in the Library's time zone, Europe/Vilnius) matches that minute.
Run exactly one scheduler; any number of workers take the jobs off the queue.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from croniter import croniter
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules
from django_tasks.base import Task

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    cron: str  # "minute hour day-of-month month day-of-week", local time
    task: Task

    def __post_init__(self) -> None:
        if not croniter.is_valid(self.cron):
            raise ValueError(f"Periodic job {self.name!r} has an invalid cron {self.cron!r}")


_jobs: dict[str, PeriodicJob] = {}


def register(job: PeriodicJob) -> PeriodicJob:
    _jobs[job.name] = job
    return job


def periodic_jobs() -> list[PeriodicJob]:
    autodiscover_modules("schedule")
    return sorted(_jobs.values(), key=lambda job: job.name)


def jobs_due_at(minute: datetime.datetime) -> list[PeriodicJob]:
    """The jobs whose schedule matches this minute, read in local time."""
    local = timezone.localtime(minute).replace(second=0, microsecond=0)
    return [job for job in periodic_jobs() if croniter.match(job.cron, local.replace(tzinfo=None))]


def enqueue_due_jobs(minute: datetime.datetime) -> list[str]:
    """Enqueue every job due at `minute`; returns their names."""
    names = []
    for job in jobs_due_at(minute):
        job.task.enqueue()
        names.append(job.name)
        logger.info("Enqueued periodic job %s for %s", job.name, minute.isoformat())
    return names
