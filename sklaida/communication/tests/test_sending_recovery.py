"""Sending jobs whose worker died are resumed by the periodic check, once, and given up
when they keep stopping their worker; a run that lost its job sends nothing more."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from sklaida.communication import tasks
from sklaida.communication.models import Delivery, NewsletterIssue
from sklaida.communication.services import newsletter as services
from sklaida.communication.services import sending
from sklaida.communication.tests.factories import NewsletterIssueFactory, SubscriberFactory
from sklaida.core.scheduling import jobs_due_at
from sklaida.testing.workers import DATABASE_QUEUE

pytestmark = [
    pytest.mark.django_db(transaction=False),
    pytest.mark.usefixtures("only_test_subscribers"),
]

LONG_AGO = datetime.timedelta(minutes=30)


@pytest.fixture(autouse=True)
def no_pauses(settings):
    settings.NEWSLETTER_RATE_PER_SECOND = 0
    settings.NEWSLETTER_RETRY_PAUSE = 0


def silent_issue(**fields) -> NewsletterIssue:
    """An issue being sent whose run has not been heard from for half an hour."""
    issue = NewsletterIssueFactory()
    long_ago = timezone.now() - LONG_AGO
    NewsletterIssue.objects.filter(pk=issue.pk).update(
        status=NewsletterIssue.Status.SENDING,
        started_at=long_ago,
        heartbeat_at=long_ago,
        claimed_by="a-run-whose-worker-died",
        **fields,
    )
    return NewsletterIssue.objects.get(pk=issue.pk)


def test_the_check_runs_every_minute():
    minute = datetime.datetime(2026, 11, 25, 13, 7, tzinfo=datetime.UTC)

    assert "resume-stalled-sending" in [job.name for job in jobs_due_at(minute)]


def test_the_periodic_check_resumes_an_issue_whose_worker_died(personas, smtp_server):
    readers = [SubscriberFactory(), SubscriberFactory()]
    issue = silent_issue()

    tasks.resume_stalled_sending.enqueue()

    assert sorted(mail.envelope_to[0] for mail in smtp_server.received) == sorted(
        reader.email for reader in readers
    )
    issue.refresh_from_db()
    assert (issue.status, issue.sent, issue.auto_resumes) == ("sent", 2, 0)


def test_an_issue_whose_run_still_waits_in_the_queue_is_left_to_it(
    personas, settings, django_capture_on_commit_callbacks
):
    settings.TASKS_BACKEND, settings.TASKS = "db", DATABASE_QUEUE
    SubscriberFactory()
    issue = NewsletterIssueFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.start_sending(issue=issue, by=personas["specialiste"])
    # The only worker is busy with something long: the run has waited half an hour.
    NewsletterIssue.objects.filter(pk=issue.pk).update(started_at=timezone.now() - LONG_AGO)

    assert services.resume_stalled() == 0

    issue.refresh_from_db()
    assert issue.task_id and issue.auto_resumes == 0
    assert tasks.send_newsletter_issue.get_result(issue.task_id).status == "READY"


def test_an_issue_that_keeps_stopping_its_worker_is_given_up_with_the_reason(
    personas, client_as, smtp_server
):
    SubscriberFactory()
    issue = silent_issue(auto_resumes=sending.MAX_AUTO_RESUMES)

    assert services.resume_stalled() == 0

    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.FAILED
    assert smtp_server.received == []
    progress = client_as("specialiste").get(f"/komunikacija/naujienlaiskis/{issue.pk}/eiga/")
    text = progress.content.decode()
    assert "Siuntimas nutrūko:" in text
    assert "foninis procesas 4 kartus iš eilės sustojo" in text
    assert "Tęsti siuntimą" in text


def test_a_run_that_lost_its_job_to_another_sends_nothing_more(personas, smtp_server):
    SubscriberFactory()
    issue = silent_issue()
    token = sending.claim(issue)
    services.queue_deliveries(issue)
    # Silent too long, it was taken over by another run meanwhile.
    NewsletterIssue.objects.filter(pk=issue.pk).update(claimed_by="the-run-that-took-over")

    finished = sending.send_waiting(
        issue, token, issue.deliveries.select_related("subscriber"), message_for=lambda row: None
    )

    assert finished is False
    assert smtp_server.received == []
    assert list(issue.deliveries.values_list("status", flat=True)) == [Delivery.Status.QUEUED]
