"""The header's search: one box across every kind, grouped, each group leading to its list,
and never showing a row the pages would not."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from sklaida.archive.models import Asset
from sklaida.archive.tests.factories import AssetFactory
from sklaida.communication.tests.factories import ContentItemFactory
from sklaida.consultations.tests.factories import ConsultationFactory
from sklaida.contacts.tests.factories import PersonFactory
from sklaida.core.models import Library
from sklaida.core.tests.factories import TaskFactory
from sklaida.events.tests.factories import EventFactory

pytestmark = pytest.mark.django_db

# A word no demo record uses, so the demo loaded around each test never matches.
WORD = "Žuvėdrynė"


def _groups(page: str) -> dict[str, str]:
    """Each result group's kind → its HTML."""
    sections = re.findall(r'<section[^>]*data-kind="([^"]+)".*?</section>', page, re.S)
    starts = [page.index(f'data-kind="{kind}"') for kind in sections]
    return {
        kind: page[start : page.index("</section>", start)]
        for kind, start in zip(sections, starts, strict=True)
    }


def test_one_query_without_diacritics_finds_inflected_words_of_every_kind(client_as, personas):
    event = EventFactory(title=f"Paroda „{WORD}“ bibliotekoje")
    item = ContentItemFactory(title=f"Kvietimas į parodą „{WORD}“")
    person = PersonFactory(first_name="Jonas", last_name="Žuvėdrynis", notes="")
    task = TaskFactory(title=f"Parengti {WORD}s plakatą", owner=personas["vadove"])

    page = client_as("specialiste").get("/paieska/", {"q": "zuvedryn"}).content.decode()
    groups = _groups(page)

    assert event.title in groups["events.event"]
    assert item.title in groups["communication.contentitem"]
    assert "Žuvėdrynis" in groups["contacts.person"]
    # Another person's task is found, and the group's link shows everyone's tasks.
    assert task.title in groups["core.task"]
    assert 'href="/uzduotys/?scope=all&amp;q=zuvedryn"' in groups["core.task"]
    assert f'href="{person.get_absolute_url()}"' in groups["contacts.person"]


def test_a_group_with_more_matches_than_shown_links_to_its_full_filtered_list(client_as, personas):
    for number in range(7):
        EventFactory(title=f"{WORD} Nr. {number}")

    page = client_as("specialiste").get("/paieska/", {"q": WORD}).content.decode()
    events = _groups(page)["events.event"]

    assert events.count("<li") == 5
    assert '<span class="badge text-bg-secondary">7</span>' in events
    assert "Visi atitikmenys: renginiai" in events
    assert f'href="/veikla/renginiai/?q={quote(WORD)}"' in events


def test_a_territory_specialist_finds_only_her_own_librarys_consultations(client_as, personas):
    own = personas["teritorija"].library
    other = Library.objects.exclude(pk=own.pk).first()
    ConsultationFactory(library=own, question=f"Kaip surengti {WORD}s vakarą?")
    ConsultationFactory(library=other, question=f"Kaip įrengti {WORD}s stendą?")

    as_territory = client_as("teritorija").get("/paieska/", {"q": WORD}).content.decode()
    as_department = client_as("specialiste").get("/paieska/", {"q": WORD}).content.decode()

    assert (
        '<span class="badge text-bg-secondary">1</span>'
        in _groups(as_territory)["consultations.consultation"]
    )
    assert str(own) in as_territory and str(other) not in as_territory
    assert (
        '<span class="badge text-bg-secondary">2</span>'
        in _groups(as_department)["consultations.consultation"]
    )


def test_restricted_photos_are_found_only_by_the_head(client_as, personas):
    AssetFactory(title=f"{WORD} atidarymas", access=Asset.Access.INTERNAL)
    restricted = AssetFactory(title=f"{WORD} su vaikais", access=Asset.Access.RESTRICTED)

    as_specialist = client_as("specialiste").get("/paieska/", {"q": WORD}).content.decode()
    as_head = client_as("vadove").get("/paieska/", {"q": WORD}).content.decode()
    as_territory = client_as("teritorija").get("/paieska/", {"q": WORD}).content.decode()

    assert restricted.title not in as_specialist
    assert f"{WORD} atidarymas" in _groups(as_specialist)["archive.asset"]
    assert restricted.title in _groups(as_head)["archive.asset"]
    assert "archive.asset" not in _groups(as_territory)


def test_the_search_makes_the_same_queries_however_many_rows_match(client_as, personas):
    client = client_as("vadove")

    def add(count: int) -> None:
        for number in range(count):
            EventFactory(title=f"{WORD} renginys {number}")
            ContentItemFactory(title=f"{WORD} įrašas {number}")
            PersonFactory(last_name=f"{WORD}", first_name=f"Ona{number}")
            TaskFactory(title=f"{WORD} užduotis {number}")
            AssetFactory(title=f"{WORD} nuotrauka {number}")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/paieska/", {"q": WORD})
        assert response.status_code == 200
        return len(captured)

    add(6)  # more than a group shows, so each kind's count is asked for
    few = queries()
    add(10)
    many = queries()

    assert few == many


def test_nothing_found_and_a_too_long_query_say_so_in_lithuanian(client_as, personas):
    client = client_as("specialiste")

    nothing = client.get("/paieska/", {"q": "qqqzzzx"}).content.decode()
    too_long = client.get("/paieska/", {"q": "a" * 101}).content.decode()

    assert "Nieko nerasta pagal „qqqzzzx“" in nothing
    assert "nedaugiau kaip 100 ženklų (dabartinis ilgis 101)" in too_long


def test_the_header_of_every_staff_page_has_the_search_box(client_as, personas):
    page = client_as("stebetojas").get("/").content.decode()

    assert 'action="/paieska/"' in page
    assert '<label class="visually-hidden" for="header-search">Ieškoti visur</label>' in page


def test_the_demo_is_searchable_as_loaded(client_as, personas):
    from sklaida.communication.models import ContentItem
    from sklaida.events.models import Event

    event = Event.objects.order_by("pk").first()
    item = ContentItem.objects.order_by("pk").first()
    client = client_as("vadove")

    found_event = client.get("/paieska/", {"q": event.title}).content.decode()
    found_item = client.get("/paieska/", {"q": item.title}).content.decode()

    # Bulk-created by the demo, yet indexed: found by their own titles.
    assert f">{escape(event.title)}</a>" in _groups(found_event)["events.event"]
    assert f">{escape(item.title)}</a>" in _groups(found_item)["communication.contentitem"]
