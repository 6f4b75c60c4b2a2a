"""Channels, campaigns, a channel text with its live counter and the inline checks, in a browser."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from sklaida.communication.models import AudienceSize
from sklaida.communication.tests.factories import (
    CampaignFactory,
    ChannelFactory,
    ContentItemFactory,
)
from sklaida.testing.browser import assert_accessible


def test_channel_and_campaign_pages_are_accessible(sign_in, page: Page, personas):
    channel = ChannelFactory(name="Bibliotekos „Instagram“", text_limit=2200)
    AudienceSize.objects.create(channel=channel, measured_on="2026-10-01", size=1800)
    AudienceSize.objects.create(channel=channel, measured_on="2026-11-01", size=1950)
    campaign = CampaignFactory(title="Knygų Kalėdos")
    ContentItemFactory(title="Dovanokite knygą", campaign=campaign)
    sign_in("specialiste")

    page.goto(f"/komunikacija/kanalai/{channel.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bibliotekos „Instagram“")
    expect(page.locator("main")).to_contain_text("1\xa0950")
    assert_accessible(page)

    page.goto("/komunikacija/kampanijos/")
    expect(page.get_by_role("link", name="Knygų Kalėdos")).to_be_visible()
    assert_accessible(page)

    page.goto(f"/komunikacija/kampanijos/{campaign.pk}/")
    expect(page.get_by_role("link", name="Dovanokite knygą")).to_be_visible()
    assert_accessible(page)

    page.goto("/komunikacija/kampanijos/nauja/")
    assert_accessible(page)


def test_a_channel_text_counts_its_characters_as_they_are_typed(sign_in, page: Page, personas):
    channel = ChannelFactory(name="X (Twitter)", text_limit=20)
    long_form = ChannelFactory(name="Ilgų tekstų tinklaraštis", text_limit=2200)
    item = ContentItemFactory(title="Poezijos pavasaris")
    sign_in("specialiste")

    page.goto(f"/komunikacija/turinys/{item.pk}/kanalai/naujas/")
    page.locator("#id_channel").select_option(str(channel.pk))
    page.locator("#id_text").fill("Poezijos pavasaris bibliotekoje")
    expect(page.locator("#text-counter")).to_contain_text("31")
    expect(page.locator("#text-counter")).to_contain_text("11")  # over the limit by 11
    assert_accessible(page)

    page.locator("#id_channel").select_option(str(long_form.pk))
    page.locator("#id_text").fill("Skaitykite. " * 200)  # 2 400 characters
    expect(page.locator("#text-counter")).to_contain_text("2\xa0400 iš 2\xa0200")


def test_the_item_form_shows_lithuanian_remarks_while_typing(sign_in, page: Page, personas):
    sign_in("specialiste")
    page.goto("/komunikacija/turinys/naujas/")
    page.locator("#id_title").fill("Parodos atidarymas")
    page.locator("#id_body").fill('Paroda veiks 10-20 d. "Šiaurės" galerijoje.')
    page.locator("#id_body").press("End")  # the checks run when typing pauses

    checks = page.locator("#id_body_checks")  # the text's remarks, under it
    expect(checks).to_contain_text("„")
    expect(checks.locator('[data-rule="typography"]').first).to_be_visible()
    assert_accessible(page)
