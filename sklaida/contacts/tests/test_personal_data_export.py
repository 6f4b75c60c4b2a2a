"""The head exports everything Sklaida holds about a contact or an e-mail address: one ZIP
with a JSON file and a readable page, and a record that it was made (not what it held)."""

from __future__ import annotations

import io
import json
import zipfile

from auditlog.models import LogEntry
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from sklaida.archive.tests.factories import AssetFactory
from sklaida.communication.tests.factories import SubscriberFactory
from sklaida.contacts.models import Person, PersonalDataExport
from sklaida.contacts.tests.factories import PersonFactory
from sklaida.core import services as core_services
from sklaida.core.personal_data import HTML_NAME, JSON_NAME
from sklaida.events.models import Event
from sklaida.events.services import registration as registration_services
from sklaida.events.tests.factories import EventFactory, TourBookingFactory

URL = "/kontaktai/asmens-duomenys/"


def sign_up(address: str, *, name: str = "Ona Petraitienė") -> None:
    event = EventFactory(registration=Event.Registration.OPEN, capacity=50)
    registration_services.register(event=event, name=name, email=address, consent=True)


def unzip(response) -> tuple[dict, str]:
    content = b"".join(response.streaming_content)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert sorted(archive.namelist()) == sorted([JSON_NAME, HTML_NAME])
        data = json.loads(archive.read(JSON_NAME))
        page = archive.read(HTML_NAME).decode()
    return data, page


def section(data: dict, key: str) -> list[dict]:
    return next(part["rows"] for part in data["sections"] if part["key"] == key)


def test_the_head_exports_a_contacts_data_from_her_page(client_as, personas):
    person = PersonFactory(
        first_name="Ona", last_name="Petraitienė", email="ona@pastas.example", phone="+370 600"
    )
    core_services.add_comment(target=person, author=personas["specialiste"], body="Skaitovė.")
    sign_up("Ona+renginiai@Pastas.example")
    SubscriberFactory(email="ona@pastas.example", name="Ona")
    AssetFactory(title="Skaitymai kieme", people=[person])
    client = client_as("vadove")

    page = client.get(person.get_absolute_url()).content.decode()
    assert f'href="{URL}?asmuo={person.pk}"' in page
    page = client.get(URL, {"asmuo": person.pk}).content.decode()
    assert "Ona Petraitienė" in page and 'name="email"' in page  # hidden: she has hers
    preview = client.post(URL, {"person": person.pk, "preview": "1"}).content.decode()

    assert "Kas saugoma apie Ona Petraitienė &lt;ona@pastas.example&gt;" in preview
    assert "Registracijos į renginius" in preview
    assert "Naujienlaiškio prenumerata" in preview
    assert not PersonalDataExport.objects.filter(person=person).exists(), "looking is not exporting"

    response = client.post(URL, {"person": person.pk, "email": "", "download": "1"})

    assert response["Content-Type"] == "application/zip"
    assert response["Cache-Control"] == "private, no-store"
    data, readable = unzip(response)
    assert data["about"] == "Ona Petraitienė <ona@pastas.example>"
    assert section(data, "contacts.person")[0]["phone"] == "+370 600"
    assert section(data, "core.comments")[0]["body"] == "Skaitovė."
    (registration,) = section(data, "events.registrations")
    assert registration["email"] == "Ona+renginiai@Pastas.example"
    assert registration["status"] == "Patvirtintas"
    assert section(data, "communication.subscription")[0]["status"] == "Užsiprenumeravęs"
    assert section(data, "archive.shown")[0]["title"] == "Skaitymai kieme"
    assert "<h2>Registracijos į renginiai" not in readable
    assert "<h2>Registracijos į renginius</h2>" in readable
    assert "Ona+renginiai@Pastas.example" in readable
    record = PersonalDataExport.objects.get(person=person)
    assert (record.made_by, record.person, record.address_fingerprint) == (
        personas["vadove"],
        person,
        "",
    )
    # The file also lists this export among the exports of her data.
    (listed,) = section(data, "contacts.exports")
    assert listed["made_by"] == str(personas["vadove"])
    assert record.rows == sum(len(part["rows"]) for part in data["sections"]) - 1


def test_an_address_finds_sign_ups_tours_and_the_contacts_that_have_it(client_as, personas):
    sign_up("ieva@mokykla.example", name="Ieva Vaitkienė")
    sign_up("IEVA+klase@mokykla.example", name="Ieva V.")
    sign_up("kita@mokykla.example", name="Kita Mokytoja")
    TourBookingFactory(contact_name="Ieva Vaitkienė", contact_email="ieva@mokykla.example")
    PersonFactory(first_name="Ieva", last_name="Vaitkienė", email="Ieva@Mokykla.example")
    client = client_as("vadove")

    response = client.post(URL, {"email": "ieva@mokykla.example", "download": "1"})

    data, _page = unzip(response)
    names = {row["name"] for row in section(data, "events.registrations")}
    assert names == {"Ieva Vaitkienė", "Ieva V."}
    assert section(data, "events.tours")[0]["contact_name"] == "Ieva Vaitkienė"
    assert section(data, "contacts.person")[0]["last_name"] == "Vaitkienė"
    record = PersonalDataExport.objects.latest("pk")
    assert record.person is None
    assert "ieva" not in record.address_fingerprint
    # The record holds no address, so its history holds none either.
    entry = LogEntry.objects.get_for_object(record).get()
    assert "ieva" not in json.dumps(entry.changes).lower()

    again = client.post(URL, {"email": "Ieva@mokykla.example", "preview": "1"}).content.decode()
    assert "Eksportuota anksčiau:" in again


def test_an_address_that_is_nowhere_shows_empty_sections_and_is_not_refused(client_as, personas):
    page = (
        client_as("vadove")
        .post(URL, {"email": "niekas@pastas.example", "preview": "1"})
        .content.decode()
    )

    assert "Kas saugoma apie niekas@pastas.example" in page
    assert "Atsisiųsti failą (ZIP)" in page


def test_without_an_address_or_a_contact_the_form_says_what_to_give(client_as, personas):
    page = client_as("vadove").post(URL, {"email": "", "preview": "1"}).content.decode()

    assert "Įveskite el. pašto adresą arba atverkite eksportą iš kontakto puslapio." in page


def test_only_the_head_sees_the_export_on_a_contacts_page(client_as, personas):
    person = Person.objects.get(email="jonas.zemaitis@skrastas.example")

    assert URL not in client_as("specialiste").get(person.get_absolute_url()).content.decode()
    assert client_as("specialiste").post(URL, {"person": person.pk}).status_code == 403


def test_the_export_reads_each_place_once_however_many_rows_it_holds(client_as, personas):
    def queries_to_export(address: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client_as("vadove").post(URL, {"email": address, "download": "1"})
            unzip(response)
        return len(captured)

    sign_up("vienas@pastas.example")
    AssetFactory(creator=PersonFactory(email="vienas@pastas.example"))
    for _ in range(12):
        sign_up("daug@pastas.example")
        AssetFactory(creator=PersonFactory(email="daug@pastas.example"))

    assert queries_to_export("vienas@pastas.example") == queries_to_export("daug@pastas.example")


def test_the_log_lists_who_exported_whose_data_and_when(client_as, personas):
    person = PersonFactory(first_name="Ona", last_name="Petraitienė")
    PersonalDataExport.objects.create(made_by=personas["vadove"], person=person, rows=3)

    page = client_as("vadove").get(URL).content.decode()

    assert "Naujausi eksportai" in page
    assert "Ona Petraitienė" in page
    assert timezone.localtime().strftime("%Y") in page
