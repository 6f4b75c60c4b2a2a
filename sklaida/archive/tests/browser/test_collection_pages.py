"""Collections in a real browser: the collection page with its share links and BagIt
section, and the page a share link opens, each accessible (WCAG 2.1 AA)."""

from __future__ import annotations

import datetime
import uuid

import pyvips
from django.utils import timezone
from playwright.sync_api import Page, expect

from sklaida.archive.models import Asset, Collection, CollectionItem, ShareLink
from sklaida.archive.tests.stored import stored_asset
from sklaida.testing.browser import assert_accessible


def picture(colour: list[int]) -> bytes:
    return (pyvips.Image.black(320, 240) + colour).cast("uchar").write_to_buffer(".jpg")


def summer_collection(personas) -> Collection:
    collection = Collection.objects.create(
        title="Vasaros skaitymai kieme",
        description="Skaitymai bibliotekos kieme birželio vakarą.",
        created_by=personas["vadove"],
    )
    photos = [
        ("Skaitytoja po liepa", Asset.Access.PUBLIC, [200, 120, 40]),
        ("Publika ant suoliukų", Asset.Access.INTERNAL, [40, 120, 200]),
        ("Vaikų dirbtuvės", Asset.Access.RESTRICTED, [40, 200, 120]),
    ]
    for position, (title, access, colour) in enumerate(photos):
        asset = stored_asset(
            content=uuid.uuid4().bytes,
            name=f"IMG_{position:04d}.jpg",
            title=title,
            access=access,
            consent=Asset.Consent.NOT_NEEDED,
            rendition_content=picture(colour),
        )
        CollectionItem.objects.create(collection=collection, asset=asset, position=position)
    return collection


def test_the_head_shares_a_collection_and_a_visitor_opens_the_link(
    sign_in, page: Page, personas, base_url
):
    collection = summer_collection(personas)
    sign_in("vadove")

    page.goto(f"/archyvas/rinkiniai/{collection.pk}/")
    expect(page.get_by_role("heading", name="Vasaros skaitymai kieme")).to_be_visible()
    assert_accessible(page)
    page.locator("form[action$='/nuorodos/'] button[type=submit]").click()

    link = ShareLink.objects.get(collection=collection)
    address = page.locator(f"#link-{link.pk}")
    expect(address).to_have_value(f"{base_url}/archyvas/bendrinti/{link.token}/")
    assert_accessible(page)

    page.context.clear_cookies()
    page.goto(f"/archyvas/bendrinti/{link.token}/")
    expect(page.get_by_role("img", name="Skaitytoja po liepa")).to_be_visible()
    expect(page.get_by_role("img", name="Publika ant suoliukų")).to_be_visible()
    expect(page.get_by_text("Vaikų dirbtuvės")).to_have_count(0)
    assert page.get_by_role("img", name="Skaitytoja po liepa").evaluate("i => i.naturalWidth") > 0
    assert_accessible(page)


def test_an_expired_share_link_explains_itself_accessibly(page: Page, personas):
    collection = summer_collection(personas)
    link = ShareLink.objects.create(
        collection=collection, expires_at=timezone.now() - datetime.timedelta(days=2)
    )

    response = page.goto(f"/archyvas/bendrinti/{link.token}/")

    assert response.status == 410
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)
