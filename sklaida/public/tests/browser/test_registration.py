"""The public registration form in a real browser: accessible, usable, and it confirms."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext
from playwright.sync_api import Page, expect

from sklaida.events.models import Event, Registration, RegistrationQuestion
from sklaida.events.tests.factories import EventFactory
from sklaida.testing.browser import assert_accessible


def test_a_visitor_signs_up_on_an_accessible_form_and_sees_the_confirmation(page: Page, personas):
    event = EventFactory(registration=Event.Registration.OPEN, capacity=10)
    RegistrationQuestion.objects.create(
        event=event,
        label="Vaiko amžius",
        kind=RegistrationQuestion.Kind.CHOICE,
        options="5–7\n8–10",
        is_required=True,
    )

    page.goto(reverse("public:register", kwargs={"slug": event.slug}))
    assert_accessible(page)
    page.get_by_label(gettext("Name and surname")).fill("Ona Petraitienė")
    page.locator("#id_email").fill("ona@pastas.example")
    page.get_by_label("Vaiko amžius").select_option("8–10")
    page.locator("#id_consent").check()
    page.get_by_role("button", name=gettext("Sign up")).click()

    expect(page.get_by_role("status")).to_contain_text("Ona Petraitienė")
    assert_accessible(page)
    registration = Registration.objects.get(event=event)
    assert registration.status == Registration.Status.CONFIRMED

    page.get_by_role("link", name=gettext("Cancel the registration")).click()
    assert_accessible(page)
    page.get_by_role("button", name=gettext("Yes, cancel the registration")).click()
    expect(page.get_by_role("status")).to_contain_text(gettext("This registration is cancelled."))
