"""Background jobs of the core: thin wrappers that call services."""

from __future__ import annotations

from django.core.mail import EmailMessage
from django.utils import timezone
from django_tasks import task

from sklaida.core import services


@task()
def send_email(*, to: list[str], subject: str, body: str) -> int:
    """Send one plain-text e-mail; returns how many messages left (0 or 1)."""
    return EmailMessage(subject=subject, body=body, to=to).send()


@task()
def record_worker_heartbeat() -> None:
    """Proves to /healthz that a worker takes jobs off the queue."""
    services.record_heartbeat(name="worker")


@task()
def send_task_reminders() -> int:
    """Daily digest of due and overdue tasks to their owners."""
    return services.send_due_task_reminders(today=timezone.localdate())
