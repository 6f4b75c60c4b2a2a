"""Provision checklists: applied to an event as tasks that follow the event and remind owners."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from sklaida.core.models import Task
from sklaida.core.services import send_due_task_reminders
from sklaida.events.models import Event, ProvisionItem, ProvisionTemplate
from sklaida.events.services import events as event_services
from sklaida.events.services import provision
from sklaida.events.tests.factories import EventFactory, at


@pytest.fixture
def templates(personas) -> dict[str, ProvisionTemplate]:
    return {template.name: template for template in provision.ensure_default_templates()}


def unannounced_event(**fields) -> Event:
    # The event page links the public page only once announced (the public part's URL).
    return EventFactory(status=Event.Status.CONFIRMED, announced_at=None, **fields)


def test_the_default_checklists_are_made_once(personas):
    provision.ensure_default_templates()
    provision.ensure_default_templates()

    names = set(ProvisionTemplate.objects.values_list("name", flat=True))
    assert names == {"Renginys salėje", "Paroda", "Transliuojamas renginys"}
    assert ProvisionTemplate.objects.get(name="Paroda").event_type == "exhibition"
    assert ProvisionTemplate.objects.get(name="Renginys salėje").items.count() == 8


def test_applying_a_checklist_makes_tasks_due_before_the_event_for_their_owners(
    client_as, personas, templates
):
    day = timezone.localdate() + datetime.timedelta(days=30)
    event = unannounced_event(title="Vakaras su rašytoja", starts_at=at(day, 18))
    hall = templates["Renginys salėje"]
    hall.items.filter(title="Plakatas (dizaino užsakymas)").update(owner=personas["vadove"])

    page = (
        client_as("specialiste")
        .post(f"/veikla/renginiai/{event.pk}/aprupinimas/", {"template": hall.pk}, follow=True)
        .content.decode()
    )

    items = ProvisionItem.objects.filter(event=event).select_related("task")
    assert items.count() == 8
    poster = items.get(title="Plakatas (dizaino užsakymas)")
    assert poster.task.owner == personas["vadove"]
    assert poster.task.due_date == day - datetime.timedelta(days=21)
    chairs = items.get(title="Išdėstyti kėdes")
    assert chairs.task.owner == event.responsible
    assert chairs.task.due_date == day
    assert chairs.task.target == event
    assert chairs.task.library == event.library
    # The page shows the items grouped by area, with owners and due dates.
    for title in ("Patikrinti garso sistemą ir mikrofonus", "Pranešimas spaudai"):
        assert title in page
    assert page.index("Patikrinti garso sistemą") < page.index("Plakatas (dizaino užsakymas)")
    assert page.index("Plakatas (dizaino užsakymas)") < page.index("Pranešimas spaudai")
    assert "Rasa Petrauskienė" in page


def test_applying_the_same_checklist_twice_adds_nothing(client_as, personas, templates):
    event = unannounced_event()
    client = client_as("specialiste")
    template = templates["Transliuojamas renginys"]

    client.post(f"/veikla/renginiai/{event.pk}/aprupinimas/", {"template": template.pk})
    client.post(f"/veikla/renginiai/{event.pk}/aprupinimas/", {"template": template.pk})

    assert event.provision_items.count() == template.items.count() == 6
    assert Task.objects.filter(provision_item__event=event).count() == 6


def test_the_checklists_for_the_events_type_are_offered_first(client_as, personas, templates):
    exhibition = unannounced_event(
        event_type="exhibition",
        starts_at=at(timezone.localdate() + datetime.timedelta(days=20), 10),
    )

    page = client_as("specialiste").get(f"/veikla/renginiai/{exhibition.pk}/").content.decode()

    options = page[page.index('id="provision-template"') :]
    assert options.index("Paroda") < options.index("Renginys salėje")


def test_moving_the_event_moves_the_due_dates_of_its_open_provision_tasks(personas, templates):
    day = timezone.localdate() + datetime.timedelta(days=30)
    event = unannounced_event(starts_at=at(day, 18))
    provision.apply_template(
        actor=personas["specialiste"], event=event, template=templates["Renginys salėje"]
    )
    done = event.provision_items.get(title="Išdėstyti kėdes").task
    done.status = Task.Status.DONE
    done.save()

    later = at(day + datetime.timedelta(days=5), 18)
    event_services.move_event(actor=personas["specialiste"], event=event, starts_at=later)

    poster = event.provision_items.get(title="Plakatas (dizaino užsakymas)").task
    assert poster.due_date == day + datetime.timedelta(days=5 - 21)
    done.refresh_from_db()
    assert done.due_date == day

    # Editing the event on its form moves them as well.
    event.refresh_from_db()
    event.starts_at -= datetime.timedelta(days=2)
    event.ends_at -= datetime.timedelta(days=2)
    event_services.update_event(
        actor=personas["specialiste"], event=event, relations=event_services.Relations()
    )
    poster.refresh_from_db()
    assert poster.due_date == day + datetime.timedelta(days=3 - 21)


def test_an_item_added_by_hand_is_a_task_of_the_chosen_owner(client_as, personas):
    day = timezone.localdate() + datetime.timedelta(days=14)
    event = unannounced_event(starts_at=at(day, 11))

    page = (
        client_as("specialiste")
        .post(
            f"/veikla/renginiai/{event.pk}/aprupinimas/prideti/",
            {
                "area": "informational",
                "title": "Kvietimas mokykloms",
                "days_before": "10",
                "owner": personas["vadove"].pk,
            },
            follow=True,
        )
        .content.decode()
    )

    item = event.provision_items.get()
    assert (item.title, item.task.owner, item.task.due_date) == (
        "Kvietimas mokykloms",
        personas["vadove"],
        day - datetime.timedelta(days=10),
    )
    assert "Kvietimas mokykloms" in page


def test_an_overdue_provision_task_is_on_its_owners_dashboard_and_in_the_reminder(
    client_as, personas, templates, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    event = unannounced_event(
        title="Miesto šventės koncertas", starts_at=at(today + datetime.timedelta(days=3), 18)
    )
    provision.add_provision_item(
        actor=personas["specialiste"],
        event=event,
        area="visual",
        title="Baneris prie įėjimo",
        days_before=7,
        owner=personas["vadove"],
    )

    dashboard = client_as("vadove").get("/").content.decode()
    overdue = dashboard[dashboard.index("overdue-heading") : dashboard.index("week-heading")]
    assert "Baneris prie įėjimo — Miesto šventės koncertas" in overdue

    event_page = client_as("vadove").get(event.get_absolute_url()).content.decode()
    assert 'class="task-overdue"' in event_page

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        send_due_task_reminders(today=today)
    reminder = next(m for m in mail.outbox if m.to == [personas["vadove"].email])
    assert "Baneris prie įėjimo — Miesto šventės koncertas" in reminder.body


def test_staff_make_a_checklist_with_items_and_the_viewer_only_reads(client_as, personas):
    client = client_as("specialiste")
    response = client.post(
        "/veikla/aprupinimas/naujas/",
        {
            "name": "Vasaros skaitymai kieme",
            "event_type": "",
            "description": "",
            "items-TOTAL_FORMS": "3",
            "items-INITIAL_FORMS": "0",
            "items-0-area": "technical",
            "items-0-title": "Palapinė nuo lietaus",
            "items-0-days_before": "2",
            "items-0-position": "0",
            "items-1-area": "informational",
            "items-1-title": "Skelbimas seniūnijoje",
            "items-1-days_before": "10",
            "items-1-owner": personas["vadove"].pk,
            "items-1-position": "1",
            # An untouched empty row posts the values it shows.
            "items-2-days_before": "7",
            "items-2-position": "0",
        },
    )
    assert response.status_code == 302
    template = ProvisionTemplate.objects.get(name="Vasaros skaitymai kieme")
    assert set(template.items.values_list("title", "days_before", "owner")) == {
        ("Palapinė nuo lietaus", 2, None),
        ("Skelbimas seniūnijoje", 10, personas["vadove"].pk),
    }

    listing = client_as("stebetojas").get("/veikla/aprupinimas/").content.decode()
    assert "Vasaros skaitymai kieme" in listing
    assert "/veikla/aprupinimas/naujas/" not in listing
    assert client_as("stebetojas").get("/veikla/aprupinimas/naujas/").status_code == 403


def test_the_viewer_cannot_apply_a_checklist(client_as, personas, templates):
    event = unannounced_event()

    response = client_as("stebetojas").post(
        f"/veikla/renginiai/{event.pk}/aprupinimas/",
        {"template": templates["Renginys salėje"].pk},
    )

    assert response.status_code == 403
    assert not event.provision_items.exists()
