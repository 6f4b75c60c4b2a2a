"""Importing persons from XLSX/CSV: mapping, preview, per-row errors, all or nothing."""

import io
import zipfile

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sklaida.contacts.models import DuplicateCandidate, Membership, Person, PersonImport

HEADERS = ["Vardas", "Pavardė", "El. paštas", "Organizacija", "Pareigos", "Teisinis pagrindas"]


def xlsx(rows: list[list[str]], headers: list[str] = HEADERS) -> SimpleUploadedFile:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("kontaktai.xlsx", buffer.getvalue())


@pytest.fixture
def upload_and_check(django_capture_on_commit_callbacks):
    """Upload, accept Sklaida's column guesses and let the check job run.

    Returns the checked import and the page its author then sees.
    """

    def upload(client, file: SimpleUploadedFile) -> tuple[PersonImport, str]:
        response = client.post("/kontaktai/importas/", {"file": file})
        assert response.status_code == 302, response.content.decode()
        batch = PersonImport.objects.latest("created_at")
        mapping = {name: str(index) for name, index in batch.mapping.items()}
        with django_capture_on_commit_callbacks(execute=True):
            client.post(f"/kontaktai/importas/{batch.pk}/stulpeliai/", mapping)
        batch.refresh_from_db()
        return batch, client.get(batch.get_absolute_url()).content.decode()

    return upload


@pytest.fixture
def confirm(django_capture_on_commit_callbacks):
    """Press "Import" and let the import job run; the page shown afterwards."""

    def press(client, batch: PersonImport) -> str:
        with django_capture_on_commit_callbacks(execute=True):
            client.post(f"/kontaktai/importas/{batch.pk}/importuoti/")
        return client.get(batch.get_absolute_url()).content.decode()

    return press


def test_known_column_names_are_mapped_without_asking(client_as, personas):
    client = client_as("specialiste")
    client.post("/kontaktai/importas/", {"file": xlsx([])})

    batch = PersonImport.objects.get()
    assert batch.mapping == {
        "first_name": 0,
        "last_name": 1,
        "email": 2,
        "organisation": 3,
        "role": 4,
        "legal_basis": 5,
    }
    page = client.get(f"/kontaktai/importas/{batch.pk}/stulpeliai/").content.decode()
    assert "Kuriame stulpelyje kas yra?" in page
    assert '<option value="2" selected>El. paštas</option>' in page


def test_a_correct_file_is_previewed_and_saved_only_when_confirmed(
    client_as, personas, upload_and_check, confirm
):
    client = client_as("specialiste")
    rows = [
        [
            "Aistė",
            "Grigaliūnė",
            "aiste@kelme.example",
            "Kelmės kultūros centras",
            "renginių org.",
            "Teisėtas interesas",
        ],
        ["Paulius", "Norkus", "", "", "", "teisetas interesas"],
    ]
    before = Person.objects.count()

    batch, page = upload_and_check(client, xlsx(rows))

    assert batch.status == PersonImport.Status.READY
    assert "Visos 2 eilutės teisingos, jas galima importuoti." in page
    assert "Aistė" in page and "Kelmės kultūros centras" in page
    assert Person.objects.count() == before, "nothing is saved before the confirmation"

    page = confirm(client, batch)

    assert "Importuoti 2 asmenys." in page
    aiste = Person.objects.get(email="aiste@kelme.example")
    assert aiste.legal_basis == Person.LegalBasis.LEGITIMATE_INTEREST
    assert Membership.objects.get(person=aiste).organisation.name == "Kelmės kultūros centras"
    assert Person.objects.count() == before + 2


def test_a_file_with_a_wrong_row_is_refused_whole_with_every_error_listed(
    client_as, personas, upload_and_check, confirm
):
    client = client_as("specialiste")
    rows = [
        ["Aistė", "Grigaliūnė", "aiste@kelme.example", "", "", "Teisėtas interesas"],
        ["Paulius", "", "paulius@", "", "", "kažkas"],
        ["Rasa", "Jonaitė", "", "", "", "Sutikimas"],
    ]
    before = Person.objects.count()

    batch, page = upload_and_check(client, xlsx(rows))

    assert batch.status == PersonImport.Status.REJECTED
    assert "Niekas neišsaugota: 2 eilutėse yra klaidų." in page
    assert [error["row"] for error in batch.errors] == [3, 4]
    row_3 = " ".join(batch.errors[0]["errors"])
    assert row_3 == (
        "Pavardė: Šis laukas yra privalomas. "
        "El. paštas: Įveskite teisingą el. pašto adresą. "
        "Teisinis pagrindas: „kažkas“ – nežinoma reikšmė."
    )
    assert "Įrašykite datą, kada asmuo davė sutikimą." in " ".join(batch.errors[1]["errors"])
    assert Person.objects.count() == before

    response = client.post(f"/kontaktai/importas/{batch.pk}/importuoti/", follow=True)
    assert "Importuoti galima tik patikrintą failą be klaidų." in response.content.decode()
    assert Person.objects.count() == before


def test_a_file_that_is_not_a_table_is_refused_at_upload(client_as, personas):
    response = client_as("specialiste").post(
        "/kontaktai/importas/",
        {"file": SimpleUploadedFile("kontaktai.xlsx", b"%PDF-1.4 not a workbook")},
    )

    assert "Failo nepavyko perskaityti kaip Excel darbaknygės." in response.content.decode()
    assert not PersonImport.objects.exists()


def test_a_csv_in_windows_encoding_with_semicolons_is_read(
    client_as, personas, upload_and_check, confirm
):
    content = "Vardas;Pavardė;Teisinis pagrindas\nŽydrūnė;Čepulė;Sutartis\n".encode("cp1257")
    client = client_as("specialiste")

    batch, _page = upload_and_check(client, SimpleUploadedFile("sarasas.csv", content))
    confirm(client, batch)

    assert Person.objects.get(last_name="Čepulė").legal_basis == Person.LegalBasis.CONTRACT


def test_the_file_name_is_kept_clean_as_letters_composed(client_as, personas, upload_and_check):
    content = "Vardas;Pavardė;Teisinis pagrindas\nŽydrūnė;Čepulė;Sutartis\n".encode()
    # A Mac sends letters and their accents apart, and a name may end in spaces.
    name = "Kelme\u0307s   bibliotekos sa\u0328ras\u030cas .csv"
    client = client_as("specialiste")

    batch, page = upload_and_check(client, SimpleUploadedFile(name, content))

    assert batch.original_name == "Kelmės bibliotekos sąrašas .csv"
    assert batch.status == PersonImport.Status.READY
    assert "„Kelmės bibliotekos sąrašas .csv“ importas" in page


def test_a_row_that_matches_an_existing_person_waits_on_the_merge_screen(
    client_as, personas, upload_and_check, confirm
):
    client = client_as("specialiste")
    rows = [
        ["Jonas", "Žemaitis", "JONAS.ZEMAITIS@skrastas.example", "", "", "Teisėtas interesas"],
        [
            "Rūta",
            "Vaitkienė",
            "kitas@pastas.example",
            "Etaplius.lt",
            "žurnalistė",
            "Teisėtas interesas",
        ],
    ]

    batch, page = upload_and_check(client, xlsx(rows))
    assert "2 iš jų panašios į Sklaidoje jau esančius asmenis" in page
    confirm(client, batch)

    reasons = {
        (candidate.duplicate_of.last_name, candidate.reason)
        for candidate in DuplicateCandidate.objects.select_related("duplicate_of")
    }
    assert reasons == {
        ("Žemaitis", DuplicateCandidate.Reason.EMAIL),
        ("Vaitkienė", DuplicateCandidate.Reason.NAME_AND_ORGANISATION),
    }
    page = client.get("/kontaktai/dublikatai/").content.decode()
    assert "Tas pats el. paštas" in page and "Tas pats vardas, pavardė ir organizacija" in page


def test_another_persons_import_is_not_found(client_as, personas):
    client_as("specialiste").post("/kontaktai/importas/", {"file": xlsx([])})
    batch = PersonImport.objects.get()

    assert client_as("vadove").get(batch.get_absolute_url()).status_code == 404


def broken_after_first_row(upload: SimpleUploadedFile) -> SimpleUploadedFile:
    """The same workbook with its sheet's XML cut off after the header row: it opens and
    shows its column names (so the upload accepts it), then breaks the reader."""
    source = zipfile.ZipFile(io.BytesIO(upload.read()))
    damaged = io.BytesIO()
    with zipfile.ZipFile(damaged, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                end_of_headers = data.index(b"</row>") + len(b"</row>")
                data = data[:end_of_headers] + b'<row r="2"><c r="A2"></rowx></sheetData>'
            target.writestr(info, data)
    return SimpleUploadedFile("kontaktai.xlsx", damaged.getvalue())


ROWS = [["Rasa", "Petraitė", "rasa@example.lt", "", "", "Teisėtas interesas"]]


def test_a_file_that_breaks_the_check_job_shows_the_failure_and_what_to_do(
    client_as, personas, upload_and_check
):
    batch, page = upload_and_check(client_as("specialiste"), broken_after_first_row(xlsx(ROWS)))

    assert batch.status == PersonImport.Status.FAILED
    assert "Darbas nutrūko dėl klaidos:" in page
    assert "Failo nepavyko perskaityti po 1 eilutės" in page
    assert "Nieko neišsaugota." in page
    assert "hx-trigger" not in page, "a failed check is not polled"
    assert f"/kontaktai/importas/{batch.pk}/stulpeliai/" in page


def test_an_import_job_that_fails_saves_nobody_and_says_so_on_the_page(
    client_as, personas, upload_and_check, confirm, django_capture_on_commit_callbacks
):
    client = client_as("specialiste")
    batch, _page = upload_and_check(client, xlsx(ROWS))
    assert batch.status == PersonImport.Status.READY
    # The stored file is damaged between the check and the import.
    with batch.file.open("wb") as stored:
        stored.write(broken_after_first_row(xlsx(ROWS)).read())

    page = confirm(client, batch)

    assert not Person.objects.filter(email="rasa@example.lt").exists()
    batch.refresh_from_db()
    assert (batch.status, batch.rows_done) == (PersonImport.Status.FAILED, 0)
    assert "Darbas nutrūko dėl klaidos:" in page and "Nieko neišsaugota." in page
    assert "hx-trigger" not in page

    # Put right and checked again, the same import goes through.
    with batch.file.open("wb") as stored:
        stored.write(xlsx(ROWS).read())
    mapping = {name: str(index) for name, index in batch.mapping.items()}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/kontaktai/importas/{batch.pk}/stulpeliai/", mapping)
    batch.refresh_from_db()
    assert (batch.status, batch.error) == (PersonImport.Status.READY, "")
    confirm(client, batch)
    assert Person.objects.filter(email="rasa@example.lt").exists()
