"""The main menu: only built areas, only what the signed-in person may open."""

import re


def menu_of(page: str) -> list[str]:
    menu = page.split('id="main-menu"', 1)[1].split("</ul>", 1)[0]
    return [label.strip() for label in re.findall(r'class="nav-link[^"]*"[^>]*>([^<]+)</a>', menu)]


def test_staff_see_the_built_areas_only(client_as):
    page = client_as("specialiste").get("/").content.decode()

    assert menu_of(page) == [
        "Mano darbai",
        "Renginiai",
        "Komunikacija",
        "Medijų archyvas",
        "Dizainas",
        "Projektai",
        "Kontaktai",
        "Konsultacijos",
        "Užduotys",
        "Bibliotekos",
    ]
    assert 'aria-current="page">Mano darbai' in page


def test_the_current_area_is_marked_for_screen_readers(client_as):
    page = client_as("vadove").get("/uzduotys/").content.decode()

    assert 'aria-current="page">Užduotys' in page
    assert 'aria-current="page">Mano darbai' not in page


def test_only_the_administrator_is_offered_the_administration(client_as):
    assert "Administravimas" in client_as("admin").get("/").content.decode()
    assert "Administravimas" not in client_as("vadove").get("/").content.decode()


def test_a_territory_specialist_is_offered_her_events_projects_and_consultations_only(
    client_as,
):
    page = client_as("teritorija").get("/").content.decode()

    assert menu_of(page) == [
        "Mano darbai",
        "Renginiai",
        "Projektai",
        "Konsultacijos",
        "Užduotys",
        "Bibliotekos",
    ]
