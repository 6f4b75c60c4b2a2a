"""Layouts generated from a request's event and the current kit, through the pages."""

from __future__ import annotations

import datetime
import io
import zipfile

import pyvips
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from sklaida.design.generating import when_text
from sklaida.design.models import DesignRequest, RequestFormat
from sklaida.design.tests.factories import DesignRequestFactory
from sklaida.events.tests.factories import EventFactory, at


def _request_for_event(**event_fields) -> DesignRequest:
    year = timezone.localdate().year + 1
    event = EventFactory(
        title="Šventinė popietė „Žiemos pasakos“",
        starts_at=at(datetime.date(year, 12, 3), 17),
        summary="Skaitome ir kuriame kartu su šeima.",
        **event_fields,
    )
    return DesignRequestFactory(event=event, title="Žiemos pasakų plakatas")


def test_the_date_reads_as_on_a_lithuanian_poster():
    year = timezone.localdate().year + 1
    assert when_text(at(datetime.date(year, 12, 3), 17)) == f"{year} m. gruodžio 3 d., 17 val."
    assert (
        when_text(at(datetime.date(year, 5, 14), 18, 30)) == f"{year} m. gegužės 14 d., 18.30 val."
    )


def test_the_poster_downloaded_says_the_event_in_lithuanian_on_a4_with_bleed(client_as, personas):
    design_request = _request_for_event()
    client = client_as("specialiste")
    choices = {
        "template": "text-only",
        "title": design_request.event.title,
        "text": "Skaitome kartu.",
    }

    check = client.get(reverse("design:generate", args=[design_request.pk]), choices)
    assert "Ką peržiūrėti" in check.content.decode()
    response = client.get(
        reverse("design:generated_download", args=[design_request.pk, "A4"]), choices
    )

    assert response["Content-Type"] == "application/pdf"
    page = PdfReader(io.BytesIO(response.content)).pages[0]
    text = " ".join(page.extract_text().split())
    assert "Šventinė popietė" in text and "Žiemos pasakos" in text
    assert f"{timezone.localdate().year + 1} m. gruodžio 3 d., 17 val." in text
    trim = page.trimbox
    assert round(float(trim.width) / 72 * 25.4) == 210
    assert round(float(trim.height) / 72 * 25.4) == 297
    assert round((float(page.bleedbox.width) - float(trim.width)) / 72 * 25.4) == 6


def test_social_images_come_at_the_sizes_the_request_asks_for(client_as, personas):
    design_request = _request_for_event()
    RequestFormat.objects.create(request=design_request, paper="px", width=1080, height=1350)
    RequestFormat.objects.create(request=design_request, paper="px", width=1200, height=630)
    choices = {"template": "text-only", "title": "Žiemos pasakos", "text": ""}

    response = client_as("specialiste").get(
        reverse("design:generated_download", args=[design_request.pk, "social"]), choices
    )

    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        sizes = sorted(
            (image.width, image.height)
            for image in (
                pyvips.Image.new_from_buffer(archive.read(name), "") for name in archive.namelist()
            )
        )
    assert sizes == [(1080, 1350), (1200, 630)]


def test_a_generated_poster_becomes_the_next_proof(client_as, personas):
    design_request = _request_for_event()
    choices = {"template": "text-only", "title": "Žiemos pasakos", "text": "", "kind": "A3"}

    response = client_as("specialiste").post(
        reverse("design:generate", args=[design_request.pk]), choices, follow=True
    )

    proof = design_request.proofs.get()
    assert proof.number == 1
    assert proof.media_type == "application/pdf"
    assert proof.preview  # its first page is shown beside the next version
    assert "1 maketas pridėtas" in response.content.decode()
    design_request.refresh_from_db()
    assert design_request.status == DesignRequest.Status.PROOF


def test_the_logo_variant_suits_the_panel_it_stands_on():
    from sklaida.design.generating import logo_background

    # Texts under a picture stand on paper; a text-only poster on the kit's dark blue.
    assert logo_background("image-top", has_image=True, primary="#1F4E79") == "light"
    assert logo_background("image-top", has_image=False, primary="#1F4E79") == "dark"
    assert logo_background("full-image", has_image=True, primary="#1F4E79") == "dark"
    assert logo_background("text-only", has_image=False, primary="#F2C94C") == "light"
