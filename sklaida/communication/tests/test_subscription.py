"""Newsletter sign-up with double opt-in, and unsubscribing by the button and by one click."""

from __future__ import annotations

import datetime
import re

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.utils import timezone

from sklaida.communication.models import Subscriber
from sklaida.communication.tests.factories import SubscriberFactory
from sklaida.testing.public_forms import typed_by_a_person

pytestmark = pytest.mark.django_db


RUTA = "Ruta.Jonaite@example.lt"


def _sign_up(client: Client, captured, email: str = RUTA) -> str:
    with captured(execute=True):
        response = client.post(
            "/naujienlaiskis/",
            {"email": email, "name": "Rūta", "consent": "on", **typed_by_a_person()},
        )
    assert response.status_code == 200
    return response.content.decode()


def _confirmation_link(message) -> str:
    return re.search(r"https?://\S+/naujienlaiskis/patvirtinti/\S+/", message.body).group(0)


def test_nobody_is_subscribed_until_the_link_in_the_email_is_followed(
    personas, django_capture_on_commit_callbacks
):
    client = Client()
    page = _sign_up(client, django_capture_on_commit_callbacks)

    assert "Ruta.Jonaite@example.lt" in page
    assert not Subscriber.objects.filter(email=RUTA, status=Subscriber.Status.ACTIVE).exists()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["Ruta.Jonaite@example.lt"]

    link = _confirmation_link(mail.outbox[0])
    path = link[link.index("/naujienlaiskis/") :]
    # Opening the link (as a mail scanner would) only shows the button.
    opened = client.get(path).content.decode()
    assert "Patvirtinti prenumeratą" in opened
    assert Subscriber.objects.get(email=RUTA).status == Subscriber.Status.PENDING

    response = client.post(path, follow=True)

    assert "Dėkojame: prenumerata patvirtinta" in response.content.decode()
    subscriber = Subscriber.objects.get(email=RUTA)
    assert subscriber.status == Subscriber.Status.ACTIVE
    assert subscriber.confirmed_at is not None


def test_the_consent_the_visitor_agreed_to_is_recorded_word_for_word(
    personas, django_capture_on_commit_callbacks
):
    page = Client().get("/naujienlaiskis/").content.decode()
    _sign_up(Client(), django_capture_on_commit_callbacks)

    subscriber = Subscriber.objects.get(email=RUTA)
    assert subscriber.consented_at is not None
    assert subscriber.consent_text in page.replace("&#x27;", "'")
    assert subscriber.status == Subscriber.Status.PENDING


def test_the_form_refuses_a_sign_up_without_consent(personas):
    response = Client().post(
        "/naujienlaiskis/", {"email": "jonas@example.lt", "name": "", **typed_by_a_person()}
    )

    assert "Sutikite, kitaip negalėsime jums siųsti naujienlaiškio." in response.content.decode()
    assert not Subscriber.objects.filter(email="jonas@example.lt").exists()
    assert mail.outbox == []


def test_the_same_address_in_other_letters_is_the_same_subscriber(
    personas, django_capture_on_commit_callbacks
):
    SubscriberFactory(email="ruta@example.lt")

    _sign_up(Client(), django_capture_on_commit_callbacks, email="RUTA@Example.lt")

    assert Subscriber.objects.filter(email__iexact="ruta@example.lt").count() == 1
    # Already subscribed: nothing changes, and only the address's owner hears so.
    (note,) = mail.outbox
    assert note.to == ["ruta@example.lt"]
    assert note.subject == "Bibliotekos naujienlaiškį jau gaunate"


def test_unsubscribing_takes_a_button_press_after_opening_the_link(personas):
    subscriber = SubscriberFactory()
    client = Client(enforce_csrf_checks=True)
    url = f"/naujienlaiskis/atsisakyti/{subscriber.token}/"

    page = client.get(url)

    assert subscriber.email in page.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.ACTIVE

    token = page.cookies["csrftoken"].value
    response = client.post(url, {"csrfmiddlewaretoken": token}, follow=True)

    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None
    assert f"{subscriber.email}" in response.content.decode()


def test_one_click_unsubscribe_works_without_a_session_or_csrf_token(personas):
    subscriber = SubscriberFactory()

    response = Client(enforce_csrf_checks=True).post(
        f"/naujienlaiskis/atsisakyti/{subscriber.token}/",
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_subscribing_again_after_unsubscribing_asks_for_confirmation_again(
    personas, django_capture_on_commit_callbacks
):
    subscriber = SubscriberFactory(
        email="ruta@example.lt",
        status=Subscriber.Status.UNSUBSCRIBED,
        consented_at=timezone.now() - datetime.timedelta(days=40),
    )
    old_token = subscriber.token

    _sign_up(Client(), django_capture_on_commit_callbacks, email="ruta@example.lt")

    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.token != old_token
    assert len(mail.outbox) == 1
    link = _confirmation_link(mail.outbox[0])
    Client().post(link[link.index("/naujienlaiskis/") :])
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.ACTIVE


def test_an_old_confirmation_link_does_not_resubscribe_someone_who_left(personas):
    subscriber = SubscriberFactory(status=Subscriber.Status.UNSUBSCRIBED)

    shown = Client().get(f"/naujienlaiskis/patvirtinti/{subscriber.token}/").content.decode()
    posted = Client().post(f"/naujienlaiskis/patvirtinti/{subscriber.token}/").content.decode()

    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    for page in (shown, posted):
        assert "Naujienlaiškio atsisakėte" in page
        assert "Patvirtinti prenumeratą" not in page


def test_the_english_sign_up_page_lives_under_en_newsletter(personas):
    response = Client().get("/en/newsletter/")

    assert response.status_code == 200
    assert "unsubscribe at any time" in response.content.decode()


def _page_text(page: str) -> str:
    """A page as a person reads it: without the CSRF token and the form's time stamp."""
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", page)
    return re.sub(r'name="started" value="[^"]*"', "", page)


def test_signing_up_an_address_already_subscribed_answers_as_for_a_new_one(
    personas, django_capture_on_commit_callbacks
):
    new = _sign_up(Client(), django_capture_on_commit_callbacks, email="nauja@example.lt")
    SubscriberFactory(email="sena@example.lt")
    mail.outbox.clear()

    subscribed = _sign_up(Client(), django_capture_on_commit_callbacks, email="sena@example.lt")

    assert _page_text(new).replace("nauja@", "X@") == _page_text(subscribed).replace("sena@", "X@")
    (note,) = mail.outbox
    assert "Šis adresas naujienlaiškį jau prenumeruoja, todėl niekas nepasikeitė." in note.body
    assert "/naujienlaiskis/atsisakyti/" in note.body
    assert "Rūta" not in note.body
    # A second try the same day sends nothing more (a stranger cannot fill the mailbox).
    _sign_up(Client(), django_capture_on_commit_callbacks, email="sena@example.lt")
    assert len(mail.outbox) == 1


def test_an_address_gets_at_most_one_confirmation_a_day(
    personas, django_capture_on_commit_callbacks
):
    for _ in range(3):
        page = _sign_up(Client(), django_capture_on_commit_callbacks, email="ruta@example.lt")
        assert "Patikrinkite el. paštą" in page

    assert len(mail.outbox) == 1
    tomorrow = timezone.now() + datetime.timedelta(days=1, minutes=1)
    with time_machine.travel(tomorrow):
        _sign_up(Client(), django_capture_on_commit_callbacks, email="ruta@example.lt")
    assert len(mail.outbox) == 2
    assert Subscriber.objects.get(email="ruta@example.lt").status == Subscriber.Status.PENDING


def test_the_confirmation_greets_neutrally_without_the_name_a_stranger_typed(
    personas, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(
            "/naujienlaiskis/",
            {
                "email": "auka@example.lt",
                "name": "Laimėjote! https://apgavikai.example",
                "consent": "on",
                **typed_by_a_person(),
            },
        )

    (message,) = mail.outbox
    assert message.body.startswith("Sveiki,")
    assert "apgavikai" not in message.body


def test_an_address_longer_than_the_database_takes_is_refused_in_words(personas):
    address = "ruta@" + ".".join(["a" * 60] * 4) + "." + "b" * 48 + ".lt"
    assert len(address) == 300

    response = Client().post(
        "/naujienlaiskis/", {"email": address, "consent": "on", **typed_by_a_person()}
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert "El. pašto adresas gali būti ne ilgesnis kaip 254 simb." in content
    assert not Subscriber.objects.filter(email__startswith="ruta@").exists()
