"""Two-factor sign-in: turning it on with a QR code, the code after the password, recovery
codes, the roles that must have it, and the admin site."""

from __future__ import annotations

import base64
import datetime
import re

import time_machine
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from sklaida.core.demo import DEMO_PASSWORD
from sklaida.core.tests.factories import totp_code, turn_on_two_factor

CODE_PAGE = "/prisijungti/kodas/"
TWO_FACTOR_PAGE = "/profilis/dvieju-veiksniu/"
SETUP_PAGE = "/profilis/dvieju-veiksniu/nustatyti/"


def sign_in(client: Client, username: str, password: str = DEMO_PASSWORD, next_url: str = ""):
    return client.post(
        "/prisijungti/",
        {"username": username, "password": password, "next": next_url},
        follow=True,
    )


def enter_code(client: Client, code: str):
    return client.post(CODE_PAGE, {"code": code}, follow=True)


def later(seconds: int) -> time_machine.travel:
    """A moment later: an authenticator shows a new code every 30 seconds, and django-otp
    accepts each code once and makes a second try after a wrong one wait a second."""
    return time_machine.travel(timezone.now() + datetime.timedelta(seconds=seconds), tick=False)


def test_a_specialist_turns_on_two_factor_sign_in_by_scanning_a_qr_code_and_confirming_a_code(
    client_as, personas
):
    client = client_as("specialiste")
    profile = client.get("/profilis/").content.decode()
    assert "Dviejų veiksnių prisijungimas</a>:" in profile
    assert "išjungtas" in profile

    started = client.post(SETUP_PAGE, follow=True)

    assert started.redirect_chain == [(SETUP_PAGE, 302)]
    page = started.content.decode()
    assert "Nustatyti dviejų veiksnių prisijungimą" in page
    [data_uri] = re.findall(r'<img src="data:image/svg\+xml;base64,([^"]+)"', page)
    svg = base64.b64decode(data_uri).decode()
    assert "<svg" in svg
    assert "<path" in svg
    assert 'alt="QR kodas Sklaidai įtraukti į autentifikavimo programėlę"' in page
    device = TOTPDevice.objects.get(user=personas["specialiste"])
    assert device.confirmed is False
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    assert f"<code>{' '.join(key[i : i + 4] for i in range(0, len(key), 4))}</code>" in page

    wrong = client.post(SETUP_PAGE, {"code": "000000"}).content.decode()
    assert "Kodas neteisingas. Patikrinkite laiką telefone ir įveskite naujausią kodą." in wrong
    personas["specialiste"].refresh_from_db()
    assert personas["specialiste"].two_factor_enabled is False

    with later(2):
        done = client.post(SETUP_PAGE, {"code": totp_code(device)})

        page = done.content.decode()
        assert "Dviejų veiksnių prisijungimas įjungtas." in page
        assert "Jie rodomi tik dabar" in page
        codes = set(
            StaticToken.objects.filter(device__user=personas["specialiste"]).values_list(
                "token", flat=True
            )
        )
        assert len(codes) == 10
        assert all(f'<li class="col">{code}</li>' in page for code in codes)
        personas["specialiste"].refresh_from_db()
        assert personas["specialiste"].two_factor_enabled is True
        # Shown once: the page about it counts them, never lists them again.
        status = client.get(TWO_FACTOR_PAGE).content.decode()
        assert "Turite 10 nepanaudotų atsarginių kodų." in status
        assert not any(code in status for code in codes)


def test_with_two_factor_on_the_password_alone_does_not_sign_in_the_code_does(personas):
    device, _codes = turn_on_two_factor(personas["specialiste"])
    client = Client()

    response = sign_in(client, "specialiste", next_url="/uzduotys/")

    assert response.redirect_chain == [(CODE_PAGE, 302)]
    page = response.content.decode()
    assert '<h1 class="h4 mb-3">Prisijungimo kodas</h1>' in page
    assert 'autocomplete="one-time-code"' in page
    assert client.get("/uzduotys/").url == "/prisijungti/?next=/uzduotys/"

    with later(30):
        wrong = enter_code(client, "123456")
        assert wrong.redirect_chain == []
        assert "Kodas neteisingas." in wrong.content.decode()
        assert client.get("/uzduotys/").status_code == 302

    with later(60):
        signed_in = enter_code(client, totp_code(device))

        assert signed_in.redirect_chain == [("/uzduotys/", 302)]
        assert '<h1 class="h3">Užduotys</h1>' in signed_in.content.decode()


def test_a_code_without_a_right_password_a_moment_before_signs_nobody_in(personas):
    device, _codes = turn_on_two_factor(personas["specialiste"])
    client = Client()

    with later(30):
        response = enter_code(client, totp_code(device))

    assert response.redirect_chain == [("/prisijungti/", 302)]
    assert "Prisijunkite iš naujo naudotojo vardu ir slaptažodžiu." in response.content.decode()
    assert client.get("/").status_code == 302


def test_the_code_step_expires_after_five_minutes(personas):
    device, _codes = turn_on_two_factor(personas["specialiste"])
    client = Client()
    sign_in(client, "specialiste")

    with later(6 * 60):
        response = enter_code(client, totp_code(device))

        assert response.redirect_chain == [("/prisijungti/", 302)]
        assert client.get("/").status_code == 302


def test_a_recovery_code_signs_in_once_and_says_how_many_are_left(personas):
    _device, codes = turn_on_two_factor(personas["specialiste"])
    client = Client()
    sign_in(client, "specialiste")

    response = enter_code(client, codes[0].upper())

    assert response.redirect_chain == [("/", 302)]
    assert "Prisijungėte atsarginiu kodu; liko 9 kodai." in response.content.decode()

    again = Client()
    sign_in(again, "specialiste")
    with later(5):
        reused = enter_code(again, codes[0])
    assert "Kodas neteisingas." in reused.content.decode()
    assert again.get("/").status_code == 302


def test_new_recovery_codes_replace_the_old_ones(client_as, personas):
    _device, old_codes = turn_on_two_factor(personas["specialiste"])
    client = Client()
    sign_in(client, "specialiste")
    enter_code(client, old_codes[0])

    page = client.post("/profilis/dvieju-veiksniu/atsarginiai-kodai/").content.decode()

    new_codes = list(
        StaticToken.objects.filter(device__user=personas["specialiste"]).values_list(
            "token", flat=True
        )
    )
    assert len(new_codes) == 10
    assert all(code in page for code in new_codes)
    assert not set(old_codes) & set(new_codes)


def test_a_session_that_never_gave_the_code_is_signed_out(personas):
    """A session opened before she turned two-factor sign-in on (or past the sign-in page)."""
    turn_on_two_factor(personas["specialiste"])
    client = Client()
    client.force_login(personas["specialiste"])

    response = client.get("/uzduotys/", follow=True)

    assert response.redirect_chain == [("/prisijungti/?next=/uzduotys/", 302)]
    assert "Jūsų paskyrai įjungtas dviejų veiksnių prisijungimas" in response.content.decode()
    assert client.get("/").status_code == 302


def test_two_factor_sign_in_is_turned_off_only_with_a_valid_code(personas):
    device, _codes = turn_on_two_factor(personas["specialiste"])
    client = Client()
    sign_in(client, "specialiste")
    with later(30):
        enter_code(client, totp_code(device))

    with later(60):
        refused = client.post("/profilis/dvieju-veiksniu/isjungti/", {"code": "000000"})
        assert refused.status_code == 400
        assert "Kodas neteisingas." in refused.content.decode()
        personas["specialiste"].refresh_from_db()
        assert personas["specialiste"].two_factor_enabled is True

    with later(90):
        turned_off = client.post(
            "/profilis/dvieju-veiksniu/isjungti/", {"code": totp_code(device)}, follow=True
        )

    assert "Dviejų veiksnių prisijungimas išjungtas." in turned_off.content.decode()
    personas["specialiste"].refresh_from_db()
    assert personas["specialiste"].two_factor_enabled is False
    assert not TOTPDevice.objects.filter(user=personas["specialiste"]).exists()
    assert '<h1 class="h3">Mano darbai</h1>' in client.get("/").content.decode()


def test_the_head_must_set_it_up_before_anything_else_when_her_role_requires_it(
    client_as, personas, settings
):
    settings.OTP_REQUIRED_FOR_ROLES = ["head", "admin"]
    client = client_as("vadove")

    response = client.get("/uzduotys/", follow=True)

    assert response.redirect_chain == [(TWO_FACTOR_PAGE, 302)]
    assert "Jūsų vaidmeniui būtinas dviejų veiksnių prisijungimas." in response.content.decode()
    assert client.get("/renginiai/").status_code == 200, "public pages need no sign-in"
    assert client_as("admin").get("/admin/").url == TWO_FACTOR_PAGE
    assert client_as("specialiste").get("/uzduotys/").status_code == 200

    client.post(SETUP_PAGE)
    device = TOTPDevice.objects.get(user=personas["vadove"])
    client.post(SETUP_PAGE, {"code": totp_code(device)})

    assert client.get("/uzduotys/").status_code == 200
    page = client.get(TWO_FACTOR_PAGE).content.decode()
    assert (
        "Jūsų vaidmeniui būtinas dviejų veiksnių prisijungimas, todėl jis lieka įjungtas." in page
    )
    assert "Išjungti dviejų veiksnių prisijungimą" not in page


def test_without_the_setting_nobody_is_asked_to_set_it_up(client_as, personas, settings):
    assert settings.OTP_REQUIRED_FOR_ROLES == []

    assert client_as("vadove").get("/uzduotys/").status_code == 200
    assert client_as("admin").get("/admin/").status_code == 200


def test_the_admin_site_asks_an_administrator_with_two_factor_on_for_the_code(personas):
    device, _codes = turn_on_two_factor(personas["admin"])
    without_code = Client()
    without_code.force_login(personas["admin"])

    assert without_code.get("/admin/").url == "/prisijungti/?next=/admin/"

    client = Client()
    response = sign_in(client, "admin", next_url="/admin/")
    assert response.redirect_chain == [(CODE_PAGE, 302)]
    with later(30):
        response = enter_code(client, totp_code(device))

        assert response.redirect_chain == [("/admin/", 302)]
        assert "Sklaidos administravimas" in response.content.decode()


def test_the_admin_sign_in_address_leads_to_the_one_sign_in_page(personas):
    client = Client()

    page = client.get("/admin/login/?next=/admin/core/user/")
    password_only = client.post(
        "/admin/login/", {"username": "admin", "password": DEMO_PASSWORD, "next": "/admin/"}
    )

    assert page.url == "/prisijungti/?next=/admin/core/user/"
    assert password_only.url == "/prisijungti/?next=/admin/"
    assert client.get("/admin/").url == "/admin/login/?next=/admin/"
