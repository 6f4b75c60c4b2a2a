"""The registrant list in a real browser: accessible, and check-in works from the keyboard."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext
from playwright.sync_api import Page, expect

from sklaida.events.models import Event, RegistrationQuestion
from sklaida.events.services import registration as services
from sklaida.events.tests.factories import EventFactory
from sklaida.testing.browser import assert_accessible


def test_staff_check_registrants_in_from_the_keyboard_on_an_accessible_list(
    sign_in, page: Page, personas
):
    event = EventFactory(registration=Event.Registration.OPEN, capacity=10)
    question = RegistrationQuestion.objects.create(event=event, label="Vaiko amžius")
    ona = services.register(
        event=event,
        name="Ona Petraitienė",
        email="ona@pastas.example",
        answers={str(question.pk): "8 metai"},
        consent=True,
    )
    sign_in("specialiste")

    page.goto(reverse("events:registrations", args=[event.pk]))
    expect(page.get_by_role("table")).to_contain_text("8 metai")
    assert_accessible(page)

    button = page.locator(f"#registration-{ona.pk}-check-in")
    button.focus()
    page.keyboard.press("Enter")
    expect(page.locator(f"#registration-{ona.pk}")).to_contain_text(
        gettext("arrived %(time)s").split("%")[0].strip()
    )
    expect(page.locator(f"#registration-{ona.pk}-check-in")).to_be_focused()
    assert_accessible(page)


def test_the_question_editor_is_accessible(sign_in, page: Page, personas):
    event = EventFactory(registration=Event.Registration.OPEN, capacity=10)
    sign_in("specialiste")

    page.goto(reverse("events:registration_questions", args=[event.pk]))

    expect(page.get_by_role("button", name=gettext("Save the questions"))).to_be_visible()
    assert_accessible(page)
