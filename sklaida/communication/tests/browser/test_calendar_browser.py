"""The content calendar, the newsletter and the spelling dictionary in a real browser."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from sklaida.communication.models import AcceptedWord, ChannelVariant, ContentItem
from sklaida.communication.tests.factories import (
    ChannelFactory,
    ContentItemFactory,
    NewsletterIssueFactory,
    SubscriberFactory,
)
from sklaida.testing.browser import assert_accessible


@pytest.fixture
def day() -> datetime.date:
    """A Wednesday in the middle of a month some weeks ahead."""
    first = (timezone.localdate().replace(day=1) + datetime.timedelta(days=200)).replace(day=1)
    return first + datetime.timedelta(days=(2 - first.weekday()) % 7 + 7)


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


@pytest.fixture
def planned(personas, day) -> dict:
    item = ContentItemFactory(title="Vasaros skaitymų pradžia", publish_at=at(day, 10))
    variant = ChannelVariant.objects.create(
        item=item, channel=ChannelFactory(name="Instagram"), planned_at=at(day, 12)
    )
    return {"item": item, "variant": variant}


def cell(page: Page, date: datetime.date, table: str = "table.cal-month"):
    return page.locator(f'{table} td[data-drop-date="{date.isoformat()}"]')


def test_the_content_calendar_is_accessible_in_month_week_and_list(
    sign_in, page: Page, planned, day
):
    sign_in("specialiste")
    for view in ("month", "week", "list"):
        page.goto(f"/komunikacija/kalendorius/?view={view}&date={day.isoformat()}")
        expect(page.locator("#calendar")).to_contain_text("Vasaros skaitymų pradžia")
        expect(page.locator("#calendar")).to_contain_text("Instagram")
        assert_accessible(page)


def test_a_specialist_drags_a_channel_text_to_another_day(sign_in, page: Page, planned, day):
    variant = planned["variant"]
    target = day + datetime.timedelta(days=2)
    sign_in("specialiste")
    page.goto(f"/komunikacija/kalendorius/?view=month&date={day.isoformat()}")

    page.locator(f'table.cal-month [data-entry="variant-{variant.pk}"]').drag_to(cell(page, target))

    expect(cell(page, target)).to_contain_text("Instagram")
    expect(page.get_by_role("status")).to_contain_text("Vasaros skaitymų pradžia")
    variant.refresh_from_db()
    assert timezone.localtime(variant.planned_at) == timezone.localtime(at(target, 12))


def test_a_specialist_moves_an_item_in_the_week_with_the_keyboard(
    sign_in, page: Page, planned, day
):
    item = planned["item"]
    target = day + datetime.timedelta(days=1)
    sign_in("specialiste")
    page.goto(f"/komunikacija/kalendorius/?view=week&date={day.isoformat()}")

    entry = page.locator(f'table.cal-month [data-entry="item-{item.pk}"]')
    entry.locator("summary").focus()
    page.keyboard.press("Enter")
    entry.locator('input[name="date"]').fill(target.isoformat())
    entry.locator('input[name="time"]').fill("09:15")
    entry.locator('input[name="time"]').press("Enter")

    expect(cell(page, target)).to_contain_text("Vasaros skaitymų pradžia")
    expect(cell(page, target)).to_contain_text("09:15")
    item.refresh_from_db()
    assert timezone.localtime(item.publish_at) == timezone.localtime(at(target, 9, 15))
    assert_accessible(page)


def test_a_published_item_cannot_be_dragged(sign_in, page: Page, personas, day):
    ContentItemFactory(
        title="Metų knygos rinkimai",
        status=ContentItem.Status.PUBLISHED,
        publish_at=at(day, 9),
        published_at=at(day, 9),
    )
    sign_in("specialiste")
    page.goto(f"/komunikacija/kalendorius/?view=month&date={day.isoformat()}")
    entry = cell(page, day).locator(".cal-entry", has_text="Metų knygos rinkimai")
    expect(entry).not_to_have_attribute("draggable", "true")
    expect(entry.locator("summary")).to_have_count(0)


def test_the_newsletter_pages_are_accessible(sign_in, page: Page, personas):
    SubscriberFactory.create_batch(3)
    issue = NewsletterIssueFactory(subject="Gruodžio naujienos")
    issue.items.set([ContentItemFactory(title="Kalėdinės dirbtuvės vaikams")])
    sign_in("specialiste")

    page.goto("/komunikacija/naujienlaiskis/")
    expect(page.get_by_role("link", name="Gruodžio naujienos")).to_be_visible()
    assert_accessible(page)

    page.goto(f"/komunikacija/naujienlaiskis/{issue.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Gruodžio naujienos")
    assert_accessible(page)

    page.goto("/komunikacija/naujienlaiskis/naujas/")
    assert_accessible(page)


def test_a_specialist_adds_a_word_to_the_spelling_dictionary(sign_in, page: Page, personas):
    sign_in("specialiste")
    page.goto("/komunikacija/zodynas/")
    assert_accessible(page)

    page.get_by_label("Žodis").fill("Avyžius")
    page.get_by_role("button", name="Pridėti žodį").click()
    expect(page.get_by_role("table")).to_contain_text("Avyžius")
    assert AcceptedWord.objects.filter(word="Avyžius").exists()

    # A second time the form explains, in Lithuanian, and saves nothing.
    page.get_by_label("Žodis").fill("avyžius")
    page.get_by_role("button", name="Pridėti žodį").click()
    expect(page.locator("#id_word_error")).to_have_text("„avyžius“ jau yra žodyne.")
    expect(page.get_by_role("region", name="Redakcinės patikros")).not_to_contain_text("žodyne")
    assert AcceptedWord.objects.filter(word__in=["Avyžius", "avyžius"]).count() == 1
    assert_accessible(page)
