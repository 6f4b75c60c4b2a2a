"""The editorial checks in a real browser: findings marked in the text, fixed in one click,
and a name added to the dictionary with its paradigm."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from sklaida.communication.models import AcceptedWord
from sklaida.communication.tests.factories import ContentItemFactory
from sklaida.testing.browser import assert_accessible


def test_a_finding_is_marked_in_the_text_fixed_in_one_click_and_a_name_added_with_its_paradigm(
    sign_in, page: Page, personas
):
    AcceptedWord.objects.filter(word="Višinskis").delete()  # the demo's entry
    item = ContentItemFactory(title="Knygų savaitė", author=personas["specialiste"])
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in("specialiste")
    page.goto(f"/komunikacija/turinys/{item.pk}/redaguoti/")

    body = page.locator("#id_body")
    body.fill('Kviečiame į "Knygų savaitę" bibliotekoje.')
    quotes = page.locator('.check-finding[data-kind="quotes"]')
    expect(quotes).to_have_count(1)
    mark = page.locator(".check-backdrop mark.check-mark")
    expect(mark).to_have_text('"Knygų savaitę"')
    # The mark lies over the quoted words in the field itself.
    box, marked = body.bounding_box(), mark.bounding_box()
    assert box["x"] <= marked["x"] and marked["x"] + marked["width"] <= box["x"] + box["width"]
    assert box["y"] <= marked["y"] and marked["y"] + marked["height"] <= box["y"] + box["height"]
    assert_accessible(page)

    quotes.get_by_role("button", name="Taikyti").click()
    expect(body).to_have_value("Kviečiame į „Knygų savaitę“ bibliotekoje.")
    expect(quotes).to_have_count(0)

    body.fill("Višinskiui skirta paroda.")
    spelling = page.locator('#id_body_checks .check-finding[data-rule="spelling"]')
    expect(spelling).to_have_count(1)
    spelling.locator("summary").click()
    spelling.get_by_label("Pagrindinė forma").fill("Višinskis")
    spelling.get_by_label("Linksniuojamas kaip").select_option("Jonaitis")
    spelling.get_by_role("button", name="Pridėti žodį").click()
    expect(page.locator("#checks-result-dictionary")).to_contain_text("„Višinskis“")
    expect(spelling).to_have_count(0)

    body.fill("Višinskio kūryba, Višinskiui skirta paroda ir susidomėjimas Višinskiu.")
    expect(page.locator('#id_body_checks [data-rule="spelling"]')).to_have_count(0)
    expect(page.locator("#checks-result")).to_contain_text("Pastabų apie tekstą nėra.")
    assert_accessible(page)
