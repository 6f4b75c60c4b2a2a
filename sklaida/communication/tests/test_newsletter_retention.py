"""Newsletter sign-ups nobody confirmed, and addresses that unsubscribed, are forgotten
after NEWSLETTER_UNCONFIRMED_DAYS and NEWSLETTER_UNSUBSCRIBED_DAYS (a daily job)."""

from __future__ import annotations

import datetime
import json

from auditlog.models import LogEntry
from django.utils import timezone

from sklaida.communication.models import Delivery, Subscriber
from sklaida.communication.tasks import purge_stale_subscribers
from sklaida.communication.tests.factories import NewsletterIssueFactory, SubscriberFactory
from sklaida.core.scheduling import periodic_jobs


def days_ago(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def test_unconfirmed_and_long_unsubscribed_addresses_are_forgotten_the_rest_kept(personas):
    never_confirmed = SubscriberFactory(
        email="niekada@example.lt", status=Subscriber.Status.PENDING, consented_at=days_ago(31)
    )
    still_may_confirm = SubscriberFactory(
        email="dar@example.lt", status=Subscriber.Status.PENDING, consented_at=days_ago(29)
    )
    left_long_ago = SubscriberFactory(
        email="seniai@example.lt",
        status=Subscriber.Status.UNSUBSCRIBED,
        consented_at=days_ago(400),
        unsubscribed_at=days_ago(31),
    )
    Delivery.objects.create(issue=NewsletterIssueFactory(), subscriber=left_long_ago)
    left_lately = SubscriberFactory(
        email="neseniai@example.lt",
        status=Subscriber.Status.UNSUBSCRIBED,
        unsubscribed_at=days_ago(5),
    )
    reader = SubscriberFactory(email="skaito@example.lt", consented_at=days_ago(900))

    purge_stale_subscribers.enqueue()

    remaining = set(Subscriber.objects.values_list("email", flat=True))
    assert {"dar@example.lt", "neseniai@example.lt", "skaito@example.lt"} <= remaining
    assert not remaining & {"niekada@example.lt", "seniai@example.lt"}
    assert not Delivery.objects.filter(subscriber_id=left_long_ago.pk).exists()
    assert {still_may_confirm.pk, left_lately.pk, reader.pk} <= set(
        Subscriber.objects.values_list("pk", flat=True)
    )
    # What happened stays in the history, the address does not.
    for gone in (never_confirmed, left_long_ago):
        entries = LogEntry.objects.filter(content_type__model="subscriber", object_pk=str(gone.pk))
        assert entries.exists()
        for entry in entries:
            assert entry.object_repr == "Pamirštas prenumeratorius"
            assert gone.email not in json.dumps(entry.changes)


def test_the_retention_periods_come_from_the_settings(personas, settings):
    settings.NEWSLETTER_UNCONFIRMED_DAYS = 7
    settings.NEWSLETTER_UNSUBSCRIBED_DAYS = 60
    week_old = SubscriberFactory(
        email="savaite@example.lt", status=Subscriber.Status.PENDING, consented_at=days_ago(8)
    )
    month_gone = SubscriberFactory(
        email="menuo@example.lt",
        status=Subscriber.Status.UNSUBSCRIBED,
        unsubscribed_at=days_ago(31),
    )

    purge_stale_subscribers.enqueue()

    assert not Subscriber.objects.filter(pk=week_old.pk).exists()
    assert Subscriber.objects.filter(pk=month_gone.pk).exists()


def test_the_job_runs_every_night():
    (job,) = [job for job in periodic_jobs() if job.name == "newsletter-retention"]

    assert job.cron == "0 4 * * *"
    assert job.task == purge_stale_subscribers
