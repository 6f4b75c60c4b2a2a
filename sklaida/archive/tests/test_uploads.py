"""Uploads from the browser: resumable (tus) with the offset kept across a dropped
connection, and the plain form when the page's script does not run; odd names, empty
files and files named for another type get an answer, never an error page."""

import base64
import datetime
import json
import random
from urllib.parse import unquote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from sklaida.archive.demo import demo_photo
from sklaida.archive.models import Asset, IngestBatch, Upload
from sklaida.archive.tests import media_files
from sklaida.core.tests.test_settings import production_environment, run
from sklaida.settings import env_folder


@pytest.fixture
def jpeg(tmp_path) -> bytes:
    path = tmp_path / "IMG_2040.JPG"
    demo_photo(
        path,
        caption="Knygos pristatymas",
        taken=timezone.now(),
        rng=random.Random(7),
        size=(800, 533),
    )
    return path.read_bytes()


@pytest.fixture
def batch_url(client_as):
    client = client_as("specialiste")
    response = client.post("/archyvas/ikelti/", {"label": "Knygos pristatymas"})
    batch = IngestBatch.objects.get(label="Knygos pristatymas")
    assert response.url == f"/archyvas/paketai/{batch.pk}/"
    return client, batch


def tus_headers(**extra):
    return {"HTTP_TUS_RESUMABLE": "1.0.0", **{f"HTTP_{k.upper()}": v for k, v in extra.items()}}


def create(client, batch, length, name="IMG_2040.JPG"):
    metadata = "filename " + base64.b64encode(name.encode()).decode()
    response = client.post(
        f"/archyvas/paketai/{batch.pk}/tus/",
        **tus_headers(upload_length=str(length), upload_metadata=metadata),
    )
    assert response.status_code == 201
    return response["Location"]


def patch(client, location, offset, data):
    return client.generic(
        "PATCH",
        location,
        data,
        content_type="application/offset+octet-stream",
        **tus_headers(upload_offset=str(offset)),
    )


def test_an_interrupted_upload_continues_from_where_the_server_stands(batch_url, jpeg):
    client, batch = batch_url
    location = create(client, batch, len(jpeg))
    half = len(jpeg) // 2

    first = patch(client, location, 0, jpeg[:half])
    assert first.status_code == 204
    assert first["Upload-Offset"] == str(half)
    assert not Asset.objects.filter(original_name="IMG_2040.JPG").exists()

    # The connection dropped; the browser asks where to go on from.
    asked = client.head(location, **tus_headers())
    assert asked["Upload-Offset"] == str(half)
    assert asked["Upload-Length"] == str(len(jpeg))

    last = patch(client, location, half, jpeg[half:])

    assert last.status_code == 204
    result = json.loads(unquote(last["Sklaida-Result"]))
    assert result["status"] == "stored"
    asset = Asset.objects.get(original_name="IMG_2040.JPG")
    assert asset.size == len(jpeg)
    assert asset.ingest_items.get().batch == batch


def test_bytes_sent_for_the_wrong_position_are_refused(batch_url, jpeg):
    client, batch = batch_url
    location = create(client, batch, len(jpeg))
    patch(client, location, 0, jpeg[:100])

    repeated = patch(client, location, 0, jpeg[:100])

    assert repeated.status_code == 409
    assert repeated["Upload-Offset"] == "100"
    assert Upload.objects.get(batch=batch).offset == 100


def test_someone_elses_upload_cannot_be_continued(batch_url, jpeg, client_as):
    client, batch = batch_url
    location = create(client, batch, len(jpeg))

    response = patch(client_as("vadove"), location, 0, jpeg)

    assert response.status_code == 404


def test_a_refused_file_in_a_resumable_upload_says_why(batch_url):
    client, batch = batch_url
    data = b"Susirinkimo protokolas"
    location = create(client, batch, len(data), name="protokolas.jpg")

    response = patch(client, location, 0, data)

    result = json.loads(unquote(response["Sklaida-Result"]))
    assert result["status"] == "refused"
    assert "text/plain" in result["message"]


def test_the_plain_form_uploads_several_files_and_lists_what_became_of_them(batch_url, jpeg):
    client, batch = batch_url
    files = [
        SimpleUploadedFile("IMG_1.JPG", jpeg, content_type="image/jpeg"),
        SimpleUploadedFile("sarasas.jpg", b"vardas;pavarde\n", content_type="image/jpeg"),
    ]

    response = client.post(f"/archyvas/paketai/{batch.pk}/failai/", {"files": files}, follow=True)

    page = response.content.decode()
    assert "IMG_1.JPG" in page
    assert "sarasas.jpg" in page
    assert batch.items.filter(outcome="stored").count() == 1
    assert batch.items.filter(outcome="refused").count() == 1


def test_an_upload_left_unfinished_for_a_week_gives_its_space_back(batch_url, jpeg):
    from sklaida.archive.services import uploads

    client, batch = batch_url
    location = create(client, batch, len(jpeg))
    patch(client, location, 0, jpeg[:1000])
    upload = Upload.objects.get(batch=batch)
    staged = uploads.staging_path(upload)
    assert staged.stat().st_size == 1000

    assert uploads.discard_abandoned_uploads(now=timezone.now()) == 0
    later = timezone.now() + uploads.ABANDONED_AFTER + datetime.timedelta(hours=1)
    assert uploads.discard_abandoned_uploads(now=later) == 1

    assert not staged.exists()
    assert not Upload.objects.filter(pk=upload.pk).exists()


# Bad input (issue 13): every file gets an answer, and none takes the page down.


def test_the_plain_form_stores_a_jpeg_with_the_staging_folder_read_as_settings_reads_it(
    batch_url, jpeg, settings, tmp_path, monkeypatch
):
    client, batch = batch_url
    monkeypatch.setenv("ARCHIVE_UPLOAD_STAGING", str(tmp_path / "staging"))
    # The very function settings.py reads the variable with, not a value of the test's own.
    settings.ARCHIVE_UPLOAD_STAGING = env_folder("ARCHIVE_UPLOAD_STAGING", default=tmp_path)

    response = client.post(
        f"/archyvas/paketai/{batch.pk}/failai/",
        {"files": [SimpleUploadedFile("IMG_2040.JPG", jpeg, content_type="image/jpeg")]},
        follow=True,
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Gautas 1 failas." in page
    assert "IMG_2040.JPG" in page
    assert batch.items.get().outcome == "stored"
    assert list((tmp_path / "staging").iterdir()) == [], "the staged copy is cleaned away"


def test_folder_settings_read_from_the_environment_are_paths_the_upload_code_can_use(tmp_path):
    staging, media = tmp_path / "ikelimai", tmp_path / "laikmena"

    found = settings_under_script(
        PRINT_FOLDERS, ARCHIVE_UPLOAD_STAGING=str(staging), MEDIA_ROOT=str(media)
    )

    assert found["staging_type"] == found["media_type"] == "pathlib.PosixPath"
    assert found["staging"] == str(staging)
    assert found["media"] == str(media)
    assert found["staged_in"] == str(staging), "the no-script form's copy went where configured"
    assert found["archive_file"] == str(media / "archive" / "originals" / "x.jpg")
    defaults = settings_under_script(PRINT_FOLDERS)
    assert defaults["staging_type"] == defaults["media_type"] == "pathlib.PosixPath"
    assert defaults["staging"].endswith("/var/uploads")


PRINT_FOLDERS = """
import json, os
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sklaida.settings")
django.setup()
from django.conf import settings
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from sklaida.archive.services import ingest

def type_name(value):
    return f"{type(value).__module__}.{type(value).__name__}"

found = {
    "staging_type": type_name(settings.ARCHIVE_UPLOAD_STAGING),
    "media_type": type_name(settings.MEDIA_ROOT),
    "staging": str(settings.ARCHIVE_UPLOAD_STAGING),
    "media": str(settings.MEDIA_ROOT),
    "archive_file": storages["archive"].path("archive/originals/x.jpg"),
}
if os.environ.get("ARCHIVE_UPLOAD_STAGING"):
    staged = ingest.copy_upload_to_staging(
        SimpleUploadedFile("IMG_0001.JPG", b"jpeg"), settings.ARCHIVE_UPLOAD_STAGING
    )
    found["staged_in"] = str(staged.parent)
print(json.dumps(found))
"""


def settings_under_script(script: str, **variables: str) -> dict:
    finished = run("-c", script, environment=production_environment(**variables))
    assert finished.returncode == 0, finished.stderr
    return json.loads(finished.stdout.splitlines()[-1])


def test_a_file_name_with_a_nul_byte_is_cleaned_in_the_browser_upload(batch_url, jpeg):
    client, batch = batch_url
    location = create(client, batch, len(jpeg), name="IMG\x00_2040\u202e.JPG")

    response = patch(client, location, 0, jpeg)

    assert response.status_code == 204
    assert Upload.objects.get(batch=batch).filename == "IMG_2040.JPG"
    asset = Asset.objects.get(ingest_items__batch=batch)
    assert asset.original_name == "IMG_2040.JPG"
    page = client.get(f"/archyvas/paketai/{batch.pk}/").content.decode()
    assert "IMG_2040.JPG" in page


def test_odd_names_in_the_plain_form_are_kept_clean_and_keep_their_extension(batch_url, jpeg):
    client, batch = batch_url
    long_name = "Vasaros skaitymai bibliotekos kieme " * 10 + ".jpeg"
    files = [
        SimpleUploadedFile("Šventė\u202egpj.exe", jpeg, content_type="image/jpeg"),
        SimpleUploadedFile(long_name, jpeg + b"\x00", content_type="image/jpeg"),
    ]

    client.post(f"/archyvas/paketai/{batch.pk}/failai/", {"files": files})

    names = list(batch.items.order_by("pk").values_list("original_name", flat=True))
    assert names[0] == "Šventėgpj.exe"
    assert len(names[1]) == 255
    assert names[1].endswith(".jpeg")


def test_an_empty_file_in_the_browser_upload_is_refused_and_the_batch_goes_on(batch_url, jpeg):
    client, batch = batch_url
    metadata = "filename " + base64.b64encode(b"tuscias.jpg").decode()

    response = client.post(
        f"/archyvas/paketai/{batch.pk}/tus/",
        **tus_headers(upload_length="0", upload_metadata=metadata),
    )

    # The browser sends no bytes for an empty file: the answer to the creation is all it reads.
    assert response.status_code == 201
    result = json.loads(unquote(response["Sklaida-Result"]))
    assert result["status"] == "refused"
    assert result["outcome"] == "Nepriimta"
    assert result["message"].startswith("Failas tuščias (0 baitų)")
    location = create(client, batch, len(jpeg))
    assert json.loads(unquote(patch(client, location, 0, jpeg)["Sklaida-Result"]))["status"] == (
        "stored"
    )
    page = client.get(f"/archyvas/paketai/{batch.pk}/").content.decode()
    assert "tuscias.jpg" in page
    assert "Failas tuščias (0 baitų)" in page
    assert "1 failas pridėtas" in page


def test_an_empty_file_in_the_plain_form_is_refused_alone(batch_url, jpeg):
    client, batch = batch_url
    files = [
        SimpleUploadedFile("tuscias.jpg", b"", content_type="image/jpeg"),
        SimpleUploadedFile("IMG_2040.JPG", jpeg, content_type="image/jpeg"),
    ]

    response = client.post(f"/archyvas/paketai/{batch.pk}/failai/", {"files": files}, follow=True)

    page = response.content.decode()
    assert "Pasirinkite vieną ar kelis failus" not in page
    assert "Gauti 2 failai." in page
    assert "Failas tuščias (0 baitų)" in page
    assert dict(batch.items.values_list("original_name", "outcome")) == {
        "tuscias.jpg": "refused",
        "IMG_2040.JPG": "stored",
    }


def test_the_plain_form_without_files_still_asks_for_them(batch_url):
    client, batch = batch_url

    response = client.post(f"/archyvas/paketai/{batch.pk}/failai/", {}, follow=True)

    assert "Pasirinkite vieną ar kelis failus." in response.content.decode()
    assert not batch.items.exists()


def test_a_pdf_named_jpg_is_accepted_as_a_pdf_and_the_batch_page_says_so(batch_url, tmp_path):
    client, batch = batch_url
    document = media_files.pdf(tmp_path / "programa.pdf").read_bytes()
    other = media_files.pdf(tmp_path / "kita.pdf", title="Kita programa").read_bytes()

    client.post(
        f"/archyvas/paketai/{batch.pk}/failai/",
        {"files": [SimpleUploadedFile("programa.jpg", document, content_type="image/jpeg")]},
    )
    location = create(client, batch, len(other), name="kita.JPG")
    result = json.loads(unquote(patch(client, location, 0, other)["Sklaida-Result"]))

    said = "Failas pavadintas .jpg, bet tai PDF dokumentas; priimtas kaip PDF."
    assert result["status"] == "stored"
    assert result["message"] == said
    page = client.get(f"/archyvas/paketai/{batch.pk}/").content.decode()
    assert page.count(said) == 2
    asset = Asset.objects.get(original_name="programa.jpg")
    assert (asset.kind, asset.mime_type) == ("document", "application/pdf")
    assert asset.file.name.endswith(".pdf")
    download = client.get(f"/archyvas/{asset.pk}/originalas/")
    assert download["Content-Disposition"] == 'attachment; filename="programa.pdf"'
    download.close()


def test_a_file_named_for_its_own_type_gets_no_remark(batch_url, jpeg):
    client, batch = batch_url

    client.post(
        f"/archyvas/paketai/{batch.pk}/failai/",
        {"files": [SimpleUploadedFile("IMG_2040.jpeg", jpeg, content_type="image/jpeg")]},
    )

    assert batch.items.get().message == ""


def test_a_negative_length_is_a_bad_request_not_an_error(batch_url):
    client, batch = batch_url

    response = client.post(f"/archyvas/paketai/{batch.pk}/tus/", **tus_headers(upload_length="-5"))

    assert response.status_code == 400
    assert not Upload.objects.filter(batch=batch).exists()
