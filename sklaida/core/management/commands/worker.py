"""Run a background-job worker for whichever job backend the settings choose."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from redis.exceptions import ConnectionError as RedisConnectionError

from sklaida.core.processes import HeartbeatThread, run_until_done


def _database_worker() -> None:
    call_command("db_worker", queue_name="default", interval=1.0)


def _rq_worker() -> None:
    try:
        # RQ's own Job class cannot call a django-tasks Task; django-tasks-rq's can.
        call_command("rqworker", "default", job_class="django_tasks_rq.Job", with_scheduler=True)
    except SystemExit as stopped:
        # rqworker exits with 1 when it cannot reach Redis; that is an outage to wait out.
        if stopped.code == 1:
            raise RedisConnectionError("Redis is unreachable") from stopped
        raise


class Command(BaseCommand):
    help = "Take background jobs off the queue: the database worker, or RQ when Redis is set."

    def handle(self, *args, **options) -> None:
        workers = {"db": _database_worker, "rq": _rq_worker}
        if settings.TASKS_BACKEND not in workers:
            raise CommandError(
                f"TASKS_BACKEND={settings.TASKS_BACKEND} runs jobs in the web process; "
                "there is nothing for a worker to do."
            )
        heartbeat = HeartbeatThread("worker")
        heartbeat.start()
        try:
            run_until_done(
                workers[settings.TASKS_BACKEND], what="The worker lost the database or Redis"
            )
        finally:
            heartbeat.stop()
