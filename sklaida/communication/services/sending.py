"""Sending personal e-mails one at a time over SMTP: pacing, the server's answer, retries.

The newsletter and press mailings keep a row per recipient (`models.sending.MessageAttempt`)
and go through the waiting rows in rounds until none waits: a temporary refusal (4xx, a
lost connection) is tried again in the next round, up to MAX_ATTEMPTS tries; a permanent
one (5xx) fails at once with the server's words. A row that was sent is never offered
again, so a job that is run a second time carries on where the first stopped. A run
`claim`s its job first and writes a heartbeat after every batch, so a second run started
while the first is alive does nothing, and one whose worker died can be resumed.
"""

from __future__ import annotations

import smtplib
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sklaida.communication.models.sending import STALLED_AFTER, MessageAttempt, SendingJob

Job = SendingJob.Status
Try = MessageAttempt.Status

# A job is composed, then sent once; nothing goes back.
TRANSITIONS: dict[str, set[str]] = {
    Job.DRAFT: {Job.SENDING},
    Job.SENDING: {Job.SENT},
    Job.SENT: set(),
}
WAITING = [Try.QUEUED, Try.RETRYING]
BATCH = 200  # rows sent over one SMTP connection before their results are saved
MAX_ATTEMPTS = 4  # the first try and three retries of a temporary failure


def check_transition(job: SendingJob, new: str) -> None:
    if new not in TRANSITIONS[job.status]:
        raise ValidationError(_("This change of status is not allowed."))


class Throttle:
    """At most `rate` calls of `wait` per second; 0 lets everything through."""

    def __init__(self, rate: float) -> None:
        self.interval = 1 / rate if rate > 0 else 0.0
        self.next_at = time.monotonic()

    def wait(self) -> None:
        if not self.interval:
            return
        now = time.monotonic()
        if self.next_at > now:
            time.sleep(self.next_at - now)
        self.next_at = max(self.next_at, now) + self.interval


@dataclass(frozen=True)
class Outcome:
    sent: bool
    temporary: bool = False
    error: str = ""


def _text(value) -> str:
    return value.decode(errors="replace") if isinstance(value, bytes) else str(value)


def _send(connection, message: EmailMessage) -> Outcome:
    try:
        if connection.connection is None:
            connection.open()
        connection.send_messages([message])
    except smtplib.SMTPException:
        # smtplib hangs up by itself on a 421; forget that connection before going on.
        if connection.connection is not None and connection.connection.sock is None:
            connection.close()
        raise
    return Outcome(sent=True)


def send_one(connection, message: EmailMessage) -> Outcome:
    """Send over an open connection; a 4xx or lost connection is temporary, a 5xx final."""
    try:
        return _send(connection, message)
    except smtplib.SMTPRecipientsRefused as refused:
        code, reply = next(iter(refused.recipients.values()))
        return Outcome(sent=False, temporary=400 <= code < 500, error=f"{code} {_text(reply)}")
    except smtplib.SMTPResponseException as refused:
        code = refused.smtp_code
        return Outcome(
            sent=False,
            temporary=400 <= code < 500,
            error=f"{code} {_text(refused.smtp_error)}",
        )
    except (smtplib.SMTPException, OSError) as problem:
        # The connection is gone or never came: open a new one for the next message.
        connection.close()
        return Outcome(sent=False, temporary=True, error=str(problem) or type(problem).__name__)


class Unsendable(Exception):
    """Raised by a message builder for a row that must not be sent; its text is the reason."""


MessageFor = Callable[[MessageAttempt], EmailMessage]


def _record(row: MessageAttempt, outcome: Outcome) -> None:
    if outcome.sent:
        row.status = Try.SENT
        row.sent_at = timezone.now()
        row.last_error = ""
    else:
        temporary = outcome.temporary and row.attempts < MAX_ATTEMPTS
        row.status = Try.RETRYING if temporary else Try.FAILED
        row.last_error = outcome.error[:500]


def _send_round(
    job: SendingJob,
    waiting: QuerySet,
    *,
    message_for: MessageFor,
    connection,
    throttle: Throttle,
    batch: int,
) -> None:
    """Try every waiting row once, `batch` rows at a time, saving each batch's results."""
    cursor = 0
    while True:
        rows = list(waiting.filter(pk__gt=cursor).order_by("pk")[:batch])
        if not rows:
            return
        cursor = rows[-1].pk
        for row in rows:
            row.attempts += 1
            try:
                message = message_for(row)
            except Unsendable as reason:
                outcome = Outcome(sent=False, error=str(reason))
            else:
                throttle.wait()
                outcome = send_one(connection, message)
            _record(row, outcome)
        waiting.model.objects.bulk_update(rows, ["status", "attempts", "last_error", "sent_at"])
        type(job).objects.filter(pk=job.pk).update(
            sent=F("sent") + sum(row.status == Try.SENT for row in rows),
            failed=F("failed") + sum(row.status == Try.FAILED for row in rows),
            heartbeat_at=timezone.now(),
        )


def claim(job: SendingJob) -> bool:
    """Take the job for this run, unless another live run holds it.

    One conditional UPDATE, so of two runs started together only one wins: a job is free
    when nobody has run it yet or its last run has been silent for STALLED_AFTER.
    """
    now = timezone.now()
    free = Q(heartbeat_at__isnull=True) | Q(heartbeat_at__lt=now - STALLED_AFTER)
    taken = type(job).objects.filter(free, pk=job.pk, status=Job.SENDING).update(heartbeat_at=now)
    return taken == 1


def check_stalled(job: SendingJob) -> None:
    """Resuming is for a job whose worker died; a live one is left to finish."""
    if job.status != Job.SENDING:
        raise ValidationError(_("Only a job that is being sent can be resumed."))
    if not job.is_stalled:
        raise ValidationError(_("The sending is still under way; there is nothing to resume."))


def send_waiting(
    job: SendingJob, waiting: QuerySet, *, message_for: MessageFor, batch: int = BATCH
) -> None:
    """Send rounds until no row of `waiting` (queued or retrying rows of `job`) is left."""
    throttle = Throttle(settings.NEWSLETTER_RATE_PER_SECOND)
    connection = get_connection(fail_silently=False)
    try:
        first = True
        while waiting.exists():
            if not first:
                # A short pause lets a greylisting or busy server take the message next time.
                type(job).objects.filter(pk=job.pk).update(heartbeat_at=timezone.now())
                time.sleep(settings.NEWSLETTER_RETRY_PAUSE)
            first = False
            _send_round(
                job,
                waiting,
                message_for=message_for,
                connection=connection,
                throttle=throttle,
                batch=batch,
            )
    finally:
        connection.close()


def finish(job: SendingJob, rows: QuerySet) -> SendingJob:
    """Count the rows' final statuses into the job and mark it sent."""
    counts = dict(
        rows.order_by().values("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    with transaction.atomic():
        job = type(job).objects.select_for_update().get(pk=job.pk)
        check_transition(job, Job.SENT)
        job.status = Job.SENT
        job.sent = counts.get(Try.SENT, 0)
        job.failed = counts.get(Try.FAILED, 0)
        job.total = sum(counts.values())
        job.finished_at = timezone.now()
        job.save(update_fields=["status", "sent", "failed", "total", "finished_at"])
    return job
