"""The cultural activity plan: completion, lateness, quarters, approval and the plan screen."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import formats, timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

from sklaida.contacts.tests.factories import OrganisationFactory
from sklaida.events.models import ActivityPlan, Audience, Event, EventType, PlannedActivity
from sklaida.events.selectors.plans import plan_overview
from sklaida.events.services import plans as services
from sklaida.events.tests.factories import (
    ActivityPlanFactory,
    EventFactory,
    PlannedActivityFactory,
    at,
)
from sklaida.testing.queries import queries_to_render

# A day late in the plan's year: the first half of it is over.
TODAY = datetime.date(2025, 7, 15)
NOW = at(TODAY, 12)


def lt(message: str) -> str:
    """The words a Lithuanian reader sees for a message (the catalogue may not have it yet)."""
    with translation.override("lt"):
        return escape(gettext(message))


def event_of(activity: PlannedActivity, status: str, day: datetime.date, **fields) -> Event:
    return EventFactory(planned_activity=activity, status=status, starts_at=at(day, 17), **fields)


def plan_url(plan: ActivityPlan) -> str:
    return f"/veikla/planai/{plan.pk}/"


@pytest.fixture
def plan(personas) -> ActivityPlan:
    return ActivityPlanFactory(year=2025)


def test_completion_is_the_share_of_planned_events_held_and_never_above_a_hundred(plan):
    readings = PlannedActivityFactory(
        plan=plan, title="Garsiniai skaitymai", planned_count=4, budget=Decimal("300.00")
    )
    event_of(readings, Event.Status.HELD, datetime.date(2025, 4, 8))
    event_of(readings, Event.Status.REPORTED, datetime.date(2025, 4, 22))
    event_of(readings, Event.Status.HELD, datetime.date(2025, 5, 6))
    event_of(readings, Event.Status.CANCELLED, datetime.date(2025, 5, 20))
    event_of(readings, Event.Status.ANNOUNCED, datetime.date(2025, 6, 3))
    concerts = PlannedActivityFactory(
        plan=plan, title="Vasaros koncertai", planned_count=2, budget=Decimal("1200.50")
    )
    for day in (1, 8, 15):
        event_of(concerts, Event.Status.HELD, datetime.date(2025, 6, day))

    overview = plan_overview(plan_id=plan.pk, today=TODAY, now=NOW)

    rows = {row.activity.title: row for row in overview.activities}
    assert (rows["Garsiniai skaitymai"].held, rows["Garsiniai skaitymai"].completion) == (3, 75)
    assert (rows["Vasaros koncertai"].held, rows["Vasaros koncertai"].completion) == (3, 100)
    # Extra concerts do not make up for the missing reading: 5 of 6 planned, not 6 of 6.
    assert (overview.totals.planned, overview.totals.held) == (6, 6)
    assert overview.totals.completion == 83
    assert overview.totals.budget == Decimal("1500.50")


def test_an_activity_whose_period_ended_with_fewer_events_than_planned_is_overdue(plan, client_as):
    late = PlannedActivityFactory(
        plan=plan,
        title="Žiemos skaitymai",
        starts_on=datetime.date(2025, 1, 10),
        ends_on=datetime.date(2025, 2, 28),
        planned_count=2,
    )
    event_of(late, Event.Status.HELD, datetime.date(2025, 1, 20))
    done = PlannedActivityFactory(
        plan=plan,
        title="Užgavėnių dirbtuvės",
        starts_on=datetime.date(2025, 2, 1),
        ends_on=datetime.date(2025, 2, 20),
    )
    event_of(done, Event.Status.REPORTED, datetime.date(2025, 2, 17))
    PlannedActivityFactory(
        plan=plan,
        title="Atsisakyta ekskursija",
        starts_on=datetime.date(2025, 3, 1),
        ends_on=datetime.date(2025, 3, 31),
        is_cancelled=True,
    )
    PlannedActivityFactory(
        plan=plan,
        title="Rudens festivalis",
        starts_on=datetime.date(2025, 9, 1),
        ends_on=datetime.date(2025, 10, 31),
    )

    overview = plan_overview(plan_id=plan.pk, today=TODAY, now=NOW)

    overdue = {row.activity.title for row in overview.activities if row.is_overdue}
    assert overdue == {"Žiemos skaitymai"}
    assert overview.quarters[0].totals.overdue == 1
    # The dropped line neither counts as planned nor as late.
    assert overview.quarters[0].totals.planned == 3

    page = client_as("stebetojas").get(plan_url(plan)).content.decode()
    late_row = page.split(f'id="veikla-{late.pk}"')[1].split("</tr>")[0]
    assert lt("Overdue") in late_row
    assert "1 " in late_row and "50&nbsp;%" in late_row
    dropped_row = page.split("Atsisakyta ekskursija")[1].split("</tr>")[0]
    assert lt("Dropped from the plan") in dropped_row
    assert lt("Overdue") not in dropped_row


def test_activities_are_grouped_by_the_quarter_they_start_in(plan, client_as):
    for title, starts_on in (
        ("Kovo 11-osios skaitymai", datetime.date(2025, 3, 2)),
        ("Vasario 16-osios minėjimas", datetime.date(2025, 2, 10)),
        ("Knygų Kalėdos", datetime.date(2025, 12, 1)),
        ("Bibliotekų savaitė", datetime.date(2025, 4, 20)),
    ):
        PlannedActivityFactory(
            plan=plan,
            title=title,
            starts_on=starts_on,
            ends_on=starts_on + datetime.timedelta(days=20),
            planned_count=2,
        )

    overview = plan_overview(plan_id=plan.pk, today=TODAY, now=NOW)

    assert [[row.activity.title for row in q.activities] for q in overview.quarters] == [
        ["Vasario 16-osios minėjimas", "Kovo 11-osios skaitymai"],
        ["Bibliotekų savaitė"],
        [],
        ["Knygų Kalėdos"],
    ]
    assert [q.totals.planned for q in overview.quarters] == [4, 2, 0, 2]

    page = client_as("vadove").get(plan_url(plan)).content.decode()
    first, second, third, fourth = (
        lt(name) for name in ("First quarter", "Second quarter", "Third quarter", "Fourth quarter")
    )
    sections = page.split('<section class="mt-4"')[1:]
    assert first in sections[0] and "Vasario 16-osios minėjimas" in sections[0]
    assert second in sections[1] and "Bibliotekų savaitė" in sections[1]
    assert third in sections[2] and lt("No activities are planned for this quarter.") in sections[2]
    assert fourth in sections[3] and "Knygų Kalėdos" in sections[3]


def test_only_the_head_approves_the_plan(plan, personas, client_as):
    PlannedActivityFactory(plan=plan)

    with pytest.raises(PermissionDenied):
        services.approve_plan(actor=personas["specialiste"], plan=plan)
    assert client_as("specialiste").post(f"{plan_url(plan)}tvirtinti/").status_code == 403
    plan.refresh_from_db()
    assert plan.status == ActivityPlan.Status.DRAFT

    page = client_as("vadove").post(f"{plan_url(plan)}tvirtinti/", follow=True).content.decode()

    plan.refresh_from_db()
    assert plan.status == ActivityPlan.Status.APPROVED
    assert plan.approved_on == timezone.localdate()
    with translation.override("lt"):
        approved = gettext("Approved on %(date)s") % {
            "date": formats.date_format(timezone.localdate(), "DATE_FORMAT")
        }
    assert approved in page
    assert lt("Approve the plan") not in page
    with pytest.raises(ValidationError):
        services.approve_plan(actor=personas["vadove"], plan=plan)


def test_a_plan_without_activities_cannot_be_approved(plan, personas):
    with pytest.raises(ValidationError):
        services.approve_plan(actor=personas["vadove"], plan=plan)


def test_the_create_an_event_link_fills_the_event_form_from_the_plan(personas, client_as):
    # The event form offers lines of this year's and last year's plans.
    plan = ActivityPlanFactory()
    children = Audience.objects.get(code="children")
    gallery = OrganisationFactory(name="Šiaulių dailės galerija")
    activity = PlannedActivityFactory(
        plan=plan, title="Komiksų dirbtuvės paaugliams", event_type=EventType.WORKSHOP
    )
    activity.audiences.set([children])
    activity.partners.set([gallery])
    client = client_as("specialiste")

    page = client.get(plan_url(plan)).content.decode()
    link = f"/veikla/renginiai/naujas/?planned_activity={activity.pk}"
    assert f'href="{link}"' in page

    form = client.get(link).content.decode()
    assert 'value="Komiksų dirbtuvės paaugliams"' in form
    assert 'value="workshop" selected' in form
    assert f'value="{activity.pk}" selected' in form
    assert re.search(rf'name="audiences" value="{children.pk}"[^>]*checked', form)
    assert f'<option value="{gallery.pk}" selected>Šiaulių dailės galerija</option>' in form


def test_workers_add_change_and_drop_planned_activities(plan, personas, client_as):
    client = client_as("specialiste")
    children = Audience.objects.get(code="children")

    response = client.post(
        f"{plan_url(plan)}veiklos/nauja/",
        {
            "title": "Vasaros skaitymų iššūkis",
            "event_type": EventType.EDUCATION,
            "audiences": [children.pk],
            "starts_on": "2025-06-01",
            "ends_on": "2025-08-31",
            "planned_count": "6",
            "responsible": personas["specialiste"].pk,
            "budget": "450,00",
            "funding_source": "Savivaldybės biudžetas",
            "description": "Skaitymo skatinimo programa vaikams.",
        },
    )
    activity = PlannedActivity.objects.get(title="Vasaros skaitymų iššūkis")
    assert response.status_code == 302
    assert response["Location"].endswith(f"#veikla-{activity.pk}")
    assert list(activity.audiences.all()) == [children]
    assert activity.budget == Decimal("450.00")

    client.post(
        f"/veikla/planai/veiklos/{activity.pk}/keisti/",
        {
            "title": "Vasaros skaitymų iššūkis 2025",
            "event_type": EventType.EDUCATION,
            "starts_on": "2025-06-01",
            "ends_on": "2025-08-31",
            "planned_count": "8",
            "responsible": personas["specialiste"].pk,
        },
    )
    activity.refresh_from_db()
    assert (activity.title, activity.planned_count) == ("Vasaros skaitymų iššūkis 2025", 8)

    client.post(f"/veikla/planai/veiklos/{activity.pk}/atsisakyti/")
    activity.refresh_from_db()
    assert activity.is_cancelled
    assert plan_overview(plan_id=plan.pk).totals.planned == 0


def test_an_activity_starts_in_its_plans_year(plan, client_as, personas):
    page = client_as("specialiste").post(
        f"{plan_url(plan)}veiklos/nauja/",
        {
            "title": "Kitų metų paroda",
            "event_type": EventType.EXHIBITION,
            "starts_on": "2028-01-10",
            "ends_on": "2028-02-10",
            "planned_count": "1",
            "responsible": personas["specialiste"].pk,
        },
    )
    assert page.status_code == 200
    assert not PlannedActivity.objects.filter(title="Kitų metų paroda").exists()


def test_a_viewer_reads_the_plan_but_changes_nothing(plan, client_as):
    activity = PlannedActivityFactory(plan=plan, title="Poezijos pavasaris")
    client = client_as("stebetojas")

    page = client.get(plan_url(plan)).content.decode()

    assert "Poezijos pavasaris" in page
    assert "?planned_activity=" not in page
    assert client.post(f"/veikla/planai/veiklos/{activity.pk}/atsisakyti/").status_code == 403
    assert client_as("teritorija").get(plan_url(plan)).status_code == 403


def test_the_next_event_of_an_activity_is_shown(plan, client_as):
    activity = PlannedActivityFactory(plan=plan, title="Susitikimai su autoriais")
    soon = timezone.localdate() + datetime.timedelta(days=5)
    later = timezone.localdate() + datetime.timedelta(days=30)
    event_of(activity, Event.Status.CONFIRMED, later, title="Vėlesnis susitikimas")
    event_of(activity, Event.Status.ANNOUNCED, soon, title="Artimiausias susitikimas")

    overview = plan_overview(plan_id=plan.pk)

    assert overview.activities[0].next_event.title == "Artimiausias susitikimas"


def test_the_plan_screen_makes_the_same_queries_for_a_longer_plan(plan, client_as):
    def add_activity(number: int) -> None:
        activity = PlannedActivityFactory(
            plan=plan,
            starts_on=datetime.date(2025, 1 + 3 * (number % 4), 5),
            ends_on=datetime.date(2025, 3 + 3 * (number % 4), 25),
        )
        activity.audiences.set(Audience.objects.all()[:2])
        activity.partners.set([OrganisationFactory()])
        event_of(activity, Event.Status.HELD, datetime.date(2025, 1, 20))
        event_of(activity, Event.Status.ANNOUNCED, timezone.localdate() + datetime.timedelta(3))

    add_activity(0)
    client = client_as("vadove")
    few = queries_to_render(client, plan_url(plan))
    for number in range(1, 12):
        add_activity(number)

    many = queries_to_render(client, plan_url(plan))

    assert many == few
    # 11 for the plan, one for the projects that fund its lines (projects' panel).
    assert many == 12


def test_a_worker_creates_the_next_years_plan_and_finds_it_in_the_list(personas, client_as):
    client = client_as("specialiste")
    # The demo has this year's and next year's plans; the year after is still free.
    year = timezone.localdate().year + 2

    response = client.post(
        "/veikla/planai/naujas/",
        {"year": str(year), "title": f"{year} m. kultūrinės veiklos planas", "notes": "Projektas."},
    )

    plan = ActivityPlan.objects.get(year=year)
    assert response["Location"] == plan_url(plan)
    assert plan.status == ActivityPlan.Status.DRAFT
    in_year = {"starts_on": datetime.date(year, 5, 1), "ends_on": datetime.date(year, 6, 30)}
    PlannedActivityFactory(plan=plan, planned_count=4, **in_year)
    PlannedActivityFactory(plan=plan, planned_count=9, is_cancelled=True, **in_year)
    listing = client_as("stebetojas").get("/veikla/planai/").content.decode()
    row = listing.split(f'href="{plan_url(plan)}"')[1].split("</tr>")[0]
    assert '<td class="text-end">1</td>' in row and '<td class="text-end">4</td>' in row


def test_the_approve_button_is_offered_to_the_head_only(plan, client_as):
    PlannedActivityFactory(plan=plan)

    assert lt("Approve the plan") in client_as("vadove").get(plan_url(plan)).content.decode()
    assert lt("Approve the plan") not in (
        client_as("specialiste").get(plan_url(plan)).content.decode()
    )
