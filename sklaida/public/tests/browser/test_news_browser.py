"""The news and the widget in a real browser: an anonymous visitor, axe, and an <iframe>."""

from __future__ import annotations

import datetime
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

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


@contextmanager
def other_website(body: str) -> Iterator[str]:
    """A page on a small web server of its own on 127.0.0.1: another website."""
    html = f'<!doctype html><html lang="lt"><title>Kita svetainė</title><main>{body}</main>'

    class Page(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(html.encode())

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def test_the_widget_snippet_is_accessible_and_shows_inside_another_sites_frame(
    page: Page, base_url: str, personas
):
    soon = timezone.localdate() + datetime.timedelta(days=2)
    EventFactory(title="Kalėdinis vaikų choro koncertas", starts_at=at(soon, 17))

    page.goto("/valdikliai/renginiai.html")
    expect(page.get_by_role("link", name="Kalėdinis vaikų choro koncertas")).to_be_visible()
    expect(page.get_by_role("link", name=DEMO_NEWS)).to_be_visible()
    assert_accessible(page)

    # Another website frames the widget, and the browser must show it there: a page of a
    # web server of its own (another origin) puts it in an <iframe>.
    with other_website(
        f'<iframe title="Renginiai" src="{base_url}/valdikliai/renginiai.html">'
    ) as url:
        page.goto(url)
        frame = page.frame_locator("iframe")
        expect(frame.get_by_role("link", name="Kalėdinis vaikų choro koncertas")).to_be_visible()
