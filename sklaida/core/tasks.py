"""Background jobs of the core: thin wrappers that call services."""

from __future__ import annotations

from django.core.mail import EmailMessage
from django.utils import timezone
from django_tasks import task
from django_tasks.base import TASK_MAX_PRIORITY

from sklaida.core import accounts, services


@task()
def send_email(*, to: list[str], subject: str, body: str) -> int:
    """Send one plain-text e-mail; returns how many messages left (0 or 1)."""
    return EmailMessage(subject=subject, body=body, to=to).send()


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
