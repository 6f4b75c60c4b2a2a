"""Every staff page fits a phone: at 375 px nothing makes the page scroll sideways.

The pages are the access matrix's own (every GET URL the head of the department may open,
with the demo's objects as arguments), so a new page is measured as soon as it declares
who may use it. Wide content may scroll inside a marked container, never the page.
"""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from playwright.sync_api import Page, expect

from sklaida.core.tests.test_access_matrix import rule_for
from sklaida.testing.access import ANONYMOUS, close_streamed_file, url_patterns
from sklaida.testing.browser import accessibility_violations, describe_violations

PHONE = {"width": 375, "height": 812}
LAPTOP = {"width": 1366, "height": 768}
HEAD = "vadove"
# Month and week grids asked for by name: on a phone they give way to the agenda list.
CALENDAR_VIEWS = ("?view=month", "?view=week")


def staff_pages(personas) -> list[str]:
    """The address of every staff page type the head opens with GET, as a full HTML page."""
    client = Client()
    client.force_login(personas[HEAD])
    pages = []
    for name, namespace, route, view in url_patterns():
        rule = rule_for(name, namespace, route, view)
        if (
            rule is None
            or namespace == "admin"
            or rule.method != "GET"
            or rule.demo_only
            or HEAD not in rule.allowed
            or ANONYMOUS in rule.allowed
        ):
            continue
        url = reverse(name, kwargs=rule.kwargs(personas)) + (f"?{rule.query}" if rule.query else "")
        response = client.get(url)
        close_streamed_file(response)
        is_page = (
            response.status_code == 200
            and response["Content-Type"].startswith("text/html")
            and not response.streaming
            and b"<html" in response.content[:200]
        )
        if is_page:
            pages.append(url)
            if "calendar" in (name or "") and not rule.query:
                pages.extend(url + query for query in CALENDAR_VIEWS)
    return pages


def overflow(page: Page) -> int:
    """How many pixels the page is wider than the screen."""
    return page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def test_no_staff_page_scrolls_sideways_on_a_phone(sign_in, personas):
    page = sign_in(HEAD)
    page.set_viewport_size(PHONE)
    urls = staff_pages(personas)
    assert len(urls) > 60, "the head opens every area's pages"

    too_wide = []
    for url in urls:
        page.goto(url)
        if (extra := overflow(page)) > 0:
            too_wide.append(f"{url}: {extra} px too wide")
    assert too_wide == [], "At 375 px these pages scroll sideways:\n" + "\n".join(too_wide)


@pytest.mark.parametrize("screen", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_every_staff_page_type_meets_wcag_21_aa(sign_in, personas, screen):
    page = sign_in(HEAD)
    page.set_viewport_size(screen)

    failures = []
    for url in staff_pages(personas):
        page.goto(url)
        if violations := accessibility_violations(page):
            failures.append(f"{url}\n{describe_violations(violations)}")
    assert failures == [], "\n\n".join(failures)


def test_a_month_asked_for_on_a_phone_comes_as_the_list_and_the_laptop_grid_marks_today(
    sign_in,
):
    page = sign_in(HEAD)
    page.set_viewport_size(PHONE)
    page.goto("/veikla/kalendorius/?view=month")

    expect(page.get_by_role("table", name=re.compile("Renginiai ir ekskursijos"))).to_be_hidden()
    today = date_format(timezone.localdate(), "DATE_FORMAT")
    days = page.get_by_role("heading", level=3)
    expect(days.filter(has_text=today)).to_contain_text("šiandien")
    month_switch = page.get_by_role("link", name="Mėnuo", exact=True)
    expect(month_switch).to_have_attribute("aria-current", "page")

    page.set_viewport_size(LAPTOP)
    grid = page.get_by_role("table", name=re.compile("Renginiai ir ekskursijos"))
    expect(grid).to_be_visible()
    today_cell = grid.locator("[aria-current=date]")
    expect(today_cell).to_contain_text("šiandien")
    # Today's frame and the other month's grey show through Bootstrap's table colours.
    assert today_cell.evaluate("cell => getComputedStyle(cell).boxShadow").startswith(
        "rgb(29, 53, 87)"
    )
    other_month = grid.locator("td.cal-other-month").first
    if other_month.count():
        background = other_month.evaluate("cell => getComputedStyle(cell).backgroundColor")
        assert background != "rgba(0, 0, 0, 0)" and background != "rgb(255, 255, 255)"


@pytest.mark.parametrize("width", [1200, 1366])
def test_the_menu_fits_a_laptop_on_one_line(sign_in, width):
    page = sign_in(HEAD)
    page.set_viewport_size({"width": width, "height": 768})
    page.goto("/")

    assert overflow(page) <= 0
    expect(page.get_by_role("link", name="Mano darbai", exact=True)).to_be_visible()
    assert page.locator(".navbar").evaluate("bar => bar.getBoundingClientRect().height") < 70
