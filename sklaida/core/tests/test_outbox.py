"""The outbox: e-mails to one person leave once, survive a mail server that is away, and
leave nothing personal behind in the job queue."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from sklaida.core import outbox, tasks
from sklaida.core.models import OutgoingEmail
from sklaida.testing.smtp import Mailbox, serving
from sklaida.testing.tasks import take_a_while


def queue_reminder() -> OutgoingEmail:
    return outbox.queue_email(
        to=["skaitytoja@biblioteka.example"],
        subject="Priminimas:\n rytoj paskaita",
        body="Sveiki, Ona, laukiame jūsų rytoj.",
    )


def test_a_message_the_server_did_not_take_is_kept_and_sent_once_the_server_is_back(
    db, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2

    with django_capture_on_commit_callbacks(execute=True):
        message = queue_reminder()

    message.refresh_from_db()
    assert (message.attempts, message.claimed_at) == (1, None)
    assert message.last_error

    with serving(settings, Mailbox()) as mailbox:
        assert outbox.retry_outgoing_emails() == 1
        assert outbox.retry_outgoing_emails() == 0  # nothing left to try

    [received] = mailbox.received
    assert received.subject == "Priminimas: rytoj paskaita"
    assert "Sveiki, Ona" in received.body
    assert not OutgoingEmail.objects.exists()


def test_a_message_being_sent_by_one_run_is_not_sent_by_another(db, smtp_server):
    message = queue_reminder()
    OutgoingEmail.objects.filter(pk=message.pk).update(claimed_at=timezone.now())

    assert outbox.send_outgoing_email(message_id=message.pk) is False
    assert smtp_server.received == []

    # A run silent for longer than a claim lasts has died: its message may go.
    OutgoingEmail.objects.filter(pk=message.pk).update(
        claimed_at=timezone.now() - outbox.CLAIM_EXPIRES - datetime.timedelta(seconds=1)
    )
    assert outbox.retry_outgoing_emails() == 1
    assert len(smtp_server.received) == 1
    assert outbox.send_outgoing_email(message_id=message.pk) is False
    assert len(smtp_server.received) == 1


def test_messages_that_never_leave_are_given_up_after_a_week(db, settings, smtp_server):
    old = queue_reminder()
    OutgoingEmail.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=settings.OUTBOX_KEEP_DAYS, hours=1),
        attempts=3,
        last_error="421 try later",
    )

    assert outbox.retry_outgoing_emails() == 0
    assert not OutgoingEmail.objects.exists()
    assert smtp_server.received == []


def test_the_job_queues_records_of_finished_jobs_go_after_a_week(db, settings, database_queue):
    old, recent, waiting = (take_a_while.enqueue(seconds=0) for _ in range(3))
    finished = {"status": TaskResultStatus.SUCCESSFUL}
    DBTaskResult.objects.filter(pk=old.id).update(
        **finished,
        finished_at=timezone.now() - datetime.timedelta(days=settings.JOB_RESULTS_KEEP_DAYS + 1),
    )
    DBTaskResult.objects.filter(pk=recent.id).update(**finished, finished_at=timezone.now())

    tasks.prune_job_results.call()

    remaining = {str(pk) for pk in DBTaskResult.objects.values_list("pk", flat=True)}
    assert remaining == {recent.id, waiting.id}
