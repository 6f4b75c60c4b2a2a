"""Prints the p95 of the one search on PostgreSQL: the header's search across every kind and
each list's search box, with 100,000 events, 1,000,000 archive assets and 100,000 contacts.

Builds (once) a PostgreSQL database `sklaida_bench_search` on DATABASE_URL's server (default
postgres://postgres@127.0.0.1:5432), fills it with generated Lithuanian titles and texts and
their search entries, then renders each page for a set of queries — common and rare words,
inflected forms, words typed without diacritics, two-word queries, a beginning being typed —
as the head of the department (who sees every row). Each page's figure is printed as
`search_p95_ms=… rows=…`; the goal is under 100 ms. The database is kept for the next run
(`--fresh` builds it again; `--events/--assets/--persons` set the sizes).
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DATABASE = "sklaida_bench_search"
os.environ["DATABASE_URL"] = f"{SERVER}/{DATABASE}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sklaida.settings")
os.environ.setdefault("TASKS_BACKEND", "immediate")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("EMAIL_URL", "dummymail://")
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ["DEBUG"] = "1"

import django  # noqa: E402
import psycopg  # noqa: E402
from django.core.cache import cache  # noqa: E402

ROUNDS = 7
BATCH = 5000
QUERIES = [
    "biblioteka",  # in a third of the titles
    "bibliotekoje",
    "parodos",
    "siauliu",  # without diacritics
    "zemaitijos",
    "vaiku knygos",  # two words
    "koncertas vakare",
    "Petronienės",  # an inflected surname
    "fotografij",  # a beginning being typed
    "dramblys",  # in no row
]
WORDS = {
    "subject": [
        "Paroda",
        "Koncertas",
        "Knygos pristatymas",
        "Susitikimas su autoriumi",
        "Edukacinės dirbtuvės",
        "Poezijos vakaras",
        "Kino peržiūra",
        "Seminaras",
        "Fotografijų paroda",
        "Skaitymai",
        "Protmūšis",
        "Ekskursija",
    ],
    "topic": [
        "apie Žemaitijos medžio drožėjus",
        "„Šiaulių istorija“",
        "vaikams ir šeimoms",
        "jaunimui",
        "senjorams",
        "apie Kalėdų tradicijas",
        "„Vasaros skaitymai“",
        "apie Lietuvos kino klasiką",
        "apie krašto dvarus",
        "su vaikų knygų iliustruotojais",
    ],
    "place": [
        "bibliotekoje",
        "Konferencijų salėje",
        "Joniškio bibliotekoje",
        "Kelmės kultūros centre",
        "Radviliškio bibliotekoje",
        "mokykloje",
        "Šiaulių dailės galerijoje",
    ],
    "text": [
        "Kviečiame visus norinčius, įėjimas nemokamas.",
        "Renginys skirtas bibliotekos skaitytojams.",
        "Vakare skambės gyva muzika.",
        "Knygas galėsite įsigyti vietoje.",
        "Registracija būtina, vietų skaičius ribotas.",
        "Nuotraukose – parodos atidarymas ir svečiai.",
        "Dalyvaus rašytojai ir vaikų knygų autoriai.",
    ],
}
FIRST_NAMES = ["Ona", "Rūta", "Jonas", "Petras", "Aistė", "Giedrė", "Tomas", "Vytautas"]
LAST_NAMES = [
    "Petronienė",
    "Žemaitis",
    "Kazlauskas",
    "Jankauskienė",
    "Stankevičius",
    "Vasiliauskaitė",
    "Butkus",
    "Paulauskienė",
    "Urbonas",
    "Šimkutė",
]


def ensure_database(fresh: bool) -> None:
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE]
        ).fetchone()
        if exists and fresh:
            connection.execute(f'DROP DATABASE "{DATABASE}" WITH (FORCE)')
        if not exists or fresh:
            connection.execute(f'CREATE DATABASE "{DATABASE}"')


def sentence(rng: random.Random) -> tuple[str, str]:
    title = f"{rng.choice(WORDS['subject'])} {rng.choice(WORDS['topic'])}"
    if rng.random() < 0.35:
        title += f" {rng.choice(WORDS['place'])}"
    return title, " ".join(rng.sample(WORDS["text"], 2))


def fill(model, rows, make, searchable_kinds) -> None:
    """Insert `rows` objects made by make(n, rng) with their search entries, in batches."""
    from sklaida.core.models import SearchEntry
    from sklaida.core.search.indexing import _entry_values
    from sklaida.core.search.registry import kinds_of

    rng = random.Random(model.__name__)  # noqa: S311 (made-up data, repeatable)
    kinds = [searchable for searchable in kinds_of(model) if searchable.kind in searchable_kinds]
    done = 0
    started = time.perf_counter()
    while done < rows:
        objects = model.objects.bulk_create(
            [make(n, rng) for n in range(done, min(rows, done + BATCH))]
        )
        SearchEntry.objects.bulk_create(
            SearchEntry(kind=searchable.kind, object_id=obj.pk, title=title, body=body)
            for obj in objects
            for searchable in kinds
            for title, body in [_entry_values(searchable, obj)]
        )
        done += len(objects)
        print(f"\r  {model.__name__}: {done:,}/{rows:,}", end="", flush=True)
    print(f" ({time.perf_counter() - started:.0f} s)")


TEMPLATES = 5000


def fill_assets(rows: int) -> None:
    """A million assets are written by PostgreSQL itself: INSERT … SELECT over
    generate_series from TEMPLATES generated titles whose search keys Python made once."""
    from django.db import connection

    from sklaida.archive.models import Asset
    from sklaida.core.search.words import document

    started = time.perf_counter()
    rng = random.Random("assets")  # noqa: S311 (made-up data, repeatable)
    templates = [sentence(rng) for _ in range(TEMPLATES)]
    prototype = Asset(file="x", sha256="x", size=1, mime_type="image/jpeg", kind=Asset.Kind.IMAGE)
    # Each row's number n is kept in `size`, which nothing searched reads.
    varying = {
        "file": "'archive/originals/' || lpad(to_hex(n), 64, '0') || '.jpg'",
        "sha256": "lpad(to_hex(n), 64, '0')",
        "size": "n",
        "original_name": "'IMG_' || lpad(n::text, 7, '0') || '.jpg'",
        "title": "t.title",
        "description": "t.body",
        "captured_at": "now() - make_interval(mins => 7 * n)",
        "access": "CASE WHEN mod(n, 50) = 0 THEN 'restricted' ELSE 'internal' END",
    }
    columns, values, parameters = [], [], []
    for field in Asset._meta.concrete_fields:
        if field.primary_key:
            continue
        columns.append(field.column)
        if field.name in varying:
            values.append(varying[field.name])
        else:
            values.append("%s")
            value = field.pre_save(prototype, add=True)
            parameters.append(field.get_db_prep_save(value, connection))
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TEMP TABLE bench_template (i int, title text, body text, "
            "title_keys text, body_keys text)"
        )
        cursor.executemany(
            "INSERT INTO bench_template VALUES (%s, %s, %s, %s, %s)",
            [
                (i, title, body, document(title), document(body))
                for i, (title, body) in enumerate(templates)
            ],
        )
        cursor.execute("SELECT coalesce(max(id), 0) FROM archive_asset")
        before = cursor.fetchone()[0]
        for first in range(1, rows + 1, 100_000):
            last = min(rows, first + 99_999)
            cursor.execute(
                f"INSERT INTO archive_asset ({', '.join(columns)}) "  # noqa: S608 (our columns)
                f"SELECT {', '.join(values)} FROM generate_series(%s, %s) AS n "
                "JOIN bench_template t ON t.i = mod(n, %s)",
                [*parameters, first, last, TEMPLATES],
            )
            print(f"\r  Asset: {last:,}/{rows:,}", end="", flush=True)
        cursor.execute(
            "INSERT INTO core_searchentry (kind, object_id, title, body) "
            "SELECT 'archive.asset', a.id, t.title_keys, t.body_keys FROM archive_asset a "
            "JOIN bench_template t ON t.i = mod(a.size, %s) WHERE a.id > %s",
            [TEMPLATES, before],
        )
    print(f" ({time.perf_counter() - started:.0f} s)")


def build(events: int, assets: int, persons: int) -> None:
    from django.utils import timezone

    from sklaida.contacts.models import Person
    from sklaida.contacts.text import search_key
    from sklaida.core import demo
    from sklaida.core.models import Library, User
    from sklaida.events.models import Event, EventType

    demo.load_demo()
    county = Library.objects.get(kind=Library.Kind.COUNTY)
    responsible = User.objects.get(username="specialiste")
    now = timezone.now()
    types = list(EventType.values)

    def event(n: int, rng: random.Random) -> Event:
        title, text = sentence(rng)
        starts_at = now + timezone.timedelta(minutes=53 * (n - events // 2))
        return Event(
            title=title,
            slug=f"renginys-{n}",
            event_type=types[n % len(types)],
            library=county,
            starts_at=starts_at,
            ends_at=starts_at + timezone.timedelta(hours=2),
            responsible=responsible,
            status=Event.Status.ANNOUNCED,
            announced_at=starts_at - timezone.timedelta(days=14),
            summary=text,
        )

    def person(n: int, rng: random.Random) -> Person:
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        if n % 3:
            last = f"{last[:-2]}{n % 997}{last[-2:]}"  # many distinct surnames
        return Person(first_name=first, last_name=last, search_name=search_key(first, last))

    print("Generating (once; kept for the next run):")
    fill(Event, events, event, {"events.event", "events.public"})
    fill_assets(assets)
    fill(Person, persons, person, {"contacts.person"})
    with django.db.connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def measure(client, url: str) -> list[float]:
    timings = []
    for _ in range(ROUNDS):
        cache.clear()  # the public pages are cached: measure the search, not the cache
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            sys.exit(f"{url} answered {response.status_code}")
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--assets", type=int, default=1_000_000)
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--fresh", action="store_true", help="build the database again")
    arguments = parser.parse_args()
    ensure_database(arguments.fresh)
    django.setup()

    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse
    from django.utils.http import urlencode

    from sklaida.archive.models import Asset
    from sklaida.contacts.models import Person
    from sklaida.core.models import User
    from sklaida.events.models import Event

    settings.DEBUG = False  # no query log growing through thousands of requests
    call_command("migrate", verbosity=0)
    if not Asset.objects.exists():
        build(arguments.events, arguments.assets, arguments.persons)
    rows = {
        "events": Event.objects.count(),
        "assets": Asset.objects.count(),
        "persons": Person.objects.count(),
    }
    print(f"PostgreSQL, {rows}, {len(QUERIES)} queries × {ROUNDS} rounds as the head")
    client = Client()
    client.force_login(User.objects.get(username="vadove"))
    pages = [
        ("everything", "core:search", {}, sum(rows.values())),
        ("events", "events:list", {}, rows["events"]),
        ("archive", "archive:list", {}, rows["assets"]),
        ("contacts", "contacts:person_list", {}, rows["persons"]),
        ("content", "communication:item_list", {}, None),
        ("consultations", "consultations:list", {}, None),
        ("equipment", "archive:equipment_list", {}, None),
        ("tasks", "core:task_list", {"scope": "all"}, None),
        ("public calendar", "public:event_list", {}, rows["events"]),
    ]
    for label, name, extra, size in pages:
        timings, worst = [], ("", 0.0)
        for query in QUERIES:
            url = f"{reverse(name)}?{urlencode({**extra, 'q': query})}"
            measured = measure(client, url)
            timings += measured
            worst = max(worst, (query, statistics.median(measured)), key=lambda pair: pair[1])
        p95 = statistics.quantiles(timings, n=20, method="inclusive")[-1]
        size_text = size if size is not None else "demo"
        print(
            f"{label:16} search_p95_ms={p95:.0f} rows={size_text}"
            f"  (slowest query: “{worst[0]}”, median {worst[1]:.0f} ms)"
        )


if __name__ == "__main__":
    main()
