"""Prints how a rush of simultaneous public sign-ups ends: never overbooked, and how fast.

Creates a throw-away PostgreSQL database (BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/sklaida_bench), migrates it, adds an event with
--seats seats, starts gunicorn on it and lets --clients clients sign up at once through
the public form: each fetches the form (and its CSRF cookie) first, then all post
together. The last line reads `confirmed=… waitlisted=… overbooked=… errors=…
signups_per_s=…`. Run with `.venv/bin/python bench/registration_rush.py` (or `make bench`).
"""

import argparse
import http.client
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/sklaida_bench"
)
SERVER_ENV = {
    "DATABASE_URL": DATABASE_URL,
    "DJANGO_SETTINGS_MODULE": "sklaida.settings",
    "SECRET_KEY": "bench-only-secret-key-that-is-long-enough-for-the-checks-0123456789",
    "DEBUG": "0",
    "DEMO_MODE": "0",
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "SECURE_SSL_REDIRECT": "0",
    "SESSION_COOKIE_SECURE": "0",
    "STATIC_MANIFEST": "0",
    # E-mails are queued in the database as in production, and sent nowhere.
    "TASKS_BACKEND": "db",
    "EMAIL_URL": "dummymail://",
    "LOG_LEVEL": "WARNING",
}
os.environ.update(SERVER_ENV)
os.environ.pop("REDIS_URL", None)

import django  # noqa: E402
import psycopg  # noqa: E402


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seats", type=int, default=10)
    parser.add_argument("--clients", type=int, default=300)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--timeout", type=float, default=60, help="seconds a client waits")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    return parser.parse_args()


def recreate_database() -> None:
    url = urllib.parse.urlsplit(DATABASE_URL)
    name = url.path.lstrip("/")
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
        sys.exit(f"Use a plain database name in BENCH_DATABASE_URL, not {name!r}")
    admin_url = urllib.parse.urlunsplit(url._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {name}")


def drop_database() -> None:
    url = urllib.parse.urlsplit(DATABASE_URL)
    admin_url = urllib.parse.urlunsplit(url._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {url.path.lstrip('/')} WITH (FORCE)")


def create_event(seats: int):
    from django.utils import timezone

    from sklaida.core import demo
    from sklaida.core.models import Library, User
    from sklaida.events.models import Event

    demo.load_demo()
    county = Library.objects.get(kind=Library.Kind.COUNTY)
    starts = timezone.now() + timedelta(days=7)
    return Event.objects.create(
        title="Skubėjimo bandymas: poezijos vakaras",
        slug="skubejimo-bandymas",
        event_type="event",
        library=county,
        space=county.spaces.first(),
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        responsible=User.objects.get(username="specialiste"),
        status=Event.Status.ANNOUNCED,
        announced_at=timezone.now(),
        registration=Event.Registration.OPEN,
        capacity=seats,
        max_seats_per_registration=1,
        consent_text="Duomenis tvarkome registracijai administruoti. Renginyje fotografuojama.",
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(port: int, workers: int) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603 - our own gunicorn from the virtual environment
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "sklaida.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--backlog",
            "2048",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env={**os.environ, **SERVER_ENV},
    )


def wait_until_serving(port: int, path: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit("gunicorn stopped before it served a page")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", path)
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    sys.exit("gunicorn did not start serving within 60 s")


class Client:
    """One person: opens the form, waits for the rush, signs up."""

    def __init__(self, number: int, port: int, path: str, timeout: float) -> None:
        self.number, self.port, self.path, self.timeout = number, port, path, timeout
        self.connection = None
        self.cookie = self.token = ""

    def open_form(self) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        self.connection.request("GET", self.path)
        response = self.connection.getresponse()
        page = response.read().decode()
        cookies = response.headers.get_all("Set-Cookie") or []
        self.cookie = next(c.split(";")[0] for c in cookies if c.startswith("csrftoken="))
        self.token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    def sign_up(self) -> int:
        body = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": self.token,
                "name": f"Skubanti lankytoja {self.number}",
                "email": f"skuba{self.number}@pastas.example",
                "seats": "1",
                "consent": "on",
            }
        )
        self.connection.request(
            "POST",
            self.path,
            body=body,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": self.cookie,
            },
        )
        response = self.connection.getresponse()
        response.read()
        self.connection.close()
        return response.status


def rush(clients: list[Client]) -> tuple[list, float]:
    """Every client opens the form, then all post at once; returns outcomes and seconds."""
    ready = threading.Barrier(len(clients) + 1)
    started = [0.0]

    def run(client: Client):
        try:
            client.open_form()
        except Exception as error:  # noqa: BLE001 - a failed client is counted, not fatal
            ready.wait()
            return error
        ready.wait()
        try:
            return client.sign_up()
        except Exception as error:  # noqa: BLE001
            return error

    with ThreadPoolExecutor(max_workers=len(clients)) as pool:
        futures = [pool.submit(run, client) for client in clients]
        ready.wait()
        started[0] = time.perf_counter()
        outcomes = [future.result() for future in futures]
    return outcomes, time.perf_counter() - started[0]


def main() -> None:
    options = arguments()
    try:
        recreate_database()
    except psycopg.OperationalError as error:
        sys.exit(f"PostgreSQL is needed at {DATABASE_URL}: {error}")
    django.setup()
    from django.core.management import call_command
    from django.db import connections
    from django.urls import reverse

    from sklaida.events.models import Registration

    call_command("migrate", verbosity=0)
    event = create_event(options.seats)
    path = reverse("public:register", kwargs={"slug": event.slug})
    connections.close_all()

    port = free_port()
    server = start_server(port, options.workers)
    try:
        wait_until_serving(port, path, server)
        clients = [Client(n, port, path, options.timeout) for n in range(options.clients)]
        outcomes, seconds = rush(clients)
    finally:
        server.terminate()
        server.wait(timeout=30)

    errors = [o for o in outcomes if o != 302]
    event.refresh_from_db()
    registrations = Registration.objects.filter(event=event)
    confirmed = sum(
        registrations.filter(status=Registration.Status.CONFIRMED).values_list("seats", flat=True)
    )
    waitlisted = registrations.filter(status=Registration.Status.WAITLISTED).count()
    overbooked = max(confirmed - options.seats, 0, event.seats_confirmed - options.seats)
    print(
        f"{options.clients} clients, {options.seats} seats, {options.workers} gunicorn workers, "
        f"PostgreSQL; {len(outcomes) - len(errors)} sign-ups answered in {seconds:.2f} s"
    )
    print(f"seat counter {event.seats_confirmed}, registrations saved {registrations.count()}")
    if errors:
        print("first errors:", ", ".join(sorted({str(e)[:80] for e in errors})[:5]))
    connections.close_all()
    if not options.keep:
        drop_database()
    print(
        f"confirmed={confirmed} waitlisted={waitlisted} overbooked={overbooked} "
        f"errors={len(errors)} signups_per_s={(len(outcomes) - len(errors)) / seconds:.1f}"
    )


if __name__ == "__main__":
    main()
