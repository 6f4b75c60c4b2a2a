"""Uploads from the browser: resumable (tus) with the offset kept across a dropped
connection, and the plain form when the page's script does not run."""

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
