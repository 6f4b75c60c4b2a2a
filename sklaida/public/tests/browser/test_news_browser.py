"""The news and the widget in a real browser: an anonymous visitor, axe, and an <iframe>."""

from __future__ import annotations

import datetime

from django.utils import timezone
from playwright.sync_api import Page, expect

from sklaida.events.tests.factories import EventFactory, at
from sklaida.testing.browser import assert_accessible

DEMO_NEWS = "Bibliotekoje – nauja Šiaulių fotografų paroda"


def test_a_visitor_reads_the_news_list_and_a_news_page(page: Page, personas):
    page.goto("/naujienos/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Naujienos")
    assert_accessible(page)

    page.get_by_role("link", name=DEMO_NEWS).click()
    expect(page.get_by_role("heading", name=DEMO_NEWS, level=1)).to_be_visible()
    expect(page.get_by_text("Laukiame visų – įėjimas nemokamas.")).to_be_visible()
    assert_accessible(page)


def test_the_widget_snippet_is_accessible_and_shows_inside_another_sites_frame(
    page: Page, base_url: str, personas
):
    soon = timezone.localdate() + datetime.timedelta(days=2)
    EventFactory(title="Kalėdinis vaikų choro koncertas", starts_at=at(soon, 17))

    page.goto("/valdikliai/renginiai.html")
    expect(page.get_by_role("link", name="Kalėdinis vaikų choro koncertas")).to_be_visible()
    expect(page.get_by_role("link", name=DEMO_NEWS)).to_be_visible()
    assert_accessible(page)

    # Another website frames the widget, and the browser must show it there. The other
    # site is another origin on this machine: a page of the server reached as 127.0.0.1
    # (the widget is at localhost), into which the "other site" puts its <iframe>.
    page.goto(base_url.replace("localhost", "127.0.0.1") + "/naujienos/")
    page.evaluate(
        """(src) => {
            const frame = document.createElement("iframe");
            frame.title = "Renginiai";
            frame.src = src;
            document.body.append(frame);
        }""",
        f"{base_url}/valdikliai/renginiai.html",
    )
    frame = page.frame_locator("iframe")
    expect(frame.get_by_role("link", name="Kalėdinis vaikų choro koncertas")).to_be_visible()
