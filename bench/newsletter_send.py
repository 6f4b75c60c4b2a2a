"""Sends one newsletter issue to `--count` subscribers (default 10000) through a local SMTP sink.

Builds a throw-away SQLite database (or uses DATABASE_URL), starts an aiosmtpd server in
a thread of this process that counts what it receives, and runs the real sending code
(`deliver_issue`) with throttling off. Prints messages per second and the peak memory
Python allocated while sending (tracemalloc) and the process's peak resident size; the
last line is `sent=… failed=… msgs_per_s=… peak_mb=…`.
Run with `.venv/bin/python bench/newsletter_send.py --count 10000`.
"""

import argparse
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
workdir = tempfile.mkdtemp(prefix="sklaida-bench-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sklaida.settings")
os.environ.setdefault("TASKS_BACKEND", "immediate")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("LOG_LEVEL", "WARNING")
# Not DEBUG: Django would keep every query it runs.
os.environ["DEBUG"] = "0"
os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")

import django  # noqa: E402

django.setup()

from aiosmtpd.controller import Controller  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402

from sklaida.communication.models import NewsletterIssue, Subscriber  # noqa: E402
from sklaida.communication.services import newsletter  # noqa: E402
from sklaida.core.models import User  # noqa: E402
from sklaida.testing.smtp import HOST, free_port  # noqa: E402

CHUNK = 1000


class Sink:
    """Counts messages and forgets them, so the server's memory does not grow either."""

    def __init__(self) -> None:
        self.count = 0

    async def handle_DATA(self, server, session, envelope) -> str:
        self.count += 1
        return "250 OK"


def create_subscribers(count: int) -> None:
    now = timezone.now()
    for start in range(0, count, CHUNK):
        Subscriber.objects.bulk_create(
            Subscriber(
                email=f"skaitytojas{n}@example.lt",
                mailbox=f"skaitytojas{n}@example.lt",
                name=f"Skaitytojas {n}",
                status=Subscriber.Status.ACTIVE,
                consent_text="Sutinku gauti bibliotekos naujienlaiškį.",
                consented_at=now,
                confirmed_at=now,
            )
            for n in range(start, min(start + CHUNK, count))
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10000)
    count = parser.parse_args().count

    call_command("migrate", verbosity=0)
    sink = Sink()
    controller = Controller(sink, hostname=HOST, port=free_port(), server_hostname="sklaida")
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = HOST, controller.port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.NEWSLETTER_RATE_PER_SECOND = 0

    author = User.objects.create(username="bench", email="bench@example.lt")
    create_subscribers(count)
    issue = NewsletterIssue.objects.create(
        subject="Bibliotekos naujienos. Gruodis",
        intro="Sveiki! Štai kas vyks bibliotekoje artimiausiomis savaitėmis.\n" * 5,
        created_by=author,
        status=NewsletterIssue.Status.SENDING,
        started_at=timezone.now(),
    )

    tracemalloc.start()
    started = time.perf_counter()
    try:
        issue = newsletter.deliver_issue(issue_id=issue.pk)
    finally:
        elapsed = time.perf_counter() - started
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        controller.stop()

    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"subscribers={count} seconds={elapsed:.1f} server_received={sink.count}")
    print(f"peak_rss_mb={rss_mb:.1f} (whole process, including the SMTP server thread)")
    print(
        f"sent={issue.sent} failed={issue.failed} msgs_per_s={issue.sent / elapsed:.0f} "
        f"peak_mb={peak / 2**20:.1f}"
    )


if __name__ == "__main__":
    main()
