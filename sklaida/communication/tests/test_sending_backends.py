"""The newsletter and press mailings go out through each e-mail backend Django ships.

`make run` used the console backend, and every send failed there: the sending code
reached for the SMTP backend's own connection. Each backend is read back as its user
would: the SMTP server's inbox, the console's output, the files, the test outbox.
"""

from __future__ import annotations

import email
import email.policy
from collections.abc import Callable
from email.utils import parseaddr
from pathlib import Path

import pytest
from django.core import mail
from django.test import Client

from sklaida.communication.models import NewsletterIssue, PressMailing
from sklaida.communication.tests.factories import (
    NewsletterIssueFactory,
    PressMailingFactory,
    SubscriberFactory,
    journalist,
)
from sklaida.contacts.tests.factories import ContactListFactory

pytestmark = [
    pytest.mark.django_db(transaction=False),
    pytest.mark.usefixtures("only_test_subscribers"),
]

SEPARATOR = "-" * 79
ISSUE_SUBJECT = "Bibliotekos naujienos. Gruodis"
RELEASE_TITLE = "Šiaulių bibliotekoje prasideda Knygų savaitė"

Sent = list[tuple[str, str]]  # (recipient's address, subject) of each message that left


def _parsed(raw: bytes) -> tuple[str, str]:
    message = email.message_from_bytes(raw, policy=email.policy.default)
    return message["To"].addresses[0].addr_spec, str(message["Subject"]).strip()


def _split(text: bytes) -> list[bytes]:
    """The console and file backends write each message followed by a line of dashes."""
    chunks = text.split(b"\n" + SEPARATOR.encode() + b"\n")
    return [chunk.strip() for chunk in chunks if chunk.strip()]


@pytest.fixture(params=["smtp", "console", "filebased", "locmem"])
def backend(request, settings, tmp_path, capsys) -> Callable[[], Sent]:
    """Point Django's e-mail at one backend; returns how to read what it sent."""
    settings.NEWSLETTER_RATE_PER_SECOND = 0
    settings.NEWSLETTER_RETRY_PAUSE = 0
    kind = request.param
    if kind == "smtp":
        server = request.getfixturevalue("smtp_server")
        return lambda: [_parsed(received.message.as_bytes()) for received in server.received]
    settings.EMAIL_BACKEND = f"django.core.mail.backends.{kind}.EmailBackend"
    if kind == "console":
        return lambda: [_parsed(chunk) for chunk in _split(capsys.readouterr().out.encode())]
    if kind == "filebased":
        settings.EMAIL_FILE_PATH = tmp_path / "mail"

        def written() -> Sent:
            files = sorted(Path(settings.EMAIL_FILE_PATH).iterdir())
            return [_parsed(chunk) for path in files for chunk in _split(path.read_bytes())]

        return written
    return lambda: [(parseaddr(message.to[0])[1], message.subject) for message in mail.outbox]


def _send(client: Client, url: str, capture) -> None:
    with capture(execute=True):
        response = client.post(url)
    assert response.status_code == 302


def test_a_newsletter_issue_reaches_every_subscriber_through_the_backend(
    backend, personas, client_as, django_capture_on_commit_callbacks
):
    readers = [SubscriberFactory(email=f"skaitytoja{n}@example.lt") for n in range(3)]
    issue = NewsletterIssueFactory(subject=ISSUE_SUBJECT)
    client = client_as("specialiste")

    _send(
        client,
        f"/komunikacija/naujienlaiskis/{issue.pk}/siusti/",
        django_capture_on_commit_callbacks,
    )

    assert sorted(backend()) == sorted((reader.email, ISSUE_SUBJECT) for reader in readers)
    issue.refresh_from_db()
    assert (issue.status, issue.sent, issue.failed) == (NewsletterIssue.Status.SENT, 3, 0)
    progress = client.get(f"/komunikacija/naujienlaiskis/{issue.pk}/eiga/").content.decode()
    assert "Išsiųsta 3, nepavyko 0, iš viso gavėjų 3." in progress
    assert 'aria-valuenow="100"' in progress


def test_a_press_release_reaches_every_journalist_through_the_backend(
    backend, personas, client_as, django_capture_on_commit_callbacks
):
    journalists = [
        journalist("Rasa", "rasa@skrastas.example"),
        journalist("Eglė", "egle@skrastas.example"),
    ]
    mailing = PressMailingFactory(
        item__title=RELEASE_TITLE, contact_list=ContactListFactory(persons=journalists)
    )
    client = client_as("specialiste")

    _send(client, f"/komunikacija/spaudai/{mailing.pk}/siusti/", django_capture_on_commit_callbacks)

    assert sorted(backend()) == sorted(
        (journalist.email, RELEASE_TITLE) for journalist in journalists
    )
    mailing.refresh_from_db()
    assert (mailing.status, mailing.sent, mailing.failed) == (PressMailing.Status.SENT, 2, 0)
    progress = client.get(f"/komunikacija/spaudai/{mailing.pk}/eiga/").content.decode()
    assert "Išsiųsta 2, nepavyko 0, iš viso gavėjų 2." in progress
