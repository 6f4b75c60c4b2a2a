"""Space projects (4.4): made through the pages, read by the department, shown on the
space's page while they hang there, their photos filed in the media archive."""

from __future__ import annotations

import datetime
import random
import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from sklaida.archive.demo import demo_photo
from sklaida.archive.models import Asset
from sklaida.core.models import Library, Space
from sklaida.design import panels
from sklaida.design.demo_spaces import load_space_projects
from sklaida.design.models import SpaceItem, SpaceProject
from sklaida.settings import folder
from sklaida.testing.pages import text_of
from sklaida.testing.queries import queries_to_render

LIST_URL = "/dizainas/erdves/"


@pytest.fixture(autouse=True)
def design_panel_on_space_pages():
    """DesignConfig.ready registers the panel; registering again adds nothing."""
    panels.register_panels()


@pytest.fixture(autouse=True)
def upload_staging(settings, tmp_path):
    settings.ARCHIVE_UPLOAD_STAGING = folder(tmp_path / "uploads")


@pytest.fixture
def county(personas) -> Library:
    return personas["vadove"].library


@pytest.fixture
def exhibition_hall(county) -> Space:
    return Space.objects.get(library=county, name="Parodų erdvė")


def make_project(personas, library, title="Parodų salės sienų grafika", **fields):
    return SpaceProject.objects.create(
        title=title, library=library, responsible=personas["specialiste"], **fields
    )


def make_item(project, space, title, **fields):
    return SpaceItem.objects.create(
        project=project, space=space, kind=SpaceItem.Kind.WALL_GRAPHIC, title=title, **fields
    )


def test_a_specialist_creates_a_project_and_adds_its_items_through_the_pages(
    client_as, personas, county, exhibition_hall
):
    # The 2nd of March of last year: a day already passed, whatever today is.
    installed = datetime.date(timezone.localdate().year - 1, 3, 2)
    client = client_as("specialiste")
    form = client.get("/dizainas/erdves/naujas/")
    assert "Naujas erdvių projektas" in text_of(form)

    response = client.post(
        "/dizainas/erdves/naujas/",
        {
            "title": "Vaikų skaityklos sienų grafika",
            "library": county.pk,
            "responsible": personas["specialiste"].pk,
            "description": "Citata ant galinės sienos.",
        },
        follow=True,
    )
    project = SpaceProject.objects.get(title="Vaikų skaityklos sienų grafika")
    assert response.redirect_chain[-1][0] == f"/dizainas/erdves/{project.pk}/"
    assert "Erdvių projektas sukurtas" in text_of(response)
    assert project.status == SpaceProject.Status.PLANNED

    response = client.post(
        f"/dizainas/erdves/{project.pk}/elementai/naujas/",
        {
            "space": exhibition_hall.pk,
            "kind": SpaceItem.Kind.WALL_GRAPHIC,
            "title": "Citata apie knygas",
            "width_mm": "3500",
            "height_mm": "900",
            "material": "Matinė vinilo plėvelė",
            "quantity": "2",
            "unit_cost": "210.25",
            "installed_on": installed.isoformat(),
        },
        follow=True,
    )
    page = text_of(response)
    assert "Elementas pridėtas" in page
    assert "Citata apie knygas" in page
    assert "3 500 × 900 mm" in page
    assert "Matinė vinilo plėvelė" in page
    assert "Parodų erdvė" in page
    assert "420,50 €" in page
    assert f"{installed.year} m. kovo 2 d." in page

    item = project.items.get()
    response = client.post(
        f"/dizainas/erdves/{project.pk}/elementai/{item.pk}/keisti/",
        {
            "space": exhibition_hall.pk,
            "kind": SpaceItem.Kind.WALL_GRAPHIC,
            "title": "Citata apie knygas",
            "quantity": "2",
            "installed_on": installed.isoformat(),
            "removed_on": (installed - datetime.timedelta(days=29)).isoformat(),
        },
    )
    assert "Elementas negali būti nuimtas anksčiau, nei pakabintas." in text_of(response)
    item.refresh_from_db()
    assert item.removed_on is None


def test_the_project_moves_only_to_the_statuses_that_may_follow(client_as, personas, county):
    project = make_project(personas, county)
    client = client_as("vadove")
    form = client.get(f"/dizainas/erdves/{project.pk}/keisti/")
    options = re.findall(r'<option value="(\w+)"', form.content.decode().split('name="status"')[1])
    assert options[:3] == ["planned", "in_progress", "installed"]
    assert "completed" not in options[:3]

    client.post(
        f"/dizainas/erdves/{project.pk}/keisti/",
        {
            "title": project.title,
            "library": county.pk,
            "responsible": personas["specialiste"].pk,
            "status": "in_progress",
        },
    )
    project.refresh_from_db()
    assert project.status == SpaceProject.Status.IN_PROGRESS


def test_a_viewer_reads_the_projects_but_cannot_change_them(
    client_as, personas, county, exhibition_hall
):
    project = make_project(personas, county)
    make_item(project, exhibition_hall, "Citata apie knygas")
    client = client_as("stebetojas")

    page = text_of(client.get(LIST_URL))
    assert "Parodų salės sienų grafika" in page
    assert "Naujas erdvių projektas" not in page
    detail = client.get(project.get_absolute_url())
    assert "Citata apie knygas" in text_of(detail)
    assert "Pridėti elementą" not in text_of(detail)
    assert "/keisti/" not in detail.content.decode()

    assert client.get("/dizainas/erdves/naujas/").status_code == 403
    refused = client.post(
        f"/dizainas/erdves/{project.pk}/elementai/naujas/",
        {"space": exhibition_hall.pk, "kind": "sign", "title": "Lentelė", "quantity": "1"},
    )
    assert refused.status_code == 403
    assert project.items.count() == 1


def test_a_territory_specialist_does_not_see_space_projects(client_as, personas, county):
    project = make_project(personas, county)
    client = client_as("teritorija")
    assert client.get(LIST_URL).status_code == 403
    assert client.get(project.get_absolute_url()).status_code == 403


def test_the_space_page_shows_what_hangs_there_now_and_not_what_was_removed(
    client_as, personas, county, exhibition_hall
):
    today = timezone.localdate()
    project = make_project(personas, county, title="Parodų salės sienų grafika")
    make_item(
        project,
        exhibition_hall,
        "Senoji parodos antraštė",
        installed_on=today - datetime.timedelta(days=300),
        removed_on=today - datetime.timedelta(days=1),
    )
    make_item(
        project,
        exhibition_hall,
        "Citata apie knygas",
        installed_on=today - datetime.timedelta(days=10),
        width_mm=3500,
        height_mm=900,
    )
    make_item(
        project,
        exhibition_hall,
        "Stendas, nuimamas šiandien",
        installed_on=today - datetime.timedelta(days=30),
        removed_on=today,
    )
    make_item(
        project,
        exhibition_hall,
        "Raidės virš įėjimo",
        installed_on=today + datetime.timedelta(days=14),
    )

    library_page = client_as("specialiste").get(county.get_absolute_url())
    assert f'href="/erdves/{exhibition_hall.pk}/"' in library_page.content.decode()

    page = text_of(client_as("specialiste").get(f"/erdves/{exhibition_hall.pk}/"))
    now, _sep, planned = page.partition("Planuojama toliau")
    assert "Parodų erdvė" in now
    assert "Citata apie knygas" in now
    assert "3 500 × 900 mm" in now
    assert "Stendas, nuimamas šiandien" in now
    assert "Parodų salės sienų grafika" in now
    assert "Senoji parodos antraštė" not in page
    assert "Raidės virš įėjimo" in planned
    assert "Raidės virš įėjimo" not in now


def test_the_territory_specialist_sees_her_library_space_without_the_design_panel(
    client_as, personas
):
    space = personas["teritorija"].library.spaces.first()
    project = make_project(personas, space.library, title="Renginių salės ženklinimas")
    make_item(project, space, "Salės pavadinimas", installed_on=timezone.localdate())

    page = client_as("teritorija").get(space.get_absolute_url())
    assert page.status_code == 200
    assert space.name in text_of(page)
    assert "Salės pavadinimas" not in text_of(page)
    assert "Salės pavadinimas" in text_of(client_as("vadove").get(space.get_absolute_url()))

    other = Space.objects.exclude(library=space.library).first()
    assert client_as("teritorija").get(other.get_absolute_url()).status_code == 404


def test_photos_filed_in_the_archive_appear_on_the_project_page(
    client_as, personas, county, tmp_path, django_capture_on_commit_callbacks
):
    project = make_project(personas, county)
    path = tmp_path / "IMG_3001.JPG"
    demo_photo(
        path,
        caption="Nauja sienų grafika",
        taken=timezone.now(),
        rng=random.Random(11),
        size=(640, 427),
    )
    client = client_as("specialiste")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/dizainas/erdves/{project.pk}/nuotraukos/",
            {
                "photos": [
                    SimpleUploadedFile("IMG_3001.JPG", path.read_bytes(), "image/jpeg"),
                    SimpleUploadedFile("pastabos.jpg", b"tai ne nuotrauka", "image/jpeg"),
                ]
            },
        )
    assert response.url == f"/dizainas/erdves/{project.pk}/#photos"
    response = client.get(project.get_absolute_url())  # the previews are made by now

    asset = project.photos.get()
    assert asset.original_name == "IMG_3001.JPG"
    assert asset.thumbnail_url
    page = text_of(response)
    assert "1 nuotrauka įkelta į medijų archyvą." in page
    assert "„pastabos.jpg“ neįkelta:" in page
    html = response.content.decode()
    assert f'href="{asset.get_absolute_url()}"' in html
    assert f'src="{asset.thumbnail_url}"' in html
    assert not Asset.objects.filter(original_name="pastabos.jpg").exists()


def test_cost_totals_are_shown_in_lithuanian_format(client_as, personas, county, exhibition_hall):
    project = make_project(personas, county)
    make_item(project, exhibition_hall, "Citata", quantity=2, unit_cost=Decimal("420.25"))
    classroom = Space.objects.get(library=county, name="Edukacijų klasė")
    make_item(project, classroom, "Abėcėlė", quantity=1, unit_cost=Decimal("814.00"))
    make_item(project, classroom, "Rodyklė be kainos")

    detail = client_as("specialiste").get(project.get_absolute_url())
    page = text_of(detail)
    assert "Iš viso kainuoja 1 654,50 €" in page
    assert "Kaina erdvėje „Parodų erdvė“ 840,50 €" in page
    assert "Kaina erdvėje „Edukacijų klasė“ 814,00 €" in page
    assert "420,25 € už vienetą" in page
    assert "1\xa0654,50\xa0€" in detail.content.decode()

    listing = text_of(client_as("specialiste").get(LIST_URL, {"library": county.pk}))
    assert "1 654,50 €" in listing


def test_the_list_filters_by_library_status_and_space(client_as, personas, county, exhibition_hall):
    signs = make_project(personas, county, title="Edukacijų klasės ženklinimas")
    make_item(signs, Space.objects.get(library=county, name="Edukacijų klasė"), "Lentelė")
    walls = make_project(
        personas, county, title="Parodų salės grafika", status=SpaceProject.Status.INSTALLED
    )
    make_item(walls, exhibition_hall, "Citata")
    client = client_as("stebetojas")

    by_space = text_of(client.get(LIST_URL, {"space": exhibition_hall.pk}))
    assert "Parodų salės grafika" in by_space
    assert "Edukacijų klasės ženklinimas" not in by_space
    by_status = text_of(client.get(LIST_URL, {"status": "planned", "library": county.pk}))
    assert "Edukacijų klasės ženklinimas" in by_status
    assert "Parodų salės grafika" not in by_status


def test_the_list_makes_as_many_queries_for_ten_projects_as_for_one(
    client_as, personas, county, exhibition_hall, django_assert_num_queries
):
    client = client_as("specialiste")
    make_item(make_project(personas, county, title="Projektas 0"), exhibition_hall, "Lentelė")
    one = queries_to_render(client, LIST_URL)
    for number in range(1, 10):
        project = make_project(personas, county, title=f"Projektas {number}")
        make_item(project, exhibition_hall, "Lentelė", unit_cost=Decimal(10))
        make_item(project, exhibition_hall, "Rodyklė")
    with django_assert_num_queries(one):
        response = client.get(LIST_URL)
    assert "Projektas 9" in text_of(response)


def test_the_demo_space_projects_load_once_and_show_on_the_space_page(client_as, county):
    load_space_projects()
    load_space_projects()
    assert SpaceProject.objects.filter(title="Parodų salės sienų grafika").count() == 1
    classroom = Space.objects.get(library=county, name="Edukacijų klasė")

    now, _sep, _planned = text_of(client_as("vadove").get(classroom.get_absolute_url())).partition(
        "Planuojama toliau"
    )
    assert "Sieninis lipdukas su abėcėle" in now
    assert "Senoji durų lentelė" not in now
    listing = text_of(client_as("vadove").get(LIST_URL))
    assert "Edukacijų klasės ženklinimas" in listing
    assert "Užbaigtas" in listing
