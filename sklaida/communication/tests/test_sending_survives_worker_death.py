"""A worker killed (SIGKILL) in the middle of a newsletter: the periodic check hands the
job to the next worker, which finishes it, and every reader gets exactly one copy."""

from __future__ import annotations

import asyncio
import signal
import time
from collections import Counter

import pytest
from aiosmtpd.controller import Controller

from sklaida.communication.models import Delivery, NewsletterIssue
from sklaida.communication.services import newsletter as services
from sklaida.communication.tests.factories import NewsletterIssueFactory, SubscriberFactory
from sklaida.core.scheduling import periodic_jobs
from sklaida.testing.smtp import HOST, free_port
from sklaida.testing.workers import DATABASE_QUEUE, start_worker, wait_for

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("only_test_subscribers"),
]

READERS = 8
STALLED_AFTER_SECONDS = 2


class SlowSink:
    """Keeps each message as soon as it has it, then takes a while to say "250 OK": a
    worker killed in that while has handed its message over without hearing so."""

    def __init__(self, pause: float) -> None:
        self.pause = pause
        self.received: list[str] = []

    async def handle_DATA(self, server, session, envelope) -> str:
        self.received.extend(envelope.rcpt_tos)
        await asyncio.sleep(self.pause)
        return "250 Message accepted for delivery"


@pytest.fixture
def sink():
    handler = SlowSink(pause=0.4)
    controller = Controller(handler, hostname=HOST, port=free_port(), server_hostname="sklaida")
    controller.start()
    yield handler, controller.port
    controller.stop()


def test_a_worker_killed_mid_newsletter_is_replaced_and_every_reader_gets_exactly_one_copy(
    personas, client_as, settings, sink, tmp_path
):
    settings.TASKS_BACKEND, settings.TASKS = "db", DATABASE_QUEUE
    settings.SENDING_STALLED_AFTER_SECONDS = STALLED_AFTER_SECONDS
    mailbox, port = sink
    worker_settings = {
        "EMAIL_URL": f"smtp://{HOST}:{port}",
        "NEWSLETTER_RATE_PER_SECOND": "0",
        "NEWSLETTER_RETRY_PAUSE": "0",
        "SENDING_STALLED_AFTER_SECONDS": str(STALLED_AFTER_SECONDS),
    }
    readers = [SubscriberFactory(email=f"skaitytoja{n}@example.lt") for n in range(READERS)]
    issue = NewsletterIssueFactory()
    services.start_sending(issue=issue, by=personas["specialiste"])  # queued for a worker
    client = client_as("specialiste")
    progress_url = f"/komunikacija/naujienlaiskis/{issue.pk}/eiga/"

    first_log = tmp_path / "first-worker.log"
    first = start_worker(first_log, **worker_settings)
    try:
        # The fourth message is in the server's hands; its "250" is still on the way.
        wait_for(lambda: len(mailbox.received) == 4, process=first, log=first_log)
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)

    assert Counter(issue.deliveries.values_list("status", flat=True)) == {
        Delivery.Status.SENT: 3,
        Delivery.Status.SENDING: 1,
        Delivery.Status.QUEUED: READERS - 4,
    }
    time.sleep(STALLED_AFTER_SECONDS + 0.5)
    stalled = client.get(progress_url).content.decode()
    assert "Siuntimas sustojo" in stalled and "hx-trigger" not in stalled

    # The scheduler's minute comes: the periodic check finds the silent job and queues it.
    [recovery] = [job for job in periodic_jobs() if job.name == "resume-stalled-sending"]
    recovery.task.enqueue()
    second_log = tmp_path / "second-worker.log"
    second = start_worker(second_log, **worker_settings)
    try:
        wait_for(
            lambda: NewsletterIssue.objects.get(pk=issue.pk).status == "sent",
            process=second,
            log=second_log,
        )
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(timeout=30)

    assert Counter(mailbox.received) == {reader.email: 1 for reader in readers}
    issue.refresh_from_db()
    assert (issue.sent, issue.failed, issue.unknown, issue.total) == (READERS - 1, 0, 1, READERS)
    in_flight = issue.deliveries.get(status=Delivery.Status.UNKNOWN)
    assert in_flight.subscriber == readers[3]
    page = client.get(f"/komunikacija/naujienlaiskis/{issue.pk}/").content.decode()
    assert "Nežinoma, ar pasiekė" in page
    assert "1 laiško likimas nežinomas" in page
