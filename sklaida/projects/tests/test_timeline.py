"""A project's timeline: activities and milestones in a table that works without scripts
and as the Gantt chart's data, added, changed and removed through forms, linked to events."""

from __future__ import annotations

import datetime
import json
import re

import pytest
from django.utils import formats, timezone

from sklaida.core.models import Library
from sklaida.events.models import Event
from sklaida.events.tests.factories import EventFactory, at
from sklaida.projects.forms_timeline import offered_events
from sklaida.projects.models import Activity
from sklaida.projects.tests.factories import ActivityFactory, ProjectFactory
from sklaida.testing.pages import text_of
from sklaida.testing.queries import queries_to_render

pytestmark = pytest.mark.django_db


def in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def lithuanian(day: datetime.date) -> str:
    return formats.date_format(day, "DATE_FORMAT")


@pytest.fixture
def project(personas):
    return ProjectFactory(title="Skaitome kartu", starts_on=in_days(-30), ends_on=in_days(150))


def url(project, tail: str = "veiklos/") -> str:
    return f"/projektai/{project.pk}/{tail}"


def test_the_table_lists_activities_with_lithuanian_dates_responsible_and_events(
    client_as, project, personas
):
    event = EventFactory(title="Poezijos vakaras", starts_at=at(in_days(5), 18))
    activity = ActivityFactory(
        project=project,
        title="Skaitymų ciklas",
        starts_on=in_days(1),
        ends_on=in_days(40),
        responsible=personas["vadove"],
    )
    activity.events.add(event)
    ActivityFactory(
        project=project,
        title="Tarpinė ataskaita",
        is_milestone=True,
        starts_on=in_days(60),
        ends_on=in_days(60),
        done=True,
    )

    response = client_as("stebetojas").get(url(project))
    page, text = response.content.decode(), text_of(response)

    assert "<caption" in page and '<th scope="col">' in page
    assert f"Skaitymų ciklas {lithuanian(in_days(1))} – {lithuanian(in_days(40))}" in text
    assert personas["vadove"].get_full_name() in text
    assert f'href="{event.get_absolute_url()}">Poezijos vakaras</a>' in page
    assert f"Tarpinė ataskaita Gairė {lithuanian(in_days(60))}" in text
    assert " m. " in lithuanian(in_days(1))


def test_the_chart_reads_the_same_rows_from_page_data_and_no_inline_script(client_as, project):
    ActivityFactory(
        project=project, title="<b>Dirbtuvės</b>", starts_on=in_days(2), ends_on=in_days(9)
    )
    ActivityFactory(
        project=project,
        title="Atidarymas",
        is_milestone=True,
        starts_on=in_days(20),
        ends_on=in_days(20),
    )

    response = client_as("specialiste").get(url(project))
    page = response.content.decode()
    data = re.search(r'<script id="gantt-tasks" type="application/json">(.*?)</script>', page, re.S)
    tasks = json.loads(data.group(1))

    assert [(task["name"], task["start"], task["end"]) for task in tasks] == [
        ("<b>Dirbtuvės</b>", in_days(2).isoformat(), in_days(9).isoformat()),
        ("Atidarymas", in_days(20).isoformat(), in_days(20).isoformat()),
    ]
    assert tasks[1]["custom_class"] == "gantt-milestone"
    assert "<b>Dirbtuvės</b>" not in page  # escaped everywhere it is printed
    assert "vendor/frappe-gantt/frappe-gantt" in page and "projects/timeline.js" in page
    inline = [
        tag
        for tag in re.findall(r"<script\b[^>]*>", page)
        if "src=" not in tag and 'type="application/json"' not in tag
    ]
    assert inline == []
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_a_milestone_added_through_the_form_is_one_day(client_as, project):
    response = client_as("specialiste").post(
        url(project, "veiklos/nauja/"),
        {"title": "Sutarties pasirašymas", "is_milestone": "on", "starts_on": in_days(3)},
    )

    milestone = project.activities.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"#activity-{milestone.pk}")
    assert (milestone.is_milestone, milestone.starts_on, milestone.ends_on) == (
        True,
        in_days(3),
        in_days(3),
    )


def test_an_activity_is_linked_to_events_through_the_form(client_as, project, personas):
    first = EventFactory(title="Susitikimas su autore", starts_at=at(in_days(4), 17))
    second = EventFactory(title="Komiksų dirbtuvės", starts_at=at(in_days(11), 12))

    client_as("specialiste").post(
        url(project, "veiklos/nauja/"),
        {
            "title": "Susitikimai",
            "starts_on": in_days(1),
            "ends_on": in_days(30),
            "responsible": personas["specialiste"].pk,
            "events": [first.pk, second.pk],
        },
    )

    activity = project.activities.get()
    assert set(activity.events.all()) == {first, second}
    assert activity.responsible == personas["specialiste"]


def test_an_activity_without_an_end_or_outside_the_project_is_refused(client_as, project):
    client = client_as("specialiste")
    no_end = client.post(
        url(project, "veiklos/nauja/"), {"title": "Be pabaigos", "starts_on": in_days(1)}
    )
    too_late = client.post(
        url(project, "veiklos/nauja/"),
        {"title": "Per vėlai", "starts_on": in_days(100), "ends_on": in_days(200)},
    )

    assert "Nurodykite paskutinę veiklos dieną" in text_of(no_end)
    assert f"Projektas vyksta nuo {lithuanian(in_days(-30))}" in text_of(too_late)
    assert not project.activities.exists()


def test_the_event_choices_are_bounded_to_the_projects_period_and_keep_linked_ones(project):
    inside = EventFactory(title="Per projektą", starts_at=at(in_days(10), 18))
    far = EventFactory(title="Po dvejų metų", starts_at=at(in_days(730), 18))
    cancelled = EventFactory(
        title="Atšauktas", starts_at=at(in_days(12), 18), status=Event.Status.CANCELLED
    )

    offered = set(offered_events(project))
    offered_with_link = set(offered_events(project, [far.pk]))

    assert inside in offered and far not in offered and cancelled not in offered
    assert far in offered_with_link


def test_editing_keeps_the_events_and_saving_changes_them(client_as, project):
    event = EventFactory(title="Poezijos vakaras", starts_at=at(in_days(5), 18))
    activity = ActivityFactory(
        project=project, title="Vakarai", starts_on=in_days(1), ends_on=in_days(20)
    )
    activity.events.add(event)
    client = client_as("vadove")

    form_page = client.get(url(project, f"veiklos/{activity.pk}/keisti/")).content.decode()
    client.post(
        url(project, f"veiklos/{activity.pk}/keisti/"),
        {
            "title": "Vakarai bibliotekoje",
            "starts_on": in_days(1),
            "ends_on": in_days(25),
            "done": "on",
        },
    )

    assert re.search(rf'<option value="{event.pk}"[^>]*selected', form_page)
    activity.refresh_from_db()
    assert (activity.title, activity.ends_on, activity.done) == (
        "Vakarai bibliotekoje",
        in_days(25),
        True,
    )
    assert not activity.events.exists()


def test_removing_an_activity_keeps_its_events_in_the_register(client_as, project):
    event = EventFactory(title="Poezijos vakaras")
    activity = ActivityFactory(project=project)
    activity.events.add(event)

    response = client_as("specialiste").post(
        url(project, f"veiklos/{activity.pk}/salinti/"), follow=True
    )

    assert not Activity.objects.filter(pk=activity.pk).exists()
    assert Event.objects.filter(pk=event.pk).exists()
    assert "pašalinta" in text_of(response)


def test_the_viewer_reads_the_timeline_but_sees_no_forms_and_may_not_change_it(client_as, project):
    activity = ActivityFactory(project=project, title="Skaitymai")
    client = client_as("stebetojas")

    page = client.get(url(project)).content.decode()
    refused = client.post(url(project, f"veiklos/{activity.pk}/salinti/"))

    assert "Skaitymai" in page
    assert "veiklos/nauja/" not in page and "salinti/" not in page
    assert refused.status_code == 403
    assert Activity.objects.filter(pk=activity.pk).exists()


def test_a_territory_specialist_sees_and_plans_her_librarys_project_only(client_as, personas):
    own = ProjectFactory(title="Mūsų bibliotekos projektas", library=personas["teritorija"].library)
    county = ProjectFactory(
        title="Apskrities projektas", library=Library.objects.get(kind="county")
    )
    client = client_as("teritorija")

    assert "Mūsų bibliotekos projektas" in client.get(url(own)).content.decode()
    assert client.get(url(county)).status_code == 404
    client.post(
        url(own, "veiklos/nauja/"),
        {"title": "Vaikų dirbtuvės", "starts_on": in_days(1), "ends_on": in_days(5)},
    )
    assert own.activities.get().title == "Vaikų dirbtuvės"


def test_the_timeline_costs_the_same_queries_for_two_or_twelve_activities(client_as, project):
    client = client_as("specialiste")

    def add(count: int) -> None:
        for number in range(count):
            activity = ActivityFactory(project=project, title=f"Veikla {number}")
            activity.events.add(EventFactory(starts_at=at(in_days(number + 1), 18)))

    add(2)
    few = queries_to_render(client, url(project))
    add(10)
    many = queries_to_render(client, url(project))

    assert few == many
