"""Sending personal e-mails one at a time: pacing, the server's answer, retries, and what
happens when a worker dies halfway.

The newsletter and press mailings keep a row per recipient (`models.sending.MessageAttempt`)
and go through the waiting rows in rounds until none waits: a temporary refusal (4xx, a
lost connection) is tried again in the next round, up to MAX_ATTEMPTS tries; a permanent
one (5xx) fails at once with the server's words.

Any of Django's e-mail backends will do (SMTP, console, file, in-memory): the job opens
the backend once and keeps it open, which for SMTP means one connection for many
messages. A mail server that cannot be reached at all is not the recipients' fault: after
MAX_ATTEMPTS tries to connect the job stops as failed, with the reason on its page and
the rows still waiting, to be sent when someone resumes it.

Nobody gets a message twice, whatever stops the worker (`kill -9`, a crash, a restart):

- A run `claim`s its job with one conditional UPDATE and a token of its own; every later
  step checks the token, so a run that lost the job (it was silent too long and another
  took over) stops at its next message without sending it.
- Each row is marked "sending" in its own committed transaction *before* the message is
  handed to the backend (only if it is still waiting, so two runs never take the same
  row), and its outcome is committed as soon as the server answers. A row found still
  "sending" by the next run was in flight when its worker died: the server may or may
  not have it, so it is marked "fate unknown" and never sent again; the page counts such
  rows (at most one per death) and shows each.
- The periodic `resume-stalled-sending` job (every minute) resumes a job that has been
  silent for SENDING_STALLED_AFTER_SECONDS, unless its run is still waiting in the queue;
  a job that stops its worker three times running without a message sent is given up as
  failed.
"""

from __future__ import annotations

import secrets
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
from django_tasks import TaskResultStatus
from django_tasks.base import Task
from django_tasks.exceptions import TaskException

from sklaida.communication.models.sending import MessageAttempt, SendingJob, stalled_after
from sklaida.core.jobs import FAILED, JobFailure, describe

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
BATCH = 200  # waiting rows read at a time (each row's outcome is saved on its own)
MAX_ATTEMPTS = 4  # the first try and three retries of a temporary failure
# Without EMAIL_TIMEOUT one silent mail server could hold a run for ever (and its job
# would look dead); each SMTP operation then waits at most this many seconds.
SMTP_TIMEOUT = 30
MAX_AUTO_RESUMES = 3  # automatic resumes without a message sent before the job is failed


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


class Superseded(Exception):
    """This run no longer holds its job (it was silent too long and another run took it)."""


def _beat(job: SendingJob, token: str) -> None:
    """A sign of life, written only while this run still holds the job."""
    alive = (
        type(job).objects.filter(pk=job.pk, claimed_by=token).update(heartbeat_at=timezone.now())
    )
    if not alive:
        raise Superseded


def _server_of(connection) -> str:
    host = getattr(connection, "host", None)
    if host:
        return f"{host}:{getattr(connection, 'port', '')}"
    return type(connection).__module__


def open_connection(connection, job: SendingJob, token: str) -> None:
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
        _beat(job, token)
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
    except Exception as problem:  # noqa: BLE001 - one bad message must not stop the others
        # The backend refused to build or write this message (Django refuses an address
        # with a line break in it): it fails alone, with the reason.
        return Outcome(sent=False, error=describe(problem))


class Unsendable(Exception):
    """Raised by a message builder for a row that must not be sent; its text is the reason."""


MessageFor = Callable[[MessageAttempt], EmailMessage]


def _final_status(outcome: Outcome, attempts: int) -> str:
    if outcome.sent:
        return Try.SENT
    return Try.RETRYING if outcome.temporary and attempts < MAX_ATTEMPTS else Try.FAILED


def _take(job: SendingJob, token: str, row: MessageAttempt, status: str) -> bool:
    """Move a waiting row to `status` (counting the try) in a committed transaction of its
    own, while this run holds the job; False when the row is no longer waiting."""
    with transaction.atomic():
        _beat(job, token)
        taken = (
            type(row)
            .objects.filter(pk=row.pk, status__in=WAITING)
            .update(status=status, attempts=F("attempts") + 1)
        )
    if not taken:
        return False
    row.attempts += 1
    return True


def _record(job: SendingJob, row: MessageAttempt, outcome: Outcome) -> None:
    """Save a row's outcome and count it on the job, committed at once."""
    status = _final_status(outcome, row.attempts)
    with transaction.atomic():
        type(row).objects.filter(pk=row.pk).update(
            status=status,
            last_error="" if outcome.sent else outcome.error[:500],
            sent_at=timezone.now() if outcome.sent else None,
        )
        type(job).objects.filter(pk=job.pk).update(
            sent=F("sent") + int(status == Try.SENT),
            failed=F("failed") + int(status == Try.FAILED),
            # A message went (or was settled): the job is making progress.
            auto_resumes=0,
        )


def _attempt(
    job: SendingJob,
    token: str,
    row: MessageAttempt,
    *,
    message_for: MessageFor,
    connection,
    throttle: Throttle,
) -> None:
    try:
        message = message_for(row)
    except Unsendable as reason:
        if _take(job, token, row, Try.FAILED):
            _record(job, row, Outcome(sent=False, error=str(reason)))
        return
    throttle.wait()
    # Connect before the row is marked: a server that cannot be reached leaves it waiting.
    open_connection(connection, job, token)
    if not _take(job, token, row, Try.SENDING):
        return
    _record(job, row, send_one(connection, message))


def _send_round(
    job: SendingJob,
    token: str,
    waiting: QuerySet,
    *,
    message_for: MessageFor,
    connection,
    throttle: Throttle,
) -> None:
    """Try every waiting row once, reading BATCH rows at a time."""
    cursor = 0
    while True:
        rows = list(waiting.filter(pk__gt=cursor).order_by("pk")[:BATCH])
        if not rows:
            return
        cursor = rows[-1].pk
        for row in rows:
            _attempt(
                job, token, row, message_for=message_for, connection=connection, throttle=throttle
            )


def claim(job: SendingJob) -> str | None:
    """Take the job for this run, unless another live run holds it; returns the run's token.

    One conditional UPDATE, so of two runs started together only one wins: a job is free
    when no run holds it (never run, or resumed) or its run has been silent too long.
    """
    now = timezone.now()
    free = (
        Q(claimed_by="") | Q(heartbeat_at__isnull=True) | Q(heartbeat_at__lt=now - stalled_after())
    )
    token = secrets.token_hex(16)
    taken = (
        type(job)
        .objects.filter(free, pk=job.pk, status=Job.SENDING)
        .update(claimed_by=token, heartbeat_at=now)
    )
    return token if taken == 1 else None


ORPHANED = _(
    "The background worker stopped while handing this message to the mail server; it may "
    "or may not have arrived, so it was not sent again."
)


def _settle_orphans(job: SendingJob, rows: QuerySet) -> None:
    """Rows left "sending" by a run whose worker died: fate unknown, never sent again."""
    with transaction.atomic():
        orphaned = rows.filter(status=Try.SENDING).update(
            status=Try.UNKNOWN, last_error=str(ORPHANED)[:500]
        )
        if orphaned:
            type(job).objects.filter(pk=job.pk).update(unknown=F("unknown") + orphaned)


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

    A failed job goes back to "sending" with its error cleared; a stalled one is released
    by its dead run. The next run may claim it at once.
    """
    with transaction.atomic():
        job = type(job).objects.select_for_update().get(pk=job.pk)
        check_resumable(job)
        if job.status == Job.FAILED:
            check_transition(job, Job.SENDING)
        # No run holds it now; the heartbeat marks the moment the new run was asked for.
        type(job).objects.filter(pk=job.pk).update(
            status=Job.SENDING, error="", claimed_by="", heartbeat_at=timezone.now()
        )


def send_waiting(job: SendingJob, token: str, rows: QuerySet, *, message_for: MessageFor) -> bool:
    """Send rounds until none of `rows` (the job's rows) waits; False when this run lost
    the job to another on the way (it then stops without sending anything more)."""
    throttle = Throttle(settings.NEWSLETTER_RATE_PER_SECOND)
    waiting = rows.filter(status__in=WAITING)
    connection = get_connection(
        fail_silently=False, timeout=getattr(settings, "EMAIL_TIMEOUT", None) or SMTP_TIMEOUT
    )
    try:
        _settle_orphans(job, rows)
        first = True
        while waiting.exists():
            if not first:
                # A short pause lets a greylisting or busy server take the message next time.
                _beat(job, token)
                time.sleep(settings.NEWSLETTER_RETRY_PAUSE)
            first = False
            _send_round(
                job,
                token,
                waiting,
                message_for=message_for,
                connection=connection,
                throttle=throttle,
            )
    except Superseded:
        return False
    finally:
        connection.close()
    return True


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
        job.unknown = counts.get(Try.UNKNOWN, 0)
        job.total = sum(counts.values())
        job.finished_at = timezone.now()
        job.claimed_by = ""
        job.save(
            update_fields=[
                "status",
                "sent",
                "failed",
                "unknown",
                "total",
                "finished_at",
                "claimed_by",
            ]
        )
    return job


# --- Runs and their recovery ---------------------------------------------------------


def enqueue_run(job: SendingJob, task: Task, **kwargs) -> None:
    """Queue a run of `task` for the job and remember its id (see `recover_stalled`)."""
    result = task.enqueue(**kwargs)
    type(job).objects.filter(pk=job.pk).update(task_id=result.id)


def _waits_in_queue(task: Task, task_id: str) -> bool:
    """Whether the job's last queued run has not started yet (a busy or absent worker)."""
    if not task_id:
        return False
    try:
        return task.get_result(task_id).status == TaskResultStatus.READY
    except (NotImplementedError, TaskException):
        return False  # the backend keeps no results, or this one is gone


def _silent() -> Q:
    cutoff = timezone.now() - stalled_after()
    return Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True, started_at__lt=cutoff)


def recover_stalled(model: type[SendingJob], task: Task, run: Callable[[SendingJob], None]) -> int:
    """Resume every job of `model` whose run died (silent, and not waiting in the queue);
    returns how many were resumed. `run(job)` enqueues the job's run."""
    resumed = 0
    for job in model.objects.filter(_silent(), status=Job.SENDING).order_by("pk"):
        if _waits_in_queue(task, job.task_id):
            continue
        still_silent = model.objects.filter(_silent(), pk=job.pk, status=Job.SENDING)
        if job.auto_resumes >= MAX_AUTO_RESUMES:
            still_silent.update(
                status=FAILED,
                claimed_by="",
                error=str(
                    _(
                        "the background worker stopped %(count)s times in a row while sending "
                        "this, without a message going out"
                    )
                    % {"count": job.auto_resumes + 1}
                ),
            )
            continue
        if still_silent.update(
            claimed_by="", heartbeat_at=timezone.now(), auto_resumes=F("auto_resumes") + 1
        ):
            run(job)
            resumed += 1
    return resumed
