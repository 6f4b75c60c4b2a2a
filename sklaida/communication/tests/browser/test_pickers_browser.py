"""The content editor's event picker in a real browser: searched by typing, chosen by keys."""

from __future__ import annotations

import datetime

from django.utils import timezone
from playwright.sync_api import Page, expect

from sklaida.communication.models import ContentItem
from sklaida.events.tests.factories import EventFactory
from sklaida.testing.browser import assert_accessible


def test_typing_part_of_a_name_narrows_the_events_and_keys_choose_one(
    sign_in, page: Page, personas
):
    soon = timezone.now() + datetime.timedelta(days=5)
    EventFactory(title="Žvaigždėlapių dirbtuvės", starts_at=soon)
    EventFactory(title="Žvaigždžių stebėjimas", starts_at=soon)
    sign_in("specialiste")

    page.goto("/komunikacija/turinys/naujas/")
    picker = page.get_by_role("combobox", name="Renginiai")
    expect(picker).to_have_attribute("aria-describedby", "id_events_helptext")
    picker.click()
    # Typed without the Lithuanian letters, as on a phone's keyboard, it still finds them.
    picker.press_sequentially("zvaigzdel")
    listbox = page.get_by_role("listbox", name="Renginiai")
    expect(listbox.get_by_role("option")).to_have_count(1)
    expect(listbox.get_by_role("option")).to_contain_text("Žvaigždėlapių dirbtuvės")
    assert_accessible(page)

    picker.press("Enter")
    chosen = page.locator(".ts-wrapper:has(#id_events-ts-control) .item")
    expect(chosen).to_have_count(1)
    expect(chosen).to_contain_text("Žvaigždėlapių dirbtuvės")
    picker.press_sequentially("niekas tokio")
    expect(listbox).to_contain_text("Nieko nerasta")
    picker.press("Escape")

    page.locator("#id_kind").select_option("news")
    page.locator("#id_title").fill("Kino klubo sezonas")
    page.locator("form.col-lg-8 button[type=submit]").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kino klubo sezonas")
    item = ContentItem.objects.get(title="Kino klubo sezonas")
    assert [event.title for event in item.events.all()] == ["Žvaigždėlapių dirbtuvės"]
