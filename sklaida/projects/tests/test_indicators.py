"""Indicators planned vs achieved: counted ones read the events linked to the project's
activities (held ones only, each once), typed ones keep what staff entered."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from sklaida.events.models import Attendance, Audience, Event
from sklaida.events.tests.factories import EventFactory, at
from sklaida.projects import services_timeline as services
from sklaida.projects.indicators import indicator_progress, linked_event_totals
from sklaida.projects.models import Indicator
from sklaida.projects.tests.factories import ActivityFactory, IndicatorFactory, ProjectFactory

pytestmark = pytest.mark.django_db

Source = Indicator.Source


def days_ago(days: int) -> datetime.datetime:
    return at(timezone.localdate() - datetime.timedelta(days=days), 17)


def held_event(title: str, days: int, on_site: int = 0, live: int = 0, views: int = 0) -> Event:
    event = EventFactory(title=title, starts_at=days_ago(days), status=Event.Status.HELD)
    Attendance.objects.create(
        event=event, on_site=on_site, live_viewers=live, recording_views=views
    )
    return event


@pytest.fixture
def project(personas):
    today = timezone.localdate()
    return ProjectFactory(
        title="Skaitome kartu",
        starts_on=today - datetime.timedelta(days=120),
        ends_on=today + datetime.timedelta(days=120),
    )


@pytest.fixture
def linked(project):
    """Two activities: a reading with three held events (one linked to both activities),
    a cancelled one and one still to come; a workshop with one more held event."""
    readings = ActivityFactory(project=project, title="Skaitymai")
    workshops = ActivityFactory(project=project, title="Dirbtuvės")
    shared = held_event("Susitikimas su autore", 30, on_site=40, live=25, views=110)
    readings.events.add(
        held_event("Poezijos vakaras", 60, on_site=35),
        shared,
        EventFactory(title="Atšauktas vakaras", starts_at=days_ago(20), status="cancelled"),
        EventFactory(title="Būsimas vakaras"),
    )
    workshops.events.add(shared, held_event("Komiksų dirbtuvės", 10, on_site=12, views=8))
    return readings, workshops


def test_held_linked_events_count_once_and_their_attendance_is_summed(project, linked):
    totals = linked_event_totals(project)

    assert totals.events_held == 3
    assert totals.on_site == 35 + 40 + 12
    assert totals.online == 25 + 110 + 8


def test_attendance_split_by_audience_is_added_up(project):
    event = EventFactory(title="Šeimų šventė", starts_at=days_ago(5), status=Event.Status.HELD)
    children, adults = Audience.objects.order_by("pk")[:2]
    Attendance.objects.create(event=event, audience=children, on_site=30)
    Attendance.objects.create(event=event, audience=adults, on_site=18, live_viewers=4)
    ActivityFactory(project=project).events.add(event)

    totals = linked_event_totals(project)

    assert (totals.events_held, totals.on_site, totals.online) == (1, 48, 4)


def test_an_event_that_started_but_is_not_marked_held_still_counts(project):
    event = EventFactory(starts_at=days_ago(2), status=Event.Status.ANNOUNCED)
    ActivityFactory(project=project).events.add(event)

    assert linked_event_totals(project).events_held == 1


def test_another_projects_events_do_not_count(project, linked):
    other = ProjectFactory(title="Kitas projektas")
    ActivityFactory(project=other).events.add(held_event("Kito projekto renginys", 3, on_site=99))

    assert linked_event_totals(project).on_site == 87


def test_each_indicator_shows_planned_achieved_and_percentage(project, linked):
    IndicatorFactory(project=project, name="Renginiai", source=Source.EVENTS, planned=4)
    IndicatorFactory(project=project, name="Dalyviai", source=Source.PARTICIPANTS, planned=80)
    IndicatorFactory(project=project, name="Žiūrovai", source=Source.ONLINE, planned=300)
    IndicatorFactory(
        project=project,
        name="Publikacijos",
        source=Source.MANUAL,
        planned=5,
        achieved_entered=6,
    )
    IndicatorFactory(project=project, name="Leidinys", source=Source.MANUAL, planned=1)

    rows = {row.indicator.name: row for row in indicator_progress(project)}

    assert (rows["Renginiai"].achieved, rows["Renginiai"].percent) == (3, 75)
    assert (rows["Dalyviai"].achieved, rows["Dalyviai"].is_met) == (87, True)
    assert (rows["Žiūrovai"].achieved, rows["Žiūrovai"].percent) == (143, 48)
    assert (rows["Publikacijos"].achieved, rows["Publikacijos"].percent) == (6, 120)
    assert (rows["Leidinys"].achieved, rows["Leidinys"].percent) == (None, None)


def test_indicators_cost_the_same_queries_for_few_or_many_events(project, linked):
    IndicatorFactory(project=project, source=Source.EVENTS)
    IndicatorFactory(project=project, source=Source.PARTICIPANTS)
    with CaptureQueriesContext(connection) as few:
        indicator_progress(project)
    for days in range(1, 15):
        ActivityFactory(project=project).events.add(held_event(f"Vakaras {days}", days, 10))
        IndicatorFactory(project=project, source=Source.ONLINE)
    with CaptureQueriesContext(connection) as many:
        progress = indicator_progress(project)

    assert len(few) == len(many) == 3
    assert progress[1].achieved == 87 + 14 * 10


def test_a_counted_indicator_forgets_a_typed_value(project, personas):
    indicator = services.add_indicator(
        actor=personas["specialiste"],
        project=project,
        name="Dalyviai",
        source=Source.PARTICIPANTS,
        planned=100,
        achieved_entered=55,
    )

    assert indicator.achieved_entered is None


def test_the_timeline_page_shows_indicators_planned_and_achieved(client_as, project, linked):
    IndicatorFactory(project=project, name="Dalyviai gyvai", source=Source.PARTICIPANTS, planned=80)

    page = client_as("stebetojas").get(f"/projektai/{project.pk}/veiklos/").content.decode()

    assert "Dalyviai gyvai" in page
    assert '<td class="text-end">87</td>' in page
    assert "109 %" in page


def test_staff_add_a_typed_indicator_through_the_form(client_as, project):
    response = client_as("specialiste").post(
        f"/projektai/{project.pk}/rodikliai/naujas/",
        {"name": "Išleistos knygos", "unit": "vnt.", "source": "manual", "planned": "2"},
        follow=True,
    )

    assert response.status_code == 200
    indicator = project.indicators.get()
    assert (indicator.name, indicator.planned, indicator.achieved_entered) == (
        "Išleistos knygos",
        2,
        None,
    )
    assert "Išleistos knygos" in response.content.decode()
