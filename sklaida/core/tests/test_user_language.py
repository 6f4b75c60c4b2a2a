"""A signed-in person's profile language, and public pages whose address says the language."""

from __future__ import annotations

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
