"""Prints queries and timings of the events pages, staff and public, with many events.

Builds a throw-away SQLite database (or uses DATABASE_URL), loads the demo, adds
BENCH_EVENTS public events (default 100000, spread over ten years around today) and
renders each page ROUNDS times with the public page cache emptied first, so the figures
are of rendering, not of the cache. Run with `make bench`; `--events N` sets the size.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
workdir = tempfile.mkdtemp(prefix="sklaida-bench-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sklaida.settings")
os.environ.setdefault("TASKS_BACKEND", "immediate")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("EMAIL_URL", "dummymail://")
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ["DEBUG"] = "1"

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from sklaida.core import demo  # noqa: E402
from sklaida.core.models import Library, Space  # noqa: E402
from sklaida.events.models import Event, EventType  # noqa: E402

ROUNDS = 20
TYPES = list(EventType.values)


def add_events(count: int) -> Event:
    county = Library.objects.get(kind=Library.Kind.COUNTY)
    spaces = list(Space.objects.filter(library=county))
    responsible = demo.User.objects.get(username="specialiste")
    start = timezone.now() - timezone.timedelta(days=5 * 365)
    batch = []
    for n in range(count):
        starts_at = start + timezone.timedelta(minutes=53 * n)
        batch.append(
            Event(
                title=f"Bandomasis renginys {n}",
                slug=f"bandomasis-renginys-{n}",
                event_type=TYPES[n % len(TYPES)],
                library=county,
                space=spaces[n % len(spaces)],
                starts_at=starts_at,
                ends_at=starts_at + timezone.timedelta(hours=1),
                responsible=responsible,
                status=Event.Status.ANNOUNCED,
                announced_at=starts_at - timezone.timedelta(days=14),
                summary="Renginys spartos matavimui.",
            )
        )
        if len(batch) == 5000:
            Event.objects.bulk_create(batch)
            batch = []
    Event.objects.bulk_create(batch)
    return Event.objects.filter(starts_at__gte=timezone.now()).order_by("starts_at").first()


def measure(client: Client, url: str) -> tuple[int, float, float]:
    timings = []
    for _ in range(ROUNDS):
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            sys.exit(f"{url} answered {response.status_code}")
    p95 = statistics.quantiles(timings, n=20)[-1]
    return len(queries), statistics.median(timings), p95


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=int(os.environ.get("BENCH_EVENTS", 100000)))
    count = parser.parse_args().events
    call_command("migrate", verbosity=0)
    users = demo.load_demo()
    upcoming = add_events(count)
    month = timezone.localdate()
    staff = Client()
    staff.force_login(users["specialiste"])
    pages = [
        (staff, "/veikla/renginiai/"),
        (staff, f"/veikla/kalendorius/?view=month&month={month:%Y-%m}"),
        (staff, f"/veikla/renginiai/{upcoming.pk}/"),
        (Client(), "/renginiai/"),
        (Client(), f"/renginiai/{month.year}/{month.month}/"),
        (Client(), f"/renginiai/{upcoming.slug}/"),
        (Client(), "/renginiai.ics?date_from=" + month.isoformat()),
    ]
    print(f"{Event.objects.count()} events, {connection.vendor}, {ROUNDS} rounds, cache emptied")
    print(f"{'page':58} {'queries':>8} {'median ms':>10} {'p95 ms':>8}")
    for client, url in pages:
        queries, median, p95 = measure(client, url)
        print(f"{url:58} {queries:>8} {median:>10.1f} {p95:>8.1f}")


if __name__ == "__main__":
    main()
