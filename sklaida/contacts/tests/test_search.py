"""Finding contacts: by name without diacritics, by type, country, tag and list."""

from sklaida.contacts.models import Organisation, Person
from sklaida.contacts.tests.factories import MembershipFactory, OrganisationFactory, PersonFactory
from sklaida.testing.queries import queries_to_render


def names_in(page: str, *names: str) -> list[str]:
    return [name for name in names if name in page]


def test_a_name_typed_without_lithuanian_letters_finds_the_person(client_as, personas):
    PersonFactory(first_name="Gražina", last_name="Žemaitienė")
    client = client_as("specialiste")

    page = client.get("/kontaktai/", {"q": "Zemaitiene grazina"}).content.decode()

    assert "Gražina Žemaitienė" in page
    assert "Jonas Žemaitis" not in page
    assert "Jonas Žemaitis" in client.get("/kontaktai/", {"q": "zemaitis"}).content.decode()


def test_upper_case_and_lithuanian_letters_find_the_same_organisation(client_as, personas):
    page = (
        client_as("stebetojas")
        .get("/kontaktai/organizacijos/", {"q": "ŠIAULIŲ KRAŠTAS"})
        .content.decode()
    )

    assert "Šiaulių kraštas" in page
    assert "Etaplius.lt" not in page


def test_persons_are_filtered_by_type_of_organisation_country_and_tag(client_as, personas):
    latvian = PersonFactory(first_name="Anna", last_name="Kalniņa", country="LV")
    latvian.tags.add("projektai")
    MembershipFactory(
        person=latvian, organisation=OrganisationFactory(kind=Organisation.Kind.FOREIGN_PARTNER)
    )
    client = client_as("specialiste")

    by_country = client.get("/kontaktai/", {"country": "LV"}).content.decode()
    by_kind = client.get("/kontaktai/", {"organisation_kind": "media"}).content.decode()
    by_tag = client.get("/kontaktai/", {"tag": "Projektai"}).content.decode()

    assert names_in(by_country, "Anna Kalniņa", "Ilze Bērziņa", "Jonas Žemaitis") == [
        "Anna Kalniņa",
        "Ilze Bērziņa",
    ]
    assert names_in(by_kind, "Jonas Žemaitis", "Rūta Vaitkienė", "Dalia Šimkutė") == [
        "Jonas Žemaitis",
        "Rūta Vaitkienė",
    ]
    assert names_in(by_tag, "Anna Kalniņa", "Ilze Bērziņa", "Dalia Šimkutė") == [
        "Anna Kalniņa",
        "Ilze Bērziņa",
    ]


def test_a_saved_search_list_shows_whoever_matches_it_today(client_as, personas):
    client = client_as("specialiste")
    response = client.post(
        "/kontaktai/sarasai/is-paieskos/",
        {"name": "Latvijos partneriai", "country": "LV"},
        follow=True,
    )
    assert "Paieška išsaugota kaip sąrašas „Latvijos partneriai“." in response.content.decode()

    PersonFactory(first_name="Anna", last_name="Kalniņa", country="LV")
    page = client.get(response.redirect_chain[-1][0]).content.decode()

    assert "Ilze Bērziņa" in page and "Anna Kalniņa" in page
    assert "Jonas Žemaitis" not in page


def test_a_territory_specialist_cannot_open_the_department_contacts(client_as, personas):
    person = Person.objects.get(last_name="Žemaitis")

    assert client_as("teritorija").get("/kontaktai/").status_code == 403
    assert client_as("teritorija").get(person.get_absolute_url()).status_code == 403


def test_the_person_list_makes_the_same_number_of_queries_for_few_and_many(client_as, personas):
    client = client_as("specialiste")
    few = queries_to_render(client, "/kontaktai/")
    for n in range(25):
        person = PersonFactory()
        person.tags.add(f"žyma {n}")
        MembershipFactory(person=person)

    assert queries_to_render(client, "/kontaktai/") == few
