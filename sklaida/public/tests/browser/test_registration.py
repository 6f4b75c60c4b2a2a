"""The public registration form in a real browser: accessible, usable, and it confirms."""

from __future__ import annotations

import re

from django.core import mail
from django.urls import reverse
from django.utils.translation import gettext
from playwright.sync_api import Page, expect

from sklaida.core import throttle
from sklaida.events.models import Event, Registration, RegistrationQuestion
from sklaida.events.tests.factories import EventFactory
from sklaida.public import protection
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

    # The page says the same for everyone (an address signed up already included); the
    # e-mail tells the result and has the personal link that cancels it.
    expect(page.get_by_role("status")).to_contain_text("Dėkojame: jūsų registraciją gavome.")
    assert_accessible(page)
    registration = Registration.objects.get(event=event)
    assert registration.status == Registration.Status.CONFIRMED
    (letter,) = [message for message in mail.outbox if message.to == ["ona@pastas.example"]]
    page.goto(re.search(r"https?://[^/\s]+(/registracija/\S+/atsaukti/)", letter.body).group(1))
    assert_accessible(page)
    page.get_by_role("button", name=gettext("Yes, cancel the registration")).click()
    expect(page.get_by_role("status")).to_contain_text(gettext("This registration is cancelled."))


def test_a_throttled_sign_up_shows_an_accessible_page_that_keeps_what_was_typed(
    page: Page, personas
):
    event = EventFactory(registration=Event.Registration.OPEN, capacity=10)
    # This connection (the browser's, 127.0.0.1) has already sent the form as often as allowed.
    for _ in range(protection.REGISTRATION.per_client.requests):
        throttle.hit(protection.REGISTRATION.per_client, "127.0.0.1")

    page.goto(reverse("public:register", kwargs={"slug": event.slug}))
    page.get_by_label(gettext("Name and surname")).fill("Ona Petraitienė")
    page.locator("#id_email").fill("ona@pastas.example")
    page.locator("#id_consent").check()
    with page.expect_response(lambda response: response.request.method == "POST") as answer:
        page.get_by_role("button", name=gettext("Sign up")).click()

    assert answer.value.status == 429
    assert int(answer.value.headers["retry-after"]) > 0
    expect(page.get_by_role("alert")).to_contain_text("Bandykite dar kartą po")
    expect(page.locator("#id_email")).to_have_value("ona@pastas.example")
    assert_accessible(page)
    assert not event.registrations.exists()
