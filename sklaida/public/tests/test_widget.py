"""The widget for the Library's other websites: upcoming events and news as JSON and HTML."""

from __future__ import annotations

import datetime
import re

import pytest
from django.test import Client
from django.utils import timezone

from sklaida.events.models import Event
from sklaida.events.tests.factories import EventFactory, at
from sklaida.public.tests.news_helpers import no_news, published  # noqa: F401
from sklaida.testing.queries import queries_to_render

pytestmark = pytest.mark.usefixtures("no_news")
SITE = "https://renginiai.biblioteka.example"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


def in_days(days: int, hour: int) -> datetime.datetime:
    return at(timezone.localdate() + datetime.timedelta(days=days), hour)


def widget_json(query: str = "", *, english: bool = False) -> dict:
    url = "/en/widgets/events.json" if english else "/valdikliai/renginiai.json"
    response = Client().get(f"{url}{query}")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "max-age=300" in response["Cache-Control"]
    return response.json()


def test_the_json_lists_upcoming_public_events_with_times_and_places():
    EventFactory(
        title="Kalėdinis koncertas",
        slug="kaledinis-koncertas",
        starts_at=in_days(3, 18),
        ends_at=in_days(3, 20),
        event_type="concert",
    )
    EventFactory(title="Vėlesnė paskaita", starts_at=in_days(5, 17))
    EventFactory(title="Nepaskelbtas renginys", announced_at=None, status=Event.Status.PLANNED)
    EventFactory(title="Vidinis susirinkimas", is_public=False)
    EventFactory(title="Jau įvykęs", starts_at=in_days(-3, 10), status=Event.Status.HELD)

    data = widget_json()

    assert [event["title"] for event in data["events"]] == [
        "Kalėdinis koncertas",
        "Vėlesnė paskaita",
    ]
    concert = data["events"][0]
    start = datetime.datetime.fromisoformat(concert["start"])
    assert start == in_days(3, 18)
    assert start.utcoffset() in (datetime.timedelta(hours=2), datetime.timedelta(hours=3))
    assert datetime.datetime.fromisoformat(concert["end"]) == in_days(3, 20)
    assert concert["url"] == f"{SITE}/renginiai/kaledinis-koncertas/"
    assert concert["type"] == "concert"
    assert concert["place"]
    assert concert["image"] is None


def test_the_json_lists_the_latest_news():
    published(title="Senesnė naujiena", days_ago=4)
    item = published(title="Nauja paroda", summary="Kviečiame.", slug="nauja-paroda", days_ago=1)

    news = widget_json()["news"]

    assert [row["title"] for row in news] == ["Nauja paroda", "Senesnė naujiena"]
    assert news[0]["summary"] == "Kviečiame."
    assert news[0]["url"] == f"{SITE}/naujienos/nauja-paroda/"
    assert datetime.datetime.fromisoformat(news[0]["date"]) == item.published_at


def test_limit_caps_both_lists_at_fifty():
    for number in range(3):
        EventFactory(starts_at=in_days(2 + number, 12))
        published(days_ago=number + 1)

    assert len(widget_json("?limit=2")["events"]) == 2
    assert len(widget_json("?limit=2")["news"]) == 2
    assert len(widget_json("?limit=nesamone")["events"]) == 3
    for number in range(50):
        published(days_ago=10 + number)
    assert len(widget_json("?limit=500")["news"]) == 50


def test_the_english_json_links_the_english_pages():
    EventFactory(slug="kaledinis-koncertas", starts_at=in_days(3, 18))

    data = widget_json(english=True)

    assert data["events"][0]["url"] == f"{SITE}/en/events/kaledinis-koncertas/"


def test_the_html_snippet_lists_events_and_news_and_may_be_framed():
    EventFactory(title="Kalėdinis koncertas", starts_at=in_days(3, 18))
    published(title="Nauja paroda")

    response = Client().get("/valdikliai/renginiai.html")

    text = response.content.decode()
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert "max-age=300" in response["Cache-Control"]
    assert '<html lang="lt">' in text
    assert "Kalėdinis koncertas" in text and "Nauja paroda" in text
    assert '<base target="_top">' in text
    # Its own stylesheet and the brand kit's, when one is current (no inline <style> under
    # the Content-Security-Policy), no script.
    links = re.findall(r'<link rel="stylesheet" href="([^"]+)">', text)
    assert text.count("<link") == len(links)
    assert links[0] == "/static/public/widget.css"
    assert all(link.startswith("/tema.css?v=") for link in links[1:])
    assert "<script" not in text and "<style" not in text


def test_other_public_pages_still_refuse_to_be_framed():
    assert Client().get("/naujienos/")["X-Frame-Options"] == "DENY"


@pytest.mark.usefixtures("theme_read")
def test_the_widget_makes_the_same_number_of_queries_for_few_or_many_rows():
    client = Client()
    EventFactory(starts_at=in_days(2, 12))
    published()
    few = queries_to_render(client, "/valdikliai/renginiai.json")
    few_html = queries_to_render(client, "/valdikliai/renginiai.html")
    for number in range(10):
        EventFactory(starts_at=in_days(3 + number, 12))
        published(days_ago=number + 2)

    assert queries_to_render(client, "/valdikliai/renginiai.json", {"limit": 20}) == few
    assert queries_to_render(client, "/valdikliai/renginiai.html", {"limit": 20}) == few_html
    assert few == 4  # the library's name, events, their audiences, news
