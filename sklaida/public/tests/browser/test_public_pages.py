"""The public calendar in a real browser: an anonymous visitor, axe, the keyboard, a phone."""

from __future__ import annotations

import datetime

from django.utils import timezone
from playwright.sync_api import Page, expect

from sklaida.events.models import Audience, AudienceGroup, Event, EventType
from sklaida.events.tests.factories import EventFactory, at
from sklaida.testing.browser import assert_accessible

# Enough presses of Tab to pass the header and the filter form, few enough to fail fast.
MAX_TABS = 30
PHONE = {"width": 375, "height": 812}


def calendar_events() -> list[Event]:
    """A concert soon, a cancelled lecture and a long exhibition, as the public sees them."""
    soon = timezone.localdate() + datetime.timedelta(days=2)
    concert = EventFactory(
        title="Kalėdinis vaikų choro koncertas",
        event_type=EventType.CONCERT,
        starts_at=at(soon, 17),
        description="Skambės kalėdinės giesmės ir dainos.",
        accessibility="Įėjimas be laiptų, indukcinė kilpa salėje.",
        capacity=40,
        seats_confirmed=12,
    )
    concert.audiences.add(Audience.objects.get(code=AudienceGroup.CHILDREN))
    lecture = EventFactory(
        title="Paskaita apie Šiaulių istoriją",
        event_type=EventType.LECTURE,
        starts_at=at(soon, 18, 30),
        status=Event.Status.CANCELLED,
        cancellation_reason="Lektorius susirgo.",
    )
    exhibition = EventFactory(
        title="Medžio raižinių paroda „Žiemos šviesa“",
        event_type=EventType.EXHIBITION,
        starts_at=at(soon - datetime.timedelta(days=10), 10),
        ends_at=at(soon + datetime.timedelta(days=40), 18),
    )
    return [concert, lecture, exhibition]


def month_path(event: Event) -> str:
    day = timezone.localdate(event.starts_at)
    return f"/renginiai/{day.year}/{day.month}/"


def assert_nothing_overflows(page: Page) -> None:
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"{page.url} is {widths[0]} px wide on a {widths[1]} px screen"


def test_a_visitor_browses_the_list_the_month_and_an_event_page(
    page: Page, base_url: str, personas
):
    concert, lecture, _exhibition = calendar_events()

    page.goto("/renginiai/")
    expect(page.get_by_role("heading", name="Renginiai", level=1)).to_be_visible()
    expect(page.get_by_role("link", name=concert.title)).to_be_visible()
    expect(page.get_by_role("link", name=lecture.title)).to_be_visible()
    assert_accessible(page)

    page.goto(month_path(concert))
    expect(page.get_by_role("table")).to_contain_text(concert.title)
    assert_accessible(page)

    page.get_by_role("link", name=concert.title).click()
    expect(page.get_by_role("heading", name=concert.title, level=1)).to_be_visible()
    expect(page.get_by_text("Įėjimas be laiptų, indukcinė kilpa salėje.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="English", exact=True).click()
    expect(page).to_have_url(f"{base_url}/en/events/{concert.slug}/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert_accessible(page)


def test_the_keyboard_reaches_an_event_from_the_list(page: Page, personas):
    concert, _lecture, _exhibition = calendar_events()
    page.goto("/renginiai/")

    for _press in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate("() => document.activeElement.textContent.trim()")
        if focused == concert.title:
            break
    else:
        raise AssertionError(f"{MAX_TABS} presses of Tab did not reach the event's link")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name=concert.title, level=1)).to_be_visible()


def test_nothing_overflows_a_375_pixel_phone_screen(page: Page, personas):
    concert, _lecture, _exhibition = calendar_events()
    page.set_viewport_size(PHONE)

    for path in ("/renginiai/", month_path(concert), concert.get_public_url(), "/en/events/"):
        page.goto(path)
        expect(page.locator("main h1")).to_be_visible()
        assert_nothing_overflows(page)
    assert_accessible(page)
