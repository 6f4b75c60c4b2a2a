"""Content in a real browser: a specialist writes an item, edits it and reads the diff."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from sklaida.communication.models import ContentItem
from sklaida.communication.tests.factories import ChannelFactory, ContentItemFactory
from sklaida.testing.browser import assert_accessible


def test_a_specialist_creates_edits_and_compares_an_item_accessibly(sign_in, page: Page, personas):
    ChannelFactory(name="Bibliotekos „Facebook“")
    sign_in("specialiste")

    page.goto("/komunikacija/")
    assert_accessible(page)

    page.goto("/komunikacija/turinys/naujas/")
    page.locator("#id_kind").select_option("news")
    page.locator("#id_title").fill("Knygų mainų savaitė")
    page.locator("#id_body").fill("Atneškite vieną perskaitytą knygą ir išsirinkite kitą.")
    page.locator("form.col-lg-8 button[type=submit]").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Knygų mainų savaitė")
    assert_accessible(page)

    item = ContentItem.objects.get(title="Knygų mainų savaitė")
    page.goto(f"/komunikacija/turinys/{item.pk}/redaguoti/")
    page.locator("#id_body").fill("Atneškite dvi perskaitytas knygas ir išsirinkite kitas.")
    page.locator("form.col-lg-8 button[type=submit]").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Knygų mainų savaitė")

    page.goto(f"/komunikacija/turinys/{item.pk}/versijos/")
    expect(page.locator(".diff del").first).to_contain_text("vieną")
    expect(page.locator(".diff ins").first).to_contain_text("dvi")
    assert_accessible(page)

    page.goto("/komunikacija/kanalai/")
    expect(page.get_by_role("table")).to_contain_text("Bibliotekos „Facebook“")
    assert_accessible(page)


def test_the_channel_text_counter_speaks_the_limit(sign_in, page: Page, personas):
    channel = ChannelFactory(name="X tinklas", text_limit=10)
    sign_in("specialiste")
    page.goto("/komunikacija/turinys/naujas/")
    page.locator("#id_kind").select_option("news")
    page.locator("#id_title").fill("Trumpas skelbimas")
    page.locator("form.col-lg-8 button[type=submit]").click()
    item = ContentItem.objects.get(title="Trumpas skelbimas")

    page.goto(f"/komunikacija/turinys/{item.pk}/kanalai/naujas/")
    page.locator("#id_channel").select_option(str(channel.pk))
    page.locator("#id_text").fill("Sveiki, skaitytojai!")
    counter = page.locator("#text-counter")
    expect(counter).to_have_attribute("aria-live", "polite")
    expect(counter).to_contain_text("20")
    expect(counter).to_contain_text("10")
    assert_accessible(page)


def assert_beside(field: Locator, remarks: Locator) -> None:
    """The remarks stand to the right of the field, on screen while it is edited."""
    box, beside = field.bounding_box(), remarks.bounding_box()
    viewport = field.page.viewport_size
    assert beside["x"] >= box["x"] + box["width"]
    assert 0 <= beside["y"] < viewport["height"]
    assert beside["y"] < box["y"] + box["height"]


def assert_under(field: Locator, remarks: Locator) -> None:
    """The remarks stand right under the field, before the next field."""
    box, under = field.bounding_box(), remarks.bounding_box()
    assert box["y"] + box["height"] <= under["y"] < box["y"] + box["height"] + 80
    assert abs(under["x"] - box["x"]) < 2


def test_the_editorial_checks_appear_beside_the_text_while_it_is_typed(
    sign_in, page: Page, personas
):
    channel = ChannelFactory(name="X tinklas", text_limit=40)
    item = ContentItemFactory(title="Knygų savaitė", author=personas["specialiste"])
    page.set_viewport_size({"width": 1280, "height": 800})
    sign_in("specialiste")

    page.goto(f"/komunikacija/turinys/{item.pk}/redaguoti/")
    body = page.locator("#id_body")
    body.fill('Kviečiame į "Knygų savaitę" bibliotekoje.')
    # On the content form each field's remarks stand right under that field, named by it.
    under_body = page.locator("#id_body_checks")
    expect(under_body).to_contain_text("„Knygų savaitę“")
    expect(body).to_have_attribute("aria-describedby", "id_body_checks")
    assert_under(body, under_body)
    expect(page.locator("#id_title_checks .check-finding")).to_have_count(0)
    expect(page.locator("#checks-result")).to_contain_text("1 pastaba")
    page.locator("#id_title").fill('"Knygų savaitė"')
    expect(page.locator("#id_title_checks")).to_contain_text("„Knygų savaitė“")
    assert_under(page.locator("#id_title"), page.locator("#id_title_checks"))
    assert_accessible(page)
    remarks = page.locator("#checks-result")

    page.goto(f"/komunikacija/turinys/{item.pk}/kanalai/naujas/")
    page.locator("#id_channel").select_option(str(channel.pk))
    page.locator("#id_text").fill('Kviečiame į "Knygų savaitę" – visi laukiami bibliotekoje!')
    expect(remarks).to_contain_text("„Knygų savaitę“")
    expect(remarks).to_contain_text("X tinklas: tekste 57 ženklų, 17 daugiau nei riba (40).")
    assert_beside(page.locator("#id_text"), remarks)
    assert_accessible(page)
