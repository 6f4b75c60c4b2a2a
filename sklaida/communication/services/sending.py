"""Sending personal e-mails one at a time: pacing, the server's answer, retries.

The newsletter and press mailings keep a row per recipient (`models.sending.MessageAttempt`)
and go through the waiting rows in rounds until none waits: a temporary refusal (4xx, a
lost connection) is tried again in the next round, up to MAX_ATTEMPTS tries; a permanent
one (5xx) fails at once with the server's words. A row that was sent is never offered
again, so a job that is run a second time carries on where the first stopped. A run
`claim`s its job first and writes a heartbeat after every batch, so a second run started
while the first is alive does nothing, and one whose worker died can be resumed.

Any of Django's e-mail backends will do (SMTP, console, file, in-memory): the job opens
the backend once and keeps it open, which for SMTP means one connection for many
messages. A mail server that cannot be reached at all is not the recipients' fault: after
MAX_ATTEMPTS tries to connect the job stops as failed, with the reason on its page and
the rows still waiting, to be sent when someone resumes it.
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
from sklaida.core.jobs import JobFailure

Job = SendingJob.Status
Try = MessageAttempt.Status

# A job is composed, then sent once; one that stopped on an error is resumed. (The move
# to "failed" is written by core.jobs.failure_recorded when the job raises.)
TRANSITIONS: dict[str, set[str]] = {
    Job.DRAFT: {Job.SENDING},
    Job.SENDING: {Job.SENT, Job.FAILED},
    Job.FAILED: {Job.SENDING},
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


class MailServerUnavailable(JobFailure):
    """The backend could not be opened (no mail server answering, a refused login)."""


def _beat(job: SendingJob) -> None:
    type(job).objects.filter(pk=job.pk).update(heartbeat_at=timezone.now())


def _server_of(connection) -> str:
    host = getattr(connection, "host", None)
    if host:
        return f"{host}:{getattr(connection, 'port', '')}"
    return type(connection).__module__


def open_connection(connection, job: SendingJob) -> None:
    """Have the backend ready to send; a no-op while it already is.

    SMTP connects (the connection is then kept for the following messages), the file
    backend opens its file, the console and in-memory backends need nothing. Opening is
    tried MAX_ATTEMPTS times with a pause between (a server restarting comes back); then,
    or at once on a permanent refusal such as a wrong password, the job stops.
    """
    for attempt in range(1, MAX_ATTEMPTS + 1):
        try:
            connection.open()
            return
        except (smtplib.SMTPException, OSError) as problem:
            permanent = (
                isinstance(problem, smtplib.SMTPResponseException) and problem.smtp_code >= 500
            )
            if permanent or attempt == MAX_ATTEMPTS:
                raise MailServerUnavailable(
                    _("the mail server %(server)s did not take the connection (%(error)s)")
                    % {"server": _server_of(connection), "error": _describe(problem)}
                ) from problem
        _beat(job)
        time.sleep(settings.NEWSLETTER_RETRY_PAUSE)


def _describe(problem: Exception) -> str:
    if isinstance(problem, smtplib.SMTPResponseException):
        return f"{problem.smtp_code} {_text(problem.smtp_error)}"
    return str(problem) or type(problem).__name__


def _send(connection, message: EmailMessage) -> Outcome:
    try:
        connection.send_messages([message])
    except smtplib.SMTPException:
        # smtplib hangs up by itself on a 421; forget that connection before going on.
        smtp = getattr(connection, "connection", None)
        if smtp is not None and smtp.sock is None:
            connection.close()
        raise
    return Outcome(sent=True)


def send_one(connection, message: EmailMessage) -> Outcome:
    """Send through an opened backend; a 4xx or lost connection is temporary, a 5xx final."""
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
        return Outcome(sent=False, temporary=True, error=_describe(problem))


class Unsendable(Exception):
    """Raised by a message builder for a row that must not be sent; its text is the reason."""


MessageFor = Callable[[MessageAttempt], EmailMessage]


def _record(row: MessageAttempt, outcome: Outcome) -> None:
    row.attempts += 1
    if outcome.sent:
        row.status = Try.SENT
        row.sent_at = timezone.now()
        row.last_error = ""
    else:
        temporary = outcome.temporary and row.attempts < MAX_ATTEMPTS
        row.status = Try.RETRYING if temporary else Try.FAILED
        row.last_error = outcome.error[:500]


def _attempt(
    job: SendingJob, row: MessageAttempt, *, message_for: MessageFor, connection, throttle: Throttle
) -> Outcome:
    try:
        message = message_for(row)
    except Unsendable as reason:
        return Outcome(sent=False, error=str(reason))
    throttle.wait()
    open_connection(connection, job)
    return send_one(connection, message)


def _save(job: SendingJob, model: type[MessageAttempt], rows: list[MessageAttempt]) -> None:
    model.objects.bulk_update(rows, ["status", "attempts", "last_error", "sent_at"])
    type(job).objects.filter(pk=job.pk).update(
        sent=F("sent") + sum(row.status == Try.SENT for row in rows),
        failed=F("failed") + sum(row.status == Try.FAILED for row in rows),
        heartbeat_at=timezone.now(),
    )


def _send_round(
    job: SendingJob,
    waiting: QuerySet,
    *,
    message_for: MessageFor,
    connection,
    throttle: Throttle,
    batch: int,
) -> None:
    """Try every waiting row once, `batch` rows at a time, saving each batch's results.

    When the job stops halfway through a batch (the mail server is gone), the rows tried
    so far are saved before it stops; the others keep waiting for the job to be resumed.
    """
    cursor = 0
    while True:
        rows = list(waiting.filter(pk__gt=cursor).order_by("pk")[:batch])
        if not rows:
            return
        cursor = rows[-1].pk
        tried = []
        try:
            for row in rows:
                outcome = _attempt(
                    job, row, message_for=message_for, connection=connection, throttle=throttle
                )
                _record(row, outcome)
                tried.append(row)
        finally:
            _save(job, waiting.model, tried)


def claim(job: SendingJob) -> bool:
    """Take the job for this run, unless another live run holds it.

    One conditional UPDATE, so of two runs started together only one wins: a job is free
    when nobody has run it yet or its last run has been silent for STALLED_AFTER.
    """
    now = timezone.now()
    free = Q(heartbeat_at__isnull=True) | Q(heartbeat_at__lt=now - STALLED_AFTER)
    taken = type(job).objects.filter(free, pk=job.pk, status=Job.SENDING).update(heartbeat_at=now)
    return taken == 1


def check_resumable(job: SendingJob) -> None:
    """Resuming is for a job that stopped on an error or whose worker died; a live one is
    left to finish."""
    if job.status == Job.FAILED:
        return
    if job.status != Job.SENDING:
        raise ValidationError(_("Only a job that is being sent can be resumed."))
    if not job.is_stalled:
        raise ValidationError(_("The sending is still under way; there is nothing to resume."))


def resume(job: SendingJob) -> None:
    """Make a stopped job ready for another run; the caller then enqueues that run.

    A failed job goes back to "sending" with its error cleared and no heartbeat (the run
    that failed has ended), so the next run may claim it at once.
    """
    with transaction.atomic():
        job = type(job).objects.select_for_update().get(pk=job.pk)
        check_resumable(job)
        if job.status == Job.FAILED:
            check_transition(job, Job.SENDING)
            type(job).objects.filter(pk=job.pk).update(
                status=Job.SENDING, error="", heartbeat_at=None
            )


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
                _beat(job)
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
