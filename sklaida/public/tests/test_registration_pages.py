"""The public registration form, a registration's page and the personal cancellation link."""

from __future__ import annotations

import datetime
import re

from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from sklaida.events.models import Event, Registration, RegistrationQuestion
from sklaida.events.tests.factories import EventFactory
from sklaida.testing.public_forms import typed_by_a_person

Status = Registration.Status


def form_data(**extra) -> dict:
    return {
        "name": "Ona Petraitienė",
        "email": "ona@pastas.example",
        "phone": "+370 600 00000",
        "seats": "1",
        "consent": "on",
        **typed_by_a_person(),
        **extra,
    }


def test_the_confirmation_e_mail_has_a_link_that_cancels_the_seat_and_promotes_the_next(
    personas, django_capture_on_commit_callbacks
):
    event = EventFactory(registration=Event.Registration.OPEN, capacity=2)
    url = reverse("public:register", kwargs={"slug": event.slug})
    visitor = Client()

    with django_capture_on_commit_callbacks(execute=True):
        page = visitor.post(url, form_data(seats="2"), follow=True).content.decode()
        visitor.post(url, form_data(name="Rasa Vaitkienė", email="rasa@pastas.example"))

    assert "Dėkojame: jūsų registraciją gavome." in page
    assert "Ona Petraitienė" not in page
    event.refresh_from_db()
    assert event.seats_confirmed == 2
    confirmation = mail.outbox[0]
    assert confirmation.to == ["ona@pastas.example"]
    assert event.title in confirmation.subject
    link = re.search(r"http://testserver(/\S+)", confirmation.body).group(1)
    mail.outbox.clear()

    page = visitor.get(link).content.decode()
    assert event.title in page
    assert gettext("Yes, cancel the registration") in page
    with django_capture_on_commit_callbacks(execute=True):
        page = visitor.post(link, follow=True).content.decode()

    assert gettext("This registration is cancelled.") in page
    event.refresh_from_db()
    assert event.seats_confirmed == 1
    rasa = Registration.objects.get(email="rasa@pastas.example")
    assert rasa.status == Status.CONFIRMED
    # Rasa hears she has a seat; Ona that her cancellation took effect.
    assert sorted(m.to[0] for m in mail.outbox) == ["ona@pastas.example", "rasa@pastas.example"]


def test_the_form_asks_the_events_questions_and_shows_the_consent_text(personas):
    event = EventFactory(registration=Event.Registration.OPEN, capacity=10)
    RegistrationQuestion.objects.create(
        event=event,
        label="Vaiko amžius",
        kind=RegistrationQuestion.Kind.CHOICE,
        options="5–7\n8–10",
        is_required=True,
    )

    page = Client().get(reverse("public:register", kwargs={"slug": event.slug})).content.decode()

    assert "Vaiko amžius" in page
    assert "8–10" in page
    assert "Renginyje fotografuojama." in page
    assert 'name="consent"' in page
    assert 'autocomplete="email"' in page


def test_a_missing_answer_or_consent_keeps_the_form_and_saves_nothing(personas):
    event = EventFactory(registration=Event.Registration.OPEN, capacity=10)
    question = RegistrationQuestion.objects.create(
        event=event, label="Vaiko amžius", is_required=True
    )
    data = form_data()
    del data["consent"]

    page = (
        Client()
        .post(reverse("public:register", kwargs={"slug": event.slug}), data)
        .content.decode()
    )

    assert gettext("Agree to how your data is used, or we cannot sign you up.") in page
    assert f'id="id_question_{question.pk}_error"' in page
    assert 'value="Ona Petraitienė"' in page
    assert not event.registrations.exists()


def test_a_full_event_offers_the_waiting_list_and_tells_the_place_in_it(
    personas, django_capture_on_commit_callbacks
):
    event = EventFactory(registration=Event.Registration.OPEN, capacity=1)
    url = reverse("public:register", kwargs={"slug": event.slug})
    Client().post(url, form_data(name="Jonas Kazlauskas", email="jonas@pastas.example"))

    page = Client().get(url).content.decode()
    assert (
        gettext(
            "All seats are taken. Sign up for the waiting list: when a seat frees, it goes to "
            "the people on the list in the order they signed up, and we write to you at once."
        )
        in page
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(url, form_data(), follow=True)

    registration = Registration.objects.get(email="ona@pastas.example")
    assert registration.status == Status.WAITLISTED
    assert response.redirect_chain[-1][0] == reverse(
        "public:registration_sent", kwargs={"slug": event.slug}
    )
    letter = mail.outbox[-1]
    assert registration.get_cancel_url() in letter.body
    status_link = re.search(r"http://testserver(/registracija/[^/\s]+/)\s", letter.body).group(1)
    status = Client().get(status_link)
    assert status.context["position"] == 1
    assert "Ona Petraitienė" in status.content.decode()


def test_a_closed_registration_shows_why_and_no_form(personas):
    event = EventFactory(
        registration=Event.Registration.OPEN,
        capacity=10,
        registration_closes_at=timezone.now() - datetime.timedelta(hours=1),
    )
    url = reverse("public:register", kwargs={"slug": event.slug})

    page = Client().get(url).content.decode()
    posted = Client().post(url, form_data()).content.decode()

    assert gettext("Registration for this event has closed.") in page
    assert 'name="email"' not in page
    assert gettext("Registration for this event has closed.") in posted
    assert not event.registrations.exists()


def test_an_event_without_registration_or_not_yet_published_has_no_form(personas):
    without = EventFactory(registration=Event.Registration.NONE)
    draft = EventFactory(registration=Event.Registration.OPEN, status=Event.Status.PLANNED)

    for event in (without, draft):
        response = Client().get(reverse("public:register", kwargs={"slug": event.slug}))
        assert response.status_code == 404


def test_an_english_sign_up_gets_english_pages_and_e_mails(
    personas, django_capture_on_commit_callbacks
):
    event = EventFactory(
        registration=Event.Registration.OPEN, capacity=10, title_en="Poetry evening"
    )
    with translation.override("en"):
        url = reverse("public:register", kwargs={"slug": event.slug})
    assert url.startswith("/en/")

    with django_capture_on_commit_callbacks(execute=True):
        page = Client().post(url, form_data(), follow=True).content.decode()

    assert "Poetry evening" in page
    registration = Registration.objects.get(event=event)
    assert registration.language == "en"
    (message,) = mail.outbox
    assert "Poetry evening" in message.subject
    assert "http://testserver/en/" in message.body


def test_an_unknown_link_is_not_found(personas):
    response = Client().get(reverse("public:registration_cancel", kwargs={"token": "nera-tokio"}))

    assert response.status_code == 404


def test_an_event_the_public_cannot_see_takes_no_registrations_at_its_address(personas):
    hidden = EventFactory(registration=Event.Registration.OPEN, capacity=10, is_public=False)
    unannounced = EventFactory(
        registration=Event.Registration.OPEN,
        capacity=10,
        status=Event.Status.CONFIRMED,
        announced_at=None,
    )

    for event in (hidden, unannounced):
        url = reverse("public:register", kwargs={"slug": event.slug})
        assert Client().get(url).status_code == 404
        assert Client().post(url, form_data()).status_code == 404
        assert not event.registrations.exists()


def test_an_e_mail_address_longer_than_the_database_takes_is_refused_in_words(personas):
    event = EventFactory(registration=Event.Registration.OPEN, capacity=10)
    # 300 characters, which Django's address check accepts (it allows up to 320).
    address = "ona@" + ".".join(["a" * 60] * 4) + "." + "b" * 49 + ".lt"
    assert len(address) == 300

    response = Client().post(
        reverse("public:register", kwargs={"slug": event.slug}), form_data(email=address)
    )

    assert response.status_code == 200
    assert "El. pašto adresas gali būti ne ilgesnis kaip 254 simb." in (response.content.decode())
    assert not event.registrations.exists()


def test_the_same_mailbox_with_a_tag_or_capitals_is_already_signed_up(
    personas, django_capture_on_commit_callbacks
):
    event = EventFactory(registration=Event.Registration.OPEN, capacity=10)
    url = reverse("public:register", kwargs={"slug": event.slug})
    Client().post(url, form_data(email="Ona.Petraitiene+renginiai@Pastas.example"))

    with django_capture_on_commit_callbacks(execute=True):
        again = Client().post(url, form_data(email="ona.petraitiene+kitas@pastas.example"))

    assert again["Location"] == reverse("public:registration_sent", kwargs={"slug": event.slug})
    (registration,) = event.registrations.all()
    assert registration.email == "Ona.Petraitiene+renginiai@Pastas.example"
    # The link goes to the address the first sign-up gave, not to the one typed now.
    (letter,) = mail.outbox
    assert letter.to == ["Ona.Petraitiene+renginiai@Pastas.example"]
    assert letter.subject == f"Jūs jau užsiregistravote: {event.title}"


def _page_text(response) -> str:
    """A page as a person reads it: without the CSRF token and the form's time stamp."""
    page = response.content.decode()
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", page)
    return re.sub(r'name="started" value="[^"]*"', "", page)


def test_signing_up_again_answers_exactly_as_a_first_sign_up_and_says_so_by_e_mail(
    personas, django_capture_on_commit_callbacks
):
    event = EventFactory(registration=Event.Registration.OPEN, capacity=10)
    url = reverse("public:register", kwargs={"slug": event.slug})

    with django_capture_on_commit_callbacks(execute=True):
        first = Client().post(url, form_data(), follow=True)
        second = Client().post(url, form_data(name="Kažkas Kitas", seats="2"), follow=True)

    assert first.status_code == second.status_code == 200
    assert first.redirect_chain == second.redirect_chain
    assert _page_text(first) == _page_text(second)
    assert event.registrations.count() == 1
    # (The note is queued at once, the confirmation once the seat is committed.)
    already, confirmed = sorted(mail.outbox, key=lambda message: "patvirtinta" in message.subject)
    assert confirmed.subject.startswith("Registracija patvirtinta")
    assert already.to == ["ona@pastas.example"]
    assert already.subject == f"Jūs jau užsiregistravote: {event.title}"
    assert "Šiuo el. pašto adresu į šį renginį jau užsiregistruota" in already.body
    registration = event.registrations.get()
    assert f"/registracija/{registration.token}/" in already.body
    assert "Kažkas Kitas" not in already.body


def test_the_e_mail_to_an_unconfirmed_address_repeats_nothing_the_form_was_given(
    personas, django_capture_on_commit_callbacks
):
    event = EventFactory(
        registration=Event.Registration.OPEN,
        capacity=10,
        title='Vakaras „Tom & Jerry“\nir "draugai"',
    )
    spam = "Laimėjote 1000 € – spauskite https://apgavikai.example"

    with django_capture_on_commit_callbacks(execute=True):
        Client().post(
            reverse("public:register", kwargs={"slug": event.slug}),
            form_data(name=spam, email="auka@pastas.example"),
        )

    (message,) = mail.outbox
    assert "apgavikai" not in message.body
    assert message.body.startswith("Sveiki,")
    # The subject is the title as staff typed it, on one line and not HTML-escaped.
    assert message.subject == 'Registracija patvirtinta: Vakaras „Tom & Jerry“ ir "draugai"'
