"""The demo's path for e-mail: the newsletter and a press release go by SMTP to the demo's
mailbox (`manage.py demo_mailbox`'s own server) and the staff page lists them."""

from __future__ import annotations

import pytest

from sklaida.communication.models import ContentItem, NewsletterIssue, PressMailing
from sklaida.communication.tests.factories import (
    ContentItemFactory,
    NewsletterIssueFactory,
    SubscriberFactory,
)
from sklaida.contacts.models import Person
from sklaida.contacts.tests.factories import ContactListFactory, PersonFactory
from sklaida.core import demo_mailbox
from sklaida.testing.smtp import HOST, free_port

pytestmark = [
    pytest.mark.django_db(transaction=False),
    pytest.mark.usefixtures("only_test_subscribers"),
]


@pytest.fixture
def catcher(settings):
    settings.DEMO_MODE = True
    settings.NEWSLETTER_RATE_PER_SECOND = 0
    server = demo_mailbox.catcher(host=HOST, port=free_port())
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = HOST, server.port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    yield server
    server.stop()


def test_a_newcomer_sends_the_newsletter_and_a_press_release_and_sees_them_arrive(
    catcher, personas, client_as, django_capture_on_commit_callbacks
):
    reader = SubscriberFactory(email="skaitytoja@example.lt")
    issue = NewsletterIssueFactory(subject="Bibliotekos naujienos. Gruodis")
    journalist = PersonFactory(
        first_name="Rasa",
        last_name="Žurnalistė",
        email="rasa@skrastas.example",
        category=Person.Category.JOURNALIST,
    )
    mailing = PressMailing.objects.create(
        item=ContentItemFactory(
            kind=ContentItem.Kind.PRESS_RELEASE,
            status=ContentItem.Status.APPROVED,
            title="Prasideda Knygų savaitė",
            body="Knygų savaitė vyks lapkričio 30 – gruodžio 6 d.",
        ),
        contact_list=ContactListFactory(persons=[journalist]),
        subject="Pranešimas spaudai: prasideda Knygų savaitė",
        created_by=personas["specialiste"],
    )
    client = client_as("specialiste")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/komunikacija/naujienlaiskis/{issue.pk}/siusti/")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/komunikacija/spaudai/{mailing.pk}/siusti/")

    issue.refresh_from_db()
    mailing.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.SENT
    assert mailing.status == PressMailing.Status.SENT
    listing = client.get("/demo/pastas/").content.decode()
    rows = listing[listing.index("<tbody>") : listing.index("</tbody>")].split("<tr>")[1:]
    assert "Pranešimas spaudai: prasideda Knygų savaitė" in rows[0]
    assert "rasa@skrastas.example" in rows[0]
    assert "Bibliotekos naujienos. Gruodis" in rows[1]
    assert reader.email in rows[1]

    newsletter_key = demo_mailbox.newest_first()[1]
    page = client.get(f"/demo/pastas/{newsletter_key}/").content.decode()
    assert "List-Unsubscribe" in page
    assert f"/naujienlaiskis/atsisakyti/{reader.token}/" in page
    assert "<iframe sandbox=" in page
