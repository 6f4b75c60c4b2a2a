"""Every list's search box is the one search: an inflected word typed without diacritics
finds its row, and a row without the word stays out."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from sklaida.communication.tests.factories import ContentItemFactory
from sklaida.consultations.tests.factories import ConsultationFactory
from sklaida.contacts.tests.factories import OrganisationFactory, PersonFactory
from sklaida.core import search
from sklaida.core.models import Equipment, Library
from sklaida.core.tests.factories import TaskFactory
from sklaida.events.tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def _equipment(name: str) -> Equipment:
    county = Library.objects.get(kind=Library.Kind.COUNTY)
    return Equipment.objects.create(library=county, name=name, kind=Equipment.Kind.OTHER)


# list URL, how to make the row that must be found and the one that must not, the query
LISTS = [
    (
        "/veikla/renginiai/",
        lambda: EventFactory(title="Žuvėdrų paroda bibliotekoje"),
        lambda: EventFactory(title="Kino vakaras"),
        "zuvedros parodos",
    ),
    (
        "/komunikacija/",
        lambda: ContentItemFactory(title="Kvietimas į žuvėdrų parodą"),
        lambda: ContentItemFactory(title="Darbo laikas per šventes"),
        "zuvedru paroda",
    ),
    (
        "/kontaktai/",
        lambda: PersonFactory(first_name="Rūta", last_name="Žuvėdrienė"),
        lambda: PersonFactory(first_name="Rūta", last_name="Kazlauskienė"),
        "zuvedrienes",
    ),
    (
        "/kontaktai/organizacijos/",
        lambda: OrganisationFactory(name="Žuvėdrų gimnazija"),
        lambda: OrganisationFactory(name="Kelmės gimnazija"),
        "zuvedru gimnazijos",
    ),
    (
        "/konsultacijos/",
        lambda: ConsultationFactory(
            library=Library.objects.get(kind=Library.Kind.COUNTY),
            question="Kaip parengti žuvėdrų parodą?",
        ),
        lambda: ConsultationFactory(
            library=Library.objects.get(kind=Library.Kind.COUNTY),
            question="Kaip rašyti pranešimą spaudai?",
        ),
        "zuvedros",
    ),
    (
        "/archyvas/iranga/",
        lambda: _equipment("Žuvėdrų stendas"),
        lambda: _equipment("Projektorius"),
        "zuvedru stendai",
    ),
    (
        "/uzduotys/?scope=all",
        lambda: TaskFactory(title="Pakabinti žuvėdrų stendą"),
        lambda: TaskFactory(title="Užsakyti kavą"),
        "zuvedros",
    ),
]


def _label(row) -> str:
    """What marks the row on the list: its link, as search registered it."""
    return f'href="{search.searchable_for(type(row)).url(row)}"'


@pytest.mark.parametrize(("url", "make_found", "make_other", "query"), LISTS)
def test_each_list_finds_an_inflected_word_typed_without_diacritics(
    client_as, personas, url, make_found, make_other, query
):
    found, other = make_found(), make_other()
    separator = "&" if "?" in url else "?"

    page = client_as("vadove").get(f"{url}{separator}q={query}").content.decode()

    assert _label(found) in page
    assert _label(other) not in page


def test_the_events_register_says_it_shows_from_today_on_and_searches_every_date(
    client_as, personas
):
    past = EventFactory(
        title="Žuvėdrų šventė",
        starts_at=timezone.now() - datetime.timedelta(days=400),
        ends_at=timezone.now() - datetime.timedelta(days=400, hours=-2),
    )
    client = client_as("specialiste")

    opening = client.get("/veikla/renginiai/").content.decode()
    searched = client.get("/veikla/renginiai/", {"q": "zuvedru"}).content.decode()

    assert "Rodomi renginiai nuo šiandien." in opening
    assert "Rodyti ir praėjusius renginius" in opening
    assert past.title not in opening
    assert "Ieškoma visų datų renginių, tinkamiausi rodomi pirmiausia." in searched
    assert past.title in searched


def test_beyond_the_rank_limit_matches_keep_the_lists_own_order(monkeypatch, personas):
    from sklaida.events.models import Event

    now = timezone.now()
    best = EventFactory(title="Žuvėdrų žuvėdros", starts_at=now - datetime.timedelta(days=30))
    newer = EventFactory(
        title="Vakaras", summary="Apie žuvėdras.", starts_at=now - datetime.timedelta(days=2)
    )
    newest = EventFactory(
        title="Popietė", summary="Ir žuvėdros.", starts_at=now - datetime.timedelta(days=1)
    )
    events = Event.objects.filter(pk__in=[best.pk, newer.pk, newest.pk])

    ranked = list(search.ordered(events, "zuvedros"))
    monkeypatch.setattr(search, "RANK_LIMIT", 2)
    by_date = list(search.ordered(events, "zuvedros"))

    assert ranked[0] == best
    assert by_date == [newest, newer, best]


def test_a_person_is_found_by_her_organisation_as_it_is_named_now(
    client_as, personas, django_capture_on_commit_callbacks
):
    from sklaida.contacts.models import Membership

    school = OrganisationFactory(name="Žuvėdrų gimnazija")
    teacher = PersonFactory(first_name="Rūta", last_name="Kazlauskienė")
    with django_capture_on_commit_callbacks(execute=True):
        membership = Membership.objects.create(person=teacher, organisation=school)
    client = client_as("vadove")
    link = f'href="{teacher.get_absolute_url()}"'

    joined = client.get("/kontaktai/", {"q": "zuvedru gimnazijos"}).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        school.name = "Kiro gimnazija"
        school.save()
    renamed_old = client.get("/kontaktai/", {"q": "zuvedru"}).content.decode()
    renamed_new = client.get("/kontaktai/", {"q": "kiro gimnazija"}).content.decode()
    membership.delete()
    left = client.get("/kontaktai/", {"q": "kiro gimnazija"}).content.decode()

    assert link in joined
    assert link not in renamed_old and link in renamed_new
    assert link not in left
