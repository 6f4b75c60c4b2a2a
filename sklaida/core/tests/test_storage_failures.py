"""Uploads on a disk that is full or read-only: a page that says so, nothing half-saved."""

from __future__ import annotations

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from sklaida.core.models import Attachment
from sklaida.core.tests.test_discussion import PDF, county_task, discussion_urls
from sklaida.events.models import Event
from sklaida.events.tests.test_events import DAY
from sklaida.testing.disks import small_disk

# Larger than what the small disk can take, so the write fails part-way.
LARGE_PDF = PDF + b"%" * 200_000


def files_on(folder) -> list[str]:
    return sorted(
        str(path.relative_to(folder))
        for path in folder.rglob("*")
        if path.is_file() and path.name != ".filler"
    )


def attach(client, personas, name: str):
    _, files_url = discussion_urls(county_task(personas))
    upload = SimpleUploadedFile(name, LARGE_PDF, content_type="application/pdf")
    return client.post(files_url, {"file": upload}, HTTP_REFERER="http://testserver/uzduotys/")


def test_an_attachment_on_a_full_disk_is_refused_with_a_message_and_leaves_nothing(
    client_as, personas, settings, tmp_path
):
    with small_disk(tmp_path / "media") as media:
        settings.MEDIA_ROOT = media
        response = attach(client_as("specialiste"), personas, "Sąmata.pdf")

        assert response.status_code == 507
        page = response.content.decode()
        assert "Failas neišsaugotas" in page
        assert "diske nebėra vietos arba į jį negalima rašyti" in page
        assert 'href="http://testserver/uzduotys/"' in page
        assert not Attachment.objects.exists()
        assert files_on(media) == []


def test_an_attachment_on_a_read_only_disk_is_refused_with_the_same_message(
    client_as, personas, settings, tmp_path
):
    with small_disk(tmp_path / "media", read_only=True) as media:
        settings.MEDIA_ROOT = media
        response = attach(client_as("specialiste"), personas, "Sutartis.pdf")

        assert response.status_code == 507
        assert "Failas neišsaugotas" in response.content.decode()
        assert not Attachment.objects.exists()


def test_an_event_with_a_picture_on_a_full_disk_is_not_created_halfway(
    client_as, personas, settings, tmp_path
):

    picture = io.BytesIO()
    Image.effect_noise((400, 400), 90).convert("RGB").save(picture, format="PNG")
    hall = personas["specialiste"].library.spaces.first()
    with small_disk(tmp_path / "media") as media:
        settings.MEDIA_ROOT = media
        response = client_as("specialiste").post(
            reverse("events:create"),
            {
                "title": "Paroda su plakatu",
                "event_type": "exhibition",
                "format": Event.Format.ON_SITE,
                "library": hall.library_id,
                "starts_at": f"{DAY}T18:00",
                "ends_at": f"{DAY}T19:30",
                "space": hall.pk,
                "setup_minutes": 0,
                "teardown_minutes": 0,
                "responsible": personas["specialiste"].pk,
                "registration": Event.Registration.NONE,
                "max_seats_per_registration": 4,
                "retention_days": 30,
                "reminder_hours": 24,
                "image": SimpleUploadedFile("plakatas.png", picture.getvalue()),
                "image_alt": "Plakatas",
            },
        )

        assert response.status_code == 507
        assert not Event.objects.filter(title="Paroda su plakatu").exists()
        assert files_on(media) == []
