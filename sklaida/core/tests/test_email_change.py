"""A new e-mail address counts only once its owner opens the link sent to it; two accounts
never share an address, so a password reset reaches one person only."""

from __future__ import annotations

import datetime
import re

import pytest
import time_machine
from django.db import IntegrityError, transaction
from django.test import Client
from django.utils import timezone

from sklaida.core.models import User
from sklaida.core.tests.factories import UserFactory

CHANGE = "/profilis/el-pastas/"
CONFIRM_LINK = re.compile(r"http://testserver/profilis/el-pastas/[^/\s]+/")
TAKEN = "Šį el. pašto adresą jau naudoja kita paskyra."


def email_of(user: User) -> str:
    user.refresh_from_db()
    return user.email


def ask_for(client: Client, new_email: str, capture) -> object:
    with capture(execute=True):
        return client.post(CHANGE, {"new_email": new_email}, follow=True)


def test_a_new_address_takes_effect_only_when_the_link_sent_to_it_is_opened(
    client_as, personas, smtp_server, django_capture_on_commit_callbacks
):
    ieva = personas["specialiste"]
    client = client_as("specialiste")

    response = ask_for(
        client, "ieva.kazlauskaite@pastas.example", django_capture_on_commit_callbacks
    )

    assert response.redirect_chain == [("/profilis/", 302)]
    assert "Nuorodą išsiuntėme adresu ieva.kazlauskaite@pastas.example." in (
        response.content.decode()
    )
    assert email_of(ieva) == "specialiste@biblioteka.example"
    mails = {tuple(mail.envelope_to): mail for mail in smtp_server.received}
    confirm = mails[("ieva.kazlauskaite@pastas.example",)]
    notice = mails[("specialiste@biblioteka.example",)]
    # Long non-ASCII subjects arrive folded; Python's parser keeps the fold's space.
    assert confirm.subject.strip() == "Patvirtinkite naują Sklaidos el. pašto adresą"
    assert notice.subject.strip() == "Paprašyta pakeisti jūsų Sklaidos el. pašto adresą"
    assert "į ieva.kazlauskaite@pastas.example" in notice.body
    assert not CONFIRM_LINK.search(notice.body), "the old address gets no link"
    [link] = CONFIRM_LINK.findall(confirm.body)

    page = client.get(link).content.decode()
    assert "<strong>ieva.kazlauskaite@pastas.example</strong>" in page
    assert email_of(ieva) == "specialiste@biblioteka.example", "opening the page changes nothing"

    confirmed = client.post(link, follow=True)

    assert confirmed.redirect_chain == [("/profilis/", 302)]
    assert "Jūsų el. pašto adresas dabar yra ieva.kazlauskaite@pastas.example." in (
        confirmed.content.decode()
    )
    assert email_of(ieva) == "ieva.kazlauskaite@pastas.example"
    used_again = client.post(link)
    assert used_again.status_code == 400
    assert "Ši nuoroda jau panaudota" in used_again.content.decode()


def test_the_address_of_another_account_is_refused_whatever_its_capital_letters(
    client_as, personas, smtp_server, django_capture_on_commit_callbacks
):
    client = client_as("specialiste")

    response = ask_for(client, "Vadove@Biblioteka.example", django_capture_on_commit_callbacks)

    assert response.status_code == 400
    assert TAKEN in response.content.decode()
    assert smtp_server.received == []
    assert email_of(personas["specialiste"]) == "specialiste@biblioteka.example"


def test_a_link_is_refused_when_another_account_took_the_address_meanwhile(
    client_as, personas, smtp_server, django_capture_on_commit_callbacks
):
    client = client_as("specialiste")
    ask_for(client, "bendras@biblioteka.example", django_capture_on_commit_callbacks)
    [link] = CONFIRM_LINK.findall(smtp_server.received[0].body)
    UserFactory(email="Bendras@biblioteka.example")

    response = client.post(link)

    assert response.status_code == 400
    assert TAKEN in response.content.decode()
    assert email_of(personas["specialiste"]) == "specialiste@biblioteka.example"


def test_a_link_opened_by_another_signed_in_person_changes_nothing(
    client_as, personas, smtp_server, django_capture_on_commit_callbacks
):
    ask_for(client_as("specialiste"), "ieva@pastas.example", django_capture_on_commit_callbacks)
    [link] = CONFIRM_LINK.findall(smtp_server.received[0].body)

    response = client_as("stebetojas").post(link)

    assert response.status_code == 400
    assert "Ši nuoroda išsiųsta kitai paskyrai." in response.content.decode()
    assert email_of(personas["stebetojas"]) == "stebetojas@biblioteka.example"
    assert email_of(personas["specialiste"]) == "specialiste@biblioteka.example"


def test_a_link_expires_after_a_day(
    client_as, personas, smtp_server, django_capture_on_commit_callbacks
):
    client = client_as("specialiste")
    ask_for(client, "ieva@pastas.example", django_capture_on_commit_callbacks)
    [link] = CONFIRM_LINK.findall(smtp_server.received[0].body)

    with time_machine.travel(timezone.now() + datetime.timedelta(days=1, minutes=1), tick=False):
        # Signed in again the next day (the session of yesterday has ended).
        response = client_as("specialiste").post(link)

    assert response.status_code == 400
    assert "Ši nuoroda nebegalioja." in response.content.decode()
    assert email_of(personas["specialiste"]) == "specialiste@biblioteka.example"


def test_the_database_refuses_two_accounts_with_one_address(personas):
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.filter(username="specialiste").update(email="VADOVE@biblioteka.example")

    # Accounts without an address are many, and that is allowed.
    UserFactory(email="")
    UserFactory(email="")


def test_a_reset_for_the_heads_address_reaches_the_head_alone(
    client_as, personas, smtp_server, django_capture_on_commit_callbacks
):
    """The probe: a colleague takes the head's address, then asks for a password reset."""
    ask_for(
        client_as("specialiste"), "vadove@biblioteka.example", django_capture_on_commit_callbacks
    )
    ask_for(
        client_as("stebetojas"), "vadove@biblioteka.example", django_capture_on_commit_callbacks
    )

    with django_capture_on_commit_callbacks(execute=True):
        Client().post("/slaptazodis/priminti/", {"email": "vadove@biblioteka.example"})

    [reset] = smtp_server.received
    assert reset.envelope_to == ["vadove@biblioteka.example"]
    assert "Jūsų naudotojo vardas: vadove" in reset.body
