"""Background jobs of the core: thin wrappers that call services."""

from __future__ import annotations

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from django_tasks import task
from django_tasks.base import TASK_MAX_PRIORITY

from sklaida.core import accounts, outbox, services


@task()
def send_outgoing_email(*, message_id: int) -> bool:
    """Send one e-mail kept in the outbox (the job holds its id, never its text)."""
    return outbox.send_outgoing_email(message_id=message_id)


@task()
def retry_outgoing_emails() -> int:
    return outbox.retry_outgoing_emails()


@task()
def prune_job_results() -> None:
    """Finished jobs' records go after JOB_RESULTS_KEEP_DAYS (the database queue keeps
    them otherwise forever; RQ expires its own)."""
    if settings.TASKS_BACKEND == "db":
        call_command("prune_db_task_results", min_age_days=settings.JOB_RESULTS_KEEP_DAYS)


@task(priority=TASK_MAX_PRIORITY)
def record_queue_heartbeat() -> None:
    """Proves to /healthz that jobs go through the queue; taken ahead of waiting work."""
    services.record_heartbeat(name="queue")


@task()
def send_task_reminders() -> int:
    """Daily digest of due and overdue tasks to their owners."""
    return services.send_due_task_reminders(today=timezone.localdate())


@task()
def delete_old_sign_in_logs() -> int:
    """Daily: forget successful sign-ins older than SIGN_IN_LOG_DAYS."""
    return accounts.delete_old_sign_in_logs()
