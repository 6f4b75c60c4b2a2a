"""How long one stays signed in: until the browser closes and at most a working day, or
two weeks with "remember me"."""

from __future__ import annotations

import datetime

import time_machine
from django.conf import settings
from django.test import Client

from sklaida.core.demo import DEMO_PASSWORD
from sklaida.core.tests.factories import totp_code, turn_on_two_factor

START = datetime.datetime(2026, 11, 25, 8, 30, tzinfo=datetime.UTC)


def sign_in(client: Client, *, remember: bool, username: str = "specialiste"):
    data = {"username": username, "password": DEMO_PASSWORD}
    if remember:
        data["remember"] = "on"
    return client.post("/prisijungti/", data)


def signed_in(client: Client) -> bool:
    return client.get("/").status_code == 200


def at(delta: datetime.timedelta) -> time_machine.travel:
    return time_machine.travel(START + delta, tick=False)


def test_the_sign_in_form_offers_to_remember_me_for_fourteen_days(db):
    page = Client().get("/prisijungti/").content.decode()

    assert 'type="checkbox" name="remember"' in page
    assert ">Prisiminti mane 14 dienų</label>" in page
    assert "ne vėliau kaip po 8 valandų" in page


def test_without_remember_me_the_session_ends_with_the_browser_and_after_eight_hours(personas):
    assert settings.SESSION_COOKIE_AGE == 8 * 3600
    client = Client()

    with at(datetime.timedelta()):
        sign_in(client, remember=False)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        assert cookie["max-age"] == "" and cookie["expires"] == "", "a browser-session cookie"
    with at(datetime.timedelta(hours=7, minutes=55)):
        assert signed_in(client)
    with at(datetime.timedelta(hours=8, minutes=1)):
        assert not signed_in(client)


def test_remember_me_keeps_the_session_for_fourteen_days(personas):
    client = Client()

    with at(datetime.timedelta()):
        sign_in(client, remember=True)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        assert int(cookie["max-age"]) == 14 * 24 * 3600
    with at(datetime.timedelta(hours=9)):
        assert signed_in(client)
    with at(datetime.timedelta(days=13, hours=23)):
        assert signed_in(client)
    with at(datetime.timedelta(days=14, minutes=1)):
        assert not signed_in(client)


def test_remember_me_carries_through_the_code_step(personas):
    with at(-datetime.timedelta(minutes=5)):
        device, _codes = turn_on_two_factor(personas["vadove"])
    client = Client()

    with at(datetime.timedelta()):
        sign_in(client, remember=True, username="vadove")
        client.post("/prisijungti/kodas/", {"code": totp_code(device)})
        assert int(client.cookies[settings.SESSION_COOKIE_NAME]["max-age"]) == 14 * 24 * 3600
    with at(datetime.timedelta(days=3)):
        assert signed_in(client)
