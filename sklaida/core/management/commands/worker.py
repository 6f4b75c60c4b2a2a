"""Run a background-job worker for whichever job backend the settings choose."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Take background jobs off the queue: the database worker, or RQ when Redis is set."

    def handle(self, *args, **options) -> None:
        if settings.TASKS_BACKEND == "db":
            call_command("db_worker", queue_name="default", interval=1.0)
        elif settings.TASKS_BACKEND == "rq":
            # RQ's own Job class cannot call a django-tasks Task; django-tasks-rq's can.
            call_command(
                "rqworker", "default", job_class="django_tasks_rq.Job", with_scheduler=True
            )
        else:
            raise CommandError(
                f"TASKS_BACKEND={settings.TASKS_BACKEND} runs jobs in the web process; "
                "there is nothing for a worker to do."
            )
