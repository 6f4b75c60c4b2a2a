"""The header's search in a real browser: typed without diacritics, it reaches an
inflected match; the results page passes axe."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from sklaida.events.tests.factories import EventFactory
from sklaida.testing.browser import assert_accessible


def test_the_header_search_without_diacritics_reaches_an_inflected_match(sign_in):
    event = EventFactory(title="Žuvėdrų paroda Šiaulių bibliotekoje")
    page: Page = sign_in("specialiste")

    box = page.get_by_role("searchbox", name="Ieškoti visur")
    box.fill("zuvedra siauliu")
    box.press("Enter")

    expect(page.get_by_role("heading", name="Paieška", level=1)).to_be_visible()
    events = page.get_by_role("region", name="Renginiai")
    expect(events.get_by_role("link", name=event.title)).to_be_visible()
    expect(events.get_by_role("link", name="Visi atitikmenys: renginiai →")).to_be_visible()
    assert_accessible(page)

    events.get_by_role("link", name=event.title).click()
    expect(page.get_by_role("heading", name=event.title, level=1)).to_be_visible()
