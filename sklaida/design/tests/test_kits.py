"""The brand kit: colours with their contrast, refused for text below WCAG AA; versions,
one current, a former one kept as it was; files checked by content."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sklaida.design import colours, kits
from sklaida.design.models import BrandKit, KitColour
from sklaida.design.tests.factories import png_file
from sklaida.testing.access import close_streamed_file

FONT = Path(__file__).resolve().parents[1] / "fonts" / "OpenSans-Regular.ttf"


def test_contrast_ratios_are_those_of_wcag():
    assert colours.contrast("#000000", "#FFFFFF") == 21
    assert colours.contrast("#767676", "#FFFFFF") == 4.54  # the lightest grey passing AA
    assert colours.contrast("#777777", "#FFFFFF") == 4.47
    assert colours.rgb("#1F4E79") == (31, 78, 121)


def test_a_light_text_colour_is_refused_with_its_ratio(client_as, personas):
    kit = kits.new_version(actor=personas["specialiste"], name="Bandomasis stilius")
    kit.colours.all().delete()  # the copy of the current kit's
    client = client_as("specialiste")
    url = reverse("design:kit_part_add", args=[kit.pk, "spalvos"])

    refused = client.post(
        url, {"name": "Gintarinė", "hex": "#f2a900", "role": "primary", "position": 0}
    )

    page = refused.content.decode()
    assert "#F2A900 ant #FFFFFF kontrastas yra 2,00:1" in page
    assert "tekstui reikia bent 4,5:1" in page
    assert not kit.colours.exists()
    # The same colour is welcome for areas without text, with its ratios shown.
    client.post(url, {"name": "Gintarinė", "hex": "#f2a900", "role": "accent", "position": 0})
    client.post(
        url,
        {
            "name": "Mėlyna",
            "hex": "#1F4E79",
            "role": "primary",
            "cmyk": "100/60/0/40",
            "position": 1,
        },
    )
    detail = client.get(kit.get_absolute_url()).content.decode()
    assert "2,00:1" in detail and "10,45:1" in detail  # amber on white and on black
    assert "ne tekstui" in detail
    blue = kit.colours.get(role="primary")
    assert (blue.hex, blue.cmyk) == ("#1F4E79", "100, 60, 0, 40")
    assert "31, 78, 121" in detail


def test_a_new_version_copies_the_current_kit_and_only_the_head_makes_it_current(
    client_as, personas
):
    current = kits.current_kit()  # the demo's
    draft = kits.new_version(actor=personas["specialiste"], name="Stilius 2027")
    assert draft.version == current.version + 1
    assert draft.colours.count() == current.colours.count()
    assert draft.fonts.count() == current.fonts.count()

    with pytest.raises(PermissionDenied):
        kits.make_current(actor=personas["specialiste"], kit=draft)
    assert (
        client_as("specialiste")
        .post(reverse("design:kit_make_current", args=[draft.pk]))
        .status_code
        == 403
    )
    client_as("vadove").post(reverse("design:kit_make_current", args=[draft.pk]))

    draft.refresh_from_db()
    current.refresh_from_db()
    assert draft.is_current and not current.is_current
    assert BrandKit.objects.filter(is_current=True).count() == 1
    # The former kit stays readable and can no longer be changed.
    former = client_as("specialiste").get(current.get_absolute_url()).content.decode()
    assert "saugoma nepakeista" in former
    assert (
        client_as("specialiste")
        .get(reverse("design:kit_part_add", args=[current.pk, "spalvos"]))
        .status_code
        == 403
    )


def test_logos_and_fonts_are_checked_by_content(client_as, personas):
    kit = kits.new_version(actor=personas["specialiste"], name="Bandomasis stilius")
    kit.logos.all().delete()
    kit.fonts.all().delete()
    client = client_as("specialiste")

    client.post(
        reverse("design:kit_part_add", args=[kit.pk, "logotipai"]),
        {"name": "Ženklas", "background": "light", "file": png_file("zenklas.png"), "position": 0},
    )
    not_a_font = client.post(
        reverse("design:kit_part_add", args=[kit.pk, "sriftai"]),
        {
            "family": "Open Sans",
            "style": "regular",
            "role": "both",
            "licence": "Apache 2.0",
            "file": SimpleUploadedFile("sriftas.ttf", b"<html>ne sriftas</html>"),
        },
    )
    client.post(
        reverse("design:kit_part_add", args=[kit.pk, "sriftai"]),
        {
            "family": "Open Sans",
            "style": "regular",
            "role": "both",
            "licence": "Apache 2.0",
            "file": SimpleUploadedFile("OpenSans.ttf", FONT.read_bytes()),
        },
    )

    assert kit.logos.get().media_type == "image/png"
    assert "TrueType (.ttf) arba OpenType (.otf)" in not_a_font.content.decode()
    font = kit.fonts.get()
    with font.file.open("rb") as stored:
        assert stored.read(4) == b"\x00\x01\x00\x00"
    twice = client.post(
        reverse("design:kit_part_add", args=[kit.pk, "sriftai"]),
        {
            "family": "Open Sans",
            "style": "regular",
            "role": "both",
            "licence": "Apache 2.0",
            "file": SimpleUploadedFile("OpenSans.ttf", FONT.read_bytes()),
        },
    )
    assert twice.status_code == 200 and kit.fonts.count() == 1
    logo_url = reverse("design:kit_file", args=[kit.pk, "logotipai", kit.logos.get().pk])
    response = client_as("stebetojas").get(logo_url)
    close_streamed_file(response)
    assert response["Content-Type"] == "image/png"


def test_a_kit_without_a_logo_or_primary_colour_cannot_become_current(client_as, personas):
    kit = kits.new_version(actor=personas["specialiste"], name="Tuščias")
    kit.logos.all().delete()
    KitColour.objects.filter(kit=kit).delete()

    response = client_as("vadove").post(
        reverse("design:kit_make_current", args=[kit.pk]), follow=True
    )

    page = response.content.decode()
    assert "Pridėkite logotipą šviesiam fonui." in page
    assert "Pridėkite pagrindinę spalvą." in page
    kit.refresh_from_db()
    assert not kit.is_current


def test_an_svg_logo_is_kept_without_its_script(client_as, personas):
    kit = kits.new_version(actor=personas["specialiste"], name="Bandomasis stilius")
    drawing = (
        b'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80" onload="alert(1)">'
        b'<script>alert("x")</script><rect width="200" height="80" fill="#1F4E79"/></svg>'
    )

    client_as("specialiste").post(
        reverse("design:kit_part_add", args=[kit.pk, "logotipai"]),
        {
            "name": "Ženklas",
            "background": "light",
            "file": SimpleUploadedFile("zenklas.svg", drawing),
            "position": 9,
        },
    )

    logo = kit.logos.get(name="Ženklas")
    assert logo.media_type == "image/svg+xml"
    with logo.file.open("rb") as stored:
        kept = stored.read()
    assert b"<rect" in kept
    assert b"script" not in kept and b"onload" not in kept
