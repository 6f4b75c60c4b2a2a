"""A sending job that cannot reach its mail server stops, says so on the page it polls,
and is resumed from there once the server answers: nobody gets a second copy."""

from __future__ import annotations

import pytest

from sklaida.communication.models import Delivery, NewsletterIssue, PressMailing
from sklaida.communication.tests.factories import (
    NewsletterIssueFactory,
    PressMailingFactory,
    SubscriberFactory,
    journalist,
)
from sklaida.contacts.tests.factories import ContactListFactory
from sklaida.testing.smtp import HOST, Mailbox, free_port, send_to_port, serving

pytestmark = [
    pytest.mark.django_db(transaction=False),
    pytest.mark.usefixtures("only_test_subscribers"),
]

WHAT_TO_DO = "Patikrinkite pašto serverio nustatymus ir spauskite „Tęsti siuntimą“."


@pytest.fixture(autouse=True)
def no_pauses(settings):
    settings.NEWSLETTER_RATE_PER_SECOND = 0
    settings.NEWSLETTER_RETRY_PAUSE = 0


def test_a_newsletter_sent_to_an_unreachable_server_stops_with_the_reason_and_resumes(
    personas, client_as, settings, django_capture_on_commit_callbacks
):
    port = free_port()  # nothing listens there
    send_to_port(settings, port)
    readers = [SubscriberFactory(email=f"skaitytoja{n}@example.lt") for n in range(3)]
    issue = NewsletterIssueFactory()
    client = client_as("specialiste")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/komunikacija/naujienlaiskis/{issue.pk}/siusti/")

    progress = client.get(f"/komunikacija/naujienlaiskis/{issue.pk}/eiga/").content.decode()
    assert "Nutrūko dėl klaidos" in progress
    assert "Siuntimas nutrūko:" in progress
    assert f"pašto serveris {HOST}:{port} nepriėmė ryšio" in progress
    assert WHAT_TO_DO in progress
    assert "hx-trigger" not in progress, "a failed job is not polled"
    assert "Tęsti siuntimą" in progress
    # The recipients were not the problem: each still waits, untried.
    assert list(issue.deliveries.values_list("status", "attempts")) == [("queued", 0)] * 3
    page = client_as("stebetojas").get(f"/komunikacija/naujienlaiskis/{issue.pk}/")
    assert "Siuntimas nutrūko:" in page.content.decode()

    with (
        serving(settings, Mailbox(), port=port) as mailbox,
        django_capture_on_commit_callbacks(execute=True),
    ):
        client.post(f"/komunikacija/naujienlaiskis/{issue.pk}/testi/")

    assert sorted(mail.envelope_to[0] for mail in mailbox.received) == sorted(
        reader.email for reader in readers
    )
    issue.refresh_from_db()
    assert (issue.status, issue.sent, issue.failed, issue.error) == ("sent", 3, 0, "")
    assert set(issue.deliveries.values_list("status", flat=True)) == {Delivery.Status.SENT}


def test_a_press_mailing_whose_server_refuses_the_login_stops_and_resumes_once_put_right(
    personas, client_as, settings, smtp_server, django_capture_on_commit_callbacks
):
    # EMAIL_URL with a user name and password for a server that offers no sign-in.
    settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD = "biblioteka", "slaptazodis"
    journalists = [
        journalist(name, f"{name.lower()}@skrastas.example") for name in ("Rasa", "Ieva")
    ]
    mailing = PressMailingFactory(contact_list=ContactListFactory(persons=journalists))
    client = client_as("specialiste")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/komunikacija/spaudai/{mailing.pk}/siusti/")

    progress = client.get(f"/komunikacija/spaudai/{mailing.pk}/eiga/").content.decode()
    assert "Siuntimas nutrūko:" in progress
    assert "SMTP AUTH extension not supported by server" in progress
    assert WHAT_TO_DO in progress
    assert "hx-trigger" not in progress
    assert smtp_server.received == []

    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/komunikacija/spaudai/{mailing.pk}/testi/")

    assert sorted(mail.envelope_to[0] for mail in smtp_server.received) == sorted(
        journalist.email for journalist in journalists
    )
    mailing.refresh_from_db()
    assert (mailing.status, mailing.sent) == (PressMailing.Status.SENT, 2)


def test_a_viewer_sees_the_failure_but_no_resume_button(personas, client_as):
    issue = NewsletterIssueFactory()
    NewsletterIssue.objects.filter(pk=issue.pk).update(
        status=NewsletterIssue.Status.FAILED, total=2, error="pašto serveris neatsako"
    )

    progress = client_as("stebetojas").get(f"/komunikacija/naujienlaiskis/{issue.pk}/eiga/")

    content = progress.content.decode()
    assert "Siuntimas nutrūko:" in content and "pašto serveris neatsako" in content
    assert "<button" not in content
