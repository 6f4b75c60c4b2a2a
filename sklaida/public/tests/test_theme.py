"""The public site wears the current brand kit: its colours as Bootstrap's variables, its
fonts through @font-face from the kit's own files, its logo in the header; the widget and
the newsletter take its colour and logo. Without a current kit the site looks as before."""

from __future__ import annotations

import re

import pytest
from django.core.files.base import ContentFile
from django.test import Client

from sklaida.communication.services.newsletter import render_issue
from sklaida.communication.tests.factories import NewsletterIssueFactory
from sklaida.design.models import KitColour, KitLogo
from sklaida.events.tests.factories import EventFactory
from sklaida.public.context import library_name
from sklaida.public.tests.kits import DEJAVU, PLUM, kit

needs_font = pytest.mark.skipif(not DEJAVU.exists(), reason="DejaVu Sans is not installed")


@pytest.fixture(autouse=True)
def _public(personas):
    """The demo's kits (if any) set aside: each test shows only its own."""
    from sklaida.design.models import BrandKit

    BrandKit.objects.all().delete()


def page(url: str = "/renginiai/") -> str:
    response = Client().get(url)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def stylesheet_url(html: str) -> str:
    match = re.search(r'<link rel="stylesheet" href="(/tema\.css\?v=\w+)">', html)
    assert match, "no theme stylesheet linked"
    return match.group(1)


def test_without_a_current_kit_the_site_keeps_its_own_look():
    kit(current=False)

    html = page()

    assert "/tema.css" not in html
    assert '<a class="navbar-brand fw-semibold text-wrap" href="/renginiai/">' in html
    css = Client().get("/tema.css")
    assert css.status_code == 200
    assert "--bs-primary" not in css.content.decode()


@needs_font
def test_the_stylesheet_carries_the_kits_colours_and_fonts():
    kit(family="Kit Sans")

    response = Client().get(stylesheet_url(page()))
    css = response.content.decode()

    assert response["Content-Type"] == "text/css; charset=utf-8"
    assert "immutable" in response["Cache-Control"]
    assert "--bs-primary: #7A1F5C;" in css
    assert "--bs-primary-rgb: 122, 31, 92;" in css
    assert "--bs-link-color: #7A1F5C;" in css
    assert "--bs-link-color-rgb: 122, 31, 92;" in css
    assert re.search(r"--bs-link-hover-color: #[0-9A-F]{6};", css)
    assert '--bs-body-font-family: "Kit Sans", system-ui' in css
    assert "--bs-btn-bg: #7A1F5C;" in css
    assert "--bs-btn-color: #FFFFFF;" in css  # white reads on plum
    face = re.search(r"@font-face \{[^}]*\}", css).group(0)
    assert 'font-family: "Kit Sans";' in face
    assert "font-weight: 400;" in face
    font_url = re.search(r'url\("([^"]+)"\) format\("truetype"\)', face).group(1)
    font = Client().get(font_url)
    assert font["Content-Type"] == "font/ttf"
    assert "max-age=31536000" in font["Cache-Control"]
    assert b"".join(font.streaming_content) == DEJAVU.read_bytes()


def test_a_kit_that_is_not_current_lends_nothing():
    kit(primary="#0B5394")
    kit(primary="#8B0000", current=False, logo=False)

    css = Client().get(stylesheet_url(page())).content.decode()

    assert "#0B5394" in css
    assert "#8B0000" not in css


def test_a_change_of_the_kit_reaches_the_next_page():
    brand_kit = kit()
    before = stylesheet_url(page())

    KitColour.objects.filter(kit=brand_kit, role="primary").update(hex="#1F4E79")
    brand_kit.colours.first().save()  # a saved change, as the kit's screen makes it

    after = stylesheet_url(page())
    assert after != before
    assert "--bs-primary: #1F4E79;" in Client().get(after).content.decode()


def test_the_header_shows_the_kits_logo_named_for_the_library():
    kit(font=None)

    html = page()

    logo = re.search(r'<img class="public-logo" src="([^"]+)" alt="([^"]+)">', html)
    assert logo, "no logo in the header"
    assert logo.group(2) == library_name()
    response = Client().get(logo.group(1))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content).startswith(b"<svg")


def status(url: str) -> int:
    response = Client().get(url)
    if response.streaming:
        b"".join(response.streaming_content)  # read to the end, so the file is closed
    return response.status_code


def test_only_the_files_of_a_kit_that_was_current_are_served():
    draft = kit(current=False)
    logo = draft.logos.get()
    name = logo.file.name.rsplit("/", 1)[-1]

    assert status(f"/tema/{draft.version}/logo/{logo.pk}/{name}") == 404

    current = kit()
    own = current.logos.get()
    own_name = own.file.name.rsplit("/", 1)[-1]
    assert status(f"/tema/{current.version}/logo/{own.pk}/{own_name}") == 200
    # Another version's number, another name or another kind of file: not found.
    assert status(f"/tema/{draft.version}/logo/{own.pk}/{own_name}") == 404
    assert status(f"/tema/{current.version}/logo/{own.pk}/passwd") == 404
    assert status(f"/tema/{current.version}/proof/{own.pk}/{own_name}") == 404
    pdf = KitLogo(kit=current, name="Spaudai", media_type="application/pdf")
    pdf.file.save("logotipas.pdf", ContentFile(b"%PDF-1.4"), save=False)
    pdf.save()
    assert status(f"/tema/{current.version}/logo/{pdf.pk}/logotipas.pdf") == 404


def test_the_widget_links_the_theme():
    kit(font=None)

    html = page("/valdikliai/renginiai.html")

    assert re.search(r'<link rel="stylesheet" href="/tema\.css\?v=\w+">', html)


def test_the_newsletter_takes_the_kits_colour_and_its_png_logo():
    brand_kit = kit(font=None)
    png = KitLogo(kit=brand_kit, name="El. laiškams", media_type="image/png")
    png.file.save("logotipas.png", ContentFile(b"\x89PNG\r\n\x1a\n"), save=False)
    png.save()
    EventFactory(title="Vasaros skaitymai")

    html = render_issue(NewsletterIssueFactory(), language="lt").html

    assert f"border-top:6px solid {PLUM}" in html
    assert re.search(
        r'<img src="http://[^"]+/tema/\d+/logo/\d+/logotipas\.png" '
        rf'alt="{re.escape(library_name())}"',
        html,
    )
    assert f'style="color:{PLUM};"' in html
