"""The plan screen and the statistics page in a real browser, checked with axe."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone
from playwright.sync_api import Page, expect

from sklaida.contacts.tests.factories import OrganisationFactory
from sklaida.events.models import Attendance, Audience, Event, EventType
from sklaida.events.tests.factories import (
    ActivityPlanFactory,
    EventFactory,
    PlannedActivityFactory,
    at,
)
from sklaida.testing.browser import assert_accessible

# A year before the demo's events (they reach 320 days back), so its figures are only these.
YEAR = timezone.localdate().year - 3


def a_plan_with_progress():
    plan = ActivityPlanFactory(year=YEAR)
    readings = PlannedActivityFactory(
        plan=plan,
        title="Žiemos skaitymai senjorams",
        event_type=EventType.EVENT,
        starts_on=datetime.date(YEAR, 1, 10),
        ends_on=datetime.date(YEAR, 2, 28),
        planned_count=2,
        budget=Decimal("150.00"),
    )
    readings.audiences.set([Audience.objects.get(code="seniors")])
    held = EventFactory(
        planned_activity=readings,
        title="Skaitymai su Vytautu Kaziela",
        status=Event.Status.REPORTED,
        starts_at=at(datetime.date(YEAR, 1, 21), 15),
    )
    Attendance.objects.create(event=held, on_site=24, live_viewers=8, recording_views=30)
    festival = PlannedActivityFactory(
        plan=plan,
        title="Rudens kino festivalis",
        event_type=EventType.SCREENING,
        starts_on=datetime.date(YEAR, 10, 1),
        ends_on=datetime.date(YEAR, 12, 20),
        planned_count=3,
        budget=Decimal("2400.00"),
        funding_source="Lietuvos kultūros taryba",
    )
    festival.partners.set([OrganisationFactory(name="Šiaulių kino klubas")])
    return plan, readings


def test_the_head_reads_the_plan_by_quarters_and_it_is_accessible(sign_in, page: Page, personas):
    plan, readings = a_plan_with_progress()
    sign_in("vadove")

    page.goto(f"/veikla/planai/{plan.pk}/")

    expect(page.get_by_role("heading", name=f"{YEAR} m. kultūrinės veiklos planas")).to_be_visible()
    row = page.locator(f"#veikla-{readings.pk}")
    expect(row).to_contain_text("Skaitymai su Vytautu Kaziela")
    expect(row).to_contain_text("50")
    expect(row.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "50")
    expect(page.get_by_text("Šiaulių kino klubas")).to_be_visible()
    assert_accessible(page)

    page.goto(f"/veikla/planai/{plan.pk}/veiklos/nauja/")
    assert_accessible(page)


def test_the_statistics_page_is_accessible(sign_in, page: Page, personas):
    a_plan_with_progress()
    sign_in("vadove")

    page.goto(f"/veikla/statistika/?date_from={YEAR}-01-01&date_to={YEAR}-12-31")

    table = page.locator("#pagal-rusi")
    expect(table).to_contain_text("24")
    expect(table).to_contain_text("38")
    assert_accessible(page)
