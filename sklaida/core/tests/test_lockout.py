"""Guessing passwords: after a few failures the user name, and the guessing computer, are
locked out for a while; the administrator can lift a lockout at once. Successful sign-ins
are logged for a while too."""

from __future__ import annotations

import datetime

import time_machine
from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.test import Client
from django.utils import timezone

from sklaida.core.demo import DEMO_PASSWORD
from sklaida.core.tasks import delete_old_sign_in_logs
from sklaida.core.tests.factories import totp_code, turn_on_two_factor

LIMIT = settings.AXES_FAILURE_LIMIT
WRONG = "Neteisingas naudotojo vardas arba slaptažodis."
LOCKED = "Per daug nesėkmingų bandymų prisijungti. Bandykite vėl po 30 minučių."


def sign_in(client: Client, username: str, password: str):
    return client.post("/prisijungti/", {"username": username, "password": password})


def guess(client: Client, username: str, times: int) -> list[int]:
    return [
        sign_in(client, username, f"spejimas-{attempt}").status_code for attempt in range(times)
    ]


def signed_in(client: Client) -> bool:
    return client.get("/").status_code == 200


def test_the_lockout_comes_after_the_limit_of_wrong_passwords_and_stops_the_right_one(personas):
    assert LIMIT == 10
    guesser = Client(REMOTE_ADDR="203.0.113.5")

    assert guess(guesser, "vadove", LIMIT - 2) == [200] * (LIMIT - 2)
    assert WRONG in sign_in(guesser, "vadove", "spejimas-priespaskutinis").content.decode()
    last_guess = sign_in(guesser, "vadove", "spejimas-paskutinis")

    assert last_guess.status_code == 429
    page = last_guess.content.decode()
    assert '<h1 class="h4 mb-3">Prisijungimas užblokuotas</h1>' in page
    assert LOCKED in page
    # The head herself, from her own computer, with the right password: the name is locked.
    head = Client(REMOTE_ADDR="198.51.100.7")
    refused = sign_in(head, "vadove", DEMO_PASSWORD)
    assert refused.status_code == 429
    assert not signed_in(head)
    # A colleague on another computer is not affected.
    colleague = Client(REMOTE_ADDR="198.51.100.8")
    assert sign_in(colleague, "specialiste", DEMO_PASSWORD).status_code == 302


def test_the_lockout_ends_by_itself_after_the_cool_off(personas):
    guess(Client(REMOTE_ADDR="203.0.113.5"), "vadove", LIMIT)
    head = Client(REMOTE_ADDR="198.51.100.7")

    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=29), tick=False):
        assert sign_in(head, "vadove", DEMO_PASSWORD).status_code == 429
    # That attempt started the wait again.
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=60), tick=False):
        assert sign_in(head, "vadove", DEMO_PASSWORD).status_code == 302
        assert signed_in(head)


def test_a_computer_guessing_many_user_names_is_locked_out_whatever_name_it_tries(personas):
    guesser = Client(REMOTE_ADDR="203.0.113.9")
    for number in range(LIMIT):
        sign_in(guesser, f"naudotojas{number}", "spejimas")

    from_the_guesser = sign_in(guesser, "specialiste", DEMO_PASSWORD)
    from_elsewhere = sign_in(Client(REMOTE_ADDR="198.51.100.8"), "specialiste", DEMO_PASSWORD)

    assert from_the_guesser.status_code == 429
    assert from_elsewhere.status_code == 302


def test_wrong_codes_after_a_right_password_count_as_failed_sign_ins(personas):
    device, _codes = turn_on_two_factor(personas["specialiste"])
    guesser = Client(REMOTE_ADDR="203.0.113.5")
    assert sign_in(guesser, "specialiste", DEMO_PASSWORD).url == "/prisijungti/kodas/"

    answers = [
        guesser.post("/prisijungti/kodas/", {"code": f"{number:06d}"}).status_code
        for number in range(LIMIT)
    ]

    assert answers == [200] * (LIMIT - 1) + [429]
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=40), tick=False):
        right_code = guesser.post("/prisijungti/kodas/", {"code": totp_code(device)})
    assert right_code.status_code == 429
    assert not signed_in(guesser)


def test_the_administrator_lifts_a_lockout_from_the_user_list(client_as, personas):
    guess(Client(REMOTE_ADDR="203.0.113.5"), "vadove", LIMIT)
    head = Client(REMOTE_ADDR="198.51.100.7")
    assert sign_in(head, "vadove", DEMO_PASSWORD).status_code == 429
    admin = client_as("admin")
    attempts = admin.get("/admin/axes/accessattempt/").content.decode()
    assert "203.0.113.5" in attempts
    assert "Bandymai prisijungti" in attempts

    response = admin.post(
        "/admin/core/user/",
        {"action": "lift_sign_in_lockout", "_selected_action": [personas["vadove"].pk]},
        follow=True,
    )

    assert "Nesėkmingi pažymėtų naudotojų bandymai prisijungti pamiršti" in (
        response.content.decode()
    )
    assert not AccessAttempt.objects.filter(username="vadove").exists()
    assert sign_in(head, "vadove", DEMO_PASSWORD).status_code == 302
    assert signed_in(head)


def test_the_administrator_unlocks_a_computer_by_deleting_its_attempts(client_as, personas):
    guesser = Client(REMOTE_ADDR="203.0.113.9")
    for number in range(LIMIT):
        sign_in(guesser, f"naudotojas{number}", "spejimas")
    assert sign_in(guesser, "specialiste", DEMO_PASSWORD).status_code == 429
    attempts = AccessAttempt.objects.filter(ip_address="203.0.113.9")

    client_as("admin").post(
        "/admin/axes/accessattempt/",
        {
            "action": "delete_selected",
            "_selected_action": list(attempts.values_list("pk", flat=True)),
            "post": "yes",
        },
    )

    assert not attempts.exists()
    assert sign_in(guesser, "specialiste", DEMO_PASSWORD).status_code == 302


def test_successful_sign_ins_are_logged_for_the_administrator_and_forgotten_after_half_a_year(
    client_as, personas
):
    sign_in(Client(REMOTE_ADDR="198.51.100.7"), "vadove", DEMO_PASSWORD)
    log = client_as("admin").get("/admin/axes/accesslog/").content.decode()
    assert "198.51.100.7" in log
    assert "vadove" in log

    with time_machine.travel(timezone.now() + datetime.timedelta(days=150), tick=False):
        sign_in(Client(REMOTE_ADDR="198.51.100.8"), "specialiste", DEMO_PASSWORD)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=181), tick=False):
        delete_old_sign_in_logs.enqueue()

    remaining = AccessLog.objects.filter(ip_address__startswith="198.51.100.")
    assert list(remaining.values_list("username", flat=True)) == ["specialiste"]
