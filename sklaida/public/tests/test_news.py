"""The public news: the list of published news and one item's page."""

from __future__ import annotations

import datetime
import re

import pytest
from django.test import Client

from sklaida.communication.models import ContentItem
from sklaida.public.tests.news_helpers import no_news, published  # noqa: F401
from sklaida.testing.queries import queries_to_render

pytestmark = pytest.mark.usefixtures("no_news")


def text_of(url: str) -> str:
    response = Client().get(url)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def open_graph_of(text: str) -> dict[str, str]:
    return dict(re.findall(r'<meta property="((?:og|article):[a-z_:]+)" content="([^"]*)">', text))


def test_the_list_shows_published_news_newest_first():
    published(title="Vasaros skaitymų pradžia", days_ago=5)
    published(title="Nauja paroda antrame aukšte", days_ago=1)
    published(
        title="Pranešimas spaudai apie remontą", kind=ContentItem.Kind.PRESS_RELEASE, days_ago=3
    )

    text = text_of("/naujienos/")

    assert text.index("Nauja paroda antrame aukšte") < text.index("Pranešimas spaudai apie remontą")
    assert text.index("Pranešimas spaudai apie remontą") < text.index("Vasaros skaitymų pradžia")


def test_drafts_future_and_non_news_items_stay_off_the_list():
    published(title="Matoma naujiena")
    published(title="Juodraštis apie knygas", status=ContentItem.Status.DRAFT)
    published(title="Rytdienos naujiena", days_ago=-1)
    published(title="Įrašas feisbukui", kind=ContentItem.Kind.SOCIAL_POST)
    published(title="Senas archyvinis tekstas", status=ContentItem.Status.ARCHIVED)

    text = text_of("/naujienos/")

    assert "Matoma naujiena" in text
    for hidden in ("Juodraštis", "Rytdienos", "Įrašas feisbukui", "archyvinis"):
        assert hidden not in text


def test_the_list_is_paginated():
    for number in range(12):
        published(title=f"Naujiena numeris {number:02d}", days_ago=number + 1)

    first = text_of("/naujienos/")
    second = text_of("/naujienos/?page=2")

    assert "Naujiena numeris 00" in first and "Naujiena numeris 10" not in first
    assert "Naujiena numeris 10" in second and "Naujiena numeris 00" not in second


def test_a_news_page_shows_the_text_as_plain_paragraphs():
    item = published(
        title="Bibliotekoje – <b>nauji</b> kompiuteriai",
        summary="Skaitykla atnaujinta.",
        body="Pirma pastraipa.\n\nAntra pastraipa <script>alert(1)</script>",
    )

    text = text_of(f"/naujienos/{item.slug}/")

    assert "<p>Pirma pastraipa.</p>" in text
    assert "<p>Antra pastraipa &lt;script&gt;alert(1)&lt;/script&gt;</p>" in text
    assert "<script>alert(1)" not in text
    assert "&lt;b&gt;nauji&lt;/b&gt;" in text


def test_a_news_page_has_open_graph_tags_and_a_canonical_link(settings):
    settings.SITE_URL = "https://renginiai.biblioteka.example"
    item = published(title="Kalėdinė mugė", summary="Kviečiame į mugę.", slug="kaledine-muge")

    text = text_of("/naujienos/kaledine-muge/")
    tags = open_graph_of(text)

    url = "https://renginiai.biblioteka.example/naujienos/kaledine-muge/"
    assert f'<link rel="canonical" href="{url}">' in text
    assert tags["og:title"] == "Kalėdinė mugė"
    assert tags["og:description"] == "Kviečiame į mugę."
    assert tags["og:type"] == "article"
    assert tags["og:url"] == url
    published_time = datetime.datetime.fromisoformat(tags["article:published_time"])
    assert published_time == item.published_at
    assert published_time.utcoffset() is not None


def test_the_english_news_page_has_its_english_address(settings):
    settings.SITE_URL = "https://renginiai.biblioteka.example"
    published(title="Kalėdinė mugė", slug="kaledine-muge")

    text = text_of("/en/news/kaledine-muge/")

    assert '<html lang="en">' in text
    assert 'href="https://renginiai.biblioteka.example/en/news/kaledine-muge/"' in text


def test_news_pages_announce_their_feeds():
    item = published()

    for url in ("/naujienos/", f"/naujienos/{item.slug}/"):
        text = text_of(url)
        assert re.search(
            r'<link rel="alternate" type="application/rss\+xml"[^>]*/naujienos/rss/"', text
        )
        assert re.search(
            r'<link rel="alternate" type="application/atom\+xml"[^>]*/naujienos/atom/"', text
        )


def test_an_unpublished_or_unknown_item_is_not_found():
    draft = published(status=ContentItem.Status.DRAFT)
    post = published(kind=ContentItem.Kind.SOCIAL_POST)

    for slug in (draft.slug, post.slug, "nera-tokios"):
        assert Client().get(f"/naujienos/{slug}/").status_code == 404


@pytest.mark.usefixtures("theme_read")
def test_the_pages_make_the_same_number_of_queries_for_few_or_many_news():
    client = Client()
    item = published()
    few = queries_to_render(client, "/naujienos/")
    page = queries_to_render(client, f"/naujienos/{item.slug}/")
    for number in range(15):
        published(days_ago=number)

    assert queries_to_render(client, "/naujienos/") == few
    assert few == 4  # the library's name, the count, the page of news, their pictures
    assert page == 3  # the library's name, the item, its picture
