"""An event from the plan to the public: staff create, provision and announce it; a visitor
signs up on the public page and cancels through the link in the e-mail."""

from __future__ import annotations

import datetime
import re
from urllib.parse import urlsplit

from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page, expect

from sklaida.core.models import Space
from sklaida.events.models import ActivityPlan, Event, EventType, PlannedActivity, Registration
from sklaida.events.services.provision import ensure_default_templates
from sklaida.testing.browser import assert_accessible


def test_an_event_goes_from_the_plan_to_a_visitor_who_signs_up_and_cancels(sign_in, personas):
    ensure_default_templates()
    # After the demo's events (they reach 100 days ahead), in a year the demo has a plan for.
    day = timezone.localdate() + datetime.timedelta(days=200)
    plan = ActivityPlan.objects.get(year=day.year)
    activity = PlannedActivity.objects.create(
        plan=plan,
        title="Vasaros poezijos vakaras kieme",
        event_type=EventType.EVENT,
        starts_on=day.replace(day=1),
        ends_on=datetime.date(day.year, 12, 31),
        responsible=personas["specialiste"],
    )
    hall = Space.objects.get(name="Konferencijų salė")
    page: Page = sign_in("specialiste")

    # From the plan screen to a pre-filled event form.
    page.goto(plan.get_absolute_url())
    page.locator(f'a[href$="?planned_activity={activity.pk}"]').click()
    expect(page.locator("#id_title")).to_have_value("Vasaros poezijos vakaras kieme")
    assert_accessible(page)
    page.locator("#id_starts_at").fill(f"{day}T18:00")
    page.locator("#id_ends_at").fill(f"{day}T20:00")
    page.locator("#id_space").select_option(str(hall.pk))
    page.locator("#id_summary").fill("Eilės ir gyva muzika bibliotekos salėje.")
    page.locator("#id_registration").select_option(Event.Registration.OPEN)
    page.locator("#id_capacity").fill("20")
    page.locator("#id_consent_text").fill(
        "Duomenis naudojame registracijai. Renginyje fotografuojama. "
        "Duomenys ištrinami po 30 dienų."
    )
    page.get_by_role("button", name="Išsaugoti").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vasaros poezijos vakaras kieme")
    event = Event.objects.get(planned_activity=activity)

    # Provision: the hall checklist becomes tasks.
    page.locator("#provision-template").select_option(label="Renginys salėje")
    page.get_by_role("button", name="Taikyti").click()
    expect(page.get_by_text("Patikrinti garso sistemą ir mikrofonus")).to_be_visible()
    assert event.provision_items.count() > 3

    # Confirm, then announce: it is on the public calendar.
    page.get_by_role("button", name="Pažymėti „Patvirtintas“").click()
    page.get_by_role("button", name="Pažymėti „Paskelbtas“").click()
    expect(page.get_by_text("Renginio būsena dabar – „Paskelbtas“.")).to_be_visible()
    assert_accessible(page)

    # A visitor signs up on the public page.
    page.context.clear_cookies()
    page.goto("/renginiai/")
    page.get_by_role("link", name="Vasaros poezijos vakaras kieme").first.click()
    page.get_by_role("link", name="Registruotis").click()
    page.get_by_label("Vardas ir pavardė").fill("Ona Petraitienė")
    page.locator("#id_email").fill("ona@pastas.example")
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Registruotis").click()
    expect(page.get_by_role("status")).to_contain_text("Dėkojame: jūsų registraciją gavome.")
    registration = Registration.objects.get(event=event)
    assert registration.status == Registration.Status.CONFIRMED

    # The e-mail's personal link cancels the registration and frees the seat.
    (letter,) = [m for m in mail.outbox if m.to == ["ona@pastas.example"]]
    link = re.search(r"https?://\S+/registracija/\S+/atsaukti/", letter.body).group(0)
    page.goto(urlsplit(link).path)
    page.get_by_role("button", name="Taip, atšaukti registraciją").click()
    expect(page.get_by_role("status")).to_contain_text("Ši registracija atšaukta.")
    event.refresh_from_db()
    assert event.seats_confirmed == 0
