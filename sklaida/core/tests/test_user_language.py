"""A signed-in person's profile language, and public pages whose address says the language."""

from __future__ import annotations

from django.conf import settings
from django.test import Client

from sklaida.events.tests.factories import EventFactory


def test_staff_pages_speak_the_language_of_the_profile(client_as, personas):
    personas["specialiste"].language = "en"
    personas["specialiste"].save(update_fields=["language"])

    response = client_as("specialiste").get("/uzduotys/")

    assert response.headers["Content-Language"] == "en"
    assert '<html lang="en"' in response.content.decode()


def test_a_public_page_speaks_the_language_of_its_address_to_a_signed_in_person(
    client_as, personas
):
    EventFactory(title="Poezijos vakaras", title_en="Poetry evening")
    personas["specialiste"].language = "en"
    personas["specialiste"].save(update_fields=["language"])
    client = client_as("specialiste")

    lithuanian = client.get("/renginiai/").content.decode()
    assert '<html lang="lt"' in lithuanian
    assert "Poezijos vakaras" in lithuanian

    personas["specialiste"].language = "lt"
    personas["specialiste"].save(update_fields=["language"])
    english = client.get("/en/events/").content.decode()
    assert '<html lang="en"' in english
    assert "Poetry evening" in english


def test_a_signed_out_person_keeps_the_language_of_the_cookie_on_staff_pages(db):
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    page = client.get("/prisijungti/").content.decode()

    assert '<html lang="en"' in page


def test_the_language_cookie_does_not_change_a_public_page(personas):
    EventFactory(title="Poezijos vakaras", title_en="Poetry evening")
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    page = client.get("/renginiai/").content.decode()

    assert '<html lang="lt"' in page
    assert "Poezijos vakaras" in page
