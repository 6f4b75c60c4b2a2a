"""The public calendar: which events it shows, with their own dates, filters, the month grid."""

from __future__ import annotations

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from sklaida.core import search
from sklaida.events.models import Audience, AudienceGroup, Event, EventSeries, EventType
from sklaida.events.tests.factories import EventFactory, at
from sklaida.testing.queries import queries_to_render

DECEMBER = {"date_from": "2026-12-01", "date_to": "2026-12-31"}


def page_text(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def test_the_list_shows_only_public_announced_events(personas):
    EventFactory(title="Vakaras visiems")
    EventFactory(title="Vidinis pasitarimas", is_public=False)
    EventFactory(title="Dar planuojamas", status=Event.Status.PLANNED, announced_at=None)
    EventFactory(
        title="Patvirtintas, bet neskelbtas", status=Event.Status.CONFIRMED, announced_at=None
    )

    text = page_text(Client().get("/renginiai/"))

    assert "Vakaras visiems" in text
    assert "Vidinis pasitarimas" not in text
    assert "Dar planuojamas" not in text
    assert "Patvirtintas, bet neskelbtas" not in text


def test_the_list_shows_upcoming_events_and_not_those_already_over(personas):
    EventFactory(title="Rytojaus skaitymai", starts_at=at(in_days(1), 17))
    EventFactory(title="Vakarykštė popietė", starts_at=at(in_days(-1), 17))

    text = page_text(Client().get("/renginiai/"))

    assert "Rytojaus skaitymai" in text
    assert "Vakarykštė popietė" not in text


def test_each_occurrence_of_a_series_states_its_own_date_and_time(personas):
    series = EventSeries.objects.create(title="Skaitymų klubas")
    for day, hour in ((3, 17), (10, 17), (17, 18)):
        EventFactory(
            title="Skaitymų klubas", series=series, starts_at=at(datetime.date(2026, 12, day), hour)
        )

    text = page_text(Client().get("/renginiai/", DECEMBER))

    assert text.count(">Skaitymų klubas</a>") == 3
    assert "2026 m. gruodžio 3 d., ketvirtadienis, 17:00</time>–<time" in text
    assert "2026 m. gruodžio 10 d., ketvirtadienis, 17:00</time>–<time" in text
    assert "2026 m. gruodžio 17 d., ketvirtadienis, 18:00</time>–<time" in text
    assert '<time datetime="2026-12-17T20:00:00+02:00">20:00</time>' in text


def test_a_cancelled_event_stays_in_the_list_marked_cancelled(personas):
    EventFactory(
        title="Atšauktas koncertas",
        status=Event.Status.CANCELLED,
        cancellation_reason="Atlikėjas susirgo.",
    )

    text = page_text(Client().get("/renginiai/"))

    assert re.search(r"Atšauktas koncertas</a>\s*<span[^>]*>Atšaukta</span>", text), text


def test_the_list_filters_by_type_audience_and_dates(personas):
    # A month after the demo's events (they reach 100 days ahead), so only these are in it.
    month = (in_days(200)).replace(day=1)
    following_month = (month + datetime.timedelta(days=31)).replace(day=1)
    whole_month = {
        "date_from": month.isoformat(),
        "date_to": (following_month - datetime.timedelta(days=1)).isoformat(),
    }
    children = Audience.objects.get(code=AudienceGroup.CHILDREN)
    seniors = Audience.objects.get(code=AudienceGroup.SENIORS)
    concert = EventFactory(
        title="Kalėdinis koncertas",
        event_type=EventType.CONCERT,
        starts_at=at(month.replace(day=20), 16),
    )
    concert.audiences.add(children)
    workshop = EventFactory(
        title="Atvirukų dirbtuvės",
        event_type=EventType.WORKSHOP,
        starts_at=at(month.replace(day=12), 11),
    )
    workshop.audiences.add(seniors)
    EventFactory(title="Sausio paskaita", starts_at=at(following_month.replace(day=15), 18))
    client = Client()

    by_type = page_text(client.get("/renginiai/", {"event_type": "concert"}))
    assert "Kalėdinis koncertas" in by_type
    assert "Atvirukų dirbtuvės" not in by_type

    by_audience = page_text(client.get("/renginiai/", {"audience": "seniors"}))
    assert "Atvirukų dirbtuvės" in by_audience
    assert "Kalėdinis koncertas" not in by_audience

    in_month = page_text(client.get("/renginiai/", whole_month))
    assert "Kalėdinis koncertas" in in_month
    assert "Atvirukų dirbtuvės" in in_month
    assert "Sausio paskaita" not in in_month
    feed = (
        f"/renginiai.ics?date_from={whole_month['date_from']}&amp;date_to={whole_month['date_to']}"
    )
    assert f'href="{feed}"' in in_month

    nothing = page_text(
        client.get("/renginiai/", {"event_type": "screening", "date_from": in_days(1500)})
    )
    assert "Pagal šiuos filtrus renginių nėra." in nothing


def test_a_wrong_filter_value_is_ignored_rather_than_failing(personas):
    EventFactory(title="Vakaras visiems")

    text = page_text(Client().get("/renginiai/", {"date_from": "vakar", "audience": "dragons"}))

    assert "Vakaras visiems" in text


def test_the_list_is_paginated(personas):
    for number in range(23):
        EventFactory(title=f"Popietė Nr. {number:02d}", starts_at=at(in_days(2 + number), 15))
    client = Client()

    first = page_text(client.get("/renginiai/"))
    second = page_text(client.get("/renginiai/", {"page": 2}))

    assert "Popietė Nr. 00" in first and "Popietė Nr. 19" in first
    assert "Popietė Nr. 20" not in first
    assert "Popietė Nr. 22" in second


def _cell_of(text: str, day_text: str) -> str:
    cells = re.findall(r"<td[^>]*>.*?</td>", text, flags=re.S)
    matching = [cell for cell in cells if day_text in cell]
    assert len(matching) == 1, day_text
    return matching[0]


def test_the_month_view_lists_each_days_events_in_its_cell(personas):
    reading = EventFactory(title="Skaitymai vaikams", starts_at=at(datetime.date(2026, 12, 5), 11))
    EventFactory(title="Sausio paskaita", starts_at=at(datetime.date(2027, 1, 15), 18))
    EventFactory(
        title="Medžio raižinių paroda",
        event_type=EventType.EXHIBITION,
        starts_at=at(datetime.date(2026, 11, 20), 10),
        ends_at=at(datetime.date(2027, 1, 31), 18),
    )

    text = page_text(Client().get("/renginiai/2026/12/"))

    assert "<caption" in text and "2026 m. gruodis" in text
    assert text.count('<th scope="col">') == 7
    cell = _cell_of(text, "2026 m. gruodžio 5 d., šeštadienis")
    assert f'href="{reading.get_public_url()}"' in cell
    assert "11:00</time> <span>Skaitymai vaikams</span>" in cell
    assert "Sausio paskaita" not in text
    running = text.split("Running over several days")[-1] if "Running over" in text else text
    assert "Medžio raižinių paroda" in running
    assert 'href="/renginiai/2026/11/"' in text
    assert 'href="/renginiai/2027/1/"' in text


def test_the_month_view_keeps_the_filters_in_its_links(personas):
    EventFactory(
        title="Koncertas",
        event_type=EventType.CONCERT,
        starts_at=at(datetime.date(2026, 12, 5), 18),
    )
    EventFactory(
        title="Paskaita apie Aušros alėją",
        event_type=EventType.LECTURE,
        starts_at=at(datetime.date(2026, 12, 6), 18),
    )

    text = page_text(Client().get("/renginiai/2026/12/", {"event_type": "concert"}))

    assert "Koncertas" in text
    assert "Paskaita apie Aušros alėją" not in text
    assert 'href="/renginiai/2027/1/?event_type=concert"' in text


def test_an_impossible_month_is_not_found(personas):
    assert Client().get("/renginiai/2026/13/").status_code == 404


def test_english_pages_show_english_texts_and_paths(personas):
    poetry = EventFactory(
        title="Poezijos vakaras",
        title_en="Poetry evening",
        summary_en="Poems and music in the evening.",
    )
    EventFactory(title="Tik lietuviškai")

    text = page_text(Client().get("/en/events/"))

    assert '<html lang="en"' in text
    assert "Poetry evening" in text
    assert "Poems and music in the evening." in text
    assert "Poezijos vakaras" not in text
    assert "Tik lietuviškai" in text, "an event without English text keeps its Lithuanian one"
    assert f'href="/en/events/{poetry.slug}/"' in text


def test_each_page_links_to_itself_in_the_other_language(personas):
    event = EventFactory()
    client = Client()

    lithuanian = page_text(client.get(f"/renginiai/{event.slug}/"))
    english = page_text(client.get(f"/en/events/{event.slug}/"))

    assert f'href="/en/events/{event.slug}/" lang="en" hreflang="en">English</a>' in lithuanian
    assert f'href="/renginiai/{event.slug}/" lang="lt" hreflang="lt">Lietuvių</a>' in english
    assert (
        f'<link rel="alternate" hreflang="en" href="http://testserver/en/events/{event.slug}/">'
        in lithuanian
    )


def test_the_public_addresses_are_the_fixed_ones(personas):
    event = EventFactory(slug="kaledu-koncertas")

    with translation.override("lt"):
        assert reverse("public:event_list") == "/renginiai/"
        assert reverse("public:event_detail", kwargs={"slug": event.slug}) == (
            "/renginiai/kaledu-koncertas/"
        )
        assert reverse("public:feed") == "/renginiai.ics"
        assert reverse("public:event_ical", kwargs={"slug": event.slug}) == (
            "/renginiai/kaledu-koncertas.ics"
        )
    with translation.override("en"):
        assert reverse("public:event_list") == "/en/events/"
        assert reverse("public:event_detail", kwargs={"slug": event.slug}) == (
            "/en/events/kaledu-koncertas/"
        )
        assert reverse("public:feed") == "/en/events.ics"
    client = Client()
    for path in (
        "/renginiai/",
        "/renginiai/kaledu-koncertas/",
        "/renginiai.ics",
        "/renginiai/kaledu-koncertas.ics",
        "/en/events/",
        "/en/events/kaledu-koncertas/",
        "/en/events.ics",
    ):
        assert client.get(path).status_code == 200, path


@pytest.mark.usefixtures("theme_read")
def test_the_list_and_month_make_the_same_number_of_queries_for_few_or_many_events(personas):
    def add_events(count: int) -> None:
        for number in range(count):
            event = EventFactory(starts_at=at(datetime.date(2026, 12, 1 + number % 28), 18))
            event.audiences.add(*Audience.objects.all()[:2])

    add_events(2)
    client = Client()
    few = queries_to_render(client, "/renginiai/", DECEMBER)
    few_month = queries_to_render(client, "/renginiai/2026/12/")
    add_events(15)

    assert queries_to_render(client, "/renginiai/", DECEMBER) == few
    assert queries_to_render(client, "/renginiai/2026/12/") == few_month


def test_a_cached_page_is_rendered_afresh_once_an_event_changes(personas):
    event = EventFactory(title="Senas pavadinimas")
    client = Client()
    assert "Senas pavadinimas" in page_text(client.get("/renginiai/"))

    # A write that bypasses the model (no signal) is not seen: the page comes from the cache.
    Event.objects.filter(pk=event.pk).update(title="Neišsaugotas pavadinimas")
    assert "Senas pavadinimas" in page_text(client.get("/renginiai/"))
    assert queries_to_render(client, "/renginiai/") == 0

    event.refresh_from_db()
    event.title = "Naujas pavadinimas"
    event.save()
    text = page_text(client.get("/renginiai/"))
    assert "Naujas pavadinimas" in text
    assert "Senas pavadinimas" not in text


def test_a_deleted_event_leaves_the_cached_list(personas):
    event = EventFactory(title="Greitai išnyksiantis renginys")
    client = Client()
    assert "Greitai išnyksiantis renginys" in page_text(client.get("/renginiai/"))

    event.delete()

    assert "Greitai išnyksiantis renginys" not in page_text(client.get("/renginiai/"))


def test_visitors_search_the_calendar_in_any_word_form_without_diacritics(personas):
    EventFactory(title="Paroda „Šiaulių krašto drožėjai“", starts_at=at(in_days(9), 12))
    EventFactory(title="Edukacija vaikams", starts_at=at(in_days(3), 12))
    EventFactory(title="Vidinė paroda apie Šiaulius", is_public=False)
    client = Client()

    found = page_text(client.get("/renginiai/", {"q": "parodos siauliu"}))
    soon_first = page_text(client.get("/renginiai/"))

    assert "Šiaulių krašto drožėjai" in found
    assert "Edukacija vaikams" not in found
    assert "Vidinė paroda" not in found
    assert '<input type="text" name="q" value="parodos siauliu"' in found
    assert soon_first.index("Edukacija vaikams") < soon_first.index("Šiaulių krašto drožėjai")


def test_the_public_search_does_not_find_events_by_words_the_public_pages_do_not_show(
    personas,
):
    from sklaida.contacts.tests.factories import PersonFactory

    reading = EventFactory(title="Poezijos skaitymai", starts_at=at(in_days(5), 18))
    reading.performers.add(PersonFactory(first_name="Rūta", last_name="Žuvėdrienė"))
    client = Client()

    public = page_text(client.get("/renginiai/", {"q": "Žuvėdrienė"}))
    staff = list(search.matching(Event.objects.all(), "Žuvėdrienė"))

    assert "Poezijos skaitymai" not in public
    assert staff == [reading]
