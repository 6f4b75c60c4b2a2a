"""The brand kit in a real browser: the public calendar and an event page show the kit's
logo, its colour on links and buttons, its font on headings, and the event's picture
from the archive; and they stay accessible."""

from __future__ import annotations

import uuid

import pyvips
from playwright.sync_api import Page, expect

from sklaida.archive.models import Asset
from sklaida.archive.services.illustrations import choose_illustration
from sklaida.archive.tests.stored import stored_asset
from sklaida.design.models import BrandKit
from sklaida.events.models import Event
from sklaida.events.tests.factories import EventFactory
from sklaida.public.context import library_name
from sklaida.public.tests.kits import DEJAVU, kit
from sklaida.testing.browser import assert_accessible

PLUM_RGB = "rgb(122, 31, 92)"
TITLE = "Vasaros skaitymai kieme"
ALT = "Skaitytojai po liepomis bibliotekos kieme"


def photo_bytes() -> bytes:
    return (pyvips.Image.black(640, 480) + [40, 120, 70]).cast("uchar").write_to_buffer(".jpg")


def style(locator, prop: str) -> str:
    return locator.evaluate(f"element => getComputedStyle(element).{prop}")


def test_the_calendar_and_an_event_page_wear_the_brand_kit(page: Page, personas):
    BrandKit.objects.all().delete()
    Event.objects.filter(is_public=True).update(is_public=False)
    kit(family="Kit Sans")
    event = EventFactory(title=TITLE, registration=Event.Registration.OPEN, capacity=30)
    asset = stored_asset(
        content=uuid.uuid4().bytes,
        name="skaitymai.jpg",
        renditions=("thumb", "preview", "web"),
        rendition_content=photo_bytes(),
        access=Asset.Access.PUBLIC,
        consent=Asset.Consent.NOT_NEEDED,
        creator_name="Jonas Jonaitis",
        rights_holder="Kauno apskrities viešoji biblioteka",
        width=640,
        height=480,
    )
    choose_illustration(actor=personas["specialiste"], asset=asset, alt_text=ALT, event=event)

    page.goto("/renginiai/")
    logo = page.get_by_role("banner").get_by_role("img", name=library_name())
    expect(logo).to_be_visible()
    assert logo.evaluate("image => image.naturalWidth") > 0
    title_link = page.get_by_role("link", name=TITLE)
    assert style(title_link, "color") == PLUM_RGB
    heading = page.get_by_role("heading", level=1)
    if DEJAVU.exists():
        assert style(heading, "fontFamily").startswith('"Kit Sans"')
        page.evaluate("document.fonts.ready")
        assert page.evaluate("document.fonts.check('16px \"Kit Sans\"')")
    card_picture = page.get_by_role("img", name=ALT)
    expect(card_picture).to_be_visible()
    assert card_picture.evaluate("image => image.naturalWidth") > 0
    expect(
        page.get_by_text("Nuotr. Jonas Jonaitis, © Kauno apskrities viešoji biblioteka")
    ).to_be_visible()
    assert_accessible(page)

    title_link.click()
    expect(page.get_by_role("heading", name=TITLE, level=1)).to_be_visible()
    expect(page.get_by_role("banner").get_by_role("img", name=library_name())).to_be_visible()
    register = page.locator("a.btn-primary")
    assert style(register, "backgroundColor") == PLUM_RGB
    assert style(register, "color") == "rgb(255, 255, 255)"
    picture = page.get_by_role("img", name=ALT)
    expect(picture).to_be_visible()
    assert picture.evaluate("image => image.naturalWidth") == 640
    assert_accessible(page)
