"""An event's public page: what a visitor reads, and what search engines and social sites read."""

from __future__ import annotations

import datetime
import io
import json
import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from PIL import Image

from sklaida.contacts.models import Organisation
from sklaida.events.models import Audience, AudienceGroup, Event
from sklaida.events.tests.factories import EventFactory, at
from sklaida.testing.queries import queries_to_render

WINTER_DAY = datetime.date(2026, 12, 5)
SUMMER_DAY = datetime.date(2027, 6, 10)


def page_of(event: Event, *, english: bool = False) -> str:
    url = f"/en/events/{event.slug}/" if english else f"/renginiai/{event.slug}/"
    response = Client().get(url)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def json_ld_of(text: str) -> dict:
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    assert len(scripts) == 1
    return json.loads(scripts[0])


def open_graph_of(text: str) -> dict[str, str]:
    return dict(re.findall(r'<meta property="(og:[a-z:]+)" content="([^"]*)">', text))


def png_upload() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "#1d3557").save(buffer, format="PNG")
    return SimpleUploadedFile("plakatas.png", buffer.getvalue(), content_type="image/png")


def test_the_page_tells_when_where_what_and_for_whom(personas):
    event = EventFactory(
        title="Kalėdinis koncertas",
        starts_at=at(WINTER_DAY, 18),
        description="Skambės kalėdinės giesmės.\n\nĮėjimas iš kiemo pusės.",
        accessibility="Įėjimas be laiptų, indukcinė kilpa salėje.",
        price=Decimal("5.00"),
        capacity=40,
    )
    event.audiences.add(Audience.objects.get(code=AudienceGroup.SENIORS))
    event.partners.add(Organisation.objects.create(name="Šiaulių kamerinis choras"))

    text = page_of(event)

    assert "<h1>Kalėdinis koncertas</h1>" in text
    assert "2026 m. gruodžio 5 d., šeštadienis, 18:00</time>–<time" in text
    assert event.space.name in text
    assert event.library.address in text
    assert "Senjorai" in text or "Seniors" in text
    assert "5,00\xa0€" in text
    assert "Šiaulių kamerinis choras" in text
    assert "<p>Skambės kalėdinės giesmės.</p>" in text
    assert "Įėjimas be laiptų, indukcinė kilpa salėje." in text
    assert f'href="/renginiai/{event.slug}.ics"' in text


def test_a_free_event_says_so_and_counts_the_seats_left(personas):
    event = EventFactory(price=None, capacity=30, seats_confirmed=27)

    text = page_of(event)

    assert ("Nemokamai" in text) or ("Free" in text)
    assert re.search(r"\b3\b[^<]*(seats left|viet)", text)


def test_thousands_of_seats_and_a_price_read_the_lithuanian_way(personas):
    event = EventFactory(price=Decimal("1250"), capacity=2500, seats_confirmed=1150)

    text = page_of(event)

    assert "<dd>1\xa0250,00\xa0€</dd>" in text
    assert "Liko 1\xa0350 vietų" in text


def test_a_full_event_with_open_registration_offers_the_waiting_list(personas):
    event = EventFactory(
        registration=Event.Registration.OPEN,
        capacity=10,
        seats_confirmed=10,
        starts_at=at(timezone.localdate() + datetime.timedelta(days=5), 18),
    )

    text = page_of(event)

    assert "Full — you can join the waiting list" in text or "laukiančiųjų" in text


def test_a_cancelled_event_page_says_it_is_cancelled_and_why(personas):
    event = EventFactory(status=Event.Status.CANCELLED, cancellation_reason="Atlikėjas susirgo.")

    text = page_of(event)

    assert "Atlikėjas susirgo." in text
    assert json_ld_of(text)["eventStatus"] == "https://schema.org/EventCancelled"


def test_events_not_for_the_public_have_no_page(personas):
    hidden = EventFactory(is_public=False)
    planned = EventFactory(status=Event.Status.PLANNED, announced_at=None)
    client = Client()

    assert client.get(f"/renginiai/{hidden.slug}/").status_code == 404
    assert client.get(f"/renginiai/{planned.slug}/").status_code == 404
    assert client.get("/renginiai/tokio-nera/").status_code == 404


def test_the_image_has_its_description_and_is_served_by_the_calendar(personas):
    event = EventFactory(image=png_upload(), image_alt="Choras scenoje su žvakėmis")

    text = page_of(event)

    src = re.search(r'<img [^>]*src="([^"]+)" alt="Choras scenoje su žvakėmis"', text)[1]
    assert src.startswith(f"/renginiai/{event.slug}/paveikslas/?v=")
    og = open_graph_of(text)
    assert og["og:image"] == f"http://testserver{src}"
    assert json_ld_of(text)["image"] == [og["og:image"]]
    picture = Client().get(src.replace("&amp;", "&"))
    assert picture["Content-Type"] == "image/png"
    assert Image.open(io.BytesIO(b"".join(picture.streaming_content))).size == (40, 30)


def test_uploaded_files_are_not_served_as_a_folder_and_hidden_events_keep_their_image(
    personas,
):
    hidden = EventFactory(image=png_upload(), is_public=False)
    client = Client()

    assert client.get(f"/renginiai/{hidden.slug}/paveikslas/").status_code == 404
    assert client.get(f"/media/{hidden.image.name}").status_code == 404
    assert client.get(f"/renginiai/{EventFactory().slug}/paveikslas/").status_code == 404


def test_json_ld_describes_an_on_site_event_in_winter_time(personas):
    event = EventFactory(
        title="Kalėdinis koncertas", starts_at=at(WINTER_DAY, 18), price=None, capacity=None
    )

    data = json_ld_of(page_of(event))

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == "Kalėdinis koncertas"
    assert data["startDate"] == "2026-12-05T18:00:00+02:00"
    assert data["endDate"] == "2026-12-05T20:00:00+02:00"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["streetAddress"] == event.library.address
    assert data["organizer"] == {
        "@type": "Organization",
        "name": event.library.name,
        "url": event.library.website or "http://testserver/",
    }
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["offers"]["price"] == 0
    assert data["offers"]["priceCurrency"] == "EUR"
    assert data["offers"]["availability"] == "https://schema.org/InStock"
    assert data["inLanguage"] == "lt"


def test_json_ld_of_a_summer_event_carries_the_summer_offset(personas):
    event = EventFactory(starts_at=at(SUMMER_DAY, 18))

    data = json_ld_of(page_of(event))

    assert data["startDate"] == "2027-06-10T18:00:00+03:00"


def test_json_ld_of_online_and_hybrid_events_gives_a_virtual_location(personas):
    online = EventFactory(
        format=Event.Format.ONLINE, space=None, online_url="https://transliacija.example/poezija"
    )
    hybrid = EventFactory(format=Event.Format.HYBRID, online_url="https://transliacija.example/x")

    online_data = json_ld_of(page_of(online))
    hybrid_data = json_ld_of(page_of(hybrid))

    assert online_data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert online_data["location"] == {
        "@type": "VirtualLocation",
        "url": "https://transliacija.example/poezija",
    }
    assert hybrid_data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [place["@type"] for place in hybrid_data["location"]] == ["Place", "VirtualLocation"]


def test_the_stream_link_of_an_event_with_registration_is_kept_for_registrants(personas):
    event = EventFactory(
        format=Event.Format.ONLINE,
        space=None,
        online_url="https://transliacija.example/slapta",
        registration=Event.Registration.OPEN,
    )

    text = page_of(event)

    assert "https://transliacija.example/slapta" not in text
    assert json_ld_of(text)["location"]["url"] == f"http://testserver/renginiai/{event.slug}/"


def test_json_ld_says_sold_out_when_no_seat_is_left(personas):
    event = EventFactory(capacity=12, seats_confirmed=12, price=Decimal("3.50"))

    offers = json_ld_of(page_of(event))["offers"]

    assert offers["availability"] == "https://schema.org/SoldOut"
    assert offers["price"] == 3.5


def test_a_title_cannot_break_out_of_the_json_ld_script(personas):
    title = 'Vakaras </script><script>alert("x")</script> & <b>'
    event = EventFactory(title=title)

    text = page_of(event)

    assert "<script>alert" not in text
    assert json_ld_of(text)["name"] == title


def test_open_graph_tags_describe_the_page(personas):
    event = EventFactory(title="Poezijos vakaras", title_en="Poetry evening")

    lithuanian = open_graph_of(page_of(event))
    english = open_graph_of(page_of(event, english=True))

    assert lithuanian["og:title"] == "Poezijos vakaras"
    assert lithuanian["og:description"] == event.summary
    assert lithuanian["og:type"] == "website"
    assert lithuanian["og:url"] == f"http://testserver/renginiai/{event.slug}/"
    assert lithuanian["og:locale"] == "lt_LT"
    assert "og:image" not in lithuanian
    assert english["og:title"] == "Poetry evening"
    assert english["og:url"] == f"http://testserver/en/events/{event.slug}/"
    assert english["og:locale"] == "en_GB"


def test_the_english_page_shows_the_english_texts(personas):
    event = EventFactory(
        title="Poezijos vakaras",
        title_en="Poetry evening",
        description_en="Poems and music.",
        accessibility_en="Step-free entrance.",
    )

    text = page_of(event, english=True)

    assert "<h1>Poetry evening</h1>" in text
    assert "Poems and music." in text
    assert "Step-free entrance." in text
    assert json_ld_of(text)["inLanguage"] == "en"


@pytest.mark.usefixtures("theme_read")
def test_the_page_makes_the_same_number_of_queries_whatever_the_event_holds(personas):
    plain = EventFactory()
    rich = EventFactory()
    rich.audiences.add(*Audience.objects.all())
    for number in range(4):
        rich.partners.add(Organisation.objects.create(name=f"Partneris {number}"))
    client = Client()

    assert queries_to_render(client, f"/renginiai/{plain.slug}/") == queries_to_render(
        client, f"/renginiai/{rich.slug}/"
    )
