"""A real SMTP server for tests: aiosmtpd on 127.0.0.1, with Django's SMTP backend sending to it.

A test module that wants it declares `pytest_plugins = ["sklaida.testing.smtp"]` and asks
for the `smtp_server` fixture; every message the server accepts lands in its `received`.
"""

from __future__ import annotations

import email
import email.policy
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller

HOST = "127.0.0.1"


@dataclass(frozen=True)
class ReceivedMail:
    """One message as the SMTP server received it over the wire."""

    envelope_from: str
    envelope_to: list[str]
    message: EmailMessage

    @property
    def subject(self) -> str:
        return str(self.message["Subject"])

    @property
    def body(self) -> str:
        """The plain-text body, decoded from its transfer encoding and charset."""
        return self.message.get_body(preferencelist=("plain",)).get_content()


class Mailbox:
    """The aiosmtpd handler: keeps every message it is given."""

    def __init__(self) -> None:
        self.received: list[ReceivedMail] = []

    # aiosmtpd calls the method of this exact name for each message.
    async def handle_DATA(self, server, session, envelope) -> str:
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.received.append(
            ReceivedMail(
                envelope_from=envelope.mail_from,
                envelope_to=list(envelope.rcpt_tos),
                message=message,
            )
        )
        return "250 Message accepted for delivery"


class PickyMailbox(Mailbox):
    """Says "try later" (451) the first time it sees `greylisted`; never takes `refused` (550)."""

    def __init__(self, *, greylisted: str, refused: str) -> None:
        super().__init__()
        self.greylisted, self.refused = greylisted, refused
        self.greylisted_once = False

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options) -> str:
        if address == self.refused:
            return "550 5.1.1 No such mailbox"
        if address == self.greylisted and not self.greylisted_once:
            self.greylisted_once = True
            return "451 4.7.1 Greylisted, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"


def free_port() -> int:
    """A port nothing listens on now (a server started later may take it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def send_to_port(settings, port: int) -> None:
    """Point Django's SMTP backend at `port` on this machine, plain and without a login."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = HOST
    settings.EMAIL_PORT = port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 10


@contextmanager
def serving(settings, handler, *, port: int | None = None) -> Iterator:
    """Run an SMTP server with `handler` (an aiosmtpd handler) and point Django's SMTP at it.

    For a test that needs a server which answers differently (refuses some recipients,
    say): subclass Mailbox and serve it from a fixture of its own. `port` puts the server
    where an earlier part of the test found none.
    """
    # server_hostname skips aiosmtpd's reverse DNS look-up of this machine's name.
    controller = Controller(
        handler, hostname=HOST, port=port or free_port(), server_hostname="sklaida"
    )
    controller.start()
    send_to_port(settings, controller.port)
    try:
        yield handler
    finally:
        controller.stop()


@pytest.fixture
def demo_mailbox_server(settings) -> Iterator:
    """The demo mailbox's own server (`manage.py demo_mailbox`) on a free port, in demo mode,
    with Django's e-mail pointed at it; what it keeps is read back by core.demo_mailbox."""
    from sklaida.core import demo_mailbox

    settings.DEMO_MODE = True
    server = demo_mailbox.catcher(host=HOST, port=free_port())
    server.start()
    send_to_port(settings, server.port)
    yield server
    server.stop()


@pytest.fixture
def smtp_server(settings) -> Iterator[Mailbox]:
    """An SMTP server on a free local port that Django sends this test's e-mail to."""
    with serving(settings, Mailbox()) as mailbox:
        yield mailbox
