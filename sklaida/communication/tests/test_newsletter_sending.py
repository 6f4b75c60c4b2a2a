"""Sending an issue through a real local SMTP server, with a greylisted and a refused recipient."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from sklaida.communication.models import ContentItem, Delivery, NewsletterIssue
from sklaida.communication.services import newsletter as services
from sklaida.communication.tests.factories import (
    ContentItemFactory,
    NewsletterIssueFactory,
    SubscriberFactory,
)
from sklaida.events.tests.factories import EventFactory
from sklaida.testing.smtp import Mailbox, PickyMailbox, serving

pytestmark = [
    pytest.mark.django_db(transaction=False),
    pytest.mark.usefixtures("only_test_subscribers"),
]

GREYLISTED = "laikinai@example.lt"
REFUSED = "nera@example.lt"


@pytest.fixture
def picky_server(settings):
    settings.NEWSLETTER_RATE_PER_SECOND = 0
    settings.NEWSLETTER_RETRY_PAUSE = 0
    with serving(settings, PickyMailbox(greylisted=GREYLISTED, refused=REFUSED)) as mailbox:
        yield mailbox


@pytest.fixture
def issue(personas):
    issue = NewsletterIssueFactory(created_by=personas["specialiste"])
    issue.items.set(
        [
            ContentItemFactory(
                title="Vaikų vasaros skaitymai prasideda",
                body="Registruotis galima bibliotekoje.",
                status=ContentItem.Status.PUBLISHED,
            )
        ]
    )
    EventFactory(title="Poezijos vakaras su Marcelijumi Martinaičiu", slug="poezijos-vakaras")
    EventFactory(
        title="Renginys po pusmečio",
        starts_at=timezone.now() + datetime.timedelta(days=200),
        ends_at=timezone.now() + datetime.timedelta(days=200, hours=2),
    )
    return issue


def _send(client: Client, issue: NewsletterIssue, capture) -> None:
    with capture(execute=True):
        response = client.post(f"/komunikacija/naujienlaiskis/{issue.pk}/siusti/")
    assert response.status_code == 302


def test_an_issue_reaches_every_active_subscriber_with_html_text_and_unsubscribe_headers(
    personas, client_as, issue, picky_server, django_capture_on_commit_callbacks
):
    readers = [SubscriberFactory(email=f"skaitytoja{n}@example.lt") for n in range(3)]
    SubscriberFactory(email="dar-nepatvirtino@example.lt", status="pending")

    _send(client_as("specialiste"), issue, django_capture_on_commit_callbacks)

    received = {mail.envelope_to[0]: mail for mail in picky_server.received}
    assert set(received) == {reader.email for reader in readers}
    message = received[readers[0].email].message
    assert message["Subject"] == "Bibliotekos naujienos. Gruodis"
    unsubscribe = f"/naujienlaiskis/atsisakyti/{readers[0].token}/"
    assert str(message["List-Unsubscribe"]).strip().startswith("<http")
    assert unsubscribe + ">, <mailto:" in message["List-Unsubscribe"]
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    for body in (text, html):
        assert "Vaikų vasaros skaitymai prasideda" in body
        assert "Poezijos vakaras su Marcelijumi Martinaičiu" in body
        assert "Renginys po pusmečio" not in body
        # Readers open the event's public page; the staff page would ask them to sign in.
        assert "http://testserver/renginiai/poezijos-vakaras/" in body
        assert "/veikla/renginiai/" not in body
        assert unsubscribe in body
    # No tracking pixel: the only picture may be the brand kit's logo, from the site itself.
    pictures = re.findall(r'<img src="([^"]+)"', html)
    assert len(pictures) <= 1
    assert all(src.startswith("http://testserver/tema/") for src in pictures)
    issue.refresh_from_db()
    assert (issue.status, issue.total, issue.sent, issue.failed) == ("sent", 3, 3, 0)


def test_a_temporary_refusal_is_retried_and_a_permanent_one_reported_with_the_error(
    personas, client_as, issue, picky_server, django_capture_on_commit_callbacks
):
    SubscriberFactory(email="skaitytoja@example.lt")
    greylisted = SubscriberFactory(email=GREYLISTED)
    refused = SubscriberFactory(email=REFUSED)

    _send(client_as("specialiste"), issue, django_capture_on_commit_callbacks)

    assert sorted(mail.envelope_to[0] for mail in picky_server.received) == [
        GREYLISTED,
        "skaitytoja@example.lt",
    ]
    retried = Delivery.objects.get(subscriber=greylisted)
    assert (retried.status, retried.attempts) == (Delivery.Status.SENT, 2)
    failed = Delivery.objects.get(subscriber=refused)
    assert failed.status == Delivery.Status.FAILED
    assert failed.attempts == 1
    assert "550" in failed.last_error and "No such mailbox" in failed.last_error

    page = client_as("stebetojas").get(f"/komunikacija/naujienlaiskis/{issue.pk}/")
    content = page.content.decode()
    assert "No such mailbox" in content
    assert GREYLISTED in content
    progress = client_as("stebetojas").get(f"/komunikacija/naujienlaiskis/{issue.pk}/eiga/")
    assert 'aria-valuenow="100"' in progress.content.decode()
    assert "Išsiųsta 2, nepavyko 1, iš viso gavėjų 3." in progress.content.decode()
    assert "hx-trigger" not in progress.content.decode()


def test_a_recipient_who_keeps_being_refused_temporarily_fails_after_three_retries(
    personas, issue, settings, django_capture_on_commit_callbacks
):
    class AlwaysBusy(Mailbox):
        async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
            return "421 4.3.2 Service busy"

    settings.NEWSLETTER_RATE_PER_SECOND = 0
    settings.NEWSLETTER_RETRY_PAUSE = 0
    subscriber = SubscriberFactory()
    with serving(settings, AlwaysBusy()), django_capture_on_commit_callbacks(execute=True):
        services.start_sending(issue=issue, by=personas["specialiste"])

    delivery = Delivery.objects.get(subscriber=subscriber)
    assert (delivery.status, delivery.attempts) == (Delivery.Status.FAILED, 4)
    assert "421" in delivery.last_error


def test_the_progress_bar_polls_while_the_issue_is_being_sent(personas, client_as, issue):
    NewsletterIssue.objects.filter(pk=issue.pk).update(
        status=NewsletterIssue.Status.SENDING, total=10, sent=4, failed=1
    )

    response = client_as("specialiste").get(f"/komunikacija/naujienlaiskis/{issue.pk}/eiga/")

    content = response.content.decode()
    assert 'hx-trigger="every 2s"' in content
    assert 'aria-valuenow="50"' in content


def test_staff_preview_the_issue_as_html_and_as_plain_text(personas, client_as, issue):
    client = client_as("stebetojas")

    html = client.get(f"/komunikacija/naujienlaiskis/{issue.pk}/perziura/")
    text = client.get(f"/komunikacija/naujienlaiskis/{issue.pk}/perziura/?format=text")

    assert "<h2" in html.content.decode()
    assert "Vaikų vasaros skaitymai prasideda" in html.content.decode()
    assert text["Content-Type"].startswith("text/plain")
    assert "Vaikų vasaros skaitymai prasideda" in text.content.decode()


def test_a_test_copy_goes_to_the_member_of_staff_only(
    personas, client_as, issue, django_capture_on_commit_callbacks
):
    SubscriberFactory()
    with django_capture_on_commit_callbacks(execute=True):
        client_as("specialiste").post(f"/komunikacija/naujienlaiskis/{issue.pk}/bandymas/")

    assert [message.to for message in mail.outbox] == [[personas["specialiste"].email]]
    assert "Bibliotekos naujienos. Gruodis" in mail.outbox[0].subject
    assert mail.outbox[0].extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.DRAFT


def test_staff_compose_an_issue_from_approved_content(personas, client_as):
    item = ContentItemFactory(status=ContentItem.Status.APPROVED, title="Nauja paroda")
    ContentItemFactory(status=ContentItem.Status.IDEA, title="Tik idėja")
    client = client_as("specialiste")

    form = client.get("/komunikacija/naujienlaiskis/naujas/").content.decode()
    response = client.post(
        "/komunikacija/naujienlaiskis/naujas/",
        {"subject": "Sausio naujienos", "intro": "Sveiki", "items": [item.pk], "event_days": 14},
    )

    assert "Nauja paroda" in form and "Tik idėja" not in form
    issue = NewsletterIssue.objects.get(subject="Sausio naujienos")
    assert response.url == issue.get_absolute_url()
    assert list(issue.items.all()) == [item]
    assert issue.created_by == personas["specialiste"]


def test_a_sent_issue_cannot_be_sent_again(personas, client_as, issue):
    NewsletterIssue.objects.filter(pk=issue.pk).update(status=NewsletterIssue.Status.SENT)

    response = client_as("specialiste").post(
        f"/komunikacija/naujienlaiskis/{issue.pk}/siusti/", follow=True
    )

    assert "alert" in response.content.decode()
    assert not Delivery.objects.exists()


def test_a_second_run_leaves_an_issue_alone_while_its_first_run_is_alive(
    personas, issue, picky_server
):
    SubscriberFactory(email="skaitytoja@example.lt")
    now = timezone.now()
    NewsletterIssue.objects.filter(pk=issue.pk).update(
        status=NewsletterIssue.Status.SENDING,
        started_at=now,
        heartbeat_at=now,
        claimed_by="a-run-that-is-alive",
    )

    services.deliver_issue(issue_id=issue.pk)

    assert picky_server.received == []
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.SENDING


def test_an_issue_whose_worker_died_is_resumed_from_its_page_without_second_copies(
    personas, client_as, issue, picky_server, django_capture_on_commit_callbacks
):
    got_it, waiting = SubscriberFactory(), SubscriberFactory()
    long_ago = timezone.now() - datetime.timedelta(minutes=30)
    NewsletterIssue.objects.filter(pk=issue.pk).update(
        status=NewsletterIssue.Status.SENDING, started_at=long_ago, heartbeat_at=long_ago, total=2
    )
    Delivery.objects.create(issue=issue, subscriber=got_it, status=Delivery.Status.SENT)
    Delivery.objects.create(issue=issue, subscriber=waiting)
    client = client_as("specialiste")

    page = client.get(f"/komunikacija/naujienlaiskis/{issue.pk}/").content.decode()
    assert "Siuntimas sustojo" in page
    assert "hx-trigger" not in page  # a stalled job is not polled

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/komunikacija/naujienlaiskis/{issue.pk}/testi/")

    assert [mail.envelope_to for mail in picky_server.received] == [[waiting.email]]
    issue.refresh_from_db()
    assert (issue.status, issue.sent, issue.failed) == ("sent", 2, 0)


def test_resuming_a_live_issue_is_refused(personas, client_as, issue):
    now = timezone.now()
    NewsletterIssue.objects.filter(pk=issue.pk).update(
        status=NewsletterIssue.Status.SENDING, started_at=now, heartbeat_at=now
    )

    page = client_as("specialiste").post(
        f"/komunikacija/naujienlaiskis/{issue.pk}/testi/", follow=True
    )

    assert "Siuntimas dar vyksta" in page.content.decode()
