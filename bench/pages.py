"""Prints how many queries and how long the staff pages take with a busy department.

Builds a throw-away SQLite database (or uses DATABASE_URL), loads the demo, adds
BENCH_TASKS tasks (default 2000) and renders each page a few times.
Run with `make bench`.
"""

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

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from sklaida.core import demo  # noqa: E402
from sklaida.core.models import Library, Task, User  # noqa: E402

TASKS = int(os.environ.get("BENCH_TASKS", "2000"))
ROUNDS = 5
PAGES = ["/", "/uzduotys/", "/uzduotys/?status=open", "/bibliotekos/"]


def main() -> None:
    call_command("migrate", verbosity=0)
    users = demo.load_demo()
    owners = list(User.objects.filter(username__in=["vadove", "specialiste"]))
    county = Library.objects.get(kind=Library.Kind.COUNTY)
    today = timezone.localdate()
    Task.objects.bulk_create(
        Task(
            title=f"Bandymo užduotis {n}",
            owner=owners[n % 2],
            created_by=owners[0],
            library=county,
            due_date=today + timezone.timedelta(days=n % 30),
        )
        for n in range(TASKS)
    )
    client = Client()
    client.force_login(users["specialiste"])
    print(f"{Task.objects.count()} tasks, {connection.vendor}")
    print(f"{'page':32} {'queries':>8} {'median ms':>10} {'max ms':>8}")
    for url in PAGES:
        timings = []
        for _ in range(ROUNDS):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                sys.exit(f"{url} answered {response.status_code}")
        print(
            f"{url:32} {len(queries):>8} {statistics.median(timings):>10.1f} {max(timings):>8.1f}"
        )


if __name__ == "__main__":
    main()
