"""The news feeds: RSS 2.0 and Atom 1.0 that feed readers (feedparser here) read cleanly."""

from __future__ import annotations

import calendar

import feedparser
import pytest
from django.test import Client

from sklaida.communication.models import ContentItem
from sklaida.public.tests.news_helpers import no_news, published  # noqa: F401

pytestmark = pytest.mark.usefixtures("no_news")
SITE = "https://renginiai.biblioteka.example"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


def parsed(url: str):
    response = Client().get(url)
    assert response.status_code == 200, response.status_code
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return response, feed


@pytest.mark.parametrize(
    ("url", "version", "content_type"),
    [
        ("/naujienos/rss/", "rss20", "application/rss+xml"),
        ("/naujienos/atom/", "atom10", "application/atom+xml"),
    ],
)
def test_both_feeds_parse_with_titles_links_and_dates(url, version, content_type):
    item = published(title="Kalėdinė mugė bibliotekoje", slug="kaledine-muge", days_ago=2)
    published(title="Vasaros skaitymai", days_ago=10)

    response, feed = parsed(url)

    assert response["Content-Type"].startswith(content_type)
    assert feed.version == version
    assert feed.feed.language == "lt"
    assert feed.feed.link == f"{SITE}/naujienos/"
    assert [entry.title for entry in feed.entries] == [
        "Kalėdinė mugė bibliotekoje",
        "Vasaros skaitymai",
    ]
    first = feed.entries[0]
    assert first.link == f"{SITE}/naujienos/kaledine-muge/"
    assert first.id == f"{SITE}/naujienos/kaledine-muge/"
    assert calendar.timegm(first.published_parsed) == int(item.published_at.timestamp())
    if version == "atom10":
        assert calendar.timegm(first.updated_parsed) >= int(item.published_at.timestamp())


def test_the_english_feed_is_in_english_with_english_addresses():
    published(slug="kaledine-muge")

    _response, feed = parsed("/en/news/rss/")

    assert feed.feed.language == "en"
    assert feed.entries[0].link == f"{SITE}/en/news/kaledine-muge/"


def test_a_feed_carries_the_twenty_newest_published_news_only():
    for number in range(22):
        published(title=f"Naujiena {number:02d}", days_ago=number + 1)
    published(title="Juodraštis", status=ContentItem.Status.DRAFT, days_ago=0.5)
    published(title="Rytoj", days_ago=-1)

    _response, feed = parsed("/naujienos/atom/")

    titles = [entry.title for entry in feed.entries]
    assert len(titles) == 20
    assert titles[0] == "Naujiena 00" and titles[-1] == "Naujiena 19"


def test_markup_in_a_text_reaches_the_reader_as_text():
    published(title="Knygos <em>ir</em> skaitytojai", summary="Mažiau <script>x</script>")

    response, feed = parsed("/naujienos/rss/")

    assert b"<script>" not in response.content
    assert feed.entries[0].title == "Knygos <em>ir</em> skaitytojai"
