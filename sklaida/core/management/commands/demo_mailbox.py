"""Run the demo's mailbox: an SMTP server on EMAIL_URL's local address that keeps every message."""

from __future__ import annotations

import ipaddress
import signal
import threading

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from sklaida.core import demo_mailbox

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"


def _is_local(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class Command(BaseCommand):
    help = (
        "Catch the demo's e-mail: listen where EMAIL_URL points (smtp://127.0.0.1:8025 under "
        "`make run`) and keep each message in DEMO_MAILBOX_DIR for the /demo/pastas/ page. "
        "Needs DEMO_MODE=1."
    )

    def handle(self, *args, **options) -> None:
        if not settings.DEMO_MODE:
            raise CommandError("The demo mailbox runs only in demo mode (DEMO_MODE=1).")
        host, port = settings.EMAIL_HOST, settings.EMAIL_PORT
        if settings.EMAIL_BACKEND != SMTP_BACKEND or not _is_local(host):
            raise CommandError(
                "Point EMAIL_URL at this machine first, e.g. EMAIL_URL=smtp://127.0.0.1:8025: "
                "the mailbox listens where Sklaida sends."
            )
        try:
            server = demo_mailbox.catcher(host=host, port=port)
        except ImportError as missing:
            raise CommandError(
                "The demo mailbox needs aiosmtpd (requirements-dev.txt; `make run` installs it)."
            ) from missing
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *args: stop.set())
        signal.signal(signal.SIGINT, lambda *args: stop.set())
        server.start()
        self.stdout.write(
            f"Demo mailbox: smtp://{host}:{port} → {demo_mailbox.directory()} "
            "(read it at /demo/pastas/)"
        )
        try:
            stop.wait()
        finally:
            server.stop()
