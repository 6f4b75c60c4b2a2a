"""Public galleries in a real browser: the list and a gallery, pictures shown, accessible."""

from __future__ import annotations

import uuid

import pyvips
from playwright.sync_api import Page, expect

from sklaida.archive.models import Asset, Collection, CollectionItem
from sklaida.archive.tests.stored import stored_asset
from sklaida.testing.browser import assert_accessible


def picture(colour: list[int]) -> bytes:
    return (pyvips.Image.black(480, 320) + colour).cast("uchar").write_to_buffer(".jpg")


def test_a_visitor_browses_a_gallery(page: Page, personas):
    gallery = Collection.objects.create(
        title="Knygų mugė Žemaitijoje", description="Mugės akimirkos.", is_public=True
    )
    for position, (title, access) in enumerate(
        [
            ("Leidėjų stendai", Asset.Access.PUBLIC),
            ("Vidinis pasitarimas", Asset.Access.INTERNAL),
            ("Rašytojos autografai", Asset.Access.PUBLIC),
        ]
    ):
        asset = stored_asset(
            content=uuid.uuid4().bytes,
            name=f"mugė-{position}.jpg",
            title=title,
            access=access,
            consent=Asset.Consent.NOT_NEEDED,
            rendition_content=picture([60 * position, 90, 160]),
        )
        CollectionItem.objects.create(collection=gallery, asset=asset, position=position)

    page.goto("/galerijos/")
    assert_accessible(page)
    page.get_by_role("link", name="Knygų mugė Žemaitijoje").click()

    expect(page.get_by_role("heading", name="Knygų mugė Žemaitijoje")).to_be_visible()
    stands = page.get_by_role("img", name="Leidėjų stendai")
    expect(stands).to_be_visible()
    assert stands.evaluate("image => image.naturalWidth") == 480
    expect(page.get_by_role("img", name="Vidinis pasitarimas")).to_have_count(0)
    assert_accessible(page)
