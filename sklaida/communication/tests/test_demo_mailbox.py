"""The demo's path for e-mail: the newsletter and a press release go by SMTP to the demo's
mailbox (`manage.py demo_mailbox`'s own server) and the staff page lists them."""

from __future__ import annotations

import pytest

from sklaida.communication.models import NewsletterIssue, PressMailing
from sklaida.communication.tests.factories import (
    NewsletterIssueFactory,
    PressMailingFactory,
    SubscriberFactory,
    journalist,
)
from sklaida.contacts.tests.factories import ContactListFactory
from sklaida.core import demo_mailbox

pytestmark = [
    pytest.mark.django_db(transaction=False),
    pytest.mark.usefixtures("only_test_subscribers"),
]


def test_a_newcomer_sends_the_newsletter_and_a_press_release_and_sees_them_arrive(
    demo_mailbox_server, personas, client_as, settings, django_capture_on_commit_callbacks
):
    settings.NEWSLETTER_RATE_PER_SECOND = 0
    reader = SubscriberFactory(email="skaitytoja@example.lt")
    issue = NewsletterIssueFactory(subject="Bibliotekos naujienos. Gruodis")
    mailing = PressMailingFactory(
        item__title="Prasideda Knygų savaitė",
        contact_list=ContactListFactory(persons=[journalist("Rasa", "rasa@skrastas.example")]),
        subject="Pranešimas spaudai: prasideda Knygų savaitė",
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
    assert ">Atsisakymo nuoroda</dt>" in page
    assert f"/naujienlaiskis/atsisakyti/{reader.token}/" in page
    assert "<iframe sandbox=" in page
