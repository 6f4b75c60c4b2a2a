"""Booking a guided tour in a real browser: with the keyboard only, and accessible throughout."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import Page, expect

from sklaida.events.models import TourBooking
from sklaida.testing.browser import assert_accessible


def form_path(language: str) -> str:
    with translation.override(language):
        return reverse("public:tour_request")


def tab_to(page: Page, name: str) -> None:
    """Press Tab once and check that the focus moved to the field `name`."""
    page.keyboard.press("Tab")
    expect(page.locator(f"[name={name}]")).to_be_focused()


def test_an_anonymous_visitor_books_a_tour_with_the_keyboard(page: Page, personas):
    day = timezone.localdate() + datetime.timedelta(days=10)
    page.goto(form_path("en"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Book a guided tour of the Library")
    assert_accessible(page)

    page.locator("[name=group_type]").focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    tab_to(page, "institution")
    page.keyboard.type("Šiaulių Didždvario gimnazija")
    tab_to(page, "group_size")
    page.keyboard.type("27")
    tab_to(page, "age")
    page.keyboard.type("16–17 metų")
    tab_to(page, "language")
    tab_to(page, "topic")
    page.keyboard.type("Retų knygų skyrius")
    tab_to(page, "preferred_date")
    # The order of a date or time picker's parts follows Chromium's own language, not the
    # page's, so the two pickers are set directly; every other field is typed.
    page.locator("[name=preferred_date]").fill(day.isoformat())
    page.locator("[name=preferred_time]").fill("11:30")
    page.locator("[name=contact_name]").focus()
    page.keyboard.type("Vilma Urbonienė")
    tab_to(page, "contact_email")
    page.keyboard.type("vilma@didzdvaris.example")
    page.get_by_role("checkbox").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Send the request")).to_be_focused()
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you for your request")
    assert_accessible(page)
    tour = TourBooking.objects.get(contact_email="vilma@didzdvaris.example")
    assert (tour.institution, tour.group_size, tour.group_type) == (
        "Šiaulių Didždvario gimnazija",
        27,
        TourBooking.GroupType.SCHOOL_CLASS,
    )
    assert timezone.localtime(tour.preferred_at).replace(tzinfo=None) == datetime.datetime.combine(
        day, datetime.time(11, 30)
    )


def test_the_form_and_its_errors_are_accessible_in_lithuanian(page: Page, personas):
    before = TourBooking.objects.count()
    page.goto(form_path("lt"))
    assert_accessible(page)

    page.get_by_role("button").last.focus()
    page.keyboard.press("Enter")

    expect(page.get_by_role("alert")).to_contain_text("Šis laukas yra privalomas.")
    assert_accessible(page)
    assert TourBooking.objects.count() == before
